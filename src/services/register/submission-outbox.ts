import { oneAtATime } from '../../internal/one-at-a-time.js';
import {
  decisionsOfSubmissions,
  readSubmission,
  submissionDocument,
  type Submission,
  type SubmissionDecision,
} from '../../model/register/submissions.js';
import { newId } from '../../internal/ids.js';
import { storageError } from '../draft-store.js';
import {
  currentSession,
  schoolAddressesOf,
  serverUrlOf,
  signIn,
  signOut,
  type CouchFetch,
  type CouchSession,
  type SchoolAddresses,
} from './couch-session.js';
import { problemOf, type ServerProblem } from './couch-sync-status.js';
import { localDatabase, remoteDatabase, type PouchDatabase, type PouchDocument, type PouchEmitter } from './pouchdb.js';

// A teacher's signed assessments on their way to the school's approvers: a database in this
// browser (PouchDB in IndexedDB) holding the teacher's own submissions, pushed one way, live, to the
// school's submissions database (`proforma-<school>-submissions`), so that one sent offline waits
// and goes when the server is back. What became of each is read from the published register
// (`proforma-<school>-published`), whose documents name the submissions a tool's entry came from.
// The teacher never reads the register itself. What the outbox knows of itself (who signed in last,
// which submissions the server is known to hold, which it refused and why) is kept in a `_local`
// document, which never leaves the browser.

/**
 * Where one submission stands, for the teacher:
 * - `waiting`: in this browser, not yet on the server (`because` the server cannot be reached, or
 *   no one is signed in; `sending` while it goes);
 * - `sent`: the server holds it; the approvers have not decided yet;
 * - `decided`: the published register records a decision on the tool it was sent for;
 * - `refused`: the server would not take it, for `reason` (its own words); it is never sent again.
 */
export type SubmissionProgress =
  | { state: 'waiting'; because: 'sending' | 'offline' | 'sign-in-needed' }
  | { state: 'sent' }
  | { state: 'decided'; decision: SubmissionDecision }
  | { state: 'refused'; reason: string };

export interface SubmissionWithProgress {
  submission: Submission;
  progress: SubmissionProgress;
}

/** Where the outbox stands with its server: as a register's sync status, without counts. */
export type OutboxConnection = 'connecting' | 'online' | 'offline' | 'sign-in-needed';

export interface OutboxStatus {
  connection: OutboxConnection;
  /** What the server or the browser said, when offline or a sign-in is needed. */
  detail?: string;
  /** The name of the person last signed in here: submissions are sent in their name. */
  userName?: string;
  /** This browser's submissions by the person signed in (all of them when no one is), newest first. */
  submissions: SubmissionWithProgress[];
}

/** What a teacher sends: the signed PDF and what it says of itself. */
export interface OutgoingSubmission {
  pdf: Uint8Array;
  fileName: string;
  /** The name the PDF is signed in. */
  signerName: string;
  tool: { name: string; url?: string };
}

export type SendProblem = 'sign-in-needed' | 'storage';

/** A submission could not be kept in this browser to send; `problem` says why, as data. */
export class SendSubmissionError extends Error {
  override name = 'SendSubmissionError';
  constructor(
    readonly problem: SendProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface SubmissionOutboxOptions {
  /** Whether requests carry the browser's cookies: `include` (the default), `same-origin` or `omit`. */
  credentials?: RequestCredentials;
  /** Sends every request to the server, in place of the browser's `fetch`. */
  fetch?: CouchFetch;
  /** The name of this browser's database of submissions; one per school's address unless given. */
  outbox?: string;
  /** How long the server holds one wait on the published register's changes open; a minute unless given. */
  pollMs?: number;
}

const STATE_ID = '_local/proforma-submissions';

interface OutboxState {
  userName?: string;
  /** The ids of submissions the server is known to hold. */
  sent: string[];
  refused: Array<{ id: string; reason: string }>;
}

/** How long to wait before trying the server again: doubling from 1 s, at most 30 s. */
const backOff = (delay: number) => Math.min(Math.max(delay * 2, 1000), 30_000);

/** The name of this browser's database of submissions for a school's submissions database. */
export const outboxNameOf = (submissionsUrl: string) => `proforma-submissions ${submissionsUrl}`;

/** A teacher's outbox of signed assessments for the school whose register is at `registerUrl`. */
export class SubmissionOutbox {
  readonly addresses: SchoolAddresses;
  readonly serverUrl: string;
  readonly #fetch: CouchFetch;
  readonly #local: PouchDatabase;
  readonly #remote: PouchDatabase;
  readonly #pollMs: number;
  readonly #listeners = new Set<(status: OutboxStatus) => void>();
  #state: Promise<OutboxState & { _rev?: string }>;
  #submissions: Submission[] = [];
  #decisions = new Map<string, SubmissionDecision>();
  #problem: ServerProblem | undefined;
  #heard = false;
  #pushing = false;
  #push: PouchEmitter | undefined;
  #watching: AbortController | undefined;
  /** Whether the watch on the published register ended with a failure, to start again once the server answers. */
  #watchFailed = false;
  #status: OutboxStatus = { connection: 'connecting', submissions: [] };
  /** Works the status out again: one at a time, and once more if asked meanwhile. */
  readonly #refresh = oneAtATime(
    () => this.#update(),
    () => this.#closed,
  );
  #closed = false;
  readonly #onOnline = () => this.restartSync();

  constructor(registerUrl: string, options: SubmissionOutboxOptions = {}) {
    const addresses = schoolAddressesOf(registerUrl);
    if (!addresses) {
      throw new Error(`${registerUrl} is not a school's shared register named as proforma-couchdb setup names it.`);
    }
    this.addresses = addresses;
    this.serverUrl = serverUrlOf(registerUrl);
    const credentials = options.credentials ?? 'include';
    const send = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
    this.#fetch = (input, init) => send(input, { ...init, credentials });
    this.#pollMs = options.pollMs ?? 60_000;
    this.#local = localDatabase(options.outbox ?? outboxNameOf(addresses.submissions));
    this.#remote = remoteDatabase(addresses.submissions, this.#fetch);
    this.#state = this.#readState();
    globalThis.addEventListener?.('online', this.#onOnline);
    this.#startSync();
    this.#refresh.ask();
  }

  /** Where the outbox stands now. */
  get status(): OutboxStatus {
    return structuredClone(this.#status);
  }

  /** Calls `listener` with the status each time it changes; returns the way to stop. */
  watch(listener: (status: OutboxStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Who the server takes this browser for now; undefined when no one is signed in. Needs the server. */
  async session(): Promise<CouchSession | undefined> {
    const session = await currentSession(this.#fetch, this.serverUrl);
    if (session) await this.#saveState({ userName: session.name });
    this.#refresh.ask();
    return session;
  }

  /** Signs in with CouchDB's session (the password is sent once, never kept), then sends at once. */
  async signIn(name: string, password: string): Promise<CouchSession> {
    const session = await signIn(this.#fetch, this.serverUrl, name, password);
    await this.#saveState({ userName: session.name });
    this.restartSync();
    return session;
  }

  /** Ends the server's session; this browser's submissions stay, and wait for the next sign-in. */
  async signOut(): Promise<void> {
    await signOut(this.#fetch, this.serverUrl);
    await this.#saveState({ userName: undefined });
    this.restartSync();
  }

  /**
   * Keeps `outgoing` in this browser to send, in the name of the person last signed in, and sends it
   * as soon as the server can be reached. Fails with a `SendSubmissionError` when no one has
   * signed in here yet (the server would not take it) or the browser's storage refuses it.
   */
  async send(outgoing: OutgoingSubmission, now = new Date()): Promise<Submission> {
    const { userName } = await this.#state;
    if (!userName) throw new SendSubmissionError('sign-in-needed', 'Sign in to send an assessment.');
    const submission: Submission = {
      id: newId(),
      submittedAt: now.toISOString(),
      by: { name: outgoing.signerName },
      recordedBy: userName,
      tool: outgoing.tool,
      fileName: outgoing.fileName,
    };
    const pdf = new Blob([outgoing.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
    try {
      await this.#local.put(submissionDocument(submission, pdf) as unknown as PouchDocument);
    } catch (error) {
      const problem = storageError(error);
      throw new SendSubmissionError('storage', problem instanceof Error ? problem.message : String(problem));
    }
    this.#refresh.ask();
    return submission;
  }

  /** Tries the server again now rather than after its wait: after a sign-in, or when the network is back. */
  restartSync(): void {
    if (this.#closed) return;
    this.#stopSync();
    this.#problem = undefined;
    this.#startSync();
    this.#refresh.ask();
  }

  /** Stops sending and watching, and closes this browser's database (which keeps its submissions). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    globalThis.removeEventListener?.('online', this.#onOnline);
    this.#stopSync();
    await this.#refresh.idle();
    await this.#local.close();
  }

  #startSync(): void {
    const push = this.#local.replicate.to(this.#remote, { live: true, retry: true, back_off_function: backOff });
    const failed = (error: unknown) => {
      this.#problem = problemOf(error);
      this.#refresh.ask();
    };
    push
      .on('active', () => {
        this.#pushing = true;
        this.#refresh.ask();
      })
      .on('paused', (error?: unknown) => {
        this.#pushing = false;
        if (error) return failed(error);
        this.#heard = true;
        this.#problem = undefined;
        if (this.#watchFailed) this.#watchPublished();
        this.#refresh.ask();
      })
      .on('change', () => this.#refresh.ask())
      .on('requestError', failed)
      .on('error', failed)
      .on('denied', (error: unknown) => void this.#refuse(error));
    this.#push = push;
    this.#watchPublished();
  }

  #stopSync(): void {
    this.#push?.cancel();
    this.#push = undefined;
    this.#pushing = false;
    this.#watching?.abort();
    this.#watching = undefined;
  }

  async #refuse(error: unknown): Promise<void> {
    const { id, reason, message } = (error ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string') return;
    const words = typeof reason === 'string' ? reason : typeof message === 'string' ? message : 'refused by the server';
    await this.#saveState(({ refused }) => ({
      refused: refused.some((each) => each.id === id) ? refused : [...refused, { id, reason: words }],
    }));
    this.#refresh.ask();
  }

  /** Reads the published register's decisions, then waits on its changes feed for more, until stopped. */
  #watchPublished(): void {
    this.#watching?.abort();
    const watching = new AbortController();
    this.#watching = watching;
    this.#watchFailed = false;
    const { published } = this.addresses;
    const get = async <T>(path: string): Promise<T> => {
      const response = await this.#fetch(`${published}${path}`, {
        headers: { accept: 'application/json' },
        signal: watching.signal,
      });
      const body = (await response.json().catch(() => ({}))) as T & { reason?: unknown };
      if (!response.ok) throw { status: response.status, reason: body.reason };
      return body;
    };
    const loop = async () => {
      let since = String((await get<{ update_seq: string | number }>('')).update_seq);
      for (;;) {
        const { rows } = await get<{ rows: Array<{ doc?: unknown }> }>('/_all_docs?include_docs=true');
        this.#decisions = decisionsOfSubmissions(rows.map(({ doc }) => doc));
        this.#refresh.ask();
        const query = new URLSearchParams({ feed: 'longpoll', since, timeout: String(this.#pollMs) });
        do {
          const answer = await get<{ results: unknown[]; last_seq: string | number }>(`/_changes?${query}`);
          since = String(answer.last_seq);
          query.set('since', since);
          if (answer.results.length > 0) break;
        } while (!watching.signal.aborted);
      }
    };
    // A failure (offline, signed out) ends the watch: the next sign-in or return online starts it again.
    loop().catch(() => {
      if (this.#watching === watching && !watching.signal.aborted) this.#watchFailed = true;
    });
  }

  /** Reads this browser's submissions, asks the server which it holds, and works the status out. */
  async #update(): Promise<void> {
    const { rows } = await this.#local.allDocs({ include_docs: true });
    const submissions: Submission[] = [];
    for (const { doc } of rows) {
      const read = readSubmission(doc);
      if ('submission' in read) submissions.push(read.submission);
    }
    this.#submissions = submissions;
    let state = await this.#state;
    const refused = new Set(state.refused.map(({ id }) => id));
    const unsent = submissions.filter(({ id }) => !state.sent.includes(id) && !refused.has(id));
    if (unsent.length > 0 && !this.#closed) {
      try {
        const { rows: held } = await this.#remote.allDocs({ keys: unsent.map(({ id }) => id) });
        const onServer = held.flatMap((row) => (row.value && !row.value.deleted ? [row.key] : []));
        this.#heard = true;
        if (onServer.length > 0) {
          await this.#saveState(({ sent }) => ({ sent: [...new Set([...sent, ...onServer])] }));
          state = await this.#state;
        }
      } catch (error) {
        this.#problem = problemOf(error);
      }
    }
    if (this.#closed) return;
    this.#setStatus(state);
  }

  #setStatus(state: OutboxState): void {
    const connection: OutboxConnection = this.#problem?.state ?? (this.#heard ? 'online' : 'connecting');
    const refusals = new Map(state.refused.map(({ id, reason }) => [id, reason]));
    const sent = new Set(state.sent);
    const waitingBecause = connection === 'offline' || connection === 'sign-in-needed' ? connection : 'sending';
    const progressOf = (id: string): SubmissionProgress => {
      const refusal = refusals.get(id);
      if (refusal !== undefined) return { state: 'refused', reason: refusal };
      if (!sent.has(id)) return { state: 'waiting', because: this.#pushing ? 'sending' : waitingBecause };
      const decision = this.#decisions.get(id);
      return decision ? { state: 'decided', decision } : { state: 'sent' };
    };
    const mine = this.#submissions
      .filter(({ recordedBy }) => state.userName === undefined || recordedBy === state.userName)
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    const status: OutboxStatus = {
      connection,
      ...(this.#problem ? { detail: this.#problem.detail } : {}),
      ...(state.userName !== undefined ? { userName: state.userName } : {}),
      submissions: mine.map((submission) => ({ submission, progress: progressOf(submission.id) })),
    };
    if (JSON.stringify(status) === JSON.stringify(this.#status)) return;
    this.#status = status;
    for (const listener of [...this.#listeners]) listener(structuredClone(status));
  }

  async #readState(): Promise<OutboxState & { _rev?: string }> {
    try {
      const doc = (await this.#local.get(STATE_ID)) as unknown as Partial<OutboxState> & { _rev: string };
      return {
        _rev: doc._rev,
        userName: typeof doc.userName === 'string' ? doc.userName : undefined,
        sent: Array.isArray(doc.sent) ? doc.sent.filter((id): id is string => typeof id === 'string') : [],
        refused: Array.isArray(doc.refused) ? doc.refused : [],
      };
    } catch {
      return { sent: [], refused: [] };
    }
  }

  /** Changes what this browser keeps of the outbox, one change at a time. */
  async #saveState(changes: Partial<OutboxState> | ((state: OutboxState) => Partial<OutboxState>)): Promise<void> {
    const saving = this.#state.then(async (state) => {
      const next = { ...state, ...(typeof changes === 'function' ? changes(state) : changes) };
      const { _rev, ...fields } = next;
      const written = await this.#local.put({ ...fields, _id: STATE_ID, ...(_rev ? { _rev } : {}) });
      return { ...next, _rev: written.rev };
    });
    this.#state = saving.catch(() => this.#readState());
    await saving;
  }
}
