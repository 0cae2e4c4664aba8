import { html, nothing, svg, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { dateFormat } from '../../internal/dates.js';
import { sourceLocale } from '../../internal/localization.js';
import type { Status } from '../../model/register-entry.js';
import { STATUS_ICONS, statusWords } from './register-words.js';

// What the register's views share: dates and numbers in the element's
// language, the summary of problems, the name of who is making changes, and
// a status with its mark.

/** One thing that stopped a change; `field` is the id of the control to fix it in, when there is one. */
export interface Problem {
  field?: string;
  text: string;
  /** The rule the register applied, in plain words, shown before the detail. */
  rule?: string;
}

export interface ProblemSummary {
  title: string;
  problems: Problem[];
}

export interface Formats {
  /** A calendar date (`yyyy-mm-dd`), read as that day wherever the browser is. */
  day(date: string | undefined): string;
  /** A moment (`toISOString()`), in the browser's time zone. */
  moment(at: string): string;
  percent(readiness: number | null | undefined): string;
}

/** Dates and numbers in `language`, or in British English where Intl does not know it. */
export function formats(language: string): Formats {
  const day = dateFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const moment = dateFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const percent = new Intl.NumberFormat([language, sourceLocale], { style: 'percent' });
  return {
    day: (date) => {
      if (!date) return msg('Not set');
      const parsed = new Date(`${date}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? date : day.format(parsed);
    },
    moment: (at) => {
      const parsed = new Date(at);
      return Number.isNaN(parsed.getTime()) ? at : moment.format(parsed);
    },
    percent: (readiness) =>
      readiness === null || readiness === undefined ? msg('Not scored') : percent.format(readiness / 100),
  };
}

export const WARNING_ICON = svg`<path d="M12 3L2 21h20z" /><path d="M12 10v5M12 18v.01" />`;

export function renderStatus(status: Status): TemplateResult {
  return html`<span class=${`status status-${status}`}>
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${STATUS_ICONS[status]}</svg>
    <span>${statusWords(status)}</span>
  </span>`;
}

/** The problems of the last change tried, each a link to the control to fix it in; focus goes there. */
export function renderProblems(
  summary: ProblemSummary | undefined,
  focus: (field: string) => void,
): TemplateResult | typeof nothing {
  if (!summary) return nothing;
  return html`<div class="error-summary" role="alert" tabindex="-1">
    <h3>${summary.title}</h3>
    <ul>
      ${summary.problems.map((problem) => {
        const words = html`${problem.rule ? html`<strong>${problem.rule}</strong> ` : nothing}${problem.text}`;
        const field = problem.field;
        return html`<li>
          ${
            field
              ? html`<a
                  href=${`#${field}`}
                  @click=${(event: Event) => {
                    event.preventDefault();
                    focus(field);
                  }}
                  >${words}</a
                >`
              : words
          }
        </li>`;
      })}
    </ul>
  </div>`;
}

/** The problems, then what the last change did, announced. */
export function renderOutcome(
  summary: ProblemSummary | undefined,
  notice: string | undefined,
  focus: (field: string) => void,
): TemplateResult {
  return html`${renderProblems(summary, focus)}
    <div role="status">${notice ? html`<p class="message">${notice}</p>` : nothing}</div>`;
}

/** What the name field reads and sets of the register's changes (`RegisterChangesController`). */
export interface ActorField {
  readonly actor: string;
  readonly signedInAs: string | undefined;
  fieldError(field: string): string | undefined;
  set(change: { actor: string }): void;
}

/** Who is making changes: the name that goes with every change of the log, typed or the signed-in person's. */
export function renderActor(changes: ActorField): TemplateResult {
  if (changes.signedInAs !== undefined) {
    return html`<p class="note">
      ${msg(str`Your changes are recorded as ${changes.signedInAs}, signed in to the shared register.`)}
    </p>`;
  }
  const { actor } = changes;
  const error = changes.fieldError('actor');
  const set = (value: string) => changes.set({ actor: value });
  return html`<div class="field">
    <label for="actor">${msg('Your name')}</label>
    <span class="hint" id="actor-hint">
      ${msg('Recorded in the history with every change you make, for example “J. Evans, IT lead”.')}
    </span>
    ${error ? html`<span class="error-message" id="actor-error">${error}</span>` : nothing}
    <input
      id="actor"
      type="text"
      autocomplete="name"
      aria-describedby=${error ? 'actor-hint actor-error' : 'actor-hint'}
      aria-invalid=${error ? 'true' : 'false'}
      .value=${live(actor)}
      @input=${(event: Event) => set((event.target as HTMLInputElement).value)}
    />
  </div>`;
}

/** Why a change to the store failed, in words; the caller says that nothing was changed. */
export function storeProblemWords(error: unknown): string {
  switch ((error as { name?: unknown } | null)?.name) {
    case 'StorageFullError':
      return msg(
        'This browser’s storage is full. Export the register to keep a copy, free some space, then try again.',
      );
    case 'StorageUnavailableError':
      return msg('This browser is not letting this page store data, so the register cannot be changed here.');
    default:
      return msg(str`The change could not be saved: ${error instanceof Error ? error.message : String(error)}`);
  }
}
