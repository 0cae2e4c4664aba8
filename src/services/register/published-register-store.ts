import { eventsFromRegister } from '../../model/register/carry-over.js';
import type { RegisterEvent } from '../../model/register/events.js';
import type { PublishedDocument } from '../../model/register/published-documents.js';
import { currentSession, databaseUrlOf, serverUrlOf, signIn, signOut, type CouchSession } from './couch-session.js';
import { sameStatus, type CouchSyncStatus, type ServerRegisterStore } from './couch-sync-status.js';
import { PublishedRegisterError, type PublishedRequestOptions } from './published-requests.js';
import { publishedRegisterView, readPublishedRegister, watchPublishedRegister } from './read-published-register.js';
import type { RegisterEntryDetail, RegisterView } from './register-store.js';

// The register for staff (`…/proforma-<school>-published`) as a staff page shows it: read whole, then
// followed through the database's changes feed, so that an approver's decision shows without a
// reload. Plain `fetch`, no PouchDB and no copy in the browser: the page writes nothing, anywhere.

export interface PublishedRegisterStoreOptions {
  /** Whether requests carry the browser's cookies: `include` (the default), or `same-origin`/`omit` behind a site's own sign-in. */
  credentials?: RequestCredentials;
  /** Sends every request, in place of the browser's `fetch` (a proxy's, or one that adds a token). */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** How long the server holds one poll of the changes feed open when nothing changes. */
  pollMs?: number;
}

/** How long to wait before asking the server again: doubling from 1 s, at most 30 s. */
const backOff = (delay: number) => Math.min(Math.max(delay * 2, 1000), 30_000);

/** The state a failed request puts the register in. */
function statusOfFailure(error: unknown): CouchSyncStatus {
  const { problem, status, reason, message } = error as Partial<PublishedRegisterError>;
  const detail = reason || message || String(error);
  if (problem === 'sign-in-needed' || problem === 'not-allowed') {
    return { state: 'sign-in-needed', pending: 0, refused: [], httpStatus: status, detail };
  }
  return { state: 'offline', pending: 0, refused: [], ...(status ? { httpStatus: status } : {}), detail };
}

/**
 * The published register at `url`, kept up to date while the store is open. Read-only: `append`
 * refuses, and there is no evidence. `read` answers the register once it has been read; until
 * then it waits for the server's first answer, and fails as that failed (a `PublishedRegisterError`).
 */
export class PublishedRegisterStore implements ServerRegisterStore {
  readonly persistent = false;
  readonly url: string;
  readonly serverUrl: string;
  readonly #options: PublishedRequestOptions & { pollMs?: number };
  readonly #send: (url: string, init: RequestInit) => Promise<Response>;
  readonly #documents = new Map<string, PublishedDocument>();
  #sorted: readonly PublishedDocument[] | undefined;
  readonly #listeners = new Set<() => void>();
  readonly #statusListeners = new Set<(status: CouchSyncStatus) => void>();
  #status: CouchSyncStatus = { state: 'connecting', pending: 0, refused: [] };
  #loaded = false;
  #firstAnswer: Promise<void>;
  #answered: () => void = () => undefined;
  #lastFailure: unknown;
  #userName: string | undefined;
  #aborter = new AbortController();
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #delay = 0;
  #closed = false;
  readonly #onOnline = () => this.restart();

  constructor(url: string, { credentials = 'include', fetch: send, pollMs }: PublishedRegisterStoreOptions = {}) {
    this.url = databaseUrlOf(url);
    this.serverUrl = serverUrlOf(url);
    const sending = send ?? ((input: string, init: RequestInit) => fetch(input, init));
    this.#send = (input, init) => sending(input, { ...init, credentials });
    this.#options = { credentials, fetch: this.#send, pollMs };
    this.#firstAnswer = new Promise((resolve) => (this.#answered = resolve));
    globalThis.addEventListener?.('online', this.#onOnline);
    void this.#follow();
  }

  /** Where the register stands with its server now. */
  get status(): CouchSyncStatus {
    return structuredClone(this.#status);
  }

  watchStatus(listener: (status: CouchSyncStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  watch(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The person last signed in through this store, while the page is open. */
  async userName(): Promise<string | undefined> {
    return this.#userName;
  }

  async session(): Promise<CouchSession | undefined> {
    const session = await currentSession(this.#send, this.serverUrl);
    this.#userName = session?.name;
    return session;
  }

  /** Signs in with CouchDB's session (the password is sent once, never kept), then reads the register again. */
  async signIn(name: string, password: string): Promise<CouchSession> {
    const session = await signIn(this.#send, this.serverUrl, name, password);
    this.#userName = session.name;
    this.restart();
    return session;
  }

  async signOut(): Promise<void> {
    await signOut(this.#send, this.serverUrl);
    this.#userName = undefined;
    this.restart();
  }

  /** Reads the register again now, rather than after its wait: after a sign-in, or when the network is back. */
  restart(): void {
    if (this.#closed) return;
    // What the server said before (a refusal, say) is for the person before.
    this.#setStatus({ state: 'connecting', pending: 0, refused: [] });
    this.#aborter.abort();
    this.#aborter = new AbortController();
    clearTimeout(this.#retryTimer);
    this.#delay = 0;
    void this.#follow();
  }

  async read(now = new Date()): Promise<RegisterView> {
    if (!this.#loaded) await this.#firstAnswer;
    if (!this.#loaded) throw this.#lastFailure;
    return publishedRegisterView(this.#entries(), this.url, now);
  }

  async events(): Promise<RegisterEvent[]> {
    await this.read();
    return eventsFromRegister(this.#entries(), [], { at: new Date().toISOString(), by: { name: this.url } });
  }

  async entry(id: string, now = new Date()): Promise<RegisterEntryDetail | undefined> {
    const entry = (await this.read(now)).entries.find((each) => each.id === id);
    return entry && { entry, evidence: [] };
  }

  async append(): Promise<void> {
    throw new Error(`The register for staff at ${this.url} is read here, never written.`);
  }

  async evidence(): Promise<undefined> {
    return undefined;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#aborter.abort();
    clearTimeout(this.#retryTimer);
    globalThis.removeEventListener?.('online', this.#onOnline);
    this.#listeners.clear();
    this.#statusListeners.clear();
  }

  /** Every published tool read so far, in the order of the documents' ids: a new list after each change. */
  documents(): readonly PublishedDocument[] {
    this.#sorted ??= [...this.#documents.keys()].sort().map((id) => this.#documents.get(id)!);
    return this.#sorted;
  }

  /** The published entries, in the order of their documents' ids (so one school's tools together). */
  #entries() {
    return this.documents().map(({ entry }) => entry);
  }

  /** Reads the register whole, then follows its changes until the store closes or a request fails. */
  async #follow(): Promise<void> {
    const { signal } = this.#aborter;
    const options = { ...this.#options, signal };
    try {
      const read = await readPublishedRegister(this.url, options);
      if (signal.aborted) return;
      this.#documents.clear();
      for (const document of read.documents) this.#documents.set(document._id, document);
      this.#changed();
      this.#delay = 0;
      this.#setStatus({ state: 'up-to-date', pending: 0, refused: [] });
      await watchPublishedRegister(
        this.url,
        read.since,
        ({ changed, removedIds }) => {
          for (const document of changed) this.#documents.set(document._id, document);
          for (const id of removedIds) this.#documents.delete(id);
          this.#changed();
        },
        options,
      );
    } catch (error) {
      if (signal.aborted) return;
      this.#lastFailure = error;
      const status = statusOfFailure(error);
      this.#setStatus(status);
      this.#answered();
      // Signing in again is the person's to do; a server out of reach is asked again, less and less often.
      if (status.state === 'offline') {
        this.#delay = backOff(this.#delay);
        this.#retryTimer = setTimeout(() => void this.#follow(), this.#delay);
      }
    }
  }

  #changed(): void {
    this.#sorted = undefined;
    this.#loaded = true;
    this.#answered();
    this.#notify();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  #setStatus(status: CouchSyncStatus): void {
    if (sameStatus(status, this.#status)) return;
    this.#status = status;
    for (const listener of [...this.#statusListeners]) listener(this.status);
  }
}
