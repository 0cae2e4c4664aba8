import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { normalFingerprint } from '../../internal/fingerprint.js';
import { outcomeWords } from '../../internal/words.js';
import { formOfAssessment, type Assessment } from '../../model/assessment.js';
import type { FormDefinition } from '../../model/form-definition.js';
import type { HistoryEvent, TrustedKey } from '../../model/register-entry.js';
import type { DecidedEvent } from '../../model/register/events.js';
import type { RegisterEntryState } from '../../model/register/fold.js';
import { effectiveStatus } from '../../model/register/review-dates.js';
import { resolveText } from '../../model/text.js';
import type { RegisterChangesController } from './register-changes.js';
import { actionWords, fieldWords, statusWords, valueWords } from './register-words.js';
import { WARNING_ICON, renderStatus, type Formats } from './render-common.js';
import { renderSubmitter } from './render-submissions.js';

// The detail of one tool: what the register holds of it, the key that
// signed it, decisions in conflict side by side, the assessment and its
// signed PDF, and its log, newest first.

/** What the element gives the detail. */
export interface DetailView {
  today: string;
  format: Formats;
  language: string;
  forms: readonly FormDefinition[];
  trusted: readonly TrustedKey[];
  /** The staff view: no names, reasons, assessments or keys to trust. */
  readonly: boolean;
  canChange: boolean;
  /** The entry's assessment with its answers, once read. */
  assessment: Assessment | undefined;
  /** The signed PDFs the store holds for the entry, newest first. */
  evidence: ReadonlyArray<{ name: string; sha256: string }>;
  /** The entry's log as a history, newest first. */
  history: readonly HistoryEvent[];
  changes: RegisterChangesController;
  download(file: { name: string; sha256: string }): void;
}

/** A web address that is safe to link to; anything else is shown as text. */
function linkable(url: string): boolean {
  return /^https?:\/\//i.test(url.trim());
}

export function renderFacts(entry: RegisterEntryState, view: DetailView): TemplateResult {
  const { format } = view;
  const notSet = msg('Not recorded');
  const fact = (label: string, value: unknown) =>
    html`<dt>${label}</dt>
      <dd>${value === undefined || value === '' ? notSet : value}</dd>`;
  return html`<dl class="facts">
      <dt>${msg('Status')}</dt>
      <dd>
        ${renderStatus(effectiveStatus(entry, view.today))} ${view.readonly ? nothing : renderSubmitter(entry, format)}
      </dd>
      ${fact(msg('Made by'), entry.vendor)}
      ${fact(
        msg('Web address'),
        entry.url && linkable(entry.url)
          ? html`<a href=${entry.url} rel="noopener noreferrer" target="_blank">${entry.url}</a>`
          : entry.url,
      )}
      ${fact(msg('Purpose'), entry.purpose)} ${fact(msg('Subjects'), entry.subjects.join(', '))}
      ${fact(msg('Year groups'), entry.yearGroups.join(', '))}
      ${fact(msg('Minimum age'), entry.minimumAge === undefined ? undefined : String(entry.minimumAge))}
      ${fact(msg('Data collected'), entry.dataCollected)} ${fact(msg('DPIA reference'), entry.dpiaReference)}
      ${fact(msg('Outcome of the assessment'), entry.outcome ? outcomeWords(entry.outcome) : undefined)}
      ${fact(msg('Readiness'), format.percent(entry.readiness))} ${fact(msg('Assessor'), entry.assessor)}
      ${fact(msg('Approver'), entry.approver)}
      ${fact(msg('Decision date'), entry.decisionDate ? format.day(entry.decisionDate) : undefined)}
      ${fact(msg('Review due'), entry.reviewDue ? format.day(entry.reviewDue) : undefined)}
    </dl>
    <h3>${msg('Conditions')}</h3>
    ${
      entry.conditions.length === 0
        ? html`<p>${msg('None.')}</p>`
        : html`<ul>
            ${entry.conditions.map((condition) => html`<li>${condition}</li>`)}
          </ul>`
    }
    <h3 id="owners" tabindex="-1">${msg('Account owners')}</h3>
    ${
      entry.owners.length === 0
        ? html`<p>${msg('None named.')}</p>`
        : html`<ul>
            ${entry.owners.map(
              (owner) => html`<li>${owner.role ? msg(str`${owner.name} (${owner.role})`) : owner.name}</li>`,
            )}
          </ul>`
    }`;
}

export function renderSigner(entry: RegisterEntryState, view: DetailView): TemplateResult {
  const fingerprint = entry.signerFingerprint;
  const heading = html`<h3 id="signer" tabindex="-1">${msg('Signer’s key')}</h3>`;
  if (!fingerprint) {
    return html`${heading}
      <p>${msg('None: this entry did not come from a signed PDF.')}</p>`;
  }
  const code = html`<p><code class="fingerprint">${fingerprint}</code></p>`;
  // A published register lists no trusted keys, so it says nothing about who holds this one.
  if (view.readonly) return html`${heading}${code}`;
  const key = view.trusted.find((each) => each.fingerprint === normalFingerprint(fingerprint));
  if (key) {
    return html`${heading}${code}
      <p>${key.role ? msg(str`The key of ${key.name} (${key.role}).`) : msg(str`The key of ${key.name}.`)}</p>`;
  }
  return html`${heading}${code}
    <p class="status">
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${WARNING_ICON}</svg>
      <strong>${msg('Signer not recognised')}</strong>
    </p>
    <p class="note">
      ${msg('This key is not one the register trusts. Check the fingerprint with the person who signed before trusting it.')}
    </p>
    ${view.canChange ? renderTrustForm(fingerprint, view.changes) : nothing}`;
}

function renderTrustForm(fingerprint: string, changes: RegisterChangesController): TemplateResult {
  const form = changes.trustForm;
  const error = changes.fieldError('trust-name');
  return html`<div class="actions">
      <button
        type="button"
        aria-expanded=${form.open ? 'true' : 'false'}
        aria-controls="trust-form"
        @click=${() => changes.toggleTrustForm()}
      >
        ${msg('Trust this key')}
      </button>
    </div>
    <form
      id="trust-form"
      ?hidden=${!form.open}
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        void changes.trust(fingerprint);
      }}
    >
      <div class="field">
        <label for="trust-name">${msg('Name of the person whose key it is')}</label>
        ${error ? html`<span class="error-message" id="trust-name-error">${error}</span>` : nothing}
        <input
          id="trust-name"
          type="text"
          aria-describedby=${ifDefined(error ? 'trust-name-error' : undefined)}
          aria-invalid=${error ? 'true' : 'false'}
          .value=${live(form.name)}
          @input=${(event: Event) =>
            changes.set({ trustForm: { ...changes.trustForm, name: (event.target as HTMLInputElement).value } })}
        />
      </div>
      <div class="field">
        <label for="trust-role">${msg('Their role')}</label>
        <input
          id="trust-role"
          type="text"
          .value=${live(form.role)}
          @input=${(event: Event) =>
            changes.set({ trustForm: { ...changes.trustForm, role: (event.target as HTMLInputElement).value } })}
        />
      </div>
      <div class="actions">
        <button type="submit" class="primary">${msg('Trust the key')}</button>
      </div>
    </form>`;
}

/** Decisions made apart from each other, side by side, until a decision made having seen them all settles them. */
export function renderConflict(entry: RegisterEntryState, view: DetailView): TemplateResult | typeof nothing {
  const conflict = entry.conflict;
  if (!conflict) return nothing;
  return html`<section class="warning conflict" aria-labelledby="conflict-heading">
    <h3 id="conflict-heading">${msg('Decisions in conflict')}</h3>
    <p>
      ${msg(
        'These decisions were recorded by people who had not seen each other’s. Both are kept; the tool shows the later one meanwhile. Compare them, then record the decision that stands below: it settles the conflict.',
      )}
    </p>
    <ul class="side-by-side" aria-labelledby="conflict-heading">
      ${conflict.decisions.map((decision) => html`<li>${renderDecision(decision, view)}</li>`)}
    </ul>
  </section>`;
}

function renderDecision(decision: DecidedEvent, view: DetailView): TemplateResult {
  const { format } = view;
  return html`<dl class="facts">
    <dt>${msg('Decision')}</dt>
    <dd>${statusWords(decision.outcome)}</dd>
    <dt>${msg('Approver')}</dt>
    <dd>${decision.approver}</dd>
    <dt>${msg('Decision date')}</dt>
    <dd>${format.day(decision.decisionDate)}</dd>
    <dt>${msg('Review due')}</dt>
    <dd>${format.day(decision.reviewDue)}</dd>
    <dt>${msg('Conditions')}</dt>
    <dd>${decision.conditions.join('; ') || msg('None.')}</dd>
    <dt>${msg('Recorded')}</dt>
    <dd>${msg(str`${format.moment(decision.at)}, by ${decision.by.name}`)}</dd>
    ${
      decision.reason
        ? html`<dt>${msg('Why')}</dt>
            <dd>${decision.reason}</dd>`
        : nothing
    }
  </dl>`;
}

export function renderAssessment(view: DetailView): TemplateResult | typeof nothing {
  const { assessment, format } = view;
  if (view.readonly || !assessment) return nothing;
  const form = formOfAssessment(assessment, view.forms);
  const formTitle = form ? resolveText(form.title, view.language) : '';
  const { id: formId, version } = assessment.form;
  const answered = Object.keys(assessment.answers).length;
  return html`<h3>${msg('The assessment')}</h3>
    <dl class="facts">
      <dt>${msg('Form')}</dt>
      <dd>
        ${formTitle ? msg(str`${formTitle} (${formId}, version ${version})`) : msg(str`${formId}, version ${version}`)}
      </dd>
      <dt>${msg('Assessment id')}</dt>
      <dd>${assessment.id}</dd>
      <dt>${msg('Revision')}</dt>
      <dd>${assessment.revision}</dd>
      <dt>${msg('Started')}</dt>
      <dd>${format.moment(assessment.createdAt)}</dd>
      <dt>${msg('Last updated')}</dt>
      <dd>${format.moment(assessment.updatedAt)}</dd>
      <dt>${msg('Questions answered')}</dt>
      <dd>${answered}</dd>
    </dl>
    ${
      view.evidence.length === 0
        ? nothing
        : html`<div class="actions">
            ${view.evidence.map(
              (file) =>
                html`<button type="button" @click=${() => view.download(file)}>
                  ${msg(str`Download the signed PDF (${file.name})`)}
                </button>`,
            )}
          </div>`
    }`;
}

/** The entry's log, newest first: who, when, what and why. */
export function renderHistory(view: DetailView): TemplateResult {
  const { history, format } = view;
  return html`<h3>${msg('History')}</h3>
    ${
      history.length === 0
        ? html`<p>${msg('Nothing recorded yet.')}</p>`
        : html`<ol class="history">
            ${history.map((event) => renderEvent(event, format))}
          </ol>`
    }`;
}

function renderEvent(event: HistoryEvent, format: Formats): TemplateResult {
  const when = format.moment(event.at);
  return html`<li>
    <p><strong>${actionWords(event.action)}</strong>, ${event.by ? msg(str`${when}, by ${event.by}`) : when}</p>
    ${
      event.changes.length === 0
        ? nothing
        : html`<ul>
            ${event.changes.map(({ field, from, to }) => {
              const name = fieldWords(field);
              const before = from === undefined ? undefined : valueWords(field, from);
              const after = to === undefined ? undefined : valueWords(field, to);
              if (before === undefined && after !== undefined)
                return html`<li>${msg(str`${name}: set to “${after}”`)}</li>`;
              if (after === undefined && before !== undefined)
                return html`<li>${msg(str`${name}: “${before}” removed`)}</li>`;
              return html`<li>${msg(str`${name}: from “${before ?? ''}” to “${after ?? ''}”`)}</li>`;
            })}
          </ul>`
    }
    ${event.reason ? html`<p>${msg(str`Why: ${event.reason}`)}</p>` : nothing}
  </li>`;
}
