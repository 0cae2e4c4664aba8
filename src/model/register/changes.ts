import type { TrustedKey } from '../register-entry.js';
import type { Scoring } from '../form-definition.js';
import type { StoredStatus } from '../register-entry.js';
import { checkDecision, type DecisionDraft } from './decisions.js';
import type { DecidedEvent, EntryEvent, EventAuthor, RegisterEvent } from './events.js';
import { decisionBasis, type RegisterEntryState } from './fold.js';
import { RegisterRuleError, type RegisterProblem } from './rule-error.js';
import { DECIDED, STATUS_LABELS, moveProblem } from './statuses.js';
import { withoutUndefined } from './values.js';

// What a person does to the register, as the event it writes: each checked
// against the entry as the person sees it, by the same rules the fold
// applies, so that a change the register would set aside is refused at once
// with its reason, and based on the newest event the person has seen.

/** Who makes a change, when, and the id the change gets. */
export interface Change {
  by: EventAuthor;
  at: string;
  /** Unique in the register: `newEventId()` unless given. */
  id?: string;
  /** Why, in the person's words. */
  reason?: string;
}

/** A new id for an event: random, so that two browsers never make the same one. */
export function newEventId(): string {
  return crypto.randomUUID();
}

function throwing(problem: RegisterProblem | undefined): void {
  if (problem) throw new RegisterRuleError(problem.rule, problem.message);
}

function whoProblem(change: Change): RegisterProblem | undefined {
  return change.by.name.trim() === ''
    ? { rule: 'who', message: 'Every change to the register needs the name of who made it.' }
    : undefined;
}

function base(entry: RegisterEntryState, change: Change) {
  return withoutUndefined({
    id: change.id ?? newEventId(),
    entryId: entry.id,
    basedOn: entry.log[0]?.id,
    at: change.at,
    by: change.by,
    reason: change.reason?.trim() || undefined,
  });
}

/**
 * The event that moves an entry to `to`: submitted again, under review, or
 * retired (which needs a reason). A decision is `decisionEvent`'s. Throws
 * `RegisterRuleError` when the move is not allowed.
 */
export function moveEvent(entry: RegisterEntryState, to: StoredStatus, change: Change): EntryEvent {
  throwing(whoProblem(change));
  if (DECIDED.includes(to)) {
    throw new RegisterRuleError(
      'decision-by-status',
      `To mark a tool ${STATUS_LABELS[to]}, record the decision: it needs the approver, the decision date and any conditions.`,
    );
  }
  throwing(moveProblem(entry.status, to));
  if (to === 'retired') {
    const reason = change.reason?.trim() ?? '';
    if (reason === '') throw new RegisterRuleError('reason', 'Say why the tool is being retired.');
    return { ...base(entry, change), type: 'retired', reason };
  }
  if (to === 'under-review') return { ...base(entry, change), type: 'review-started' };
  if (to === 'submitted') return { ...base(entry, change), type: 'submitted' };
  throw new RegisterRuleError('transition', `A tool cannot be moved back to ${STATUS_LABELS[to]}.`);
}

/**
 * The decision as an event, or every problem with it (`checkDecision`'s, and
 * a missing name). Based on the entry's newest event and, where decisions
 * made apart are in conflict, on each of them: recording it settles the conflict.
 */
export function decisionEvent(
  entry: RegisterEntryState,
  draft: DecisionDraft,
  change: Change,
  reviewMonths?: Scoring['reviewMonths'],
): { event: DecidedEvent; problems?: never } | { problems: RegisterProblem[]; event?: never } {
  const check = checkDecision(entry, draft, reviewMonths);
  const problems = [whoProblem(change), ...(check.problems ?? [])].filter((problem) => problem !== undefined);
  if (problems.length > 0 || !check.decision) return { problems };
  const event: DecidedEvent = withoutUndefined<DecidedEvent>({
    ...base(entry, change),
    ...decisionBasis(entry),
    type: 'decided',
    ...check.decision,
    owners: draft.owners ? [...draft.owners] : undefined,
  });
  return { event };
}

/** Trusting a staff member's signing key, based on the newest event about that key the person has seen. */
export function trustEvent(
  key: Pick<TrustedKey, 'name' | 'role' | 'fingerprint'>,
  change: Change,
  basedOn?: string,
): RegisterEvent {
  throwing(whoProblem(change));
  return withoutUndefined<RegisterEvent>({
    id: change.id ?? newEventId(),
    type: 'key-trusted',
    at: change.at,
    by: change.by,
    basedOn,
    key: { name: key.name.trim(), role: key.role.trim(), fingerprint: key.fingerprint },
  });
}

/** No longer trusting a signing key. */
export function distrustEvent(fingerprint: string, change: Change, basedOn?: string): RegisterEvent {
  throwing(whoProblem(change));
  return withoutUndefined<RegisterEvent>({
    id: change.id ?? newEventId(),
    type: 'key-distrusted',
    at: change.at,
    by: change.by,
    basedOn,
    fingerprint,
  });
}
