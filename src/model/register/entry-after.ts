import type { EntryState } from './entry-state.js';
import type { EntryEvent } from './events.js';
import { reviewDueDate } from './review-dates.js';
import { APPROVED } from './statuses.js';

// An entry after each kind of event, with no rule checked: the fold checks
// each event first, and a history replays events the fold applied.

/** The entry after an event, without checking any rule: the fold checks first, and a history replays. */
export function nextState(state: EntryState | undefined, event: EntryEvent): EntryState {
  if (state === undefined) {
    if (event.type === 'imported') return assessedState(event, { id: event.entryId, status: 'submitted' });
    if (event.type === 'carried-over' && event.entry) return { id: event.entryId, ...event.entry };
    throw new TypeError(`A "${event.type}" event cannot make an entry.`);
  }
  return event.type === 'imported' ? state : changedState({ ...state }, event);
}

/**
 * The entry after an event, changing `state` itself where the event changes a
 * field or two: for a state no one else holds (the fold's own, or a copy).
 */
export function changedState(state: EntryState, event: EntryEvent): EntryState {
  switch (event.type) {
    case 'imported':
      return state;
    case 're-assessed':
      return assessedState(event, {
        id: state.id,
        status: 'submitted',
        approver: state.approver,
        decisionDate: state.decisionDate,
        reviewDue: state.reviewDue,
      });
    case 'submitted':
      state.status = 'submitted';
      return state;
    case 'review-started':
      state.status = 'under-review';
      return state;
    case 'retired':
      state.status = 'retired';
      return state;
    case 'decided': {
      state.status = event.outcome;
      state.conditions = event.conditions.map((condition) => condition.trim()).filter((condition) => condition !== '');
      state.approver = event.approver.trim();
      state.decisionDate = event.decisionDate;
      if (event.owners) state.owners = event.owners;
      const reviewDue = APPROVED.includes(event.outcome)
        ? (event.reviewDue ?? reviewDueDate(event.decisionDate, event.outcome))
        : undefined;
      if (reviewDue === undefined) delete state.reviewDue;
      else state.reviewDue = reviewDue;
      return state;
    }
    case 'edited': {
      for (const [field, value] of Object.entries(event.changes) as Array<[keyof EntryState, unknown]>) {
        if (value === undefined) delete state[field];
        else (state as unknown as Record<string, unknown>)[field] = value;
      }
      for (const field of event.cleared ?? []) delete state[field];
      return state;
    }
    case 'carried-over': {
      if (!event.entry) return state;
      // A file that carries no assessment (a CSV row) keeps the one the entry holds.
      const kept = event.entry.assessment === undefined && state.assessment ? { assessment: state.assessment } : {};
      return { id: state.id, ...kept, ...event.entry };
    }
  }
}

function assessedState(
  event: Extract<EntryEvent, { type: 'imported' | 're-assessed' }>,
  kept: Partial<EntryState> & Pick<EntryState, 'id' | 'status'>,
): EntryState {
  // Object.assign and not a spread followed by more fields, which V8 makes many times slower.
  const state = Object.assign({}, event.fields) as EntryState;
  state.id = kept.id;
  state.status = kept.status;
  state.assessment = event.assessment;
  if (event.signer) {
    state.signerFingerprint = event.signer.fingerprint;
    state.signerName = event.signer.name;
  }
  if (kept.approver !== undefined) state.approver = kept.approver;
  if (kept.decisionDate !== undefined) state.decisionDate = kept.decisionDate;
  if (kept.reviewDue !== undefined) state.reviewDue = kept.reviewDue;
  return state;
}
