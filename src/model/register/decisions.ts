import type { Person } from '../answers.js';
import type { Scoring } from '../form-definition.js';
import type { RegisterEntry } from '../register-entry.js';
import { parseDateOrThrow } from './calendar.js';
import { changedFields, historyEvent } from './history.js';
import { reviewDueDate } from './review-dates.js';
import { RegisterRuleError, type ChangeBy } from './rule-error.js';
import { APPROVED, STATUS_LABELS } from './statuses.js';
import { foldText, withoutUndefined } from './values.js';

// What a decision needs, and the entry once it is recorded.

export type DecisionOutcome = 'approved' | 'approved-with-conditions' | 'not-approved';

/** What the IT lead, DSL or senior leader decided, and who is recording it. */
export interface Decision extends ChangeBy {
  outcome: DecisionOutcome;
  /** What must happen for the tool to be used; blanks are left out. Needed for approval with conditions. */
  conditions: readonly string[];
  /** Who made the decision, e.g. "C. Jones, deputy head". */
  approver: string;
  decisionDate: string;
  /** Overrides the review date worked out from the outcome; ignored for "not approved". */
  reviewDue?: string;
}

/** Fewest named account owners an approved tool needs, so that its accounts never depend on one person. */
export const MINIMUM_ACCOUNT_OWNERS = 2;

/**
 * The entry with a decision recorded: its status, conditions, approver,
 * decision date and review date set, and one history event listing every
 * field that changed. Only an entry under review can be decided. Either
 * approval needs at least two named account owners; approval with
 * conditions needs at least one condition. The entry's `outcome` stays what
 * the assessment's score gave.
 */
export function recordDecision(
  entry: RegisterEntry,
  decision: Decision,
  reviewMonths?: Scoring['reviewMonths'],
): RegisterEntry {
  if (entry.status !== 'under-review') {
    throw new RegisterRuleError(
      'transition',
      `Only a tool under review can be decided; this one is ${STATUS_LABELS[entry.status]}.`,
    );
  }
  const approver = decision.approver.trim();
  if (approver === '') throw new RegisterRuleError('approver', 'Name the person who made the decision.');
  parseDateOrThrow(decision.decisionDate, 'The decision date');
  const approving = APPROVED.includes(decision.outcome);
  const owners = namedPeopleCount(entry.owners);
  if (approving && owners < MINIMUM_ACCOUNT_OWNERS) {
    throw new RegisterRuleError(
      'account-owners',
      `A tool can only be approved with at least ${MINIMUM_ACCOUNT_OWNERS} named account owners, so that its ` +
        `accounts never depend on one person; this entry names ${owners}.`,
    );
  }
  const conditions = decision.conditions.map((condition) => condition.trim()).filter((condition) => condition !== '');
  if (decision.outcome === 'approved-with-conditions' && conditions.length === 0) {
    throw new RegisterRuleError('conditions', 'Approval with conditions needs at least one condition.');
  }
  let reviewDue: string | undefined;
  if (approving && decision.reviewDue !== undefined) {
    parseDateOrThrow(decision.reviewDue, 'The review date');
    if (decision.reviewDue <= decision.decisionDate) {
      throw new RegisterRuleError('date', 'The review date must come after the decision date.');
    }
    reviewDue = decision.reviewDue;
  } else {
    reviewDue = reviewDueDate(decision.decisionDate, decision.outcome, reviewMonths);
  }

  const decided = withoutUndefined<RegisterEntry>({
    ...entry,
    status: decision.outcome,
    conditions,
    approver,
    decisionDate: decision.decisionDate,
    reviewDue,
  });
  const changes = changedFields(entry, decided, ['status', 'conditions', 'approver', 'decisionDate', 'reviewDue']);
  return { ...decided, history: [...entry.history, historyEvent('decided', decision, changes)] };
}

function namedPeopleCount(people: readonly Person[]): number {
  return new Set(people.map((person) => foldText(person.name.trim())).filter((name) => name !== '')).size;
}
