import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import {
  RegisterEntrySchema,
  STORED_STATUSES,
  TrustedKeySchema,
  type HistoryEvent,
  type RegisterEntry,
  type TrustedKey,
} from '../model/register-entry.js';
import { storageError } from './draft-store.js';

/** The IndexedDB database that holds a namespace's register, apart from its drafts and keys. */
export function registerDatabaseName(namespace: string): string {
  return `proforma-${namespace || 'default'}-register`;
}

/** Thrown when a save would rewrite or drop part of an entry's history, which may only grow. */
export class RegisterHistoryError extends Error {
  override name = 'RegisterHistoryError';
}

/** A stored record that cannot be read as what it should be: listed apart, never overwritten. */
export interface DamagedRecord {
  key: string;
  raw: unknown;
  problem: string;
}

export interface RegisterListing {
  entries: RegisterEntry[];
  damaged: DamagedRecord[];
}

// How the register is kept, in one object store:
// - the entries, without their assessments, spread over BUCKETS records
//   under ['entries', n], each one JSON string of the entries whose id hashes
//   to n. Saving 10,000 tools is then a few dozen writes rather than 10,000,
//   listing them a few dozen reads, and one unreadable record cannot take the
//   whole register with it;
// - each entry's assessment (the answers, which can be large) under
//   ['assessment', id], read when the entry itself is wanted;
// - the trusted staff keys under ['trusted', fingerprint].
const BUCKETS = 32;
const bucketKey = (bucket: number): IDBValidKey => ['entries', bucket];
const bucketKeys = () => IDBKeyRange.bound(['entries'], ['entries', []]);
const assessmentKey = (id: string): IDBValidKey => ['assessment', id];
const assessmentKeys = () => IDBKeyRange.bound(['assessment'], ['assessment', []]);
const trustedKey = (fingerprint: string): IDBValidKey => ['trusted', fingerprint];
const trustedKeys = () => IDBKeyRange.bound(['trusted'], ['trusted', []]);

/** The bucket an entry is kept in: FNV-1a of its id. */
export function registerBucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKETS;
}

const sameEvent = (a: HistoryEvent, b: HistoryEvent) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Throws `RegisterHistoryError` unless `next`'s history begins with every
 * event of `stored`'s, unchanged: the history is append-only.
 */
export function checkHistoryGrows(stored: RegisterEntry | undefined, next: RegisterEntry): void {
  if (!stored) return;
  const kept = stored.history;
  if (next.history.length < kept.length || kept.some((event, index) => !sameEvent(event, next.history[index]!))) {
    throw new RegisterHistoryError(
      `The history of "${stored.tool}" can only be added to: a change would rewrite or drop ${kept.length} earlier event(s).`,
    );
  }
}

/** The entry as a bucket keeps it: without its assessment, which has a record of its own. */
function withoutAssessment(entry: RegisterEntry): RegisterEntry {
  if (entry.assessment === undefined) return entry;
  const rest = { ...entry };
  delete rest.assessment;
  return rest;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';
const optionalDate = (value: unknown) => value === undefined || (isString(value) && /^\d{4}-\d{2}-\d{2}$/.test(value));
const STORED = new Set<unknown>(STORED_STATUSES);

/**
 * Whether an item of a bucket has the shape the register reads. Buckets are
 * written only by `save`, from entries the schema has checked; this catches an
 * item something else has changed without the cost of the whole schema for
 * 10,000 entries each time the register is listed (`get` checks the whole
 * schema).
 */
function looksLikeEntry(item: unknown): item is RegisterEntry {
  if (typeof item !== 'object' || item === null) return false;
  const entry = item as Record<string, unknown>;
  return (
    isString(entry.id) &&
    entry.id !== '' &&
    isString(entry.tool) &&
    entry.tool !== '' &&
    STORED.has(entry.status) &&
    [entry.subjects, entry.yearGroups, entry.conditions].every((list) => Array.isArray(list) && list.every(isString)) &&
    Array.isArray(entry.owners) &&
    entry.owners.every((owner) => typeof owner === 'object' && owner !== null && isString(owner.name)) &&
    Array.isArray(entry.history) &&
    [
      entry.vendor,
      entry.url,
      entry.purpose,
      entry.outcome,
      entry.approver,
      entry.signerFingerprint,
      entry.signerName,
      entry.rivalOf,
    ].every(optionalString) &&
    optionalDate(entry.decisionDate) &&
    optionalDate(entry.reviewDue) &&
    (entry.readiness === undefined || entry.readiness === null || typeof entry.readiness === 'number') &&
    entry.assessment === undefined
  );
}

/** In the order of their ids, whichever bucket each is kept in. */
const byId = (a: RegisterEntry, b: RegisterEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One bucket as read: its readable entries, and what could not be read, kept as it was. */
interface Bucket {
  entries: RegisterEntry[];
  /** Items that are not entries, with the id they claim if any: written back untouched. */
  damagedItems: Array<{ id: string | undefined; raw: unknown }>;
  /** Set when the record itself cannot be read: nothing may be written over it. */
  unreadable?: unknown;
}

function readBucket(raw: unknown): Bucket {
  let items: unknown;
  try {
    items = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    items = undefined;
  }
  if (!Array.isArray(items)) return { entries: [], damagedItems: [], unreadable: raw };
  const bucket: Bucket = { entries: [], damagedItems: [] };
  for (const item of items) {
    if (looksLikeEntry(item)) bucket.entries.push(item);
    else {
      const id = (item as { id?: unknown } | null)?.id;
      bucket.damagedItems.push({ id: isString(id) ? id : undefined, raw: item });
    }
  }
  return bucket;
}

function damagedRecords(bucketNumber: number, bucket: Bucket): DamagedRecord[] {
  if (bucket.unreadable !== undefined) {
    return [{ key: `entries ${bucketNumber}`, raw: bucket.unreadable, problem: 'the record is not a list of entries' }];
  }
  return bucket.damagedItems.map(({ id, raw }) => ({
    key: id ?? `entries ${bucketNumber}`,
    raw,
    problem: 'not an entry of the register',
  }));
}

/**
 * The approved-tools register in this browser's IndexedDB, one database per
 * namespace: entries with their append-only history, and the staff keys the
 * register trusts.
 */
export class RegisterStore {
  private readonly store: UseStore;

  constructor(readonly namespace = 'default') {
    this.store = createStore(registerDatabaseName(namespace), 'register');
  }

  /**
   * Every entry, without its assessment (`get` or `listWithAssessments` give
   * that), and anything stored that cannot be read.
   */
  async list(): Promise<RegisterListing> {
    const [keys, values] = await this.run('readonly', (store) =>
      Promise.all([promisifyRequest(store.getAllKeys(bucketKeys())), promisifyRequest(store.getAll(bucketKeys()))]),
    );
    const listing: RegisterListing = { entries: [], damaged: [] };
    values.forEach((raw, index) => {
      const bucket = readBucket(raw);
      listing.entries.push(...bucket.entries);
      listing.damaged.push(...damagedRecords(Number((keys[index] as [string, number])[1]), bucket));
    });
    listing.entries.sort(byId);
    return listing;
  }

  /** Every entry with its assessment, and anything stored that cannot be read. */
  async listWithAssessments(): Promise<RegisterListing> {
    const [listing, [ids, assessments]] = await Promise.all([
      this.list(),
      this.run('readonly', (store) =>
        Promise.all([
          promisifyRequest(store.getAllKeys(assessmentKeys())),
          promisifyRequest(store.getAll(assessmentKeys())),
        ]),
      ),
    ]);
    const byEntry = new Map(ids.map((key, index) => [String((key as [string, string])[1]), assessments[index]]));
    const entries: RegisterEntry[] = [];
    for (const entry of listing.entries) {
      const parsed = RegisterEntrySchema.safeParse(
        byEntry.has(entry.id) ? { ...entry, assessment: byEntry.get(entry.id) } : entry,
      );
      if (parsed.success) entries.push(parsed.data);
      else
        listing.damaged.push({
          key: entry.id,
          raw: entry,
          problem: parsed.error.issues[0]?.message ?? 'not an entry',
        });
    }
    return { entries, damaged: listing.damaged };
  }

  /** One entry with its assessment, or undefined when there is none (or it cannot be read). */
  async get(id: string): Promise<RegisterEntry | undefined> {
    const [raw, assessment] = await this.run('readonly', (store) =>
      Promise.all([
        promisifyRequest(store.get(bucketKey(registerBucketOf(id)))),
        promisifyRequest(store.get(assessmentKey(id))),
      ]),
    );
    const entry = readBucket(raw).entries.find((each) => each.id === id);
    if (!entry) return undefined;
    const parsed = RegisterEntrySchema.safeParse(assessment === undefined ? entry : { ...entry, assessment });
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * Saves entries, all in one transaction: every one is written, or none (a
   * history rewritten, an unreadable record in the way, storage full). An
   * entry saved without an assessment keeps the one stored: a change made
   * from the list, or a CSV row, never drops the answers.
   */
  async save(...entries: RegisterEntry[]): Promise<void> {
    const checked = entries.map((entry) => RegisterEntrySchema.parse(entry));
    const byBucket = new Map<number, RegisterEntry[]>();
    for (const entry of checked) {
      const bucket = registerBucketOf(entry.id);
      byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), entry]);
    }
    await this.run('readwrite', async (store) => {
      const numbers = [...byBucket.keys()];
      const buckets = await Promise.all(
        numbers.map(async (number) => readBucket(await promisifyRequest(store.get(bucketKey(number))))),
      );
      try {
        numbers.forEach((number, index) => {
          const bucket = buckets[index]!;
          const stored = new Map(bucket.entries.map((entry) => [entry.id, entry]));
          for (const entry of byBucket.get(number)!) {
            // What cannot be read is kept as it is, for the IT lead to look at, rather than replaced.
            if (bucket.unreadable !== undefined || bucket.damagedItems.some(({ id }) => id === entry.id)) {
              throw new RegisterHistoryError(`The stored record of "${entry.id}" cannot be read; it is left as it is.`);
            }
            checkHistoryGrows(stored.get(entry.id), entry);
          }
        });
      } catch (error) {
        store.transaction.abort();
        throw error;
      }
      numbers.forEach((number, index) => {
        const bucket = buckets[index]!;
        const kept = new Map(bucket.entries.map((entry) => [entry.id, entry]));
        for (const entry of byBucket.get(number)!) {
          kept.set(entry.id, withoutAssessment(entry));
          if (entry.assessment !== undefined) store.put(entry.assessment, assessmentKey(entry.id));
        }
        const items: unknown[] = [...kept.values(), ...bucket.damagedItems.map(({ raw }) => raw)];
        store.put(JSON.stringify(items), bucketKey(number));
      });
      await promisifyRequest(store.transaction);
    });
  }

  /** The staff keys the register trusts. */
  async trustedKeys(): Promise<TrustedKey[]> {
    const values = await this.run('readonly', (store) => promisifyRequest(store.getAll(trustedKeys())));
    return values.flatMap((raw) => {
      const parsed = TrustedKeySchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });
  }

  async trust(key: TrustedKey): Promise<void> {
    const checked = TrustedKeySchema.parse(key);
    await this.run('readwrite', (store) => {
      store.put(checked, trustedKey(checked.fingerprint));
      return promisifyRequest(store.transaction);
    });
  }

  async distrust(fingerprint: string): Promise<void> {
    await this.run('readwrite', (store) => {
      store.delete(trustedKey(fingerprint));
      return promisifyRequest(store.transaction);
    });
  }

  private async run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T>): Promise<T> {
    try {
      return await this.store(mode, work);
    } catch (error) {
      if (error instanceof RegisterHistoryError) throw error;
      throw storageError(error);
    }
  }
}
