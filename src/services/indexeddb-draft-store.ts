import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import {
  DraftSummarySchema,
  readDraft,
  summarizeDraft,
  type DamagedDraft,
  type Draft,
  type DraftSummary,
} from '../model/draft.js';
import { checkRevision, damagedOrNothing, storageError, type DraftListing, type DraftStore } from './draft-store.js';

/** The IndexedDB database that holds a namespace's drafts; namespaces keep two embeds on one site apart. */
export function draftDatabaseName(namespace: string): string {
  return `proforma-${namespace || 'default'}-drafts`;
}

// Each draft is kept under its id (a string key); its summary beside it
// under ['summary', id]. IndexedDB sorts every string key before every array
// key, so each kind can be read on its own with a key range.
const summaryKey = (id: string): IDBValidKey => ['summary', id];
const draftKeys = () => IDBKeyRange.upperBound([], true);
const summaryKeys = () => IDBKeyRange.bound(['summary'], ['summary', []]);

/** Drafts kept in this browser's IndexedDB, with a small summary beside each for quick listing. */
export class IndexedDbDraftStore implements DraftStore {
  readonly persistent = true;
  private readonly store: UseStore;

  constructor(readonly namespace = 'default') {
    this.store = createStore(draftDatabaseName(namespace), 'drafts');
  }

  /** Resolves when the database can be opened and read; rejects with `StorageUnavailableError` otherwise. */
  async check(): Promise<void> {
    await this.run('readonly', (store) => promisifyRequest(store.count()));
  }

  async list(): Promise<DraftListing> {
    const [keys, values] = await this.run('readonly', (store) =>
      Promise.all([promisifyRequest(store.getAllKeys(draftKeys())), promisifyRequest(store.getAll(draftKeys()))]),
    );
    const listing: DraftListing = { drafts: [], damaged: [] };
    values.forEach((raw, index) => {
      const read = readDraft(raw);
      if ('draft' in read) listing.drafts.push(read.draft);
      else listing.damaged.push({ id: String(keys[index]), raw, problem: read.problem });
    });
    return listing;
  }

  async summaries(): Promise<DraftListing<DraftSummary>> {
    const { ids, summaries } = await this.run('readonly', async (store) => ({
      ids: (await promisifyRequest(store.getAllKeys(draftKeys()))) as string[],
      summaries: await promisifyRequest(store.getAll(summaryKeys())),
    }));
    const drafts = new Map<string, DraftSummary>();
    for (const raw of summaries) {
      const summary = DraftSummarySchema.safeParse(raw);
      if (summary.success) drafts.set(summary.data.id, summary.data);
    }
    // Drafts with no readable summary (written by an older version, or
    // damaged) are read in full, all in one go, to list them or report them.
    const damaged: DamagedDraft[] = [];
    if (ids.some((id) => !drafts.has(id))) {
      const full = await this.list();
      for (const draft of full.drafts) {
        if (!drafts.has(draft.assessment.id)) drafts.set(draft.assessment.id, summarizeDraft(draft));
      }
      damaged.push(...full.damaged);
    }
    const known = new Set(ids);
    return { drafts: [...drafts.values()].filter((summary) => known.has(summary.id)), damaged };
  }

  async get(id: string): Promise<Draft | undefined> {
    const raw = await this.run('readonly', (store) => promisifyRequest(store.get(id)));
    const read = readDraft(raw);
    return 'draft' in read ? read.draft : undefined;
  }

  async damagedRecord(id: string): Promise<DamagedDraft | undefined> {
    return damagedOrNothing(id, await this.run('readonly', (store) => promisifyRequest(store.get(id))));
  }

  async save(draft: Draft, expectedRevision: number | undefined): Promise<void> {
    // Read, compare and write in one transaction: a save from a stale tab
    // throws before anything is written, and a draft never lacks its summary.
    await this.run('readwrite', async (store) => {
      checkRevision(await promisifyRequest(store.get(draft.assessment.id)), expectedRevision);
      put(store, draft);
      await promisifyRequest(store.transaction);
    });
  }

  async restore(drafts: Draft[]): Promise<void> {
    await this.run('readwrite', (store) => {
      for (const draft of drafts) put(store, draft);
      return promisifyRequest(store.transaction);
    });
  }

  async delete(id: string): Promise<void> {
    await this.run('readwrite', (store) => {
      store.delete(id);
      store.delete(summaryKey(id));
      return promisifyRequest(store.transaction);
    });
  }

  private async run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T>): Promise<T> {
    try {
      return await this.store(mode, work);
    } catch (error) {
      throw storageError(error);
    }
  }
}

function put(store: IDBObjectStore, draft: Draft): void {
  store.put(draft, draft.assessment.id);
  store.put(summarizeDraft(draft), summaryKey(draft.assessment.id));
}
