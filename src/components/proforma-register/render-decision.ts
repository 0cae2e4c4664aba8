import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { outcomeWords } from '../../internal/words.js';
import type { RegisterEntryState } from '../../model/register/fold.js';
import { allowedTransitions } from '../../model/register/statuses.js';
import { DECISIONS, type RegisterChangesController } from './register-changes.js';
import { renderActor } from './render-common.js';

// The changes the IT lead makes to one tool: the moves of its workflow, the
// decision form (which also settles decisions in conflict) and retiring it.
// The rules are the model's; the form shows the problems it finds.

export function renderChanges(entry: RegisterEntryState, changes: RegisterChangesController): TemplateResult {
  const moves = allowedTransitions(entry.status).filter((to) => to === 'submitted' || to === 'under-review');
  return html`<section class="panel" aria-labelledby="changes-heading">
    <h3 id="changes-heading">${msg('Decisions and changes')}</h3>
    ${renderActor(changes)}
    ${
      moves.length === 0 || entry.conflict
        ? nothing
        : html`<div class="actions">
            ${moves.map(
              (to) =>
                html`<button type="button" @click=${() => changes.move(entry, to)}>
                  ${to === 'submitted' ? msg('Mark as submitted') : msg('Start a review')}
                </button>`,
            )}
          </div>`
    }
    ${
      entry.status === 'under-review' || entry.conflict
        ? renderDecisionForm(entry, changes)
        : html`<p class="note">${msg('A decision can be recorded once the tool is under review.')}</p>`
    }
    ${allowedTransitions(entry.status).includes('retired') ? renderRetireForm(entry, changes) : nothing}
  </section>`;
}

function renderDecisionForm(entry: RegisterEntryState, changes: RegisterChangesController): TemplateResult {
  const form = changes.decision;
  const approving = form.outcome === 'approved' || form.outcome === 'approved-with-conditions';
  const outcomeError = changes.fieldError('outcome-approved');
  const described = (field: string, hint?: string) => {
    const ids = [hint, changes.fieldError(field) ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return ifDefined(ids || undefined);
  };
  const errorLine = (field: string) => {
    const error = changes.fieldError(field);
    return error ? html`<span class="error-message" id=${`${field}-error`}>${error}</span>` : nothing;
  };
  const invalid = (field: string) => (changes.fieldError(field) ? 'true' : 'false');
  const value = (event: Event) => (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  return html`<form
    class="decision"
    novalidate
    @submit=${(event: Event) => {
      event.preventDefault();
      void changes.decide(entry);
    }}
  >
    <h3>${entry.conflict ? msg('Settle with a decision') : msg('Record a decision')}</h3>
    <fieldset aria-describedby=${described('outcome-approved')}>
      <legend>${msg('Decision')}</legend>
      ${outcomeError ? html`<span class="error-message" id="outcome-approved-error">${outcomeError}</span>` : nothing}
      ${DECISIONS.map(
        (outcome) =>
          html`<label class="choice">
            <input
              type="radio"
              name="outcome"
              id=${`outcome-${outcome}`}
              value=${outcome}
              .checked=${live(form.outcome === outcome)}
              @change=${() => changes.updateDecision(entry, { outcome })}
            />${outcomeWords(outcome)}
          </label>`,
      )}
    </fieldset>
    <div class="field">
      <label for="conditions">${msg('Conditions')}</label>
      <span class="hint" id="conditions-hint">${msg('One per line. Needed for approval with conditions.')}</span>
      ${errorLine('conditions')}
      <textarea
        id="conditions"
        rows="4"
        aria-describedby=${described('conditions', 'conditions-hint')}
        aria-invalid=${invalid('conditions')}
        .value=${live(form.conditions)}
        @input=${(event: Event) => changes.updateDecision(entry, { conditions: value(event) })}
      ></textarea>
    </div>
    <div class="field">
      <label for="approver">${msg('Approver')}</label>
      <span class="hint" id="approver-hint">${msg('Who made the decision, for example “C. Jones, deputy head”.')}</span>
      ${errorLine('approver')}
      <input
        id="approver"
        type="text"
        aria-describedby=${described('approver', 'approver-hint')}
        aria-invalid=${invalid('approver')}
        .value=${live(form.approver)}
        @input=${(event: Event) => changes.updateDecision(entry, { approver: value(event) })}
      />
    </div>
    <div class="field">
      <label for="decision-date">${msg('Decision date')}</label>
      ${errorLine('decision-date')}
      <input
        id="decision-date"
        type="date"
        aria-describedby=${described('decision-date')}
        aria-invalid=${invalid('decision-date')}
        .value=${live(form.decisionDate)}
        @input=${(event: Event) => changes.updateDecision(entry, { decisionDate: value(event) })}
      />
    </div>
    ${
      approving
        ? html`<div class="field">
            <label for="review-date">${msg('Review date')}</label>
            <span class="hint" id="review-date-hint">
              ${msg('Filled in from the decision: 12 months after an approval, 6 after one with conditions, unless the form says otherwise.')}
            </span>
            ${errorLine('review-date')}
            <input
              id="review-date"
              type="date"
              aria-describedby=${described('review-date', 'review-date-hint')}
              aria-invalid=${invalid('review-date')}
              .value=${live(form.reviewDue)}
              @input=${(event: Event) => changes.updateDecision(entry, { reviewDue: value(event), reviewDueSet: true })}
            />
          </div>`
        : nothing
    }
    <div class="field">
      <label for="decision-reason">${msg('Reason (optional)')}</label>
      <textarea
        id="decision-reason"
        rows="3"
        .value=${live(form.reason)}
        @input=${(event: Event) => changes.updateDecision(entry, { reason: value(event) })}
      ></textarea>
    </div>
    <div class="actions">
      <button type="submit" class="primary">${msg('Record the decision')}</button>
    </div>
  </form>`;
}

function renderRetireForm(entry: RegisterEntryState, changes: RegisterChangesController): TemplateResult {
  const error = changes.fieldError('retire-reason');
  return html`<form
    class="retire"
    novalidate
    @submit=${(event: Event) => {
      event.preventDefault();
      void changes.retire(entry);
    }}
  >
    <h3>${msg('Retire this tool')}</h3>
    <div class="field">
      <label for="retire-reason">${msg('Why is it being retired?')}</label>
      ${error ? html`<span class="error-message" id="retire-reason-error">${error}</span>` : nothing}
      <textarea
        id="retire-reason"
        rows="3"
        required
        aria-describedby=${ifDefined(error ? 'retire-reason-error' : undefined)}
        aria-invalid=${error ? 'true' : 'false'}
        .value=${live(changes.retireReason)}
        @input=${(event: Event) => changes.set({ retireReason: (event.target as HTMLTextAreaElement).value })}
      ></textarea>
    </div>
    <div class="actions">
      <button type="submit" class="danger">${msg('Retire the tool')}</button>
    </div>
  </form>`;
}
