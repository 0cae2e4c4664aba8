import { promisifyRequest } from 'idb-keyval';
import type { RegisterEvent } from '../../model/register/events.js';
import { registerFromEvents } from '../../model/register/fold.js';
import { storageError } from '../draft-store.js';
import { checkEvidence, eventsToWrite, withAnswers, withoutAnswers } from './log-records.js';
import type {
  DamagedRegisterRecord,
  RegisterEntryDetail,
  RegisterEvidence,
  RegisterStore,
  RegisterView,
} from './register-store.js';

// How the log is kept in IndexedDB, one database per namespace:
// - `log`: one record per event, `{ event }`, under a key that counts up, so
//   reading the store gives the order events were written; an index on the
//   event's id finds one. An event's assessment is kept without its answers;
// - `answers`: the answers of the assessment an event carries, under the
//   event's id, read only for the entry that is opened;
// - `evidence`: the signed PDFs the events name, under their SHA-256;
// - `about`: what this database records of itself (when a register kept by an
//   earlier version was carried over into it).
// The database is apart from the one earlier versions kept the register in,
// which stays as it was.

/** The IndexedDB database that holds a namespace's register log. */
export function registerLogDatabaseName(namespace: string): string {
  return `proforma-${namespace || 'default'}-register-log`;
}

type StoreName = 'log' | 'answers' | 'evidence' | 'about';

interface LogRecord {
  event: RegisterEvent;
}

function openDatabase(name: string): Promise<IDBDatabase> {
  const request = indexedDB.open(name, 1);
  request.onupgradeneeded = () => {
    const database = request.result;
    const log = database.createObjectStore('log', { autoIncrement: true });
    log.createIndex('id', 'event.id', { unique: true });
    database.createObjectStore('answers');
    database.createObjectStore('evidence');
    database.createObjectStore('about');
  };
  return promisifyRequest(request);
}

/** Whether a stored record has the shape of an event, checked lightly: `append` checked each one in full. */
function readRecord(raw: unknown): RegisterEvent | undefined {
  const event = (raw as Partial<LogRecord> | null)?.event as Record<string, unknown> | undefined;
  if (typeof event !== 'object' || event === null) return undefined;
  if (typeof event.id !== 'string' || typeof event.type !== 'string' || typeof event.at !== 'string') return undefined;
  if (typeof event.by !== 'object' || event.by === null) return undefined;
  return event as unknown as RegisterEvent;
}

function damagedRecord(key: IDBValidKey, raw: unknown): DamagedRegisterRecord {
  const id = (raw as { event?: { id?: unknown } } | null)?.event?.id;
  return {
    key: typeof id === 'string' ? id : `record ${String(key)}`,
    raw,
    problem: 'not a change of the register',
  };
}

/**
 * Writes the events of a batch that the log does not hold yet, in the
 * transaction, and gives how many; aborts it and throws `RegisterStoreError`
 * when any of them cannot be written (see `eventsToWrite`).
 */
async function writeEvents(transaction: IDBTransaction, events: readonly RegisterEvent[]): Promise<number> {
  const log = transaction.objectStore('log');
  const answersStore = transaction.objectStore('answers');
  const ids = [...new Set(events.map((event) => (event as { id?: unknown } | null)?.id))].filter(
    (id): id is string => typeof id === 'string',
  );
  // An empty log (a register carried over, a first import) holds none of them: nothing to look up.
  const empty = (await promisifyRequest(log.count())) === 0;
  const [records, answers] = empty
    ? [[], []]
    : await Promise.all([
        Promise.all(ids.map((id) => promisifyRequest(log.index('id').get(id)))),
        Promise.all(ids.map((id) => promisifyRequest(answersStore.get(id)))),
      ]);
  // An event is compared as it was written: with its answers put back.
  const stored = new Map<string, RegisterEvent | 'unreadable'>();
  ids.forEach((id, index) => {
    if (records[index] === undefined) return;
    const event = readRecord(records[index]);
    stored.set(id, event ? withAnswers(event, answers[index]) : 'unreadable');
  });
  let writing: RegisterEvent[];
  try {
    writing = eventsToWrite(events, stored);
  } catch (error) {
    transaction.abort();
    throw error;
  }
  for (const event of writing) {
    const { event: kept, answers: keptAnswers } = withoutAnswers(event);
    log.add({ event: kept } satisfies LogRecord);
    if (keptAnswers !== undefined) answersStore.put(keptAnswers, event.id);
  }
  return writing.length;
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

  constructor(readonly namespace = 'default') {}

  async read(now = new Date()): Promise<RegisterView> {
    const { events, damaged } = await this.readLog();
    return { ...registerFromEvents(events, { now }), damaged, eventCount: events.length + damaged.length };
  }

  async events(): Promise<RegisterEvent[]> {
    const { events } = await this.readLog();
    const answers = await this.run(['answers'], 'readonly', (transaction) =>
      Promise.all(events.map((event) => promisifyRequest(transaction.objectStore('answers').get(event.id)))),
    );
    return events.map((event, index) => withAnswers(event, answers[index]));
  }

  async entry(id: string, now = new Date()): Promise<RegisterEntryDetail | undefined> {
    const found = (await this.read(now)).entries.find((each) => each.id === id);
    if (!found) return undefined;
    const carrying = found.log.filter(
      (event) =>
        event.type === 'imported' ||
        event.type === 're-assessed' ||
        (event.type === 'carried-over' && event.entry?.assessment !== undefined),
    );
    const [answers, held] = await this.run(['answers', 'evidence'], 'readonly', (transaction) =>
      Promise.all([
        Promise.all(carrying.map((event) => promisifyRequest(transaction.objectStore('answers').get(event.id)))),
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
    // Checked before the transaction opens: it commits as soon as it waits on anything but itself.
    await checkEvidence(evidence);
    const changed = await this.run(['log', 'answers', 'evidence'], 'readwrite', async (transaction) => {
      const written = await writeEvents(transaction, events);
      const evidenceStore = transaction.objectStore('evidence');
      const held = await Promise.all(evidence.map((file) => promisifyRequest(evidenceStore.getKey(file.sha256))));
      evidence.forEach((file, index) => {
        if (held[index] === undefined) {
          evidenceStore.put({ name: file.name, sha256: file.sha256, bytes: file.bytes }, file.sha256);
        }
      });
      await promisifyRequest(transaction);
      return written > 0 || held.some((key) => key === undefined);
    });
    if (changed) this.announce();
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

  /** Appends events and records `value` under `key` in `about`, all or none: for carrying a register over. */
  async appendRecording(events: readonly RegisterEvent[], key: string, value: unknown): Promise<void> {
    await this.run(['log', 'answers', 'about'], 'readwrite', async (transaction) => {
      await writeEvents(transaction, events);
      transaction.objectStore('about').put(value, key);
      await promisifyRequest(transaction);
    });
    this.announce();
  }

  /** Closes the database, so that it can be deleted or upgraded. */
  async close(): Promise<void> {
    const database = await this.database?.catch(() => undefined);
    database?.close();
    this.database = undefined;
  }

  private async readLog(): Promise<{ events: RegisterEvent[]; damaged: DamagedRegisterRecord[] }> {
    const [keys, values] = await this.run(['log'], 'readonly', (transaction) => {
      const log = transaction.objectStore('log');
      return Promise.all([promisifyRequest(log.getAllKeys()), promisifyRequest(log.getAll())]);
    });
    const events: RegisterEvent[] = [];
    const damaged: DamagedRegisterRecord[] = [];
    values.forEach((raw, index) => {
      const event = readRecord(raw);
      if (event) events.push(event);
      else damaged.push(damagedRecord(keys[index]!, raw));
    });
    return { events, damaged };
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
      this.database ??= openDatabase(registerLogDatabaseName(this.namespace));
      const database = await this.database;
      return await work(database.transaction(stores, mode));
    } catch (error) {
      if ((error as Error | null)?.name === 'RegisterStoreError') throw error;
      throw storageError(error);
    }
  }
}
