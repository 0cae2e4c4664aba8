// Register entries for tests of the elements that show them: the register itself, and the checks
// every element goes through (accessibility, reflow, target sizes).
import type { RegisterEntry } from '../../src/model/register-entry.js';
import { eventsFromRegister, localIsoDate } from '../../src/model/register/index.js';
import { IndexedDbRegisterStore } from '../../src/services/register/indexeddb-register-store.js';

export const freshNamespace = () => `test-register-${Math.random().toString(36).slice(2)}`;
export const today = localIsoDate();
export const FINGERPRINT = Array.from({ length: 32 }, (_, i) =>
  (i * 7).toString(16).padStart(2, '0').toUpperCase(),
).join(':');

/** `yyyy-mm-dd`, `days` after today. */
export function inDays(days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A register entry: a submitted tool with two account owners, imported once. */
export function entry(id: string, changes: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    id,
    tool: `Tool ${id}`,
    subjects: ['Computing'],
    yearGroups: ['Year 7'],
    status: 'submitted',
    conditions: [],
    owners: [{ name: 'Siân Jones', role: 'Head of computing' }, { name: 'Łukasz Nowak' }],
    history: [
      {
        at: '2026-01-10T09:00:00.000Z',
        by: 'J. Evans, IT lead',
        action: 'imported',
        changes: [{ field: 'status', to: 'submitted' }],
      },
    ],
    ...changes,
  };
}

/** A tool approved on a day, due for review on another. */
export const approved = (id: string, tool: string, reviewDue: string, changes: Partial<RegisterEntry> = {}) =>
  entry(id, {
    tool,
    status: 'approved',
    outcome: 'approved',
    readiness: 90,
    approver: 'C. Jones, deputy head',
    decisionDate: '2026-01-12',
    reviewDue,
    ...changes,
  });

export const mixedEntries = (): RegisterEntry[] => [
  approved('padlet', 'Padlet', inDays(200), { subjects: ['Art'], yearGroups: ['Year 9'] }),
  approved('canva', 'Canva', inDays(10)),
  approved('flip', 'Flip', inDays(-5)),
  entry('kahoot', {
    tool: 'Kahoot!',
    status: 'under-review',
    outcome: 'approved',
    readiness: 85,
    vendor: 'Kahoot ASA',
  }),
  entry('tiktok', { tool: 'TikTok', status: 'not-approved', outcome: 'not-approved', readiness: 20 }),
];

/** A register in this browser, of a namespace of its own, holding the entries with their histories as its log. */
export async function seededStore(entries: RegisterEntry[]): Promise<IndexedDbRegisterStore> {
  const store = new IndexedDbRegisterStore(freshNamespace());
  await store.append(
    eventsFromRegister(entries, [], { at: '2026-01-10T09:00:00.000Z', by: { name: 'J. Evans, IT lead' } }),
  );
  return store;
}

/** The entry of a store's register with the id, with its full assessment. */
export async function storedEntry(store: IndexedDbRegisterStore, id: string) {
  return (await store.entry(id))?.entry;
}
