import canonicalize from 'canonicalize';
import type { StoredStatus, TrustedKey } from '../register-entry.js';
import { checkDecision } from './decisions.js';
import { reassessmentProblem } from './entries.js';
import type { DecidedEvent, EntryEvent, KeyEvent, RegisterEvent } from './events.js';
import { isKeyEvent } from './events.js';
import { reviewDueDate } from './review-dates.js';
import type { RegisterProblem, RegisterRule } from './rule-error.js';
import { disputedAssessments, type DisputedAssessment } from './disputes.js';
import type { EntryState } from './entry-state.js';
import { APPROVED, DECIDED, moveProblem } from './statuses.js';
import { compareCodeUnits, withoutUndefined } from './values.js';

// What people see of the register, folded from its log. The same events in
// any order give the same register: events are put in one order that
// follows `basedOn` (an event after the events it names), then their time,
// then their id; each is then checked against its entry as it stood before
// it, and applied or set aside with its reason.

export type { EntryState } from './entry-state.js';

/** Why the register set an event aside: today's rules, and those of a log shared between browsers. */
export type RegisterEventRule =
  RegisterRule | 'duplicate-id' | 'future' | 'unknown-based-on' | 'unknown-entry' | 'entry-exists' | 'unknown-key';

/** The rule an event breaks, and why in plain words. */
export interface EventProblem {
  rule: RegisterEventRule;
  message: string;
}

/** An event the register set aside, kept with the rule it broke and why. */
export interface RejectedEvent extends EventProblem {
  event: RegisterEvent;
}

/**
 * Decisions on one entry none of whose authors had seen the others: all
 * kept, until a decision made having seen them all (its `basedOn` and
 * `alsoSeen`, and what they were based on) settles it.
 */
export interface DecisionConflict {
  entryId: string;
  /** In the register's order; the entry shows the last one's decision meanwhile. */
  decisions: DecidedEvent[];
}

/** One tool in the register as folded from its log. */
export interface RegisterEntryState extends EntryState {
  /** Every event applied to the entry, newest first: `log[0].id` is what a new event's `basedOn` names. */
  log: EntryEvent[];
  /** Set while decisions made apart from each other are unsettled. */
  conflict?: DecisionConflict;
}

export interface RegisterState {
  /** In the order they came into the register. */
  entries: RegisterEntryState[];
  /** In the order they were trusted. */
  trustedKeys: TrustedKey[];
  conflicts: DecisionConflict[];
  /** In the register's order. */
  rejected: RejectedEvent[];
  signerDisputes: DisputedAssessment<RegisterEntryState>[];
}

export interface FoldOptions {
  /** When the register is read: an event dated later, beyond `clockSkewMs`, is set aside. */
  now: Date;
  /** How far ahead of `now` a computer's clock may run; 5 minutes unless given. */
  clockSkewMs?: number;
}

export const DEFAULT_CLOCK_SKEW_MS = 5 * 60 * 1000;

interface Ordered {
  event: RegisterEvent;
  time: number;
  /** The ids of the events it follows: `basedOn`, then a decision's `alsoSeen`. */
  follows: readonly string[];
  /** The canonical JSON of an event whose id another, different event has too. */
  duplicateText?: string;
}

interface EntryFold {
  state: EntryState;
  /** Applied events, oldest first. */
  log: EntryEvent[];
  /** Whether each applied event was based on the one applied before it, so that the last has seen them all. */
  chain: boolean;
  /** Applied decisions, oldest first. */
  decisions?: DecidedEvent[];
  conflict?: DecidedEvent[];
}

/** What the fold keeps as it goes, shared by the steps below. */
interface Folding {
  entries: Map<string, EntryFold>;
  trusted: Map<string, TrustedKey>;
  /** Every event by its id (one of the copies, for an id that different events share). */
  byId: ReadonlyMap<string, Ordered>;
}

const NOTHING: readonly string[] = [];

/**
 * The register folded from its events: the entries, the trusted keys, the
 * unsettled decision conflicts, the events set aside and why, and the
 * assessments signed by different keys. The events should have passed
 * `RegisterEventSchema`. Nothing is dropped: an event the rules refuse is in
 * `rejected`; two copies of one event count once. The entries share lists
 * and objects with the events they were folded from: neither is ever changed.
 */
export function registerFromEvents(events: readonly RegisterEvent[], options: FoldOptions): RegisterState {
  const latest = options.now.getTime() + (options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS);
  const { ordered, byId, duplicated } = inOrder(events);
  const folding: Folding = { entries: new Map(), trusted: new Map(), byId };
  const rejected: RejectedEvent[] = [];

  const apply = ({ event, time, follows, duplicateText }: Ordered): EventProblem | undefined => {
    if (duplicateText !== undefined) {
      return {
        rule: 'duplicate-id',
        message: `Another, different change has the same id "${event.id}", so neither is applied.`,
      };
    }
    for (const id of follows) {
      const followed = byId.get(id);
      if (followed === undefined) {
        return { rule: 'unknown-based-on', message: `It follows a change ("${id}") that is not in the register.` };
      }
      if (!duplicated.has(id) && subjectOf(followed.event) !== subjectOf(event)) {
        return {
          rule: 'unknown-based-on',
          message: `It follows a change ("${id}") made to something else in the register.`,
        };
      }
    }
    if (event.type !== 'carried-over') {
      if (time > latest) {
        return {
          rule: 'future',
          message: `It is dated ${event.at}, later than now: the clock of the computer it was made on may be wrong.`,
        };
      }
      if (event.by.name.trim() === '') {
        return { rule: 'who', message: 'Every change to the register needs the name of who made it.' };
      }
    }
    return isKeyEvent(event) ? applyKeyEvent(folding.trusted, event) : applyEntryEvent(folding, event);
  };

  // Each event in turn once the events it follows are done; the order of
  // `ordered` decides the rest, so the order events came in never matters.
  const done = new Set<string>();
  const waiting = new Map<string, Ordered[]>();
  const unmet = new Map<Ordered, number>();
  const run = (first: Ordered) => {
    const queue = [first];
    for (let next = 0; next < queue.length; next += 1) {
      const item = queue[next]!;
      const problem = apply(item);
      if (problem) rejected.push({ event: item.event, ...problem });
      const id = item.event.id;
      if (done.has(id)) continue;
      done.add(id);
      const followers = waiting.get(id);
      if (followers === undefined) continue;
      for (const follower of followers) {
        const left = unmet.get(follower)! - 1;
        unmet.set(follower, left);
        if (left === 0) queue.push(follower);
      }
      waiting.delete(id);
    }
  };
  for (const item of ordered) {
    let pending = 0;
    item.follows.forEach((id, index) => {
      if (!byId.has(id) || done.has(id) || item.follows.indexOf(id) !== index) return;
      pending += 1;
      const followers = waiting.get(id);
      if (followers) followers.push(item);
      else waiting.set(id, [item]);
    });
    if (pending === 0) run(item);
    else unmet.set(item, pending);
  }
  // Left waiting: events that follow each other round in a circle.
  for (const item of ordered) {
    if ((unmet.get(item) ?? 0) === 0) continue;
    rejected.push({
      event: item.event,
      rule: 'unknown-based-on',
      message: 'It follows changes that in turn follow it, so it has no place in the register.',
    });
  }

  const entries: RegisterEntryState[] = [];
  const conflicts: DecisionConflict[] = [];
  for (const [entryId, fold] of folding.entries) {
    // The fold made every state it holds, and shows only the last: it becomes the entry.
    const entry = Object.assign(fold.state, { log: fold.log.reverse() }) as RegisterEntryState;
    if (fold.conflict) {
      entry.conflict = { entryId, decisions: fold.conflict };
      conflicts.push(entry.conflict);
    }
    entries.push(entry);
  }
  const trustedKeys = [...folding.trusted.values()];
  return { entries, trustedKeys, conflicts, rejected, signerDisputes: disputedAssessments(entries, trustedKeys) };
}

/**
 * What a new decision on an entry is based on: its newest event, and any
 * other decision of its conflict, so that the decision settles it.
 */
export function decisionBasis(
  entry: Pick<RegisterEntryState, 'log' | 'conflict'>,
): Pick<DecidedEvent, 'basedOn' | 'alsoSeen'> {
  const basedOn = entry.log[0]?.id;
  const alsoSeen = (entry.conflict?.decisions ?? []).map(({ id }) => id).filter((id) => id !== basedOn);
  return alsoSeen.length > 0 ? { basedOn, alsoSeen } : { basedOn };
}

/** What an event is about: an entry's id, or a key's fingerprint after a character no id has. */
function subjectOf(event: RegisterEvent): string {
  if (event.type === 'key-trusted') return `\u0000${event.key.fingerprint}`;
  if (event.type === 'key-distrusted') return `\u0000${event.fingerprint}`;
  return event.entryId;
}

function follows(event: RegisterEvent): readonly string[] {
  if (event.type === 'decided' && event.alsoSeen) {
    return event.basedOn === undefined ? event.alsoSeen : [event.basedOn, ...event.alsoSeen];
  }
  return event.basedOn === undefined ? NOTHING : [event.basedOn];
}

/**
 * The events by time and id, copies of one event counted once, and every
 * copy of an id that different events share kept, ordered by its content.
 */
function inOrder(events: readonly RegisterEvent[]) {
  const byId = new Map<string, Ordered>();
  const copies = new Map<string, RegisterEvent[]>();
  const ordered: Ordered[] = [];
  for (const event of events) {
    const earlier = byId.get(event.id);
    if (earlier === undefined) {
      const item: Ordered = { event, time: timeOf(event), follows: follows(event) };
      byId.set(event.id, item);
      ordered.push(item);
    } else if (earlier.event !== event) {
      copies.set(event.id, [...(copies.get(event.id) ?? [earlier.event]), event]);
    }
  }
  const duplicated = new Set<string>();
  for (const [id, same] of copies) {
    // One item per content; the first copy met (`same[0]`) is already in `ordered`.
    const texts = new Map<string, RegisterEvent>();
    for (const copy of same) {
      const text = canonicalize(copy) ?? '';
      if (!texts.has(text)) texts.set(text, copy);
    }
    if (texts.size === 1) continue;
    duplicated.add(id);
    const first = byId.get(id)!;
    const sorted = [...texts.keys()].sort(compareCodeUnits);
    for (const duplicateText of sorted) {
      const copy = texts.get(duplicateText)!;
      const item = copy === first.event ? first : { event: copy, time: timeOf(copy), follows: follows(copy) };
      item.duplicateText = duplicateText;
      if (item !== first) ordered.push(item);
      // The copy first by content stands for the id where what events follow is traced.
      if (duplicateText === sorted[0]) byId.set(id, item);
    }
  }
  ordered.sort(
    (a, b) =>
      a.time - b.time ||
      compareCodeUnits(a.event.id, b.event.id) ||
      compareCodeUnits(a.duplicateText ?? '', b.duplicateText ?? ''),
  );
  return { ordered, byId, duplicated };
}

function timeOf(event: RegisterEvent): number {
  const time = Date.parse(event.at);
  return Number.isNaN(time) ? 0 : time;
}

function applyKeyEvent(trusted: Map<string, TrustedKey>, event: KeyEvent): EventProblem | undefined {
  if (event.type === 'key-trusted') {
    trusted.set(event.key.fingerprint, { ...event.key, addedAt: event.at });
    return undefined;
  }
  if (!trusted.has(event.fingerprint)) {
    return {
      rule: 'unknown-key',
      message: `The register does not trust the key ${event.fingerprint}, so there is no trust to withdraw.`,
    };
  }
  trusted.delete(event.fingerprint);
  return undefined;
}

function applyEntryEvent(folding: Folding, event: EntryEvent): EventProblem | undefined {
  const fold = folding.entries.get(event.entryId);
  if (fold === undefined) {
    const creates = event.type === 'imported' || (event.type === 'carried-over' && event.entry !== undefined);
    if (!creates || event.basedOn !== undefined) {
      return { rule: 'unknown-entry', message: `There is no entry "${event.entryId}" in the register to change.` };
    }
    folding.entries.set(event.entryId, { state: nextState(undefined, event), log: [event], chain: true });
    return undefined;
  }
  if (event.basedOn === undefined) {
    return {
      rule: 'entry-exists',
      message: `The register already has an entry "${event.entryId}"; a change to it must say which change it follows.`,
    };
  }
  const problem = event.type === 'decided' ? decisionProblem(folding, fold, event) : eventProblem(fold, event);
  if (problem) return problem;
  fold.state = nextState(fold.state, event);
  fold.chain &&= event.basedOn === fold.log.at(-1)!.id && follows(event).length === 1;
  fold.log.push(event);
  return undefined;
}

/**
 * Checks a decision, and keeps the entry's conflicts up to date. A decision
 * whose author had not seen another is checked against the entry as its
 * author saw it (under review), and joins the conflict; one made having
 * seen every decision of a conflict settles it.
 */
function decisionProblem(folding: Folding, fold: EntryFold, event: DecidedEvent): RegisterProblem | undefined {
  const decisions = fold.decisions ?? [];
  // Along one chain, the newest event has seen every event before it.
  const seesAll = decisions.length === 0 || (fold.chain && event.basedOn === fold.log.at(-1)!.id);
  const seen = seesAll ? undefined : seenBy(folding.byId, follows(event));
  const unseen = seen === undefined ? [] : decisions.filter((decision) => !seen.has(decision.id));
  const asSeen = unseen.length > 0 || fold.conflict !== undefined;
  const status: StoredStatus = asSeen && DECIDED.includes(fold.state.status) ? 'under-review' : fold.state.status;
  const check = checkDecision({ status, owners: fold.state.owners }, event);
  if (check.problems) return check.problems[0];
  if (unseen.length > 0) {
    const members = new Set([...(fold.conflict ?? []), ...unseen].map((decision) => decision.id));
    fold.conflict = [...decisions.filter((decision) => members.has(decision.id)), event];
  } else {
    fold.conflict = undefined;
  }
  if (fold.decisions) fold.decisions.push(event);
  else fold.decisions = [event];
  return undefined;
}

function eventProblem(fold: EntryFold, event: Exclude<EntryEvent, DecidedEvent>): EventProblem | undefined {
  const { state } = fold;
  switch (event.type) {
    case 'imported':
      return {
        rule: 'entry-exists',
        message: `The register already has an entry "${event.entryId}"; a newer assessment of its tool re-assesses it.`,
      };
    case 're-assessed':
      return reassessmentProblem(state, { ...event.fields, assessment: event.assessment });
    case 'submitted':
      return moveProblem(state.status, 'submitted');
    case 'review-started':
      return moveProblem(state.status, 'under-review');
    case 'retired':
      if ((event.reason ?? '').trim() === '') return { rule: 'reason', message: 'Say why the tool is being retired.' };
      return moveProblem(state.status, 'retired');
    case 'edited':
      if (event.changes.tool !== undefined && event.changes.tool.trim() === '') {
        return { rule: 'tool-name', message: 'The tool must keep a name.' };
      }
      return undefined;
    case 'carried-over':
      return undefined;
  }
}

/** The events `from` names, and all they in turn follow. */
function seenBy(byId: ReadonlyMap<string, Ordered>, from: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.follows ?? NOTHING));
  }
  return seen;
}

/** The entry after an event, without checking any rule: the fold checks first, and a history replays. */
export function nextState(state: EntryState | undefined, event: EntryEvent): EntryState {
  if (state === undefined) {
    if (event.type === 'imported') return assessedState(event, { id: event.entryId, status: 'submitted' });
    if (event.type === 'carried-over' && event.entry) return { id: event.entryId, ...event.entry };
    throw new TypeError(`A "${event.type}" event cannot make an entry.`);
  }
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
      return { ...state, status: 'submitted' };
    case 'review-started':
      return { ...state, status: 'under-review' };
    case 'retired':
      return { ...state, status: 'retired' };
    case 'decided': {
      const decided: EntryState = {
        ...state,
        status: event.outcome,
        conditions: event.conditions.map((condition) => condition.trim()).filter((condition) => condition !== ''),
        approver: event.approver.trim(),
        decisionDate: event.decisionDate,
        owners: event.owners ?? state.owners,
      };
      const reviewDue = APPROVED.includes(event.outcome)
        ? (event.reviewDue ?? reviewDueDate(event.decisionDate, event.outcome))
        : undefined;
      if (reviewDue === undefined) delete decided.reviewDue;
      else decided.reviewDue = reviewDue;
      return decided;
    }
    case 'edited': {
      const edited: EntryState = withoutUndefined<EntryState>({ ...state, ...event.changes });
      for (const field of event.cleared ?? []) delete edited[field];
      return edited;
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
  const state: EntryState = { ...event.fields, id: kept.id, status: kept.status, assessment: event.assessment };
  if (event.signer) {
    state.signerFingerprint = event.signer.fingerprint;
    state.signerName = event.signer.name;
  }
  if (kept.approver !== undefined) state.approver = kept.approver;
  if (kept.decisionDate !== undefined) state.decisionDate = kept.decisionDate;
  if (kept.reviewDue !== undefined) state.reviewDue = kept.reviewDue;
  return state;
}
