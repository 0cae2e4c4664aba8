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

// Entries are kept under their id (a string key), trusted keys under
// ['trusted', fingerprint]; IndexedDB sorts every string key before every
// array key, so each kind is read on its own with a key range.
const entryKeys = () => IDBKeyRange.upperBound([], true);
const trustedKey = (fingerprint: string): IDBValidKey => ['trusted', fingerprint];
const trustedKeys = () => IDBKeyRange.bound(['trusted'], ['trusted', []]);

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

/**
 * Every entry again, in one record beside them, so that listing 10,000 tools
 * is one read instead of 10,000: each entry without its assessment (the
 * answers, read from the entry's own record when wanted), written as one JSON
 * string, which IndexedDB hands back far faster than as many objects. Each
 * save rewrites it in the same transaction as the entries; it is used only
 * while it names exactly the ids stored, so a damaged or foreign record sends
 * the listing back to reading every record.
 */
const LISTING_KEY: IDBValidKey = ['listing'];

interface Listing {
  /** Every entry, without its assessment. */
  entries: RegisterEntry[];
  /** The ids of the entries whose own record holds an assessment. */
  assessed: Set<string>;
}

/** The entry as the listing keeps it: without its assessment. */
function listed(entry: RegisterEntry): RegisterEntry {
  if (entry.assessment === undefined) return entry;
  const rest = { ...entry };
  delete rest.assessment;
  return rest;
}

/** In the order of their ids, as IndexedDB keeps the records, so either way of listing gives the same order. */
const byId = (a: RegisterEntry, b: RegisterEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function listingRecord(entries: Iterable<RegisterEntry>, assessed: Iterable<string>): string {
  return JSON.stringify({ entries: [...entries].map(listed).sort(byId), assessed: [...assessed] });
}

const isString = (value: unknown): value is string => typeof value === 'string';
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';
const STORED = new Set<unknown>(STORED_STATUSES);

/**
 * Whether a listed item has the shape the register reads. The listing is
 * written only by `save`, from entries the schema has checked; this catches a
 * record that something else has changed, which sends `list` back to reading
 * (and checking) every record, without the cost of the whole schema each time.
 */
function looksListed(item: unknown): item is RegisterEntry {
  if (typeof item !== 'object' || item === null) return false;
  const entry = item as Record<string, unknown>;
  return (
    isString(entry.id) &&
    entry.id !== '' &&
    isString(entry.tool) &&
    STORED.has(entry.status) &&
    [entry.subjects, entry.yearGroups, entry.conditions].every((list) => Array.isArray(list) && list.every(isString)) &&
    Array.isArray(entry.owners) &&
    Array.isArray(entry.history) &&
    [entry.vendor, entry.url, entry.outcome, entry.decisionDate, entry.reviewDue, entry.signerFingerprint].every(
      optionalString,
    ) &&
    (entry.readiness === undefined || entry.readiness === null || typeof entry.readiness === 'number') &&
    entry.assessment === undefined
  );
}

/**
 * The listing record, if it is whole and names as many different entries as
 * are stored. Only `save` writes either, in one transaction, so a count that
 * differs means a record was added or damaged by something else.
 */
function readListing(raw: unknown, stored: number): Listing | undefined {
  if (typeof raw !== 'string') return undefined;
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const { entries, assessed } = (record ?? {}) as { entries?: unknown; assessed?: unknown };
  if (!Array.isArray(entries) || entries.length !== stored) return undefined;
  if (!Array.isArray(assessed) || !assessed.every(isString)) return undefined;
  const ids = new Set<string>();
  for (const item of entries) {
    if (!looksListed(item) || ids.has(item.id)) return undefined;
    ids.add(item.id);
  }
  return { entries, assessed: new Set(assessed) };
}

/**
 * What is stored now: every readable entry by id (without its assessment when
 * read from the listing), the ids of those with an assessment, and the ids of
 * records that cannot be read. From the listing when it is whole, else from
 * every record: one or two reads however many entries a save holds.
 */
async function storedEntries(
  store: IDBObjectStore,
): Promise<{ entries: Map<string, RegisterEntry>; assessed: Set<string>; damaged: Set<string> }> {
  const [count, raw] = await Promise.all([
    promisifyRequest(store.count(entryKeys())),
    promisifyRequest(store.get(LISTING_KEY)),
  ]);
  const listing = readListing(raw, count);
  if (listing) {
    return {
      entries: new Map(listing.entries.map((entry) => [entry.id, entry])),
      assessed: listing.assessed,
      damaged: new Set(),
    };
  }
  const [keys, values] = await Promise.all([
    promisifyRequest(store.getAllKeys(entryKeys())),
    promisifyRequest(store.getAll(entryKeys())),
  ]);
  const entries = new Map<string, RegisterEntry>();
  const assessed = new Set<string>();
  const damaged = new Set<string>();
  values.forEach((value, index) => {
    const parsed = RegisterEntrySchema.safeParse(value);
    if (!parsed.success) damaged.add(String(keys[index]));
    else {
      entries.set(parsed.data.id, listed(parsed.data));
      if (parsed.data.assessment !== undefined) assessed.add(parsed.data.id);
    }
  });
  return { entries, assessed, damaged };
}

/**
 * The entry with the assessment its stored record holds: a change that comes
 * without one (a CSV row, an entry as listed) never drops the answers.
 */
async function withStoredAssessment(store: IDBObjectStore, entry: RegisterEntry): Promise<RegisterEntry> {
  const parsed = RegisterEntrySchema.safeParse(await promisifyRequest(store.get(entry.id)));
  return parsed.success && parsed.data.assessment !== undefined
    ? { ...entry, assessment: parsed.data.assessment }
    : entry;
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
   * that), and any record that cannot be read.
   */
  async list(): Promise<RegisterListing> {
    const { count, raw } = await this.run('readonly', async (store) => {
      const [count, raw] = await Promise.all([
        promisifyRequest(store.count(entryKeys())),
        promisifyRequest(store.get(LISTING_KEY)),
      ]);
      return { count, raw };
    });
    const listing = readListing(raw, count);
    if (listing) return { entries: listing.entries, damaged: [] };
    const every = await this.listWithAssessments();
    return { ...every, entries: every.entries.map(listed) };
  }

  /** Every entry in full, read from its own record, and every record that cannot be read. */
  async listWithAssessments(): Promise<RegisterListing> {
    const [keys, values] = await this.run('readonly', (store) =>
      Promise.all([promisifyRequest(store.getAllKeys(entryKeys())), promisifyRequest(store.getAll(entryKeys()))]),
    );
    const listing: RegisterListing = { entries: [], damaged: [] };
    values.forEach((raw, index) => {
      const parsed = RegisterEntrySchema.safeParse(raw);
      if (parsed.success) listing.entries.push(parsed.data);
      else
        listing.damaged.push({
          key: String(keys[index]),
          raw,
          problem: parsed.error.issues[0]?.message ?? 'not an entry',
        });
    });
    return listing;
  }

  async get(id: string): Promise<RegisterEntry | undefined> {
    const raw = await this.run('readonly', (store) => promisifyRequest(store.get(id)));
    const parsed = RegisterEntrySchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  }

  /** Saves entries, all in one transaction: every one is written, or none (a history rewritten, storage full). */
  async save(...entries: RegisterEntry[]): Promise<void> {
    const checked = entries.map((entry) => RegisterEntrySchema.parse(entry));
    await this.run('readwrite', async (store) => {
      const { entries: stored, assessed, damaged } = await storedEntries(store);
      try {
        for (const entry of checked) {
          // A damaged record is kept as it is, for the IT lead to look at, rather than replaced.
          if (damaged.has(entry.id)) {
            throw new RegisterHistoryError(`The stored record of "${entry.id}" cannot be read; it is left as it is.`);
          }
          checkHistoryGrows(stored.get(entry.id), entry);
        }
      } catch (error) {
        store.transaction.abort();
        throw error;
      }
      const saved = await Promise.all(
        checked.map((entry) =>
          entry.assessment === undefined && assessed.has(entry.id) ? withStoredAssessment(store, entry) : entry,
        ),
      );
      // The listing, rewritten with the saved entries in it (a damaged record stays out of it).
      for (const entry of saved) {
        store.put(entry, entry.id);
        stored.set(entry.id, entry);
        if (entry.assessment !== undefined) assessed.add(entry.id);
      }
      store.put(listingRecord(stored.values(), assessed), LISTING_KEY);
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
