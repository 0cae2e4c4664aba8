import PouchDBCore from 'pouchdb-core';
import idbAdapter from 'pouchdb-adapter-idb';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

// PouchDB as the shared register uses it: its core, the IndexedDB adapter for the replica, the
// HTTP adapter for the server, and replication, assembled from PouchDB's own packages (smaller
// than pouchdb-browser, which adds map/reduce the register does not use). The types below are the
// part of PouchDB's interface this code calls, written from its documentation.

/** A document of a database as PouchDB gives it. */
export interface PouchDocument {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _attachments?: Record<string, { content_type: string; data?: Blob | string; stub?: boolean; length?: number }>;
  [field: string]: unknown;
}

export interface PouchBulkResult {
  id?: string;
  rev?: string;
  ok?: boolean;
  error?: string | boolean;
  reason?: string;
  message?: string;
  status?: number;
}

export interface PouchChange {
  id: string;
  seq: number | string;
  changes: Array<{ rev: string }>;
  deleted?: boolean;
  doc?: PouchDocument;
}

/** An event emitter as PouchDB's replications and change feeds are. */
export interface PouchEmitter {
  on(event: string, listener: (...args: never[]) => void): this;
  cancel(): void;
}

export interface PouchDatabase {
  readonly name: string;
  get(id: string, options?: { rev?: string; conflicts?: boolean; revs?: boolean }): Promise<PouchDocument>;
  put(doc: PouchDocument): Promise<PouchBulkResult>;
  bulkDocs(docs: PouchDocument[], options?: { new_edits?: boolean }): Promise<PouchBulkResult[]>;
  allDocs(options: { include_docs?: boolean; conflicts?: boolean; keys?: string[] }): Promise<{
    rows: Array<{
      id?: string;
      key: string;
      error?: string;
      value?: { rev: string; deleted?: boolean };
      doc?: PouchDocument | null;
    }>;
  }>;
  changes(options: {
    since?: number | string;
    live?: boolean;
    include_docs?: boolean;
    conflicts?: boolean;
    return_docs?: boolean;
    style?: 'main_only' | 'all_docs';
  }): PouchEmitter & Promise<{ results: PouchChange[]; last_seq: number | string }>;
  getAttachment(id: string, name: string, options?: { rev?: string }): Promise<Blob>;
  revsDiff(revisions: Record<string, string[]>): Promise<Record<string, { missing: string[] }>>;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  close(): Promise<void>;
  destroy(): Promise<void>;
  replicate: {
    to(target: PouchDatabase, options?: Record<string, unknown>): PouchEmitter & Promise<PouchReplicationResult>;
    from(source: PouchDatabase, options?: Record<string, unknown>): PouchEmitter & Promise<PouchReplicationResult>;
  };
}

export interface PouchReplicationResult {
  ok: boolean;
  docs_written: number;
  doc_write_failures: number;
  errors: PouchBulkResult[];
}

/** The options of a database on a server: `fetch` makes every request it sends. */
export interface HttpDatabaseOptions {
  adapter: 'http';
  skip_setup: true;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
}

type PouchConstructor = new (name: string, options: { adapter: 'idb' } | HttpDatabaseOptions) => PouchDatabase;

interface PouchStatic {
  plugin(plugin: unknown): PouchStatic;
}

const PouchDB = PouchDBCore as unknown as PouchStatic & PouchConstructor;
PouchDB.plugin(idbAdapter).plugin(httpAdapter).plugin(replication);

/** The replica in this browser's IndexedDB named `name`. */
export function localDatabase(name: string): PouchDatabase {
  return new PouchDB(name, { adapter: 'idb' });
}

/** The database at `url` on a CouchDB server, every request sent through `fetch`. */
export function remoteDatabase(url: string, fetch: HttpDatabaseOptions['fetch']): PouchDatabase {
  return new PouchDB(url, { adapter: 'http', skip_setup: true, fetch });
}
