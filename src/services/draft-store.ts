import { readDraft, type DamagedDraft, type Draft, type DraftSummary } from '../model/draft.js';

/** Every draft kept in one place, and the records that could not be read. */
export interface DraftListing<T = Draft> {
  drafts: T[];
  damaged: DamagedDraft[];
}

/**
 * Where drafts are kept. Elements get one through `draftStoreContext`;
 * `IndexedDbDraftStore` keeps them in the browser, `MemoryDraftStore` only
 * while the page is open (for tests, and when the browser refuses storage).
 */
export interface DraftStore {
  /** False when drafts last only as long as the page. */
  readonly persistent: boolean;
  /** Every draft in full, and every record that is not one: for backups. */
  list(): Promise<DraftListing>;
  /** What a list of drafts shows, read quickly; a draft without a readable summary is listed as damaged. */
  summaries(): Promise<DraftListing<DraftSummary>>;
  /** The draft kept under `id`; undefined when there is none, or its record cannot be read (see `damagedRecord`). */
  get(id: string): Promise<Draft | undefined>;
  /** The record kept under `id` when it cannot be read as a draft; undefined when there is none, or it is a draft. */
  damagedRecord(id: string): Promise<DamagedDraft | undefined>;
  /**
   * Saves a draft whose revision is one above `expectedRevision` (the revision
   * this copy was based on, or `undefined` for a new draft). Throws
   * `DraftConflictError` when the stored draft has moved on meanwhile, and
   * `StorageFullError` or `StorageUnavailableError` when nothing could be written.
   */
  save(draft: Draft, expectedRevision: number | undefined): Promise<void>;
  /** Writes drafts as they are, all or none: for undo and for importing a backup. */
  restore(drafts: Draft[]): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Another tab or window saved this draft after the copy being saved was loaded. */
export class DraftConflictError extends Error {
  override name = 'DraftConflictError';
  constructor(readonly stored: Draft) {
    super(`Draft ${stored.assessment.id} was saved elsewhere (revision ${stored.assessment.revision}).`);
  }
}

/** The browser's storage is full: nothing was written. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

/** The record stored under this draft's id cannot be read; it is kept, not overwritten. */
export class DraftDamagedError extends Error {
  override name = 'DraftDamagedError';
}

/** The browser does not let this page store data. */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}

/** Turns a storage failure into one of the errors above. */
export function storageError(error: unknown): Error {
  if (
    error instanceof DraftConflictError ||
    error instanceof DraftDamagedError ||
    error instanceof StorageFullError ||
    error instanceof StorageUnavailableError
  ) {
    return error;
  }
  const name = (error as { name?: string } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') return new StorageFullError(message);
  return new StorageUnavailableError(message);
}

/** A stored record as `damagedRecord` gives it: itself and its problem when it is not a draft. */
export function damagedOrNothing(id: string, raw: unknown): DamagedDraft | undefined {
  if (raw === undefined) return undefined;
  const read = readDraft(raw);
  return 'problem' in read ? { id, raw, problem: read.problem } : undefined;
}

/**
 * Checks what is stored under a draft's id before a save: throws
 * `DraftDamagedError` when it is a record that cannot be read (so it is never
 * overwritten), and `DraftConflictError` when the stored draft has moved on
 * from `expectedRevision`.
 */
export function checkRevision(raw: unknown, expectedRevision: number | undefined): void {
  if (raw === undefined) return;
  const read = readDraft(raw);
  if ('problem' in read) throw new DraftDamagedError(`The record stored under this id cannot be read: ${read.problem}`);
  if (read.draft.assessment.revision !== expectedRevision) throw new DraftConflictError(read.draft);
}
