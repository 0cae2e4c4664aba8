import type { RegisterEvent } from '../../model/register/events.js';
import { carriesEvidence, eventOf, evidenceNamedBy } from './couch-documents.js';
import type { RefusedChange, RefusedEvent } from './couch-sync-status.js';
import type { PouchDatabase, PouchDocument } from './pouchdb.js';
import type { DamagedRegisterRecord } from './register-store.js';

// What a shared register's replica holds, read as events: the whole replica once, then only the
// documents its changes feed says changed since, so that reading the register again after one
// change does not read every document of a register of thousands.

export interface ReplicaContents {
  events: RegisterEvent[];
  refused: RefusedEvent[];
  damaged: DamagedRegisterRecord[];
  /** The document (and revision) that carries each signed PDF, by its SHA-256. */
  evidence: Map<string, { id: string; rev: string }>;
}

/** One revision of a document, read. */
interface Revision {
  doc: PouchDocument;
  read: ReturnType<typeof eventOf>;
}

export class ReplicaReader {
  /** Each document's revisions, the winning one first, then any in conflict with it. */
  readonly #documents = new Map<string, Revision[]>();
  #since: number | string = 0;
  #contents: { refusals: string; contents: ReplicaContents } | undefined;
  #reading: Promise<unknown> = Promise.resolve();

  constructor(private readonly local: PouchDatabase) {}

  /**
   * The replica's events, less those the server refused (`refused`: kept apart, with the reason),
   * and the documents that hold no event. The same object while nothing changed.
   */
  contents(refused: readonly RefusedChange[]): Promise<ReplicaContents> {
    // One read at a time, each from where the one before ended: two reads side by side would each
    // set what they read, the older last, and a document's newer revisions could be lost from view.
    const reading = this.#reading.then(() => this.#read(refused));
    this.#reading = reading.catch(() => undefined);
    return reading;
  }

  async #read(refused: readonly RefusedChange[]): Promise<ReplicaContents> {
    const { results, last_seq } = await this.local.changes({ since: this.#since, include_docs: true, conflicts: true });
    for (const { doc } of results) {
      if (!doc || doc._id.startsWith('_design/')) continue;
      const revisions = [doc];
      // Each other revision is another event under the same id: the fold sets both aside, visibly.
      for (const rev of doc._conflicts ?? []) revisions.push(await this.local.get(doc._id, { rev }));
      this.#documents.set(
        doc._id,
        revisions.map((each) => ({ doc: each, read: eventOf(each) })),
      );
    }
    this.#since = last_seq;
    const refusals = JSON.stringify(refused);
    if (results.length === 0 && this.#contents?.refusals === refusals) return this.#contents.contents;
    const contents = this.#sorted(refused);
    this.#contents = { refusals, contents };
    return contents;
  }

  #sorted(refused: readonly RefusedChange[]): ReplicaContents {
    const refusals = new Map(refused.map((refusal) => [refusal.id, refusal]));
    const contents: ReplicaContents = { events: [], refused: [], damaged: [], evidence: new Map() };
    for (const revisions of this.#documents.values()) {
      for (const { doc, read } of revisions) {
        if ('problem' in read) {
          contents.damaged.push({ key: doc._id, raw: doc, problem: read.problem });
          continue;
        }
        const refusal = refusals.get(doc._id);
        if (refusal && (refusal.rev === undefined || refusal.rev === doc._rev)) {
          contents.refused.push({ event: read.event, reason: refusal.reason });
          continue;
        }
        contents.events.push(read.event);
        const named = evidenceNamedBy(read.event);
        if (named && carriesEvidence(doc, named.sha256) && doc._rev) {
          contents.evidence.set(named.sha256, { id: doc._id, rev: doc._rev });
        }
      }
    }
    return contents;
  }
}
