import { promisifyRequest } from 'idb-keyval';
import type { EntryFold, RegisterFold } from '../../model/register/fold.js';
import type { DamagedRegisterRecord } from './register-store.js';

// The register's log folded, kept beside the log in the object store
// `folded`, so that opening a register reads the fold rather than folding
// every event again. The log is the truth: the fold is written in the same
// transaction as the events it folds, names the last record of the log it
// covers, and is set aside (then made again from the log) whenever it does
// not match the log or cannot be read.
//
// The entries' folds are kept in BUCKETS records by a hash of the entry's id,
// so that an append rewrites only the buckets of the entries it changes; one
// record, `header`, holds the rest of the fold and which writing of each
// bucket it goes with. A bucket is one record rather than one per entry:
// IndexedDB reads a few large records many times faster than as many small ones.
//
// An entry is kept as its state, which the register's list needs, and its
// log as JSON text, which only an opened entry and folding on need: the
// browser reads a string far faster than the objects it holds, so opening a
// register does not build every event of every entry. The text is parsed
// when the entry's log is first read, and written again as it was read while
// the entry does not change.

/** Changed whenever what a kept fold means changes (the fold's rules, this layout): older folds are then made again. */
export const FOLDED_FORMAT = 2;
const BUCKETS = 64;
const HEADER = 'header';

type FoldRest = Omit<RegisterFold, 'entries'>;

/** What the `header` record holds: all of the fold but its entries, and what of the log it covers. */
export interface FoldedHeader extends FoldRest {
  format: number;
  /** The key of the last record of the log folded; undefined for an empty log. */
  lastKey: number | undefined;
  /** How many events of the log it covers, readable or not. */
  eventCount: number;
  damaged: DamagedRegisterRecord[];
  /** Counts every writing of the fold. */
  writing: number;
  /** For each bucket, the writing that last wrote it. */
  buckets: number[];
}

/** An entry's fold as a bucket keeps it: its log and decisions as the JSON text of `LogText`. */
interface KeptEntry {
  position: number;
  state: EntryFold['state'];
  chain: boolean;
  conflict?: EntryFold['conflict'];
  logText: string;
}

/** What an entry's `logText` holds. */
interface LogText {
  log: EntryFold['log'];
  decisions?: EntryFold['decisions'];
}

interface BucketRecord {
  writing: number;
  entries: Array<[string, KeptEntry]>;
}

/** The text each entry's fold was read from, while it is the fold as read: written again as it is. */
const textRead = new WeakMap<EntryFold, string>();

/** The fold of a kept entry, its log and decisions parsed from their text when first read. */
function entryFoldOf({ position, state, chain, conflict, logText }: KeptEntry): EntryFold {
  let parsed: LogText | undefined;
  const read = () => (parsed ??= JSON.parse(logText) as LogText);
  const fold = Object.defineProperties({ position, state, chain } as EntryFold, {
    log: { get: () => read().log, enumerable: true },
    decisions: { get: () => read().decisions, enumerable: true },
  });
  if (conflict) fold.conflict = conflict;
  textRead.set(fold, logText);
  return fold;
}

/** A fold as a bucket keeps it. */
function keptEntryOf(fold: EntryFold): KeptEntry {
  const { position, state, chain, conflict } = fold;
  const logText =
    textRead.get(fold) ??
    JSON.stringify(fold.decisions ? { log: fold.log, decisions: fold.decisions } : { log: fold.log });
  return conflict ? { position, state, chain, conflict, logText } : { position, state, chain, logText };
}

/** A fold as it is kept, with the header it was read or written with. */
export interface FoldedLog {
  header: FoldedHeader;
  fold: RegisterFold;
}

/** A fold with the header it would be written with; `writing` NaN while it is not written. */
export function foldedLogOf(
  fold: RegisterFold,
  covers: Pick<FoldedHeader, 'lastKey' | 'eventCount' | 'damaged'>,
  writing = Number.NaN,
  buckets: number[] = Array.from({ length: BUCKETS }, () => writing),
): FoldedLog {
  return { fold, header: { ...restOf(fold), format: FOLDED_FORMAT, ...covers, writing, buckets } };
}

/** All of a fold but its entries: what the header keeps of it. */
function restOf(fold: FoldRest): FoldRest {
  const { trusted, keyEvents, rejected, circled, unknownFollowed, last, latestTime, limit } = fold;
  return { trusted, keyEvents, rejected, circled, unknownFollowed, latestTime, limit, ...(last ? { last } : {}) };
}

/** A number for one writing of the fold, told apart from any other tab's. */
function newWriting(): number {
  const [high, low] = crypto.getRandomValues(new Uint32Array(2));
  return (high! & 0x1fffff) * 2 ** 32 + low!;
}

/** FNV-1a of the entry's id, into one of the buckets. */
export function bucketOf(entryId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < entryId.length; index += 1) {
    hash ^= entryId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKETS;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isHeader(value: unknown): value is FoldedHeader {
  if (!isObject(value) || value.format !== FOLDED_FORMAT) return false;
  const { buckets, lastKey } = value;
  return (
    Array.isArray(buckets) &&
    buckets.length === BUCKETS &&
    (lastKey === undefined || typeof lastKey === 'number') &&
    typeof value.eventCount === 'number' &&
    typeof value.writing === 'number' &&
    typeof value.latestTime === 'number' &&
    typeof value.limit === 'number' &&
    ['trusted', 'keyEvents', 'rejected', 'circled', 'unknownFollowed', 'damaged'].every((name) =>
      Array.isArray(value[name]),
    )
  );
}

function isKeptEntry(value: unknown): value is [string, KeptEntry] {
  if (!Array.isArray(value) || typeof value[0] !== 'string' || !isObject(value[1])) return false;
  const { position, state, logText, chain } = value[1];
  return (
    typeof position === 'number' &&
    isObject(state) &&
    state.id === value[0] &&
    typeof state.status === 'string' &&
    typeof logText === 'string' &&
    logText.startsWith('{"log":[{') &&
    logText.endsWith('}') &&
    typeof chain === 'boolean'
  );
}

function isBucket(value: unknown, writing: number | undefined): value is BucketRecord {
  return (
    isObject(value) && value.writing === writing && Array.isArray(value.entries) && value.entries.every(isKeptEntry)
  );
}

/**
 * Reads the kept fold in the transaction, reading again only the buckets
 * written since `known` was; undefined when there is none, or it cannot be
 * read whole (a record missing or damaged, an older format).
 */
export async function readFoldedLog(
  transaction: IDBTransaction,
  known: FoldedLog | undefined,
): Promise<FoldedLog | undefined> {
  const folded = transaction.objectStore('folded');
  const header: unknown = await promisifyRequest(folded.get(HEADER));
  if (!isHeader(header)) return undefined;
  if (known && known.header.writing === header.writing) return known;
  const stale = header.buckets.flatMap((writing, bucket) =>
    known && known.header.buckets[bucket] === writing ? [] : [bucket],
  );
  const records: unknown[] =
    stale.length === BUCKETS
      ? await promisifyRequest(folded.getAll(IDBKeyRange.bound(0, BUCKETS - 1)))
      : await Promise.all(stale.map((bucket) => promisifyRequest(folded.get(bucket))));
  if (records.length !== stale.length) return undefined;
  const fresh: Array<[string, EntryFold]> = [];
  for (let index = 0; index < stale.length; index += 1) {
    const record = records[index];
    if (!isBucket(record, header.buckets[stale[index]!])) return undefined;
    for (const [entryId, kept] of record.entries) fresh.push([entryId, entryFoldOf(kept)]);
  }
  fresh.sort(([, a], [, b]) => a.position - b.position);
  const entries = new Map(known && stale.length < BUCKETS ? known.fold.entries : []);
  for (const [entryId, entry] of fresh) entries.set(entryId, entry);
  if (entries.size > 0 && [...entries.values()].at(-1)!.position !== entries.size - 1) return undefined;
  return { header, fold: { ...restOf(header), entries } };
}

/**
 * Writes `fold` as the fold of the log up to `lastKey`, in the transaction:
 * the buckets whose entries changed since `base` (every bucket without one),
 * and the header.
 */
export function writeFoldedLog(
  transaction: IDBTransaction,
  base: FoldedLog | undefined,
  fold: RegisterFold,
  covers: Pick<FoldedHeader, 'lastKey' | 'eventCount' | 'damaged'>,
): FoldedLog {
  const folded = transaction.objectStore('folded');
  const writing = newWriting();
  const changed = new Set<number>();
  if (base === undefined) {
    folded.clear();
    for (let bucket = 0; bucket < BUCKETS; bucket += 1) changed.add(bucket);
  } else {
    for (const [entryId, entry] of fold.entries) {
      if (base.fold.entries.get(entryId) !== entry) changed.add(bucketOf(entryId));
    }
  }
  const inBuckets = new Map<number, Array<[string, KeptEntry]>>();
  for (const bucket of changed) inBuckets.set(bucket, []);
  for (const [entryId, entry] of fold.entries) inBuckets.get(bucketOf(entryId))?.push([entryId, keptEntryOf(entry)]);
  for (const [bucket, entries] of inBuckets) folded.put({ writing, entries } satisfies BucketRecord, bucket);
  const buckets = Array.from({ length: BUCKETS }, (_, bucket) =>
    changed.has(bucket) ? writing : base!.header.buckets[bucket]!,
  );
  const kept = foldedLogOf(fold, covers, writing, buckets);
  folded.put(kept.header, HEADER);
  return kept;
}

/** One entry's fold, read from its bucket alone; undefined when the bucket does not go with the header. */
export async function readEntryFold(
  transaction: IDBTransaction,
  header: FoldedHeader,
  entryId: string,
): Promise<EntryFold | null | undefined> {
  const bucket = bucketOf(entryId);
  const record: unknown = await promisifyRequest(transaction.objectStore('folded').get(bucket));
  if (!isBucket(record, header.buckets[bucket])) return undefined;
  const kept = record.entries.find(([id]) => id === entryId)?.[1];
  return kept ? entryFoldOf(kept) : null;
}

/** The kept header, or undefined when there is none or it cannot be read. */
export async function readFoldedHeader(transaction: IDBTransaction): Promise<FoldedHeader | undefined> {
  const header: unknown = await promisifyRequest(transaction.objectStore('folded').get(HEADER));
  return isHeader(header) ? header : undefined;
}
