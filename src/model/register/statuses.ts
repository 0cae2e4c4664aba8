import type { RegisterEntry, Status, StoredStatus } from '../register-entry.js';
import { historyEvent } from './history.js';
import { RegisterRuleError, type ChangeBy, type RegisterProblem } from './rule-error.js';
import { listInWords } from './values.js';

// Which status may follow which, and moving an entry between them.

export const DECIDED: readonly StoredStatus[] = ['approved', 'approved-with-conditions', 'not-approved'];
export const APPROVED: readonly StoredStatus[] = ['approved', 'approved-with-conditions'];

const TRANSITIONS: Readonly<Record<StoredStatus, readonly StoredStatus[]>> = {
  draft: ['submitted', 'retired'],
  submitted: ['under-review', 'retired'],
  'under-review': [...DECIDED, 'retired'],
  // A decision is reopened by a re-assessment (at review time, or when the tool changes).
  approved: ['under-review', 'retired'],
  'approved-with-conditions': ['under-review', 'retired'],
  'not-approved': ['under-review', 'retired'],
  // A retired tool comes back only through a fresh review.
  retired: ['under-review'],
};

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  draft: 'draft',
  submitted: 'submitted',
  'under-review': 'under review',
  approved: 'approved',
  'approved-with-conditions': 'approved with conditions',
  'not-approved': 'not approved',
  retired: 'retired',
  'review-due': 'review due',
  expired: 'expired',
};

/** The statuses an entry in status `from` may move to. */
export function allowedTransitions(from: StoredStatus): readonly StoredStatus[] {
  return TRANSITIONS[from];
}

/** Whether an entry may move from one status to another (never to the status it has). */
export function canMove(from: StoredStatus, to: StoredStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * The entry moved to status `to`, with the move in its history. A decision
 * (approved, approved with conditions, not approved) is refused here: it
 * carries an approver, a date and conditions, so it goes through
 * `recordDecision`. Retiring needs a reason.
 */
export function moveStatus(entry: RegisterEntry, to: StoredStatus, change: ChangeBy): RegisterEntry {
  return moveWith('status', entry, to, change);
}

/** The entry retired, with the reason in its history. */
export function retire(entry: RegisterEntry, change: ChangeBy & { reason: string }): RegisterEntry {
  return moveWith('retired', entry, 'retired', change);
}

function moveWith(action: string, entry: RegisterEntry, to: StoredStatus, change: ChangeBy): RegisterEntry {
  assertCanMove(entry.status, to);
  if (DECIDED.includes(to)) {
    throw new RegisterRuleError(
      'decision-by-status',
      `To mark a tool ${STATUS_LABELS[to]}, record the decision: it needs the approver, the decision date and any conditions.`,
    );
  }
  if (to === 'retired' && (change.reason ?? '').trim() === '') {
    throw new RegisterRuleError('reason', 'Say why the tool is being retired.');
  }
  const event = historyEvent(action, change, [{ field: 'status', from: entry.status, to }]);
  return { ...entry, status: to, history: [...entry.history, event] };
}

function assertCanMove(from: StoredStatus, to: StoredStatus): void {
  const problem = moveProblem(from, to);
  if (problem) throw new RegisterRuleError(problem.rule, problem.message);
}

/** Why an entry in status `from` cannot move to `to`, if it cannot. */
export function moveProblem(from: StoredStatus, to: StoredStatus): RegisterProblem | undefined {
  if (canMove(from, to)) return undefined;
  const allowed = TRANSITIONS[from].map((status) => STATUS_LABELS[status]);
  return {
    rule: 'transition',
    message:
      from === to
        ? `The tool is already ${STATUS_LABELS[from]}.`
        : `A tool that is ${STATUS_LABELS[from]} cannot become ${STATUS_LABELS[to]}; it can become ${listInWords(allowed)}.`,
  };
}
