import { createStore, del, entries, get, setMany, update, type UseStore } from 'idb-keyval';
import { readDraft, type Draft } from '../model/draft.js';
import { checkRevision, storageError, type DraftListing, type DraftStore } from './draft-store.js';

/** The IndexedDB database that holds a namespace's drafts; namespaces keep two embeds on one site apart. */
export function draftDatabaseName(namespace: string): string {
  return `proforma-${namespace || 'default'}-drafts`;
}

/** Drafts kept in this browser's IndexedDB, one record per draft keyed by assessment id. */
export class IndexedDbDraftStore implements DraftStore {
  readonly persistent = true;
  private readonly store: UseStore;

  constructor(readonly namespace = 'default') {
    this.store = createStore(draftDatabaseName(namespace), 'drafts');
  }

  /** Resolves when the database can be opened and read; rejects with `StorageUnavailableError` otherwise. */
  async check(): Promise<void> {
    try {
      await get('', this.store);
    } catch (error) {
      throw storageError(error);
    }
  }

  async list(): Promise<DraftListing> {
    const listing: DraftListing = { drafts: [], damaged: [] };
    let records: Array<[IDBValidKey, unknown]>;
    try {
      records = await entries(this.store);
    } catch (error) {
      throw storageError(error);
    }
    for (const [key, raw] of records) {
      const read = readDraft(raw);
      if ('draft' in read) listing.drafts.push(read.draft);
      else listing.damaged.push({ id: String(key), raw, problem: read.problem });
    }
    return listing;
  }

  async get(id: string): Promise<Draft | undefined> {
    try {
      const read = readDraft(await get(id, this.store));
      return 'draft' in read ? read.draft : undefined;
    } catch (error) {
      throw storageError(error);
    }
  }

  async save(draft: Draft, expectedRevision: number | undefined): Promise<void> {
    try {
      // Read, compare and write in one transaction: a save from a stale tab
      // throws before anything is written.
      await update(
        draft.assessment.id,
        (stored: unknown) => {
          const read = readDraft(stored);
          checkRevision('draft' in read ? read.draft : undefined, expectedRevision);
          return draft;
        },
        this.store,
      );
    } catch (error) {
      throw storageError(error);
    }
  }

  async restore(drafts: Draft[]): Promise<void> {
    try {
      await setMany(
        drafts.map((draft) => [draft.assessment.id, draft]),
        this.store,
      );
    } catch (error) {
      throw storageError(error);
    }
  }

  async delete(id: string): Promise<void> {
    try {
      await del(id, this.store);
    } catch (error) {
      throw storageError(error);
    }
  }
}
