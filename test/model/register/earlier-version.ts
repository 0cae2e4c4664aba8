// How the version of the register before its log changed an entry: each change rewrote the entry
// and added to its history array. Kept here, and nowhere in the product, to write the registers
// that version kept, which carrying a register over must read as they were.
import type { Scoring } from '../../../src/model/form-definition.js';
import type { RegisterEntry, StoredStatus } from '../../../src/model/register-entry.js';
import { checkDecision, type DecisionDraft } from '../../../src/model/register/decisions.js';
import { ASSESSED_FIELDS, reassessmentProblem } from '../../../src/model/register/entries.js';
import { changedFields, historyEvent } from '../../../src/model/register/history.js';
import { RegisterRuleError, type ChangeBy } from '../../../src/model/register/rule-error.js';
import { moveProblem } from '../../../src/model/register/statuses.js';
import { withoutUndefined } from '../../../src/model/register/values.js';

/** A decision and who recorded it, as that version took it. */
export type Decision = DecisionDraft & ChangeBy;

function moveWith(action: string, entry: RegisterEntry, to: StoredStatus, change: ChangeBy): RegisterEntry {
  const problem = moveProblem(entry.status, to);
  if (problem) throw new RegisterRuleError(problem.rule, problem.message);
  const event = historyEvent(action, change, [{ field: 'status', from: entry.status, to }]);
  return { ...entry, status: to, history: [...entry.history, event] };
}

/** The entry moved to status `to` (not a decision), with the move in its history. */
export const moveStatus = (entry: RegisterEntry, to: StoredStatus, change: ChangeBy) =>
  moveWith('status', entry, to, change);

/** The entry retired, with the reason in its history. */
export const retire = (entry: RegisterEntry, change: ChangeBy & { reason: string }) =>
  moveWith('retired', entry, 'retired', change);

/** The entry with a decision recorded and one history event listing every field that changed. */
export function recordDecision(
  entry: RegisterEntry,
  decision: Decision,
  reviewMonths?: Scoring['reviewMonths'],
): RegisterEntry {
  const check = checkDecision(entry, decision, reviewMonths);
  if (check.problems) throw new RegisterRuleError(check.problems[0]!.rule, check.problems[0]!.message);
  const { outcome, ...recorded } = check.decision;
  const decided = withoutUndefined<RegisterEntry>({
    ...entry,
    ...recorded,
    status: outcome,
    reviewDue: recorded.reviewDue,
  });
  const changes = changedFields(entry, decided, ['status', 'conditions', 'approver', 'decisionDate', 'reviewDue']);
  return { ...decided, history: [...entry.history, historyEvent('decided', decision, changes)] };
}

/** The entry updated from a fresh import of the same tool: back to submitted, the last decision kept. */
export function reassess(existing: RegisterEntry, fresh: RegisterEntry, change: ChangeBy): RegisterEntry {
  const problem = reassessmentProblem(existing, fresh);
  if (problem) throw new RegisterRuleError(problem.rule, problem.message);
  const updated = withoutUndefined<RegisterEntry>({
    ...fresh,
    id: existing.id,
    status: 'submitted',
    approver: existing.approver,
    decisionDate: existing.decisionDate,
    reviewDue: existing.reviewDue,
    rivalOf: existing.rivalOf,
    history: existing.history,
  });
  const changes = changedFields(existing, updated, ASSESSED_FIELDS);
  return { ...updated, history: [...existing.history, historyEvent('reassessed', change, changes)] };
}
