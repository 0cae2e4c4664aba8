import type { Person } from '../answers.js';
import type { Scoring } from '../form-definition.js';
import type { RegisterEntry } from '../register-entry.js';
import { parseDateOrThrow } from './calendar.js';
import { reviewDueDate } from './review-dates.js';
import { RegisterRuleError, type RegisterProblem } from './rule-error.js';
import { APPROVED, STATUS_LABELS } from './statuses.js';
import { foldText } from './values.js';

// What a decision needs, and the entry once it is recorded.

export type DecisionOutcome = 'approved' | 'approved-with-conditions' | 'not-approved';

/** Fewest named account owners an approved tool needs, so that its accounts never depend on one person. */
export const MINIMUM_ACCOUNT_OWNERS = 2;

/** What a decision form holds: the decision, and the account owners when the form names them. */
export interface DecisionDraft {
  outcome: DecisionOutcome;
  conditions: readonly string[];
  approver: string;
  decisionDate: string;
  reviewDue?: string;
  /** The account owners named with the decision, in place of the entry's. */
  owners?: readonly Person[];
}

/** A decision as it is recorded: blanks trimmed away, and the review date worked out. */
export interface CheckedDecision {
  outcome: DecisionOutcome;
  conditions: string[];
  approver: string;
  decisionDate: string;
  /** Unset for "not approved". */
  reviewDue?: string;
}

export type DecisionCheck =
  { decision: CheckedDecision; problems?: never } | { problems: RegisterProblem[]; decision?: never };

/**
 * Whether a decision can be recorded for an entry in `state`, with every
 * problem found, in the order a form shows them: only a tool under review, or
 * one whose decisions are in conflict, can be decided; the approver must be named; dates must be real, and the review
 * after the decision; either approval needs at least two named account
 * owners (the draft's, else the entry's); approval with conditions needs at
 * least one condition.
 */
export function checkDecision(
  state: Pick<RegisterEntry, 'status' | 'owners'> & { conflict?: unknown },
  draft: DecisionDraft,
  reviewMonths?: Scoring['reviewMonths'],
): DecisionCheck {
  const problems: RegisterProblem[] = [];
  // Decisions in conflict were all made of a tool under review; settling them decides it again.
  if (state.status !== 'under-review' && state.conflict === undefined) {
    problems.push({
      rule: 'transition',
      message: `Only a tool under review can be decided; this one is ${STATUS_LABELS[state.status]}.`,
    });
  }
  const approver = draft.approver.trim();
  if (approver === '') problems.push({ rule: 'approver', message: 'Name the person who made the decision.' });
  const decisionDateProblem = dateProblem(draft.decisionDate, 'The decision date');
  if (decisionDateProblem) problems.push(decisionDateProblem);
  const approving = APPROVED.includes(draft.outcome);
  const owners = namedPeopleCount(draft.owners ?? state.owners);
  if (approving && owners < MINIMUM_ACCOUNT_OWNERS) {
    problems.push({
      rule: 'account-owners',
      message:
        `A tool can only be approved with at least ${MINIMUM_ACCOUNT_OWNERS} named account owners, so that its ` +
        `accounts never depend on one person; this entry names ${owners}.`,
    });
  }
  const conditions = draft.conditions.map((condition) => condition.trim()).filter((condition) => condition !== '');
  if (draft.outcome === 'approved-with-conditions' && conditions.length === 0) {
    problems.push({ rule: 'conditions', message: 'Approval with conditions needs at least one condition.' });
  }
  let reviewDue: string | undefined;
  if (approving && draft.reviewDue !== undefined) {
    const reviewDateProblem = dateProblem(draft.reviewDue, 'The review date');
    if (reviewDateProblem) problems.push(reviewDateProblem);
    else if (!decisionDateProblem && draft.reviewDue <= draft.decisionDate) {
      problems.push({ rule: 'date', message: 'The review date must come after the decision date.' });
    }
    reviewDue = draft.reviewDue;
  } else if (!decisionDateProblem) {
    reviewDue = reviewDueDate(draft.decisionDate, draft.outcome, reviewMonths);
  }
  if (problems.length > 0) return { problems };
  const decision: CheckedDecision = { outcome: draft.outcome, conditions, approver, decisionDate: draft.decisionDate };
  if (reviewDue !== undefined) decision.reviewDue = reviewDue;
  return { decision };
}

function dateProblem(text: string, what: string): RegisterProblem | undefined {
  try {
    parseDateOrThrow(text, what);
    return undefined;
  } catch (error) {
    if (error instanceof RegisterRuleError) return { rule: error.rule, message: error.message };
    throw error;
  }
}

function namedPeopleCount(people: readonly Person[]): number {
  return new Set(people.map((person) => foldText(person.name.trim())).filter((name) => name !== '')).size;
}
