import type { Status, StoredStatus } from '../register-entry.js';
import type { RegisterProblem } from './rule-error.js';
import { listInWords } from './values.js';

// Which status may follow which.

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
