import type { HistoryEvent, RegisterEntry, TrustedKey } from '../register-entry.js';
import { ASSESSED_FIELDS } from './entries.js';
import {
  EDITABLE_FIELDS,
  type CarriedOverEvent,
  type EntryEvent,
  type EventAuthor,
  type RegisterEvent,
} from './events.js';
import { nextState, type EntryState, type RegisterEntryState } from './fold.js';
import { changedFields } from './history.js';
import { withoutUndefined } from './values.js';

// Between the log and the register as earlier versions kept it: entries with
// a history array (in IndexedDB, and in register JSON files of version 1).

/** Who carries a register over, and when: for the trusted keys, and an entry with no history. */
export interface CarryOver {
  at: string;
  by: EventAuthor;
}

/**
 * An entry kept by an earlier version as events: one `carried-over` event
 * for each event of its history, in order, each based on the one before,
 * with ids made from the entry's id so that carrying the same entry over
 * twice gives the same events. The first holds the entry's fields as they
 * were kept. An entry with no history gets one event, at `carryOver.at`.
 */
export function eventsFromEntry(entry: RegisterEntry, carryOver: CarryOver): CarriedOverEvent[] {
  const { id: entryId, history, ...fields } = entry;
  const recorded: HistoryEvent[] =
    history.length > 0 ? history : [{ at: carryOver.at, by: carryOver.by.name, action: 'carried over', changes: [] }];
  return recorded.map(({ at, by, action, changes, reason }, index) =>
    withoutUndefined<CarriedOverEvent>({
      id: `history:${entryId}:${index}`,
      type: 'carried-over',
      entryId,
      at,
      by: { name: by },
      basedOn: index === 0 ? undefined : `history:${entryId}:${index - 1}`,
      reason,
      action,
      changes,
      entry: index === 0 ? fields : undefined,
    }),
  );
}

/** A register kept by an earlier version, or read from a JSON file of version 1, as events. */
export function eventsFromRegister(
  entries: readonly RegisterEntry[],
  trustedKeys: readonly TrustedKey[],
  carryOver: CarryOver,
): RegisterEvent[] {
  return [
    ...entries.flatMap((entry) => eventsFromEntry(entry, carryOver)),
    ...trustedKeys.map(({ fingerprint, name, role, addedAt }): RegisterEvent => ({
      id: `trusted:${fingerprint}`,
      type: 'key-trusted',
      at: addedAt,
      by: carryOver.by,
      key: { name, role, fingerprint },
    })),
  ];
}

/** The fields each kind of event may change, as a history lists them. */
const CHANGED_FIELDS: Record<Exclude<EntryEvent['type'], 'carried-over'>, ReadonlyArray<keyof RegisterEntry>> = {
  imported: ['status'],
  're-assessed': ASSESSED_FIELDS,
  submitted: ['status'],
  'review-started': ['status'],
  decided: ['status', 'conditions', 'approver', 'decisionDate', 'reviewDue', 'owners'],
  retired: ['status'],
  edited: EDITABLE_FIELDS,
};

/** The words an earlier version's history used for each kind of event. */
const HISTORY_ACTIONS: Record<Exclude<EntryEvent['type'], 'carried-over'>, string> = {
  imported: 'imported',
  're-assessed': 'reassessed',
  submitted: 'status',
  'review-started': 'status',
  decided: 'decided',
  retired: 'retired',
  edited: 'edited',
};

/**
 * An entry's log as a history array, oldest first, as earlier versions kept
 * it: who, when, what was done, each field changed from what to what, and
 * why. Carried-over events give back what they carried.
 */
export function historyOf(entry: Pick<RegisterEntryState, 'log'>): HistoryEvent[] {
  const history: HistoryEvent[] = [];
  let state: EntryState | undefined;
  for (let index = entry.log.length - 1; index >= 0; index -= 1) {
    const event = entry.log[index]!;
    const before = state;
    state = nextState(state, event);
    if (event.type === 'carried-over') {
      const { at, by, action, changes, reason } = event;
      history.push(withoutUndefined<HistoryEvent>({ at, by: by.name, action, changes, reason }));
      continue;
    }
    const changes = changedFields(
      { ...(before ?? { subjects: [], yearGroups: [], conditions: [], owners: [] }), history: [] } as RegisterEntry,
      { ...state, history: [] },
      CHANGED_FIELDS[event.type],
    );
    const reason = event.reason?.trim() || undefined;
    history.push(
      withoutUndefined<HistoryEvent>({
        at: event.at,
        by: event.by.name,
        action: HISTORY_ACTIONS[event.type],
        changes,
        reason,
      }),
    );
  }
  return history;
}

/** The entry as earlier versions kept it, with its log as a history array: for register JSON version 1 and CSV. */
export function entryWithHistory(entry: RegisterEntryState): RegisterEntry {
  const fields: Partial<RegisterEntryState> = { ...entry };
  delete fields.log;
  delete fields.conflict;
  return { ...(fields as EntryState), history: historyOf(entry) };
}
