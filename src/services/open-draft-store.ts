import type { DraftStore } from './draft-store.js';
import { IndexedDbDraftStore } from './indexeddb-draft-store.js';
import { MemoryDraftStore } from './memory-draft-store.js';

export interface OpenedDraftStore {
  store: DraftStore;
  /** Why drafts are only kept in memory, when the browser refused storage. */
  unavailable?: string;
}

const opened = new Map<string, Promise<OpenedDraftStore>>();

/**
 * The browser's draft store for a namespace, shared by every element on the
 * page. When IndexedDB is missing or refused (private windows, sandboxed
 * frames, blocked storage) drafts are kept in memory instead and
 * `unavailable` says why, so that the page can warn and offer a backup.
 */
export function openDraftStore(namespace = 'default'): Promise<OpenedDraftStore> {
  let store = opened.get(namespace);
  if (!store) {
    store = (async () => {
      try {
        if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
        const indexed = new IndexedDbDraftStore(namespace);
        await indexed.check();
        return { store: indexed };
      } catch (error) {
        return { store: new MemoryDraftStore(), unavailable: error instanceof Error ? error.message : String(error) };
      }
    })();
    opened.set(namespace, store);
  }
  return store;
}

/** Asks the browser to keep this site's storage under pressure; `undefined` when it cannot say. */
export async function askForPersistentStorage(): Promise<boolean | undefined> {
  try {
    if (!navigator.storage?.persist) return undefined;
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return undefined;
  }
}
