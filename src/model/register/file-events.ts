import { TOOL_FIELDS, type RegisterEntry } from '../register-entry.js';
import type { CarriedOverEvent, EntryFields, EventAuthor } from './events.js';
import type { RegisterEntryState } from './fold.js';
import { changedFields } from './history.js';
import { withoutUndefined } from './values.js';

// The rows of a register CSV as events of the log: a spreadsheet carries no
// history and no assessment, so each row is one change carried in from
// outside the log, recording the entry as the row has it, and based on the
// newest event of the entry it names, if the register holds it.

/** An entry of the log as a CSV reader takes it: its fields, with an empty history. */
export function entryRecord(entry: RegisterEntryState): RegisterEntry {
  const fields: Partial<RegisterEntryState> = { ...entry };
  delete fields.log;
  delete fields.conflict;
  return { ...(fields as Omit<RegisterEntry, 'history'>), history: [] };
}

/** The fields a file may change, in the schema's order: all but the id, the history and the assessment. */
const FILE_FIELDS = [
  ...TOOL_FIELDS,
  'status',
  'outcome',
  'readiness',
  'conditions',
  'owners',
  'assessor',
  'approver',
  'decisionDate',
  'reviewDue',
  'signerFingerprint',
  'signerName',
  'rivalOf',
] as const satisfies ReadonlyArray<keyof RegisterEntry>;

/**
 * One `carried-over` event for each entry read from a file (`action` names
 * the file, as "imported from CSV"): a new entry comes in as the file has
 * it; one the register holds (`existing`) is recorded as the file has it,
 * its assessment kept, with each field that changed listed.
 */
export function eventsFromFileEntries(
  entries: readonly RegisterEntry[],
  existing: readonly RegisterEntryState[],
  change: { at: string; by: EventAuthor; action: string; newId: () => string },
): CarriedOverEvent[] {
  const byId = new Map(existing.map((entry) => [entry.id, entry]));
  return entries.map((entry) => {
    const stored = byId.get(entry.id);
    const { id: entryId, ...rest } = entry;
    const fields: Partial<RegisterEntry> = rest;
    delete fields.history;
    delete fields.assessment;
    return withoutUndefined<CarriedOverEvent>({
      id: change.newId(),
      type: 'carried-over',
      entryId,
      at: change.at,
      by: change.by,
      basedOn: stored?.log[0]?.id,
      action: change.action,
      changes:
        stored === undefined
          ? [{ field: 'status', to: entry.status }]
          : changedFields(entryRecord(stored), entry, FILE_FIELDS),
      entry: fields as EntryFields,
    });
  });
}
