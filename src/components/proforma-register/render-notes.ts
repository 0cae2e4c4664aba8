import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { plural } from '../../internal/plural.js';
import type { RegisterEntryState, RejectedEvent } from '../../model/register/fold.js';
import type { CarriedOverNote } from '../../services/register/carry-over-register.js';
import type { RegisterView } from '../../services/register/register-store.js';
import { RegisterFileError } from './register-file.js';
import { eventRuleWords, eventWords } from './register-words.js';
import type { Formats } from './render-common.js';

// What the IT lead should know of the register as a whole, above the list:
// a register moved from the earlier version (or why it could not be),
// records that cannot be read, changes the register set aside, and decisions
// made apart from each other that wait to be settled.

export interface NotesView {
  view: RegisterView;
  carriedOver: CarriedOverNote | undefined;
  carryOverProblem: string | undefined;
  language: string;
  format: Formats;
  open(entry: RegisterEntryState): void;
}

export function renderNotes(notes: NotesView): TemplateResult {
  const { view, carriedOver, carryOverProblem, language } = notes;
  const damaged = view.damaged.length;
  return html`${
    carriedOver
      ? html`<div class="message">
          <p>
            ${msg(
              str`Your register was moved to the new format, with all its history. Tools moved: ${carriedOver.entries}. Trusted keys moved: ${carriedOver.trustedKeys}.`,
            )}
          </p>
          ${
            carriedOver.unreadable > 0
              ? html`<p>
                  ${msg(str`Records that could not be read, left where they were: ${carriedOver.unreadable}.`)}
                </p>`
              : nothing
          }
        </div>`
      : nothing
  }
  ${
    carryOverProblem
      ? html`<div class="warning" role="alert">
          <p>
            ${msg(
              'The register kept by the earlier version of this page could not be moved to the new format. It is still there as it was, and nothing was lost: the page tries again each time it opens. Until then, the tools it holds are not shown here.',
            )}
          </p>
          <p>${carryOverProblem}</p>
        </div>`
      : nothing
  }
  ${
    damaged > 0
      ? html`<p class="warning">
          ${plural(damaged, language, {
            one: msg(str`${damaged} record in this browser’s register cannot be read. It is kept as it is.`, {
              id: 'register-damaged-records-one',
            }),
            other: msg(str`${damaged} records in this browser’s register cannot be read. They are kept as they are.`, {
              id: 'register-damaged-records-other',
            }),
          })}
        </p>`
      : nothing
  }
  ${renderRejected(view, notes)} ${renderConflicts(view, notes)}`;
}

function renderRejected(view: RegisterView, notes: NotesView): TemplateResult | typeof nothing {
  if (view.rejected.length === 0) return nothing;
  const tools = new Map(view.entries.map((entry) => [entry.id, entry.tool]));
  return html`<section class="warning" aria-labelledby="rejected-heading">
    <h3 id="rejected-heading">${msg('Changes the register set aside')}</h3>
    <p>
      ${msg(
        'These changes break a rule of the register, so they are not applied. They are kept, never deleted, so that nothing anyone recorded is lost; the rest of the register is shown as usual.',
      )}
    </p>
    <ul>
      ${view.rejected.map((rejected) => html`<li>${rejectedWords(rejected, tools, notes.format)}</li>`)}
    </ul>
  </section>`;
}

function rejectedWords(rejected: RejectedEvent, tools: ReadonlyMap<string, string>, format: Formats): TemplateResult {
  const { event } = rejected;
  const about = 'entryId' in event ? (tools.get(event.entryId) ?? event.entryId) : undefined;
  const what = eventWords(event.type);
  const when = format.moment(event.at);
  const who = event.by.name.trim();
  return html`<strong>${about ? msg(str`${what} of “${about}”`) : what}</strong>,
    ${who ? msg(str`${when}, by ${who}`) : when}: ${eventRuleWords(rejected.rule)}
    <span class="note">${rejected.message}</span>`;
}

function renderConflicts(view: RegisterView, notes: NotesView): TemplateResult | typeof nothing {
  if (view.conflicts.length === 0) return nothing;
  const byId = new Map(view.entries.map((entry) => [entry.id, entry]));
  return html`<section class="warning" aria-labelledby="conflicts-heading">
    <h3 id="conflicts-heading">${msg('Decisions to settle')}</h3>
    <p>
      ${msg(
        'Two or more decisions were recorded for these tools by people who had not seen each other’s. All are kept. Open the tool, compare them, and record the decision that stands.',
      )}
    </p>
    <ul>
      ${view.conflicts.map((conflict) => {
        const entry = byId.get(conflict.entryId);
        return entry
          ? html`<li>
              <button type="button" class="tool" @click=${() => notes.open(entry)}>${entry.tool}</button>
            </li>`
          : nothing;
      })}
    </ul>
  </section>`;
}

/** Why the register could not be shown: the store refused, or the file at `src` could not be read. */
/** When a published register shown from a file was published. */
export function renderPublishedNote(exportedAt: string | undefined, format: Formats): TemplateResult | typeof nothing {
  return exportedAt
    ? html`<p class="note">${msg(str`The register as published on ${format.moment(exportedAt)}.`)}</p>`
    : nothing;
}

/** The register while it is being read, or why it could not be. */
export function renderUnread(
  data: { status: 'loading' } | { status: 'failed'; error: unknown },
): TemplateResult | typeof nothing {
  return data.status === 'loading' ? html`<p>${msg('Loading the register…')}</p>` : renderLoadFailure(data.error);
}

export function renderLoadFailure(error: unknown): TemplateResult | typeof nothing {
  let text = msg('The register could not be read: this browser is not letting this page use its storage.');
  let problems: string[] = [];
  // The register for staff's problems (its code is loaded only with it): a sign-in, or someone it is
  // not for, the shared status above says; the rest is said here.
  const { name, problem, url } = error as { name?: unknown; problem?: unknown; url?: string };
  if (name === 'PublishedRegisterError') {
    if (problem === 'sign-in-needed' || problem === 'not-allowed') return nothing;
    text =
      problem === 'unreachable'
        ? msg(
            str`The register at ${url} could not be loaded: the server could not be reached. It is asked again until it answers.`,
          )
        : problem === 'not-found'
          ? msg(
              str`There is no register at ${url}. Check the address, or set the school up with proforma-couchdb setup.`,
            )
          : msg(str`The register at ${url} could not be loaded: ${(error as Error).message}`);
  } else if (error instanceof RegisterFileError) {
    const { url, problem } = error;
    if (problem.kind === 'status') {
      text = msg(
        str`The register at ${url} could not be loaded: the server answered ${problem.status} ${problem.statusText}.`,
      );
    } else if (problem.kind === 'network') {
      text = msg(
        str`The register at ${url} could not be loaded: the network request failed. Check the address and your connection.`,
      );
    } else {
      text = msg(str`The register at ${url} cannot be read:`);
      problems = problem.problems;
    }
  }
  return html`<div class="warning" role="alert">
    <p>${text}</p>
    ${
      problems.length === 0
        ? nothing
        : html`<ul>
            ${problems.map((problem) => html`<li>${problem}</li>`)}
          </ul>`
    }
  </div>`;
}
