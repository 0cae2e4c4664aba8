import { createStore, promisifyRequest } from 'idb-keyval';
import {
  RegisterEntrySchema,
  STORED_STATUSES,
  TrustedKeySchema,
  type RegisterEntry,
  type TrustedKey,
} from '../../model/register-entry.js';
import { storageError } from '../draft-store.js';

// Reading the register as the version before the log kept it, to carry it
// into the log once (see carry-over-register.ts); nothing here writes. In one
// object store "register" of the database `proforma-<namespace>-register`:
// - the entries, without their assessments, spread over 32 records under
//   ['entries', n], each one JSON string of the entries whose id hashes to n;
// - each entry's assessment under ['assessment', id];
// - the trusted staff keys under ['trusted', fingerprint].

/** The IndexedDB database in which the earlier version kept a namespace's register. */
export function earlierRegisterDatabaseName(namespace: string): string {
  return `proforma-${namespace || 'default'}-register`;
}

/** A record of the earlier register that cannot be read: left where it is, never carried. */
export interface EarlierDamagedRecord {
  key: string;
  raw: unknown;
  problem: string;
}

/** What the earlier register holds: every readable entry with its assessment, the records that are not, the keys. */
export interface EarlierRegister {
  entries: RegisterEntry[];
  damaged: EarlierDamagedRecord[];
  trustedKeys: TrustedKey[];
}

const range = (kind: string) => IDBKeyRange.bound([kind], [kind, []]);

const isString = (value: unknown): value is string => typeof value === 'string';
const STORED = new Set<unknown>(STORED_STATUSES);

/** Whether an item of a bucket has the shape of an entry, before the schema checks it whole. */
function looksLikeEntry(item: unknown): item is RegisterEntry {
  if (typeof item !== 'object' || item === null) return false;
  const entry = item as Record<string, unknown>;
  return (
    isString(entry.id) &&
    entry.id !== '' &&
    isString(entry.tool) &&
    STORED.has(entry.status) &&
    Array.isArray(entry.history)
  );
}

/** The entries of one bucket record, and what in it cannot be read. */
function readBucket(bucket: number, raw: unknown): { entries: RegisterEntry[]; damaged: EarlierDamagedRecord[] } {
  let items: unknown;
  try {
    items = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    items = undefined;
  }
  if (!Array.isArray(items)) {
    return {
      entries: [],
      damaged: [{ key: `entries ${bucket}`, raw, problem: 'the record is not a list of entries' }],
    };
  }
  const read: { entries: RegisterEntry[]; damaged: EarlierDamagedRecord[] } = { entries: [], damaged: [] };
  for (const item of items) {
    if (looksLikeEntry(item)) read.entries.push(item);
    else {
      const id = (item as { id?: unknown } | null)?.id;
      read.damaged.push({
        key: isString(id) ? id : `entries ${bucket}`,
        raw: item,
        problem: 'not an entry of the register',
      });
    }
  }
  return read;
}

/** Reads the register the earlier version kept for `namespace`, in the order of its entries' ids. */
export async function readEarlierRegister(namespace: string): Promise<EarlierRegister> {
  const store = createStore(earlierRegisterDatabaseName(namespace), 'register');
  let records: unknown[][];
  try {
    records = await store('readonly', (objects) =>
      Promise.all(
        [range('entries'), range('assessment'), range('trusted')].flatMap((keys) => [
          promisifyRequest(objects.getAllKeys(keys)),
          promisifyRequest(objects.getAll(keys)),
        ]),
      ),
    );
  } catch (error) {
    throw storageError(error);
  }
  const [bucketKeys, buckets, assessmentKeys, assessments, , keys] = records as [
    IDBValidKey[],
    unknown[],
    IDBValidKey[],
    unknown[],
    IDBValidKey[],
    unknown[],
  ];
  const register: EarlierRegister = { entries: [], damaged: [], trustedKeys: [] };
  const assessmentOf = new Map(
    assessmentKeys.map((key, index) => [String((key as [string, string])[1]), assessments[index]]),
  );
  const listed: RegisterEntry[] = [];
  buckets.forEach((raw, index) => {
    const read = readBucket(Number((bucketKeys[index] as [string, number])[1]), raw);
    listed.push(...read.entries);
    register.damaged.push(...read.damaged);
  });
  listed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const entry of listed) {
    const assessment = assessmentOf.get(entry.id);
    const parsed = RegisterEntrySchema.safeParse(assessment === undefined ? entry : { ...entry, assessment });
    if (parsed.success) register.entries.push(parsed.data);
    else
      register.damaged.push({ key: entry.id, raw: entry, problem: parsed.error.issues[0]?.message ?? 'not an entry' });
  }
  for (const raw of keys) {
    const parsed = TrustedKeySchema.safeParse(raw);
    if (parsed.success) register.trustedKeys.push(parsed.data);
  }
  return register;
}
