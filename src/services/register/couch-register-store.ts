import { oneAtATime } from '../../internal/one-at-a-time.js';
import type { RegisterEvent } from '../../model/register/events.js';
import { registerFromEvents } from '../../model/register/fold.js';
import { storageError } from '../draft-store.js';
import { attachmentName, documentOf, eventOf, evidenceNamedBy, type Envelope } from './couch-documents.js';
import {
  currentSession,
  databaseUrlOf,
  serverUrlOf,
  signIn,
  signOut,
  type CouchFetch,
  type CouchSession,
} from './couch-session.js';
import {
  problemOf,
  sameStatus,
  syncStateOf,
  type CouchRegisterView,
  type CouchSyncStatus,
  type RefusedChange,
  type ServerProblem,
  type ServerRegisterStore,
} from './couch-sync-status.js';
import { checkEvidence, eventsToWrite } from './log-records.js';
import { ReplicaReader, type ReplicaContents } from './replica-reader.js';
import { localDatabase, remoteDatabase, type PouchDatabase, type PouchEmitter } from './pouchdb.js';
import { RegisterStoreError, type RegisterEntryDetail, type RegisterEvidence } from './register-store.js';

// The shared register: a replica of one CouchDB database in this browser's IndexedDB (PouchDB),
// kept in live two-way sync with the server. Everything reads and writes the replica, so the
// register opens, takes changes and shows them with no network; the server's rules
// (couchdb/design-documents.mjs) decide what it keeps, and a change it refuses stays here, listed
// apart with the server's reason. What the store knows of itself, not of the register (who signed
// in last, how far the server is known to hold this replica's changes, what it refused), is kept
// in a `_local` document of the replica, which never leaves the browser.

export interface CouchRegisterStoreOptions {
  /**
   * Whether requests carry the browser's cookies: `include` (the default) sends CouchDB's session
   * cookie to a server on another site; `same-origin` or `omit` for a site that signs people in
   * through its own proxy or single sign-on.
   */
  credentials?: RequestCredentials;
  /**
   * Sends every request to the server, in place of the browser's `fetch`: a site that signs in
   * through CouchDB's JWT authentication adds its `Authorization` header here.
   */
  fetch?: CouchFetch;
  /** The name of the replica in this browser; one per database address unless given. */
  replica?: string;
}

/** The replica's name for a database address: one replica per database. */
export const replicaNameOf = (databaseUrl: string) => `proforma-shared-register ${databaseUrlOf(databaseUrl)}`;

const STATE_ID = '_local/proforma-shared-register';

/** What the store keeps of itself in its replica. */
interface ReplicaState {
  /** The name of the person last signed in here: written into each event's envelope as `recordedBy`. */
  userName?: string;
  /** The replica's changes up to this sequence are known to be on the server, or refused. */
  sentUpTo: number | string;
  refused: RefusedChange[];
}

/** How long to wait before trying the server again: doubling from 1 s, at most 30 s. */
const backOff = (delay: number) => Math.min(Math.max(delay * 2, 1000), 30_000);

/** The replica read whole: its events, those the server refused, the records that are not events. */

/**
 * A register shared through a CouchDB database (or anything that speaks its replication
 * protocol), at `url`, e.g. `https://couch.example.sch.uk/proforma-ysgol-gwyn-register`.
 */
export class CouchRegisterStore implements ServerRegisterStore {
  readonly persistent = true;
  /** The database's address, without any name and password written into it. */
  readonly url: string;
  /** The server's address, ending in "/". */
  readonly serverUrl: string;
  readonly #fetch: CouchFetch;
  readonly #local: PouchDatabase;
  readonly #reader: ReplicaReader;
  readonly #remote: PouchDatabase;
  readonly #listeners = new Set<() => void>();
  readonly #statusListeners = new Set<(status: CouchSyncStatus) => void>();
  #state: Promise<ReplicaState & { _rev?: string }>;
  #status: CouchSyncStatus = { state: 'connecting', pending: 0, refused: [] };
  #problem?: ServerProblem;
  #heardFromServer = false;
  #pushing = false;
  #pullCaughtUp = false;
  #replications: PouchEmitter[] = [];
  #feed?: PouchEmitter;
  /** Ids being written by this store, and `id@rev` of what it wrote: its own writes are not news to its watchers. */
  #writingIds = new Set<string>();
  #ownWrites = new Set<string>();
  /** One append at a time, so that each checks the replica as the one before left it. */
  #appending: Promise<unknown> = Promise.resolve();
  /** Reads the replica's new documents as they come: one read at a time, and once more if asked meanwhile. */
  readonly #readAhead = oneAtATime(
    () => this.#readReplica(),
    () => this.#closed,
  );
  /** Works the status out again: one at a time, and once more if asked meanwhile. */
  readonly #refresh = oneAtATime(
    () => this.#updateStatus(),
    () => this.#closed,
  );
  #notifyTimer?: ReturnType<typeof setTimeout>;
  #closed = false;
  readonly #onOnline = () => this.restartSync();

  constructor(url: string, options: CouchRegisterStoreOptions = {}) {
    this.url = databaseUrlOf(url);
    this.serverUrl = serverUrlOf(url);
    const credentials = options.credentials ?? 'include';
    const send = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
    this.#fetch = (input, init) => send(input, { ...init, credentials });
    this.#local = localDatabase(options.replica ?? replicaNameOf(url));
    this.#reader = new ReplicaReader(this.#local);
    this.#remote = remoteDatabase(this.url, this.#fetch);
    this.#state = this.#readState();
    this.#feed = this.#local
      .changes({ since: 'now', live: true })
      .on('change', (change: { id: string; changes: Array<{ rev: string }> }) => {
        const own = change.changes.some(({ rev }) => this.#ownWrites.delete(`${change.id}@${rev}`));
        if (own || this.#writingIds.has(change.id)) return;
        // Read as they come, so that a read once a first sync is over reads only its last changes.
        this.#readAhead.ask();
        this.#notifySoon();
        // While the server's changes come in, the status says so; what is left to send is counted
        // once they have (the pull pausing asks), not at each of thousands of documents.
        if (this.#pullCaughtUp) this.#refresh.ask();
      });
    globalThis.addEventListener?.('online', this.#onOnline);
    this.#startSync();
  }

  /** Where the register stands with its server now. */
  get status(): CouchSyncStatus {
    return structuredClone(this.#status);
  }

  /** Calls `listener` with the status each time it changes; returns the way to stop. */
  watchStatus(listener: (status: CouchSyncStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /** The name of the person last signed in through this store: what a new event's `by.name` should be. */
  async userName(): Promise<string | undefined> {
    return (await this.#state).userName;
  }

  /** Who the server takes this browser for now; undefined when no one is signed in. Needs the server. */
  async session(): Promise<CouchSession | undefined> {
    const session = await currentSession(this.#fetch, this.serverUrl);
    if (session) await this.#saveState({ userName: session.name });
    return session;
  }

  /** Signs in with CouchDB's session (the password is sent once, never kept), then syncs at once. */
  async signIn(name: string, password: string): Promise<CouchSession> {
    const session = await signIn(this.#fetch, this.serverUrl, name, password);
    await this.#saveState({ userName: session.name });
    this.restartSync();
    return session;
  }

  /** Ends the session on the server; the replica stays, and sync waits for the next sign-in. */
  async signOut(): Promise<void> {
    await signOut(this.#fetch, this.serverUrl);
    await this.#saveState({ userName: undefined });
    this.restartSync();
  }

  /** Starts sync again now, rather than after its wait: after a sign-in, or when the network is back. */
  restartSync(): void {
    if (this.#closed) return;
    this.#stopSync();
    this.#problem = undefined;
    this.#startSync();
    this.#refresh.ask();
  }

  async read(now = new Date()): Promise<CouchRegisterView> {
    const { events, refused, damaged } = await this.#readReplica();
    return {
      ...registerFromEvents(events, { now }),
      damaged,
      refused,
      eventCount: events.length + refused.length + damaged.length,
    };
  }

  /** Every event of the replica the server has not refused, in the order they came into it. */
  async events(): Promise<RegisterEvent[]> {
    return (await this.#readReplica()).events;
  }

  async entry(id: string, now = new Date()): Promise<RegisterEntryDetail | undefined> {
    const { events, evidence } = await this.#readReplica();
    const entry = registerFromEvents(events, { now }).entries.find((each) => each.id === id);
    if (!entry) return undefined;
    const held = entry.log.flatMap((event) => {
      const named = evidenceNamedBy(event);
      return named && evidence.has(named.sha256) ? [named] : [];
    });
    return { entry, evidence: held };
  }

  async append(events: readonly RegisterEvent[], evidence: readonly RegisterEvidence[] = []): Promise<void> {
    await checkEvidence(evidence);
    await this.#inTurn(async () => this.#write(events, evidence, { recordedBy: (await this.#state).userName }));
  }

  /**
   * Appends events made in a browser's own register by anyone, marked as moved (see
   * `moveRegisterToShared`): the server takes them only from an approver, in whose name they are
   * recorded. Gives the ids written now.
   */
  async appendMoved(events: readonly RegisterEvent[], evidence: readonly RegisterEvidence[] = []): Promise<string[]> {
    await checkEvidence(evidence);
    return this.#inTurn(async () => {
      const { userName } = await this.#state;
      return this.#write(events, evidence, { recordedBy: userName, moved: true });
    });
  }

  /**
   * Writes events, with the PDFs they name, straight to the server rather than through the replica,
   * marked as moved (in their author's name, recorded by the person signed in): for events that
   * several approvers' browsers may write at once under one id, as a teacher's submission taken in.
   * The server keeps the first; the others learn from its answer that it holds the id, so that no
   * event ever has two revisions. The replica gets them by sync. Gives the ids written now and
   * those the server held already.
   */
  async appendOnServer(
    events: readonly RegisterEvent[],
    evidence: readonly RegisterEvidence[] = [],
  ): Promise<{ written: string[]; held: string[] }> {
    await checkEvidence(evidence);
    const { userName } = await this.#state;
    const files = new Map(evidence.map((file) => [file.sha256, file]));
    const docs = eventsToWrite(events, new Map()).map((event) => {
      const named = evidenceNamedBy(event);
      return documentOf(event, { recordedBy: userName, moved: true }, named && files.get(named.sha256));
    });
    const results = await this.#remote.bulkDocs(docs);
    const written: string[] = [];
    const held: string[] = [];
    for (const [index, result] of results.entries()) {
      const id = docs[index]!._id;
      if (result.error === 'conflict') held.push(id);
      else if (result.error) throw new Error(result.reason ?? result.message ?? String(result.error));
      else written.push(id);
    }
    return { written, held };
  }

  async evidence(sha256: string): Promise<RegisterEvidence | undefined> {
    const holder = (await this.#readReplica()).evidence.get(sha256);
    if (!holder) return undefined;
    const doc = await this.#local.get(holder.id, { rev: holder.rev });
    const named = eventOf(doc);
    const name = ('event' in named && evidenceNamedBy(named.event)?.name) || attachmentName(sha256);
    const blob = await this.#local.getAttachment(holder.id, attachmentName(sha256), { rev: holder.rev });
    return { name, sha256, bytes: new Uint8Array(await blob.arrayBuffer()) };
  }

  watch(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Sends the replica's changes among `ids` to the server now and waits for its answer: what it
   * wrote, and what it refused with its reasons (also kept in the status).
   */
  async sendNow(ids: readonly string[]): Promise<{ written: number; refused: RefusedChange[] }> {
    const refused: RefusedChange[] = [];
    const replication = this.#local.replicate.to(this.#remote, { doc_ids: [...ids] });
    replication.on('denied', (error: unknown) => refused.push(refusalOf(error)));
    const result = await replication;
    const confirmed = await this.#addRefused(refused);
    this.#refresh.ask();
    return { written: result.docs_written, refused: confirmed };
  }

  /** Which of `ids` the server holds, read from the server itself. */
  async onServer(ids: readonly string[]): Promise<Set<string>> {
    const held = new Set<string>();
    for (let start = 0; start < ids.length; start += 500) {
      const { rows } = await this.#remote.allDocs({ keys: ids.slice(start, start + 500) });
      for (const row of rows) {
        if (row.value && !row.value.deleted) held.add(row.key);
      }
    }
    return held;
  }

  /** The attachments of the server's document `id`, by name. */
  async attachmentsOnServer(id: string): Promise<string[]> {
    const doc = await this.#remote.get(id);
    return Object.keys(doc._attachments ?? {});
  }

  /** Stops syncing and closes the replica (which stays in the browser). */
  async close(): Promise<void> {
    if (await this.#stop()) await this.#local.close();
  }

  /** Stops syncing and deletes the replica from the browser (the server's database is untouched). */
  async deleteReplica(): Promise<void> {
    await this.#stop();
    await this.#local.destroy();
  }

  /** Stops syncing, watching and working the status out, once; false when it was already stopped. */
  async #stop(): Promise<boolean> {
    if (this.#closed) return false;
    this.#closed = true;
    globalThis.removeEventListener?.('online', this.#onOnline);
    this.#stopSync();
    this.#feed?.cancel();
    clearTimeout(this.#notifyTimer);
    await this.#refresh.idle();
    await this.#readAhead.idle();
    await this.#appending.catch(() => undefined);
    return true;
  }

  #inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.#appending.then(work, work);
    this.#appending = turn.catch(() => undefined);
    return turn;
  }

  /** Writes the events of a batch the replica does not hold yet, with the PDFs they name; gives their ids. */
  async #write(
    events: readonly RegisterEvent[],
    evidence: readonly RegisterEvidence[],
    envelope: Envelope,
  ): Promise<string[]> {
    const ids = [...new Set(events.map((event) => (event as { id?: unknown } | null)?.id))].filter(
      (id): id is string => typeof id === 'string',
    );
    const writing = eventsToWrite(events, await this.#storedEvents(ids));
    const files = new Map(evidence.map((file) => [file.sha256, file]));
    const docs = writing.map((event) => {
      const named = evidenceNamedBy(event);
      return documentOf(event, envelope, named && files.get(named.sha256));
    });
    const attached = new Set(writing.flatMap((event) => evidenceNamedBy(event)?.sha256 ?? []));
    const unattached = evidence.filter((file) => !attached.has(file.sha256));
    if (unattached.length > 0) {
      const held = (await this.#readReplica()).evidence;
      const missing = unattached.find((file) => !held.has(file.sha256));
      if (missing) {
        throw new RegisterStoreError(
          'evidence-mismatch',
          `The signed PDF "${missing.name}" is named by no change being added: in the shared register a signed PDF is kept with the change that names it. Nothing was saved.`,
        );
      }
    }
    if (docs.length === 0) return [];
    for (const doc of docs) this.#writingIds.add(doc._id);
    try {
      const results = await this.#local.bulkDocs(docs).catch((error: unknown) => {
        throw storageError(error);
      });
      for (const result of results) if (result.ok && result.id) this.#ownWrites.add(`${result.id}@${result.rev}`);
      const failed = results.find((result) => !result.ok);
      if (failed) {
        // Only a change arriving from the server under the same id, between the check and the write, gets here.
        throw new RegisterStoreError(
          'duplicate-id',
          `The register already holds a change with the id "${failed.id}", which arrived while this batch was written; the rest of the batch was saved.`,
        );
      }
    } finally {
      for (const doc of docs) this.#writingIds.delete(doc._id);
      this.#notify();
      this.#refresh.ask();
    }
    return docs.map((doc) => doc._id);
  }

  /** What the replica holds under each of `ids`: an event, or 'unreadable' for anything else. */
  async #storedEvents(ids: readonly string[]): Promise<Map<string, RegisterEvent | 'unreadable'>> {
    const stored = new Map<string, RegisterEvent | 'unreadable'>();
    if (ids.length === 0) return stored;
    const { rows } = await this.#local.allDocs({ keys: [...ids], include_docs: true, conflicts: true });
    for (const row of rows) {
      if (row.error || !row.value) continue;
      const read = row.doc ? eventOf(row.doc) : undefined;
      // Two revisions under one id are two different events: nothing more may be written beside them.
      stored.set(row.key, read && 'event' in read && !row.doc?._conflicts ? read.event : 'unreadable');
    }
    return stored;
  }

  async #readReplica(): Promise<ReplicaContents> {
    return this.#reader.contents((await this.#state).refused);
  }

  async #readState(): Promise<ReplicaState & { _rev?: string }> {
    try {
      const doc = (await this.#local.get(STATE_ID)) as unknown as Partial<ReplicaState> & { _rev: string };
      return {
        _rev: doc._rev,
        userName: typeof doc.userName === 'string' ? doc.userName : undefined,
        sentUpTo: typeof doc.sentUpTo === 'number' || typeof doc.sentUpTo === 'string' ? doc.sentUpTo : 0,
        refused: Array.isArray(doc.refused) ? doc.refused : [],
      };
    } catch {
      return { sentUpTo: 0, refused: [] };
    }
  }

  /** Changes what the replica keeps of the store, one change at a time. */
  async #saveState(changes: Partial<ReplicaState> | ((state: ReplicaState) => Partial<ReplicaState>)): Promise<void> {
    const saving = this.#state.then(async (state) => {
      const next = { ...state, ...(typeof changes === 'function' ? changes(state) : changes) };
      const { _rev, ...fields } = next;
      const written = await this.#local.put({ ...fields, _id: STATE_ID, ...(_rev ? { _rev } : {}) });
      return { ...next, _rev: written.rev };
    });
    this.#state = saving.catch(() => this.#readState());
    await saving;
  }

  /**
   * Keeps the refusals of revisions the server does not hold, and gives them: the same revision
   * sent twice at once (by live sync and `sendNow`, or a request retried) is refused the second
   * time as a change to the event, though the server holds it as sent.
   */
  async #addRefused(denied: readonly RefusedChange[]): Promise<RefusedChange[]> {
    const refusals = await this.#notOnServer(denied);
    if (refusals.length === 0) return [];
    let added = false;
    await this.#saveState(({ refused }) => {
      const known = new Set(refused.map(({ id, rev }) => `${id}@${rev}`));
      const adding = refusals.filter(({ id, rev }) => !known.has(`${id}@${rev}`));
      added = adding.length > 0;
      return { refused: [...refused, ...adding] };
    });
    // The register's view changes: the refused event leaves the fold for the refused list.
    if (added) this.#notify();
    return refusals;
  }

  /** Those of `refusals` whose revision (the replica's, when the server named none) the server lacks. */
  async #notOnServer(refusals: readonly RefusedChange[]): Promise<RefusedChange[]> {
    if (refusals.length === 0) return [];
    const revisions = await Promise.all(
      refusals.map(async ({ id, rev }) => {
        if (rev) return [rev];
        const doc = await this.#local.get(id, { conflicts: true }).catch(() => undefined);
        return doc?._rev ? [doc._rev, ...(doc._conflicts ?? [])] : [];
      }),
    );
    try {
      const diff = await this.#remote.revsDiff(
        Object.fromEntries(refusals.map(({ id }, index) => [id, revisions[index]!])),
      );
      return refusals.filter(({ id }, index) => revisions[index]!.length === 0 || (diff[id]?.missing.length ?? 0) > 0);
    } catch {
      // The server cannot be asked now: it refused them, and says so.
      return [...refusals];
    }
  }

  #startSync(): void {
    // 1,000 documents a request, one request's worth held at once: as many documents in memory as
    // PouchDB's own defaults hold (100 × 10), in a tenth of the requests, which is most of a first sync.
    const options = { live: true, retry: true, back_off_function: backOff, batch_size: 1000, batches_limit: 1 };
    const push = this.#local.replicate.to(this.#remote, options);
    const pull = this.#local.replicate.from(this.#remote, options);
    const failed = (error: unknown) => {
      this.#problem = problemOf(error);
      this.#refresh.ask();
    };
    const heard = () => {
      this.#heardFromServer = true;
      this.#problem = undefined;
      this.#refresh.ask();
    };
    push
      .on('active', () => {
        this.#pushing = true;
        this.#refresh.ask();
      })
      .on('paused', (error?: unknown) => {
        this.#pushing = false;
        if (error) failed(error);
        else heard();
      })
      .on('change', heard)
      .on('requestError', failed)
      .on('error', failed)
      .on('denied', (error: unknown) => void this.#addRefused([refusalOf(error)]).then(() => this.#refresh.ask()));
    pull
      .on('active', () => {
        this.#pullCaughtUp = false;
        this.#refresh.ask();
      })
      .on('paused', (error?: unknown) => {
        if (error) return failed(error);
        this.#pullCaughtUp = true;
        heard();
      })
      .on('change', () => {
        this.#heardFromServer = true;
        this.#problem = undefined;
      })
      .on('requestError', failed)
      .on('error', failed);
    this.#replications = [push, pull];
  }

  #stopSync(): void {
    for (const replication of this.#replications) replication.cancel();
    this.#replications = [];
    this.#pushing = false;
    this.#pullCaughtUp = false;
  }

  /**
   * Counts the replica's changes the server does not have: those since the last sequence known to
   * be sent, less the refused ones, asked of the server (`_revs_diff`) when it can be reached.
   */
  async #updateStatus(): Promise<void> {
    const state = await this.#state;
    const { results, last_seq } = await this.#local.changes({ since: state.sentUpTo, style: 'all_docs' });
    const refused = new Set(state.refused.map(({ id }) => id));
    const candidates = results.filter(({ id }) => !id.startsWith('_design/') && !refused.has(id));
    let pending = candidates.length;
    if (candidates.length > 0 && !this.#closed) {
      try {
        const missing = new Set<string>();
        for (let start = 0; start < candidates.length; start += 500) {
          const batch = candidates.slice(start, start + 500);
          const diff = await this.#remote.revsDiff(
            Object.fromEntries(batch.map(({ id, changes }) => [id, changes.map(({ rev }) => rev)])),
          );
          for (const id of Object.keys(diff)) if (diff[id]!.missing.length > 0) missing.add(id);
        }
        pending = missing.size;
        this.#heardFromServer = true;
        // The replica's changes up to the first one the server lacks need not be asked about again.
        const firstMissing = results.findIndex(({ id }) => missing.has(id));
        const sentUpTo = firstMissing === -1 ? last_seq : firstMissing > 0 ? results[firstMissing - 1]!.seq : undefined;
        if (sentUpTo !== undefined && sentUpTo !== state.sentUpTo) await this.#saveState({ sentUpTo });
      } catch (error) {
        this.#problem = problemOf(error);
      }
    }
    if (this.#closed) return;
    const status: CouchSyncStatus = {
      state: syncStateOf({
        problem: this.#problem,
        heardFromServer: this.#heardFromServer,
        pending,
        busy: this.#pushing || !this.#pullCaughtUp,
      }),
      pending,
      refused: state.refused.map((refusal) => ({ ...refusal })),
      ...(this.#problem?.httpStatus !== undefined ? { httpStatus: this.#problem.httpStatus } : {}),
      ...(this.#problem ? { detail: this.#problem.detail } : {}),
    };
    if (sameStatus(status, this.#status)) return;
    this.#status = status;
    for (const listener of [...this.#statusListeners]) listener(structuredClone(status));
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  /** Tells the watchers once for a burst of changes arriving from the server. */
  #notifySoon(): void {
    if (this.#notifyTimer !== undefined) return;
    this.#notifyTimer = setTimeout(() => {
      this.#notifyTimer = undefined;
      this.#notify();
    });
  }
}

/** A refusal as the replication reports it, with the server's reason. */
function refusalOf(error: unknown): RefusedChange {
  const { id, rev, reason, message } = (error ?? {}) as Record<string, unknown>;
  return {
    id: typeof id === 'string' ? id : '',
    ...(typeof rev === 'string' ? { rev } : {}),
    reason: typeof reason === 'string' ? reason : typeof message === 'string' ? message : 'refused by the server',
  };
}
