import canonicalize from 'canonicalize';
import type { StoredStatus, TrustedKey } from '../register-entry.js';
import { checkDecision } from './decisions.js';
import { reassessmentProblem } from './entries.js';
import type { DecidedEvent, EntryEvent, KeyEvent, RegisterEvent } from './events.js';
import { isKeyEvent } from './events.js';
import type { RegisterProblem, RegisterRule } from './rule-error.js';
import { disputedAssessments, type DisputedAssessment } from './disputes.js';
import type { EntryState } from './entry-state.js';
import { DECIDED, moveProblem } from './statuses.js';
import { changedState, nextState } from './entry-after.js';
import { compareCodeUnits } from './values.js';

// What people see of the register, folded from its log. The same events in
// any order give the same register: events are put in one order that
// follows `basedOn` (an event after the events it names), then their time,
// then their id; each is then checked against its entry as it stood before
// it, and applied or set aside with its reason.

export type { EntryState } from './entry-state.js';
export { nextState } from './entry-after.js';

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

/** Events by id, as the fold looks them up. */
interface EventLookup {
  get(id: string): Ordered | undefined;
  has(id: string): boolean;
}

/** One entry as the fold holds it while it goes on. */
export interface EntryFold {
  /** Where the entry came into the register: entries are listed in this order. */
  position: number;
  state: EntryState;
  /** Applied events, oldest first. */
  log: EntryEvent[];
  /** Whether each applied event was based on the one applied before it, so that the last has seen them all. */
  chain: boolean;
  /** Applied decisions, oldest first. */
  decisions?: DecidedEvent[];
  conflict?: DecidedEvent[];
}

/**
 * A register's log folded, kept so that events written later can be folded
 * on (`continueFold`) without folding the whole log again: a store keeps it
 * beside the log. Plain data, as structured cloning keeps it. Never changed
 * once made: going on copies what it changes.
 */
export interface RegisterFold {
  /** In the order they came into the register (each one's `position`). */
  entries: ReadonlyMap<string, EntryFold>;
  /** In the order they were trusted. */
  trusted: readonly TrustedKey[];
  /** The key events applied, in the register's order. */
  keyEvents: readonly KeyEvent[];
  /** In the register's order, but for `circled`. */
  rejected: readonly RejectedEvent[];
  /** Events set aside because they follow each other round in a circle: listed after the rest. */
  circled: readonly RejectedEvent[];
  /** Ids that events follow but no event of the fold has. */
  unknownFollowed: readonly string[];
  /** The time and id of the fold's last event in the register's order. */
  last?: { time: number; id: string };
  /** The latest time of an event checked against the clock (all but carried-over ones); -Infinity when none. */
  latestTime: number;
  /** The latest time an event could have: later ones were set aside as dated in the future. */
  limit: number;
}

/** What the fold keeps as it goes, shared by the steps below. */
interface Folding {
  entries: Map<string, EntryFold>;
  trusted: Map<string, TrustedKey>;
  /** Every event by its id (one of the copies, for an id that different events share). */
  byId: EventLookup;
  /** The entries' folds this fold made or copied, and so may change. */
  owned: Set<EntryFold>;
  keyEvents: KeyEvent[];
}

const NOTHING: readonly string[] = [];

/** The fold of no events. */
export const EMPTY_FOLD: RegisterFold = {
  entries: new Map(),
  trusted: [],
  keyEvents: [],
  rejected: [],
  circled: [],
  unknownFollowed: [],
  latestTime: -Infinity,
  limit: Infinity,
};

/**
 * The register folded from its events: the entries, the trusted keys, the
 * unsettled decision conflicts, the events set aside and why, and the
 * assessments signed by different keys. The events should have passed
 * `RegisterEventSchema`. Nothing is dropped: an event the rules refuse is in
 * `rejected`; two copies of one event count once. The entries share lists
 * and objects with the events they were folded from: neither is ever changed.
 */
export function registerFromEvents(events: readonly RegisterEvent[], options: FoldOptions): RegisterState {
  // The fold is made here and kept by no one: its entries' states become the entries themselves.
  return stateOf(foldEvents(events, options), (entryId, fold) =>
    Object.assign(fold.state, entryParts(entryId, fold, fold.log.reverse())),
  );
}

/** The events folded, kept so that more can be folded on: `registerStateOf` gives what people see. */
export function foldEvents(events: readonly RegisterEvent[], options: FoldOptions): RegisterFold {
  const limit = options.now.getTime() + (options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS);
  const { ordered, byId, duplicated } = inOrder(events);
  return foldOrdered(ordered, byId, duplicated, EMPTY_FOLD, limit);
}

/** What a caller of `continueFold` vouches for. */
export interface ContinueOptions {
  /**
   * That no event's id is that of an event `from` holds (a store whose log
   * refuses a second record under an id): what `from` holds is then looked
   * up only for the entries the events change, not read whole.
   */
  newIds?: boolean;
}

/**
 * `from` with more events folded on, the same as folding every event at once;
 * or undefined when that cannot be done without folding them all again: when
 * an event comes earlier in the register's order than one already folded,
 * has the id of one folded with other contents, or is one that folded events
 * follow but did not find. A copy of an event already folded counts once.
 */
export function continueFold(
  from: RegisterFold,
  events: readonly RegisterEvent[],
  options: ContinueOptions = {},
): RegisterFold | undefined {
  if (events.length === 0) return from;
  if (from.circled.length > 0 || from.rejected.some(({ rule }) => rule === 'duplicate-id')) return undefined;
  const known = new FoldedEvents(from);
  const unknown = new Set(from.unknownFollowed);
  const fresh: RegisterEvent[] = [];
  for (const event of events) {
    const earlier = options.newIds ? undefined : known.get(event.id);
    if (earlier !== undefined) {
      if (earlier.event !== event && canonicalize(earlier.event) !== canonicalize(event)) return undefined;
      continue;
    }
    if (unknown.has(event.id)) return undefined;
    const time = timeOf(event);
    if (from.last && (time < from.last.time || (time === from.last.time && event.id <= from.last.id))) return undefined;
    fresh.push(event);
  }
  if (fresh.length === 0) return from;
  for (const event of fresh) if (!isKeyEvent(event)) known.readEntry(event.entryId);
  const { ordered, byId: freshById, duplicated } = inOrder(fresh);
  const byId: EventLookup = {
    get: (id) => freshById.get(id) ?? known.get(id),
    has: (id) => freshById.has(id) || known.has(id),
  };
  const before: EventLookup = {
    get: (id) => (freshById.has(id) ? undefined : known.get(id)),
    has: (id) => !freshById.has(id) && known.has(id),
  };
  return foldOrdered(ordered, byId, duplicated, from, from.limit, before);
}

/** Whether a fold made without a clock gives the register as of `now`: no event it holds is dated later. */
export function foldHoldsAt(fold: Pick<RegisterFold, 'latestTime'>, options: FoldOptions): boolean {
  return fold.latestTime <= options.now.getTime() + (options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS);
}

/** A moment later than any event's, to fold with when the clock is checked later (`foldHoldsAt`). */
export const NO_CLOCK: FoldOptions = { now: new Date(8.64e15), clockSkewMs: 0 };

/**
 * The events a fold holds, by id: those of the entries asked for first, and
 * every entry's only when an id is not found among them (an event that
 * follows one of another entry, or one not in the register), so that folding
 * on reads the logs of the entries it changes and no others.
 */
class FoldedEvents implements EventLookup {
  private readonly byId = new Map<string, Ordered>();
  private readonly entriesRead = new Set<string>();
  private whole = false;

  constructor(private readonly fold: RegisterFold) {
    for (const event of fold.keyEvents) this.add(event);
    for (const { event } of fold.rejected) this.add(event);
  }

  readEntry(entryId: string): void {
    if (this.whole || this.entriesRead.has(entryId)) return;
    this.entriesRead.add(entryId);
    for (const event of this.fold.entries.get(entryId)?.log ?? []) this.add(event);
  }

  get(id: string): Ordered | undefined {
    const found = this.byId.get(id);
    if (found !== undefined || this.whole) return found;
    this.whole = true;
    for (const [entryId, entry] of this.fold.entries) {
      if (!this.entriesRead.has(entryId)) for (const event of entry.log) this.add(event);
    }
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  private add(event: RegisterEvent): void {
    this.byId.set(event.id, { event, time: timeOf(event), follows: follows(event) });
  }
}

function foldOrdered(
  ordered: readonly Ordered[],
  byId: EventLookup,
  duplicated: ReadonlySet<string>,
  from: RegisterFold,
  limit: number,
  /** Events already folded into `from`: each one done. */
  before: EventLookup = new Map(),
): RegisterFold {
  const folding: Folding = {
    entries: new Map(from.entries),
    trusted: new Map(from.trusted.map((key) => [key.fingerprint, key])),
    byId,
    owned: new Set(),
    keyEvents: [...from.keyEvents],
  };
  const rejected: RejectedEvent[] = [...from.rejected];
  const unknownFollowed = new Set(from.unknownFollowed);
  let latestTime = from.latestTime;

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
      if (time > limit) {
        return {
          rule: 'future',
          message: `It is dated ${event.at}, later than now: the clock of the computer it was made on may be wrong.`,
        };
      }
      if (event.by.name.trim() === '') {
        return { rule: 'who', message: 'Every change to the register needs the name of who made it.' };
      }
    }
    if (!isKeyEvent(event)) return applyEntryEvent(folding, event);
    const problem = applyKeyEvent(folding.trusted, event);
    if (problem === undefined) folding.keyEvents.push(event);
    return problem;
  };

  // Each event in turn once the events it follows are done; the order of
  // `ordered` decides the rest, so the order events came in never matters.
  const done = new Set<string>();
  const isDone = (id: string) => done.has(id) || before.has(id);
  const waiting = new Map<string, Ordered[]>();
  const unmet = new Map<Ordered, number>();
  const queue: Ordered[] = [];
  const run = (first: Ordered) => {
    queue.length = 0;
    queue.push(first);
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
    if (item.event.type !== 'carried-over' && item.time > latestTime) latestTime = item.time;
    let pending = 0;
    const itemFollows = item.follows;
    for (let index = 0; index < itemFollows.length; index += 1) {
      const id = itemFollows[index]!;
      if (!byId.has(id)) {
        unknownFollowed.add(id);
        continue;
      }
      if (isDone(id) || itemFollows.indexOf(id) !== index) continue;
      pending += 1;
      const followers = waiting.get(id);
      if (followers) followers.push(item);
      else waiting.set(id, [item]);
    }
    if (pending === 0) run(item);
    else unmet.set(item, pending);
  }
  // Left waiting: events that follow each other round in a circle.
  const circled: RejectedEvent[] = [...from.circled];
  for (const item of ordered) {
    if ((unmet.get(item) ?? 0) === 0) continue;
    circled.push({
      event: item.event,
      rule: 'unknown-based-on',
      message: 'It follows changes that in turn follow it, so it has no place in the register.',
    });
  }

  const lastItem = ordered.at(-1);
  const fold: RegisterFold = {
    entries: folding.entries,
    trusted: [...folding.trusted.values()],
    keyEvents: folding.keyEvents,
    rejected,
    circled,
    unknownFollowed: [...unknownFollowed],
    last: lastItem ? { time: lastItem.time, id: lastItem.event.id } : from.last,
    latestTime,
    limit,
  };
  return fold;
}

/** What each entry's fold shows, made once for each fold of an entry. */
const entryStates = new WeakMap<EntryFold, RegisterEntryState>();

/** What an entry adds to its state: its log newest first, and its conflict if it has one. */
function entryParts(entryId: string, fold: EntryFold, log: EntryEvent[]): Pick<RegisterEntryState, 'log' | 'conflict'> {
  return fold.conflict ? { log, conflict: { entryId, decisions: fold.conflict } } : { log };
}

/**
 * What people see of one entry's fold. Its `log` is made when first read:
 * a register's list reads the entries' states, and a store may keep each
 * entry's log as text, read only for the entries that are opened.
 */
export function entryStateOf(entryId: string, fold: EntryFold): RegisterEntryState {
  let entry = entryStates.get(fold);
  if (entry) return entry;
  let log: EntryEvent[] | undefined;
  entry = Object.defineProperty(Object.assign({}, fold.state), 'log', {
    get: () => (log ??= fold.log.toReversed()),
    enumerable: true,
  }) as RegisterEntryState;
  if (fold.conflict) entry.conflict = { entryId, decisions: fold.conflict };
  entryStates.set(fold, entry);
  return entry;
}

/** What people see of a fold: the register it gives. */
export function registerStateOf(fold: RegisterFold): RegisterState {
  return stateOf(fold, entryStateOf);
}

function stateOf(fold: RegisterFold, entryOf: (entryId: string, fold: EntryFold) => RegisterEntryState): RegisterState {
  const entries: RegisterEntryState[] = [];
  const conflicts: DecisionConflict[] = [];
  for (const [entryId, entryFold] of fold.entries) {
    const entry = entryOf(entryId, entryFold);
    if (entry.conflict) conflicts.push(entry.conflict);
    entries.push(entry);
  }
  const trustedKeys = [...fold.trusted];
  const rejected = fold.circled.length > 0 ? [...fold.rejected, ...fold.circled] : [...fold.rejected];
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
  const found = folding.entries.get(event.entryId);
  if (found === undefined) {
    const creates = event.type === 'imported' || (event.type === 'carried-over' && event.entry !== undefined);
    if (!creates || event.basedOn !== undefined) {
      return { rule: 'unknown-entry', message: `There is no entry "${event.entryId}" in the register to change.` };
    }
    const made: EntryFold = {
      position: folding.entries.size,
      state: nextState(undefined, event),
      log: [event],
      chain: true,
    };
    folding.entries.set(event.entryId, made);
    folding.owned.add(made);
    return undefined;
  }
  if (event.basedOn === undefined) {
    return {
      rule: 'entry-exists',
      message: `The register already has an entry "${event.entryId}"; a change to it must say which change it follows.`,
    };
  }
  const fold = ownedFold(folding, event.entryId, found);
  const problem = event.type === 'decided' ? decisionProblem(folding, fold, event) : eventProblem(fold, event);
  if (problem) return problem;
  fold.state = changedState(fold.state, event);
  fold.chain &&= event.basedOn === fold.log.at(-1)!.id && follows(event).length === 1;
  fold.log.push(event);
  return undefined;
}

/** The entry's fold, to change: a copy of one this fold did not make, which stays as it was. */
function ownedFold(folding: Folding, entryId: string, fold: EntryFold): EntryFold {
  if (folding.owned.has(fold)) return fold;
  const copy: EntryFold = { ...fold, state: { ...fold.state }, log: [...fold.log] };
  if (fold.decisions) copy.decisions = [...fold.decisions];
  folding.entries.set(entryId, copy);
  folding.owned.add(copy);
  return copy;
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
function seenBy(byId: EventLookup, from: readonly string[]): Set<string> {
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
