import type { RegisterEvent } from '../../model/register/events.js';
import type { CouchSession } from './couch-session.js';
import type { RegisterStore, RegisterView } from './register-store.js';

// Where a shared register stands with its server, as data: the element words it.

/**
 * - `connecting`: not yet heard from the server since the store started;
 * - `syncing`: in touch with the server, sending or receiving changes;
 * - `up-to-date`: everything written here is on the server, and everything on it is here;
 * - `offline`: the server cannot be reached; the register works from this browser's copy;
 * - `sign-in-needed`: the server answered 401 or 403: no one, or someone without a role in this
 *   register, is signed in.
 */
export type CouchSyncState = 'connecting' | 'syncing' | 'up-to-date' | 'offline' | 'sign-in-needed';

/** A change the server refused, by its event's id, with the server's reason in its own words. */
export interface RefusedChange {
  id: string;
  /** The refused revision of the event's document, when the server named it. */
  rev?: string;
  reason: string;
}

export interface CouchSyncStatus {
  state: CouchSyncState;
  /** Changes written in this browser that the server does not have yet (refused ones aside). */
  pending: number;
  /** The changes the server refused: kept in this browser, shown, never sent again. */
  refused: RefusedChange[];
  /** For `offline` and `sign-in-needed`: the HTTP status of the last failed request, if there was one. */
  httpStatus?: number;
  /** For `offline` and `sign-in-needed`: what the server or the browser said. */
  detail?: string;
}

/** A register event the server refused, and its reason. */
export interface RefusedEvent {
  event: RegisterEvent;
  reason: string;
}

/** The shared register as this browser holds it: the events the server refused are listed apart, not folded. */
export interface CouchRegisterView extends RegisterView {
  refused: RefusedEvent[];
}

/** What went wrong with the last request to the server, as the state it puts the register in. */
export interface ServerProblem {
  state: 'offline' | 'sign-in-needed';
  httpStatus?: number;
  detail: string;
}

/** The problem an error from a request to the server stands for. */
export function problemOf(error: unknown): ServerProblem {
  const { status, reason, message } = (error ?? {}) as { status?: unknown; reason?: unknown; message?: unknown };
  const detail = typeof reason === 'string' ? reason : typeof message === 'string' ? message : String(error);
  if (status === 401 || status === 403) return { state: 'sign-in-needed', httpStatus: status, detail };
  return typeof status === 'number' && status > 0
    ? { state: 'offline', httpStatus: status, detail }
    : { state: 'offline', detail };
}

/** The state, from what the store knows of the server and of its own copy. */
export function syncStateOf(known: {
  problem?: ServerProblem;
  heardFromServer: boolean;
  pending: number;
  busy: boolean;
}): CouchSyncState {
  if (known.problem) return known.problem.state;
  if (!known.heardFromServer) return 'connecting';
  return known.pending > 0 || known.busy ? 'syncing' : 'up-to-date';
}

/** Whether two statuses say the same. */
export const sameStatus = (a: CouchSyncStatus, b: CouchSyncStatus) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A register on a CouchDB server that a person signs in to: the shared register's
 * (`CouchRegisterStore`) or the register for staff (`PublishedRegisterStore`), as the register
 * element uses either.
 */
export interface ServerRegisterStore extends RegisterStore {
  /** Where the register stands with its server now. */
  readonly status: CouchSyncStatus;
  /** Calls `listener` with the status each time it changes; returns the way to stop. */
  watchStatus(listener: (status: CouchSyncStatus) => void): () => void;
  /** The name of the person last signed in through this store. */
  userName(): Promise<string | undefined>;
  /** Who the server takes this browser for now; undefined when no one is signed in. */
  session(): Promise<CouchSession | undefined>;
  signIn(name: string, password: string): Promise<CouchSession>;
  signOut(): Promise<void>;
  close(): Promise<void>;
}
