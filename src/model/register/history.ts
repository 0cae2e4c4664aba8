import type { Person } from '../answers.js';
import type { HistoryEvent, RegisterEntry } from '../register-entry.js';
import { RegisterRuleError, type ChangeBy } from './rule-error.js';
import { withoutUndefined } from './values.js';

// What an entry's history records of each change: who, when, why, and which fields moved from what to what.

export function historyEvent(action: string, change: ChangeBy, changes: HistoryEvent['changes']): HistoryEvent {
  const by = change.by.trim();
  if (by === '') throw new RegisterRuleError('who', 'Every change to the register needs the name of who made it.');
  const event: HistoryEvent = { at: change.at, by, action, changes };
  const reason = change.reason?.trim();
  if (reason) event.reason = reason;
  return event;
}

/** Each field whose value, as text, differs between two versions of an entry: what a history event lists. */
export function changedFields(
  before: RegisterEntry,
  after: RegisterEntry,
  fields: ReadonlyArray<keyof RegisterEntry>,
): HistoryEvent['changes'] {
  const changes: HistoryEvent['changes'] = [];
  for (const field of fields) {
    const from = fieldText(before, field);
    const to = fieldText(after, field);
    if (from === to) continue;
    changes.push(withoutUndefined({ field, from, to }));
  }
  return changes;
}

/** A field's value as the history shows it; `undefined` when the field is empty. */
function fieldText(entry: RegisterEntry, field: keyof RegisterEntry): string | undefined {
  if (field === 'assessment') {
    const { assessment } = entry;
    return assessment === undefined ? undefined : `${assessment.id} (revision ${assessment.revision})`;
  }
  if (field === 'owners') return joinedOrUndefined(entry.owners.map(personText));
  const value: unknown = entry[field];
  if (Array.isArray(value)) return joinedOrUndefined(value.map(String));
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return undefined;
}

function personText(person: Person): string {
  const role = person.role?.trim();
  return role ? `${person.name} (${role})` : person.name;
}

function joinedOrUndefined(values: string[]): string | undefined {
  return values.length === 0 ? undefined : values.join('; ');
}
