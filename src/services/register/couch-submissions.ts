import { readSubmission, SUBMISSION_ATTACHMENT, type Submission } from '../../model/register/submissions.js';
import { databaseUrlOf, type CouchFetch } from './couch-session.js';
import { localDatabase, remoteDatabase, type PouchDatabase, type PouchEmitter } from './pouchdb.js';

// A school's submissions database (`proforma-<school>-submissions`) as an approver's browser reads
// it: a replica in this browser's IndexedDB, pulled from the server live, so that each signed PDF a
// teacher sends arrives without a reload. Which submissions an approver has dismissed in this
// browser is kept in a `_local` document of the replica, which never leaves it.

export interface CouchSubmissionsOptions {
  /** Whether requests carry the browser's cookies; `include` unless given (see `CouchRegisterStore`). */
  credentials?: RequestCredentials;
  /** Sends every request to the server, in place of the browser's `fetch`. */
  fetch?: CouchFetch;
  /** The name of the replica in this browser; one per database address unless given. */
  replica?: string;
}

const DISMISSED_ID = '_local/proforma-dismissed-submissions';

/** How long to wait before asking the server again: doubling from 1 s, at most 30 s. */
const backOff = (delay: number) => Math.min(Math.max(delay * 2, 1000), 30_000);

/** The teachers' submissions of a school, in live sync from its server. */
export class CouchSubmissions {
  /** The database's address, without any name and password written into it. */
  readonly url: string;
  readonly #local: PouchDatabase;
  readonly #pull: PouchEmitter;
  readonly #feed: PouchEmitter;
  readonly #listeners = new Set<() => void>();
  #closed = false;

  constructor(url: string, options: CouchSubmissionsOptions = {}) {
    this.url = databaseUrlOf(url);
    const credentials = options.credentials ?? 'include';
    const send = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
    this.#local = localDatabase(options.replica ?? `proforma-submissions ${this.url}`);
    const remote = remoteDatabase(this.url, (input, init) => send(input, { ...init, credentials }));
    this.#pull = this.#local.replicate.from(remote, { live: true, retry: true, back_off_function: backOff });
    this.#feed = this.#local.changes({ since: 'now', live: true }).on('change', () => this.#notify());
  }

  /** Every submission the replica holds, oldest first; documents that are not submissions are left out. */
  async list(): Promise<Submission[]> {
    const { rows } = await this.#local.allDocs({ include_docs: true });
    return rows
      .flatMap((row) => {
        // Anything else the database holds (its rules, say) is not a submission: the server refuses a malformed one.
        const read = readSubmission(row.doc);
        return 'submission' in read ? [read.submission] : [];
      })
      .sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || (a.id < b.id ? -1 : 1));
  }

  /** The signed PDF of submission `id`; undefined when it came with none. */
  async pdf(id: string): Promise<Uint8Array | undefined> {
    try {
      const blob = await this.#local.getAttachment(id, SUBMISSION_ATTACHMENT);
      return new Uint8Array(await blob.arrayBuffer());
    } catch (error) {
      if ((error as { status?: unknown }).status === 404) return undefined;
      throw error;
    }
  }

  /** The submissions dismissed in this browser. */
  async dismissed(): Promise<Set<string>> {
    return new Set((await this.#dismissedDoc()).ids);
  }

  /** Stops listing a refused submission in this browser; the submission itself stays on the server. */
  async dismiss(id: string): Promise<void> {
    const doc = await this.#dismissedDoc();
    if (doc.ids.includes(id)) return;
    await this.#local.put({ _id: DISMISSED_ID, ...(doc._rev ? { _rev: doc._rev } : {}), ids: [...doc.ids, id] });
    this.#notify();
  }

  /** Calls `listener` after each change to the replica; returns the way to stop. */
  watch(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops syncing and closes the replica (which stays in the browser). */
  async close(): Promise<void> {
    if (this.#stop()) await this.#local.close();
  }

  /** Stops syncing and deletes the replica from the browser (the server's database is untouched). */
  async deleteReplica(): Promise<void> {
    this.#stop();
    await this.#local.destroy();
  }

  #stop(): boolean {
    if (this.#closed) return false;
    this.#closed = true;
    this.#pull.cancel();
    this.#feed.cancel();
    this.#listeners.clear();
    return true;
  }

  async #dismissedDoc(): Promise<{ _rev?: string; ids: string[] }> {
    try {
      const doc = await this.#local.get(DISMISSED_ID);
      const ids = Array.isArray(doc.ids) ? doc.ids.filter((id): id is string => typeof id === 'string') : [];
      return { _rev: doc._rev, ids };
    } catch {
      return { ids: [] };
    }
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
