import type { RegisterEntryState } from '../../model/register/fold.js';
import {
  publishedDocuments,
  samePublicFields,
  type PublishedDocument,
} from '../../model/register/published-documents.js';
import {
  PublishedRegisterError,
  databaseAddress,
  requestJson,
  type PublishedRequestOptions,
} from './published-requests.js';

// Publishing the register for staff into the school's published database
// (`proforma-<school>-published`): one document per tool, written only when what it publishes
// changed, so that staff pages and a trust's replication see only real changes. An approver signs
// in to publish; the server refuses anyone else.

export interface PublishOptions extends Omit<PublishedRequestOptions, 'signal'> {
  /** When the register is published: each written document's `publishedAt`. Now unless given. */
  now?: Date;
}

export interface PublishResult {
  /** The documents written, each with the revision the server gave it. */
  written: PublishedDocument[];
  /** How many tools were published already as they stand (or as someone else had just published them). */
  unchanged: number;
}

interface AllDocsRow {
  id?: string;
  key?: string;
  error?: string;
  value?: { rev: string; deleted?: boolean };
  doc?: (PublishedDocument & { _rev: string }) | null;
}

interface BulkAnswer {
  id: string;
  rev?: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

/** The documents the database holds under `ids` (deleted ones as absent), by id. */
async function readCurrent(
  database: string,
  ids: readonly string[],
  options: PublishedRequestOptions,
): Promise<Map<string, PublishedDocument & { _rev: string }>> {
  const { rows } = await requestJson<{ rows: AllDocsRow[] }>(
    database,
    `${database}/_all_docs?include_docs=true`,
    options,
    { method: 'POST', body: { keys: ids } },
  );
  const current = new Map<string, PublishedDocument & { _rev: string }>();
  for (const row of rows) {
    if (row.error || !row.doc || row.value?.deleted) continue;
    current.set(row.doc._id, row.doc);
  }
  return current;
}

/** The documents whose public fields differ from the database's, each with the revision it replaces. */
function changedAgainst(
  wanted: readonly PublishedDocument[],
  current: ReadonlyMap<string, PublishedDocument & { _rev: string }>,
): PublishedDocument[] {
  return wanted.flatMap((document) => {
    const held = current.get(document._id);
    if (held && samePublicFields(held, document)) return [];
    return [held ? { ...document, _rev: held._rev } : document];
  });
}

/**
 * Publishes the register's entries for staff into the published database at `publishedDbUrl`
 * (`…/proforma-<school>-published`): a document for each tool whose public fields changed, or
 * that was not published yet, with `_rev` where it replaces one. A document someone else changed
 * meanwhile (HTTP 409) is read again and written once more. Answers what was written; a failure
 * is a `PublishedRegisterError`: sign-in needed, not allowed (not an approver), unreachable, not
 * found (the school is not set up there), or a conflict that held twice.
 */
export async function publishRegister(
  publishedDbUrl: string,
  school: string,
  entries: readonly RegisterEntryState[],
  { now = new Date(), ...options }: PublishOptions = {},
): Promise<PublishResult> {
  const database = databaseAddress(publishedDbUrl);
  const wanted = publishedDocuments(school, entries, now);
  const ids = wanted.map((document) => document._id);
  let toWrite = changedAgainst(wanted, await readCurrent(database, ids, options));
  const written: PublishedDocument[] = [];

  for (let attempt = 0; toWrite.length > 0; attempt += 1) {
    const answers = await requestJson<BulkAnswer[]>(database, `${database}/_bulk_docs`, options, {
      method: 'POST',
      body: { docs: toWrite },
    });
    const byId = new Map(toWrite.map((document) => [document._id, document]));
    const conflicts: PublishedDocument[] = [];
    for (const answer of answers) {
      const document = byId.get(answer.id);
      if (!document) continue;
      if (answer.ok !== false && answer.rev && !answer.error) written.push({ ...document, _rev: answer.rev });
      else if (answer.error === 'conflict') conflicts.push(document);
      else if (answer.error === 'forbidden' || answer.error === 'unauthorized') {
        throw new PublishedRegisterError(
          answer.error === 'forbidden' ? 'not-allowed' : 'sign-in-needed',
          database,
          answer.reason ?? '',
        );
      } else throw new PublishedRegisterError('server', database, answer.reason ?? answer.error ?? '');
    }
    if (conflicts.length === 0) break;
    if (attempt === 1) {
      throw new PublishedRegisterError('conflict', database, conflicts.map((document) => document._id).join(', '));
    }
    // Someone changed these meanwhile: what they wrote is read, and only what still differs is written.
    const current = await readCurrent(
      database,
      conflicts.map((document) => document._id),
      options,
    );
    toWrite = changedAgainst(conflicts, current);
  }
  return { written, unchanged: wanted.length - written.length };
}
