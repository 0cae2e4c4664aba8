import type { RegisterEvent } from '../../model/register/events.js';
import { attachmentName, evidenceNamedBy } from './couch-documents.js';
import type { CouchRegisterStore } from './couch-register-store.js';
import { CouchSignInError, isApproverOf, schoolOfRegister } from './couch-session.js';
import type { RefusedChange } from './couch-sync-status.js';
import type { RegisterEvidence, RegisterStore } from './register-store.js';

// "Move this register to the shared one": every event of a browser's own register, and every signed
// PDF it holds, sent to the shared register's server, and the move counted done only once the server
// is read back and holds them all. Nothing is deleted anywhere: the browser's register stays as it
// was, for its owner to clear once the move has succeeded. The events were made by whoever made
// them; they go to the server marked as moved and recorded by the approver who moves them, which the
// server's rules allow an approver alone.

export type MoveStep = 'checking' | 'reading' | 'writing' | 'sending' | 'confirming';

export interface MoveProgress {
  step: MoveStep;
  /** How many of `total` are done in this step. */
  done: number;
  total: number;
}

/**
 * - `sign-in-needed`: no one is signed in to the shared register's server;
 * - `not-an-approver`: the person signed in is not an approver of this register;
 * - `offline`: the server could not be reached;
 * - `refused`: the server refused changes (`refused` lists them with its reasons);
 * - `missing-on-server`: read back, the server lacks changes or signed PDFs that were sent.
 */
export type MoveProblem = 'sign-in-needed' | 'not-an-approver' | 'offline' | 'refused' | 'missing-on-server';

/** The move did not complete: the browser's register is untouched; `problem` says why, as data. */
export class MoveRegisterError extends Error {
  override name = 'MoveRegisterError';
  constructor(
    readonly problem: MoveProblem,
    message: string,
    /** For `refused`: each refused change with the server's reason; for `missing-on-server`: the ids missing. */
    readonly changes: RefusedChange[] = [],
  ) {
    super(message);
  }
}

export interface MoveResult {
  /** The events the server now holds from the browser's register. */
  events: number;
  /** The signed PDFs sent with them. */
  evidence: number;
}

async function checkSignedIn(to: CouchRegisterStore): Promise<void> {
  let session;
  try {
    session = await to.session();
  } catch (error) {
    if (error instanceof CouchSignInError && error.problem === 'offline') {
      throw new MoveRegisterError('offline', `The shared register's server could not be reached: ${error.message}`);
    }
    throw error;
  }
  if (!session) {
    throw new MoveRegisterError('sign-in-needed', 'Sign in to the shared register before moving this register to it.');
  }
  // A register named otherwise than by `proforma-couchdb setup` has no role to check here: its server decides.
  const school = schoolOfRegister(to.url);
  if (school !== undefined && !isApproverOf(session, school)) {
    throw new MoveRegisterError(
      'not-an-approver',
      `Only an approver of the shared register may move a register into it; ${session.name} is not one.`,
    );
  }
}

/** The signed PDFs `from` holds that its events name, each once. */
async function evidenceOf(from: RegisterStore, events: readonly RegisterEvent[]): Promise<RegisterEvidence[]> {
  const named = new Set(events.flatMap((event) => evidenceNamedBy(event)?.sha256 ?? []));
  const files = await Promise.all([...named].map((sha256) => from.evidence(sha256)));
  return files.filter((file): file is RegisterEvidence => file !== undefined);
}

/**
 * Moves every event and signed PDF of `from` into the shared register `to`, all or nothing: it
 * resolves only once the server, read back, holds every one; otherwise it throws
 * `MoveRegisterError`, and the browser's register is as it was. Run it again after a failure:
 * what the server already holds is not sent twice.
 */
export async function moveRegisterToShared(
  from: RegisterStore,
  to: CouchRegisterStore,
  { onProgress }: { onProgress?: (progress: MoveProgress) => void } = {},
): Promise<MoveResult> {
  onProgress?.({ step: 'checking', done: 0, total: 1 });
  await checkSignedIn(to);
  onProgress?.({ step: 'checking', done: 1, total: 1 });

  const events = await from.events();
  onProgress?.({ step: 'reading', done: 0, total: events.length });
  const evidence = await evidenceOf(from, events);
  onProgress?.({ step: 'reading', done: events.length, total: events.length });

  onProgress?.({ step: 'writing', done: 0, total: events.length });
  await to.appendMoved(events, evidence);
  onProgress?.({ step: 'writing', done: events.length, total: events.length });

  const ids = events.map(({ id }) => id);
  onProgress?.({ step: 'sending', done: 0, total: ids.length });
  let refused: RefusedChange[];
  try {
    ({ refused } = await to.sendNow(ids));
  } catch (error) {
    throw new MoveRegisterError(
      'offline',
      `The shared register's server could not be reached: ${(error as Error).message}. Nothing is lost: the changes are kept in this browser and sent when it can be reached.`,
    );
  }
  if (refused.length > 0) {
    throw new MoveRegisterError(
      'refused',
      `The shared register refused ${refused.length} of ${ids.length} changes: ${refused[0]!.reason} The browser's register is as it was.`,
      refused,
    );
  }
  onProgress?.({ step: 'sending', done: ids.length, total: ids.length });

  onProgress?.({ step: 'confirming', done: 0, total: ids.length });
  const held = await to.onServer(ids);
  const missing: RefusedChange[] = ids
    .filter((id) => !held.has(id))
    .map((id) => ({ id, reason: 'The server does not hold it.' }));
  const sentFiles = new Set(evidence.map(({ sha256 }) => sha256));
  for (const event of events) {
    const named = evidenceNamedBy(event);
    if (!named || !sentFiles.has(named.sha256) || !held.has(event.id)) continue;
    if (!(await to.attachmentsOnServer(event.id)).includes(attachmentName(named.sha256))) {
      missing.push({ id: event.id, reason: `The server does not hold its signed PDF "${named.name}".` });
    }
  }
  if (missing.length > 0) {
    throw new MoveRegisterError(
      'missing-on-server',
      `Read back, the shared register lacks ${missing.length} of the changes sent. The browser's register is as it was.`,
      missing,
    );
  }
  onProgress?.({ step: 'confirming', done: ids.length, total: ids.length });
  return { events: ids.length, evidence: evidence.length };
}
