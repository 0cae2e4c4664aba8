import type { RegisterEvent } from '../../model/register/events.js';
import type { RegisterEntryState, RegisterState } from '../../model/register/fold.js';

// Where a register's log is kept. Elements get one through `registerStoreContext`
// (or make an `IndexedDbRegisterStore` for their namespace); every store keeps
// the same log of events, and what people see is folded from it by
// `registerFromEvents`.

/** A stored record that cannot be read as an event: listed apart, never overwritten or dropped. */
export interface DamagedRegisterRecord {
  /** The record's key, in words: the event id it claims, or where it is kept. */
  key: string;
  raw: unknown;
  problem: string;
}

/**
 * The register as folded from every readable event, and the records that
 * could not be read. An entry's assessment may be given without its answers,
 * which can be large: `entry(id)` reads them.
 */
export interface RegisterView extends RegisterState {
  damaged: DamagedRegisterRecord[];
  /** How many events the log holds, readable or not. */
  eventCount: number;
}

/** The signed PDF an assessment came in, kept beside the log and read on demand. */
export interface RegisterEvidence {
  /** The PDF's file name as it was imported. */
  name: string;
  /** SHA-256 of the bytes, lower-case hex: the name the log's events use for it. */
  sha256: string;
  bytes: Uint8Array;
}

/** One entry with its full assessment, the log that made it (newest first) and what evidence it has. */
export interface RegisterEntryDetail {
  entry: RegisterEntryState;
  /** The signed PDFs named by the entry's imports and re-assessments that this store holds, newest first. */
  evidence: Array<{ name: string; sha256: string }>;
}

/**
 * The approved-tools register as a log that only grows. `append` writes a
 * batch of events all or nothing; an event, once written, is never changed
 * or removed. `IndexedDbRegisterStore` keeps the log in this browser (one
 * per namespace), `MemoryRegisterStore` only while the page is open.
 */
export interface RegisterStore {
  /** False when the register lasts only as long as the page. */
  readonly persistent: boolean;
  /** The register folded from the log, as of `now` (for review dates and events dated in the future). */
  read(now?: Date): Promise<RegisterView>;
  /** Every readable event of the log, in the order it was written: for export and for moving a register. */
  events(): Promise<RegisterEvent[]>;
  /** One entry with its assessment's answers and its evidence, or undefined when the register has no such entry. */
  entry(id: string, now?: Date): Promise<RegisterEntryDetail | undefined>;
  /**
   * Adds events, and the signed PDFs they name, all or none. An event already
   * in the log unchanged is skipped; one whose id the log holds with other
   * contents is refused (`RegisterStoreError` 'duplicate-id'), as is one that
   * is not an event ('not-an-event'). Storage full or refused:
   * `StorageFullError` or `StorageUnavailableError`, with nothing written.
   */
  append(events: readonly RegisterEvent[], evidence?: readonly RegisterEvidence[]): Promise<void>;
  /** The signed PDF kept under `sha256`, read only now; undefined when this store does not hold it. */
  evidence(sha256: string): Promise<RegisterEvidence | undefined>;
  /** Calls `listener` after every change to the log, here or (for a persistent store) in another tab; returns the way to stop. */
  watch(listener: () => void): () => void;
}

export type RegisterStoreProblem = 'duplicate-id' | 'not-an-event' | 'evidence-mismatch';

/** A batch the store refused: nothing of it was written. */
export class RegisterStoreError extends Error {
  override name = 'RegisterStoreError';
  constructor(
    readonly problem: RegisterStoreProblem,
    message: string,
  ) {
    super(message);
  }
}
