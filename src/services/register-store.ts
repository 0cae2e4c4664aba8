import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import {
  RegisterEntrySchema,
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
 * Every entry again, in one record beside them: listing 10,000 tools is one
 * read instead of 10,000. Each save rewrites it in the same transaction as the
 * entries; it is used only while it names exactly the ids stored, so a damaged
 * or foreign record sends the listing back to reading every record.
 */
const LISTING_KEY: IDBValidKey = ['listing'];

/** The entries of the listing record, if it is whole and names exactly the entries stored. */
function readListing(raw: unknown, keys: IDBValidKey[]): RegisterEntry[] | undefined {
  if (!Array.isArray(raw) || raw.length !== keys.length) return undefined;
  const ids = new Set(keys.map(String));
  const entries: RegisterEntry[] = [];
  for (const item of raw) {
    const parsed = RegisterEntrySchema.safeParse(item);
    if (!parsed.success || !ids.delete(parsed.data.id)) return undefined;
    entries.push(parsed.data);
  }
  return entries;
}

/**
 * What is stored now: every readable entry by id, and the ids of records that
 * cannot be read. From the listing when it is whole, else from every record:
 * one or two reads however many entries a save holds.
 */
async function storedEntries(
  store: IDBObjectStore,
): Promise<{ entries: Map<string, RegisterEntry>; damaged: Set<string> }> {
  const [keys, listing] = await Promise.all([
    promisifyRequest(store.getAllKeys(entryKeys())),
    promisifyRequest(store.get(LISTING_KEY)),
  ]);
  const listed = readListing(listing, keys);
  if (listed) return { entries: new Map(listed.map((entry) => [entry.id, entry])), damaged: new Set() };
  const values = await promisifyRequest(store.getAll(entryKeys()));
  const entries = new Map<string, RegisterEntry>();
  const damaged = new Set<string>();
  values.forEach((raw, index) => {
    const parsed = RegisterEntrySchema.safeParse(raw);
    if (parsed.success) entries.set(parsed.data.id, parsed.data);
    else damaged.add(String(keys[index]));
  });
  return { entries, damaged };
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

  /** Every entry, and any record that cannot be read. */
  async list(): Promise<RegisterListing> {
    const { keys, listing } = await this.run('readonly', async (store) => {
      const [keys, listing] = await Promise.all([
        promisifyRequest(store.getAllKeys(entryKeys())),
        promisifyRequest(store.get(LISTING_KEY)),
      ]);
      return { keys, listing };
    });
    const entries = readListing(listing, keys);
    return entries ? { entries, damaged: [] } : this.readEveryRecord();
  }

  /** Every entry read from its own record, and every record that cannot be read. */
  private async readEveryRecord(): Promise<RegisterListing> {
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
      const { entries: stored, damaged } = await storedEntries(store);
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
      // The listing, rewritten with the saved entries in it (a damaged record stays out of it).
      for (const entry of checked) {
        store.put(entry, entry.id);
        stored.set(entry.id, entry);
      }
      store.put([...stored.values()], LISTING_KEY);
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
