import { promisifyRequest } from 'idb-keyval';
import type { RegisterEvent } from '../../model/register/events.js';
import {
  EMPTY_FOLD,
  NO_CLOCK,
  continueFold,
  entryStateOf,
  foldEvents,
  foldHoldsAt,
  registerFromEvents,
  registerStateOf,
  type RegisterEntryState,
  type RegisterFold,
} from '../../model/register/fold.js';
import { StorageFullError, storageError } from '../draft-store.js';
import {
  foldedLogOf,
  readEntryFold,
  readFoldedHeader,
  readFoldedLog,
  writeFoldedLog,
  type FoldedHeader,
  type FoldedLog,
} from './folded-log.js';
import { checkEvidence, eventsToWrite, withAnswers, withoutAnswers } from './log-records.js';
import type {
  DamagedRegisterRecord,
  RegisterEntryDetail,
  RegisterEvidence,
  RegisterStore,
  RegisterView,
} from './register-store.js';

// How the log is kept in IndexedDB, one database per namespace:
// - `log`: the events, in records under a key that counts up, so that reading
//   the store gives the order events were written: the events written together,
//   up to EVENTS_PER_RECORD to a record, `{ events, ids }` (IndexedDB writes a
//   few large records many times faster than as many small ones), or one event,
//   `{ event }`, as the first version of this database wrote them. An index on
//   the events' ids (`ids`, and `id` for the first version's records) finds one.
//   An event's assessment is kept without its answers;
// - `answers`: the answers of the assessments events carry, read only for the
//   entry that is opened: those of the events of one log record together,
//   `{ ids, answers }` (found by an index on `ids`), or one event's under its
//   id, as the first version of this database kept them;
// - `evidence`: the signed PDFs the events name, under their SHA-256;
// - `about`: what this database records of itself (when a register kept by an
//   earlier version was carried over into it);
// - `folded`: the log folded, as far as the record it names (see folded-log.ts),
//   written in the same transaction as the events: opening the register reads
//   it, and folds only the records written after it.
// The database is apart from the one earlier versions kept the register in,
// which stays as it was.

/** The IndexedDB database that holds a namespace's register log. */
export function registerLogDatabaseName(namespace: string): string {
  return `proforma-${namespace || 'default'}-register-log`;
}

type StoreName = 'log' | 'answers' | 'evidence' | 'about' | 'folded';

/** A record of the log: events written together, or one event (as the first version of this database kept them). */
type LogRecord = { events: RegisterEvent[]; ids: string[] } | { event: RegisterEvent };

/** The most events a record of the log holds. */
const EVENTS_PER_RECORD = 200;

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  const request = factory.open(name, 2);
  request.onupgradeneeded = (event) => {
    const database = request.result;
    if (event.oldVersion < 1) {
      const log = database.createObjectStore('log', { autoIncrement: true });
      log.createIndex('id', 'event.id', { unique: true });
      database.createObjectStore('answers');
      database.createObjectStore('evidence');
      database.createObjectStore('about');
    }
    if (event.oldVersion < 2) {
      request.transaction!.objectStore('log').createIndex('ids', 'ids', { unique: true, multiEntry: true });
      request.transaction!.objectStore('answers').createIndex('ids', 'ids', { unique: true, multiEntry: true });
      // A log kept before its fold was: the fold is made from it when it is first read.
      database.createObjectStore('folded');
    }
  };
  return promisifyRequest(request);
}

/** Whether a stored value has the shape of an event, checked lightly: `append` checked each one in full. */
function readEvent(value: unknown): RegisterEvent | undefined {
  const event = value as Record<string, unknown> | null | undefined;
  if (typeof event !== 'object' || event === null) return undefined;
  if (typeof event.id !== 'string' || typeof event.type !== 'string' || typeof event.at !== 'string') return undefined;
  if (typeof event.by !== 'object' || event.by === null) return undefined;
  return event as unknown as RegisterEvent;
}

function damagedRecord(key: string, raw: unknown): DamagedRegisterRecord {
  const id = (raw as { id?: unknown } | null)?.id;
  return { key: typeof id === 'string' ? id : key, raw, problem: 'not a change of the register' };
}

/** The events a record holds, each readable or damaged. */
function eventsOfRecord(key: IDBValidKey, raw: unknown): Array<RegisterEvent | DamagedRegisterRecord> {
  const record = raw as Partial<{ events: unknown; event: unknown }> | null;
  if (Array.isArray(record?.events)) {
    return record.events.map(
      (value: unknown, index) => readEvent(value) ?? damagedRecord(`record ${String(key)}, change ${index + 1}`, value),
    );
  }
  return [readEvent(record?.event) ?? damagedRecord(`record ${String(key)}`, record?.event ?? raw)];
}

/** The readable events of log records, the events that cannot be read, and how many there are of both. */
function recordsOf(keys: readonly IDBValidKey[], values: readonly unknown[]) {
  const events: RegisterEvent[] = [];
  const damaged: DamagedRegisterRecord[] = [];
  values.forEach((raw, index) => {
    for (const each of eventsOfRecord(keys[index]!, raw)) {
      if ('problem' in each && 'raw' in each) damaged.push(each);
      else events.push(each as RegisterEvent);
    }
  });
  return { events, damaged, count: events.length + damaged.length };
}

/** The key of the log's last record; undefined when it is empty. */
async function lastLogKey(transaction: IDBTransaction): Promise<number | undefined> {
  const cursor = await promisifyRequest(transaction.objectStore('log').openKeyCursor(null, 'prev'));
  return cursor ? (cursor.key as number) : undefined;
}

/**
 * A fold and what of the log it covers, and the kept fold it was made from
 * (`base`; none when it was made from the whole log).
 */
interface FoldToWrite {
  base: FoldedLog | undefined;
  fold: RegisterFold;
  covers: Pick<FoldedHeader, 'lastKey' | 'eventCount' | 'damaged'>;
}

/** Whether the fold is the kept one as it was read: nothing to write. */
const isKept = ({ base, fold, covers }: FoldToWrite) => base?.fold === fold && base.header.lastKey === covers.lastKey;

/**
 * The kept fold, read in the transaction and brought up to the end of the
 * log: as kept when it covers the whole log, else with the records written
 * after it folded on. Undefined when it must be made again from the whole
 * log: there is none, it is damaged, or it does not match the log.
 */
async function foldUpToDate(
  transaction: IDBTransaction,
  known: FoldedLog | undefined,
): Promise<FoldToWrite | undefined> {
  const [kept, lastKey] = await Promise.all([readFoldedLog(transaction, known), lastLogKey(transaction)]);
  if (kept === undefined) {
    return lastKey === undefined
      ? { base: undefined, fold: EMPTY_FOLD, covers: { lastKey, eventCount: 0, damaged: [] } }
      : undefined;
  }
  const { header } = kept;
  if (header.lastKey === lastKey) return { base: kept, fold: kept.fold, covers: header };
  if (lastKey === undefined || (header.lastKey !== undefined && lastKey < header.lastKey)) return undefined;
  const after = header.lastKey === undefined ? undefined : IDBKeyRange.lowerBound(header.lastKey, true);
  const log = transaction.objectStore('log');
  const [keys, values] = await Promise.all([
    promisifyRequest(log.getAllKeys(after)),
    promisifyRequest(log.getAll(after)),
  ]);
  const { events, damaged, count } = recordsOf(keys, values);
  const fold = continueFold(kept.fold, events, { newIds: true });
  if (fold === undefined) return undefined;
  const covers = { lastKey, eventCount: header.eventCount + count, damaged: [...header.damaged, ...damaged] };
  return { base: kept, fold, covers };
}

/** How a batch is written besides its events: whether they were checked already, and what else to write with them. */
interface WriteOptions {
  checked?: boolean;
  alsoWrite?: (transaction: IDBTransaction) => void;
}

type Answers = NonNullable<ReturnType<typeof withoutAnswers>['answers']>;

/** The answers of the events of one log record that carry any. */
interface AnswersRecord {
  ids: string[];
  answers: Answers[];
}

const isAnswersRecord = (value: unknown): value is AnswersRecord =>
  Array.isArray((value as Partial<AnswersRecord> | null)?.ids) &&
  Array.isArray((value as Partial<AnswersRecord> | null)?.answers);

/** The answers kept for each event, by its id; undefined for one that carries none. */
async function answersOf(store: IDBObjectStore, ids: readonly string[]): Promise<Array<Answers | undefined>> {
  return Promise.all(
    ids.map(async (id) => {
      const alone: unknown = await promisifyRequest(store.get(id));
      if (alone !== undefined) return alone as Answers;
      const record: unknown = await promisifyRequest(store.index('ids').get(id));
      return isAnswersRecord(record) ? record.answers[record.ids.indexOf(id)] : undefined;
    }),
  );
}

/** Every event's answers, by its id. */
async function allAnswers(store: IDBObjectStore): Promise<Map<string, Answers>> {
  const [keys, values] = await Promise.all([promisifyRequest(store.getAllKeys()), promisifyRequest(store.getAll())]);
  const found = new Map<string, Answers>();
  values.forEach((value: unknown, index) => {
    const key = keys[index];
    if (typeof key === 'string') found.set(key, value as Answers);
    else if (isAnswersRecord(value)) value.ids.forEach((id, place) => found.set(id, value.answers[place]!));
  });
  return found;
}

/**
 * Writes the events of a batch that the log does not hold yet, in the
 * transaction, and gives them as written (without their answers) and the key of the last; aborts it and throws `RegisterStoreError`
 * when any of them cannot be written (see `eventsToWrite`).
 */
async function writeEvents(
  transaction: IDBTransaction,
  events: readonly RegisterEvent[],
  checked: boolean,
): Promise<{ written: RegisterEvent[]; lastKey?: number }> {
  const log = transaction.objectStore('log');
  const answersStore = transaction.objectStore('answers');
  const ids = [...new Set(events.map((event) => (event as { id?: unknown } | null)?.id))].filter(
    (id): id is string => typeof id === 'string',
  );
  // An empty log (a register carried over, a first import) holds none of them: nothing to look up.
  const empty = (await promisifyRequest(log.count())) === 0;
  const [records, singles, answers] = empty
    ? [[], [], []]
    : await Promise.all([
        Promise.all(ids.map((id) => promisifyRequest(log.index('ids').get(id)))),
        Promise.all(ids.map((id) => promisifyRequest(log.index('id').get(id)))),
        answersOf(answersStore, ids),
      ]);
  // An event is compared as it was written: with its answers put back.
  const stored = new Map<string, RegisterEvent | 'unreadable'>();
  ids.forEach((id, index) => {
    const record: unknown = records[index] ?? singles[index];
    if (record === undefined) return;
    const event = eventsOfRecord(0, record).find(
      (each): each is RegisterEvent => !('problem' in each) && each.id === id,
    );
    stored.set(id, event ? withAnswers(event, answers[index]) : 'unreadable');
  });
  let writing: RegisterEvent[];
  try {
    writing = eventsToWrite(events, stored, checked);
  } catch (error) {
    transaction.abort();
    throw error;
  }
  const written: RegisterEvent[] = [];
  let last: IDBRequest<IDBValidKey> | undefined;
  for (let start = 0; start < writing.length; start += EVENTS_PER_RECORD) {
    const events: RegisterEvent[] = [];
    const carrying: AnswersRecord = { ids: [], answers: [] };
    for (const event of writing.slice(start, start + EVENTS_PER_RECORD)) {
      const { event: kept, answers } = withoutAnswers(event);
      events.push(kept);
      if (answers === undefined) continue;
      carrying.ids.push(event.id);
      carrying.answers.push(answers);
    }
    last = log.add({ events, ids: events.map(({ id }) => id) } satisfies LogRecord);
    // Under a key no event id can be (an array), found by the index on `ids`.
    if (carrying.ids.length > 0) answersStore.put(carrying, ['written', carrying.ids[0]!]);
    written.push(...events);
  }
  return { written, lastKey: last ? ((await promisifyRequest(last)) as number) : undefined };
}

/**
 * The register's log in this browser's IndexedDB, one database per
 * namespace. Two tabs on one namespace see each other's changes: each
 * append is announced on a `BroadcastChannel`.
 */
export class IndexedDbRegisterStore implements RegisterStore {
  readonly persistent = true;
  private database?: Promise<IDBDatabase>;
  private readonly listeners = new Set<() => void>();
  private channel?: BroadcastChannel;
  /** The fold as this store last read or wrote it: only what changed since is read again. */
  private kept?: FoldedLog;

  private readonly factory: IDBFactory;

  /**
   * `options.indexedDB`: where to keep the database, when not the page's own
   * `indexedDB`, such as a storage bucket's (`navigator.storageBuckets`).
   */
  constructor(
    readonly namespace = 'default',
    options: { indexedDB?: IDBFactory } = {},
  ) {
    this.factory = options.indexedDB ?? indexedDB;
  }

  async read(now = new Date()): Promise<RegisterView> {
    const { fold, header } = await this.folded();
    if (!foldHoldsAt(fold, { now })) {
      // An event dated later than now: folded again, with the clock, from the log.
      const { events, damaged } = await this.readLog();
      return { ...registerFromEvents(events, { now }), damaged, eventCount: events.length + damaged.length };
    }
    return { ...registerStateOf(fold), damaged: [...header.damaged], eventCount: header.eventCount };
  }

  async events(): Promise<RegisterEvent[]> {
    const { events } = await this.readLog();
    const answers = await this.run(['answers'], 'readonly', (transaction) =>
      allAnswers(transaction.objectStore('answers')),
    );
    return events.map((event) => withAnswers(event, answers.get(event.id)));
  }

  async entry(id: string, now = new Date()): Promise<RegisterEntryDetail | undefined> {
    const found = await this.entryState(id, now);
    if (!found) return undefined;
    const carrying = found.log.filter(
      (event) =>
        event.type === 'imported' ||
        event.type === 're-assessed' ||
        (event.type === 'carried-over' && event.entry?.assessment !== undefined),
    );
    const [answers, held] = await this.run(['answers', 'evidence'], 'readonly', (transaction) =>
      Promise.all([
        answersOf(
          transaction.objectStore('answers'),
          carrying.map(({ id }) => id),
        ),
        Promise.all(
          found.log.map((event) =>
            (event.type === 'imported' || event.type === 're-assessed') && event.evidence
              ? promisifyRequest(transaction.objectStore('evidence').getKey(event.evidence.sha256))
              : Promise.resolve(undefined),
          ),
        ),
      ]),
    );
    const withTheirAnswers = new Map(carrying.map((event, index) => [event.id, withAnswers(event, answers[index])]));
    const log = found.log.map((event) => withTheirAnswers.get(event.id) ?? event) as typeof found.log;
    // The entry holds the assessment of its newest import, re-assessment or carried-over entry.
    const newest = log.find((event) => withTheirAnswers.has(event.id));
    const assessment =
      newest?.type === 'carried-over'
        ? newest.entry?.assessment
        : newest && 'assessment' in newest
          ? newest.assessment
          : undefined;
    const evidence = found.log.flatMap((event, index) =>
      held[index] !== undefined && (event.type === 'imported' || event.type === 're-assessed') && event.evidence
        ? [event.evidence]
        : [],
    );
    return { entry: { ...found, log, ...(assessment ? { assessment } : {}) }, evidence };
  }

  async append(events: readonly RegisterEvent[], evidence: readonly RegisterEvidence[] = []): Promise<void> {
    if (await this.writeOrSay(events, evidence)) this.announce();
  }

  async evidence(sha256: string): Promise<RegisterEvidence | undefined> {
    const raw = await this.run(['evidence'], 'readonly', (transaction) =>
      promisifyRequest(transaction.objectStore('evidence').get(sha256)),
    );
    const file = raw as Partial<RegisterEvidence> | undefined;
    if (!file || typeof file.name !== 'string' || !(file.bytes instanceof Uint8Array)) return undefined;
    return { name: file.name, sha256, bytes: file.bytes };
  }

  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.channel && typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(registerLogDatabaseName(this.namespace));
      this.channel.onmessage = () => this.notify();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.channel?.close();
        this.channel = undefined;
      }
    };
  }

  /** What this database records of itself under `key`, such as when an earlier register was carried over. */
  async about(key: string): Promise<unknown> {
    return this.run(['about'], 'readonly', (transaction) =>
      promisifyRequest(transaction.objectStore('about').get(key)),
    );
  }

  /**
   * Appends events and records `value` under `key` in `about`, all or none:
   * for carrying a register over. `options.checked`: the events were made from
   * records the schema had checked (`eventsFromRegister` of entries read
   * through `RegisterEntrySchema`), so they are not checked again.
   */
  async appendRecording(
    events: readonly RegisterEvent[],
    key: string,
    value: unknown,
    options: { checked?: boolean } = {},
  ): Promise<void> {
    await this.writeOrSay(events, [], {
      checked: options.checked ?? false,
      alsoWrite: (transaction) => transaction.objectStore('about').put(value, key),
    });
    this.announce();
  }

  /** Closes the database, so that it can be deleted or upgraded. */
  async close(): Promise<void> {
    const database = await this.database?.catch(() => undefined);
    database?.close();
    this.database = undefined;
    this.kept = undefined;
  }

  /**
   * Writes a batch and its evidence, all or none, with the fold brought up to
   * date in the same transaction; gives whether anything was new. When the
   * events cannot be folded on (one comes before what the fold holds), the
   * kept fold is left as it was, naming the records it covers, and the next
   * read makes it again.
   */
  private async write(
    events: readonly RegisterEvent[],
    evidence: readonly RegisterEvidence[],
    { checked = false, alsoWrite }: WriteOptions = {},
  ): Promise<boolean> {
    // Checked before the transaction opens: it commits as soon as it waits on anything but itself.
    await checkEvidence(evidence);
    const stores: StoreName[] = ['log', 'answers', 'evidence', 'folded', ...(alsoWrite ? (['about'] as const) : [])];
    const { changed, kept } = await this.run(stores, 'readwrite', async (transaction) => {
      const upToDate = await foldUpToDate(transaction, this.kept);
      const { written, lastKey } = await writeEvents(transaction, events, checked);
      const evidenceStore = transaction.objectStore('evidence');
      const held = await Promise.all(evidence.map((file) => promisifyRequest(evidenceStore.getKey(file.sha256))));
      evidence.forEach((file, index) => {
        if (held[index] === undefined) {
          evidenceStore.put({ name: file.name, sha256: file.sha256, bytes: file.bytes }, file.sha256);
        }
      });
      alsoWrite?.(transaction);
      const fold = upToDate && continueFold(upToDate.fold, written, { newIds: true });
      let kept: FoldedLog | undefined;
      if (upToDate && fold && !(written.length === 0 && isKept(upToDate))) {
        kept = writeFoldedLog(transaction, upToDate.base, fold, {
          lastKey: lastKey ?? upToDate.covers.lastKey,
          eventCount: upToDate.covers.eventCount + written.length,
          damaged: upToDate.covers.damaged,
        });
      }
      await promisifyRequest(transaction);
      return { changed: written.length > 0 || held.some((key) => key === undefined), kept: kept ?? upToDate?.base };
    });
    if (kept) this.kept = kept;
    return changed;
  }

  /** `write`, saying in words what a full storage means for the register. */
  private async writeOrSay(
    events: readonly RegisterEvent[],
    evidence: readonly RegisterEvidence[],
    options: WriteOptions = {},
  ): Promise<boolean> {
    try {
      return await this.write(events, evidence, options);
    } catch (error) {
      if (!(error instanceof StorageFullError)) throw error;
      throw new StorageFullError(
        'This browser’s storage is full, so none of these changes was saved, and the register is as it was. Free some space, or export the register to keep a copy, then try again.',
        { cause: error },
      );
    }
  }

  /**
   * The fold of the whole log: as kept when it is up to date; else brought
   * up to date, or made again from the log, and kept.
   */
  private async folded(): Promise<FoldedLog> {
    const next = await this.run(['log', 'folded'], 'readonly', async (transaction): Promise<FoldToWrite> => {
      const upToDate = await foldUpToDate(transaction, this.kept);
      if (upToDate) return upToDate;
      const log = transaction.objectStore('log');
      const [keys, values, lastKey] = await Promise.all([
        promisifyRequest(log.getAllKeys()),
        promisifyRequest(log.getAll()),
        lastLogKey(transaction),
      ]);
      const { events, damaged, count } = recordsOf(keys, values);
      return { base: undefined, fold: foldEvents(events, NO_CLOCK), covers: { lastKey, eventCount: count, damaged } };
    });
    if (next.base && isKept(next)) return (this.kept = next.base);
    try {
      const written = await this.run(['log', 'folded'], 'readwrite', async (transaction) => {
        // Written only for the log it was made from, and over the fold it was made from, if any.
        const [lastKey, header] = await Promise.all([lastLogKey(transaction), readFoldedHeader(transaction)]);
        if (lastKey !== next.covers.lastKey) return undefined;
        if (next.base && header?.writing !== next.base.header.writing) return undefined;
        const kept = writeFoldedLog(transaction, next.base, next.fold, next.covers);
        await promisifyRequest(transaction);
        return kept;
      });
      if (written) return (this.kept = written);
    } catch {
      // Storage full or refused: the fold is not kept this time, and the register is shown all the same.
    }
    return foldedLogOf(next.fold, next.covers);
  }

  /** One entry as folded: read from its bucket of the kept fold alone when that is up to date. */
  private async entryState(id: string, now: Date): Promise<RegisterEntryState | undefined> {
    if (this.kept === undefined) {
      const quick = await this.run(['log', 'folded'], 'readonly', async (transaction) => {
        const [header, lastKey] = await Promise.all([readFoldedHeader(transaction), lastLogKey(transaction)]);
        if (!header || header.lastKey !== lastKey || !foldHoldsAt(header, { now })) return undefined;
        return readEntryFold(transaction, header, id);
      });
      if (quick === null) return undefined;
      if (quick) return entryStateOf(id, quick);
    }
    const { fold } = await this.folded();
    if (!foldHoldsAt(fold, { now })) return (await this.read(now)).entries.find((each) => each.id === id);
    const found = fold.entries.get(id);
    return found && entryStateOf(id, found);
  }

  private async readLog(): Promise<{ events: RegisterEvent[]; damaged: DamagedRegisterRecord[] }> {
    const [keys, values] = await this.run(['log'], 'readonly', (transaction) => {
      const log = transaction.objectStore('log');
      return Promise.all([promisifyRequest(log.getAllKeys()), promisifyRequest(log.getAll())]);
    });
    return recordsOf(keys, values);
  }

  private announce(): void {
    this.notify();
    if (typeof BroadcastChannel === 'undefined') return;
    // A channel does not hear its own messages: this store's listeners were told above.
    if (this.channel) return this.channel.postMessage('changed');
    const channel = new BroadcastChannel(registerLogDatabaseName(this.namespace));
    channel.postMessage('changed');
    channel.close();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private async run<T>(
    stores: readonly StoreName[],
    mode: IDBTransactionMode,
    work: (transaction: IDBTransaction) => Promise<T>,
  ): Promise<T> {
    try {
      this.database ??= openDatabase(this.factory, registerLogDatabaseName(this.namespace)).then((database) => {
        // Another tab opening a newer version of the database waits until this one lets go.
        database.onversionchange = () => {
          database.close();
          this.database = undefined;
        };
        return database;
      });
      const database = await this.database;
      return await work(database.transaction(stores, mode));
    } catch (error) {
      if ((error as Error | null)?.name === 'RegisterStoreError') throw error;
      throw storageError(error);
    }
  }
}
