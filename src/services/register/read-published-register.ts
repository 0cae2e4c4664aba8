import type { RegisterEntry } from '../../model/register-entry.js';
import { eventsFromRegister } from '../../model/register/carry-over.js';
import { registerFromEvents } from '../../model/register/fold.js';
import { readPublishedDocument, type PublishedDocument } from '../../model/register/published-documents.js';
import { databaseAddress, requestJson, type PublishedRequestOptions } from './published-requests.js';
import type { RegisterView } from './register-store.js';

// Reading a published register from its database (`…/proforma-<school>-published`), or a trust's
// (`…/proforma-<trust>-trust`, the same documents from several schools), and watching it for
// changes through CouchDB's `_changes` feed (long polling, from the sequence the read ended at).

/** A document of the database that is not a published tool, listed apart rather than dropped in silence. */
export interface UnreadablePublishedDocument {
  id: string;
  problem: string;
}

export interface PublishedRegisterRead {
  /** Every published tool, in the database's order of ids (so one school's tools together). */
  documents: PublishedDocument[];
  /** Their entries, as "Export for staff" writes them: what a staff view shows. */
  entries: RegisterEntry[];
  unreadable: UnreadablePublishedDocument[];
  /** Where the database's changes feed stood when the read ended: a watch from here misses nothing. */
  since: string;
}

/** One batch of changes from the feed. */
export interface PublishedRegisterChange {
  /** Tools published or changed: each replaces the document of the same `_id`. */
  changed: PublishedDocument[];
  /** The ids of documents deleted (tools no longer published). */
  removedIds: string[];
  unreadable: UnreadablePublishedDocument[];
  /** Where to watch from next. */
  since: string;
}

export interface WatchOptions extends PublishedRequestOptions {
  /** How long the server holds one poll open when nothing changes; a minute unless given. */
  pollMs?: number;
}

interface Row {
  id: string;
  doc?: unknown;
  deleted?: boolean;
}

/** The documents of `rows` sorted into published tools, deletions and unreadable documents; design documents left out. */
function sortRows(rows: readonly Row[]): Omit<PublishedRegisterChange, 'since'> {
  const changed: PublishedDocument[] = [];
  const removedIds: string[] = [];
  const unreadable: UnreadablePublishedDocument[] = [];
  for (const row of rows) {
    if (row.id.startsWith('_design/')) continue;
    if (row.deleted) {
      removedIds.push(row.id);
      continue;
    }
    const read = readPublishedDocument(row.doc);
    if ('document' in read) changed.push(read.document);
    else unreadable.push({ id: row.id, problem: read.problem });
  }
  return { changed, removedIds, unreadable };
}

/**
 * Reads the published register at `publishedDbUrl`: every published tool, and where the changes
 * feed stood, to watch from. Fails with a `PublishedRegisterError` (sign-in needed, not allowed,
 * unreachable, not found).
 */
export async function readPublishedRegister(
  publishedDbUrl: string,
  options: PublishedRequestOptions = {},
): Promise<PublishedRegisterRead> {
  const database = databaseAddress(publishedDbUrl);
  // The whole database in one read of its changes feed, with the sequence that read ends at: a
  // watch from there misses nothing. Documents deleted since show as deleted, and are left out.
  const { results, last_seq } = await requestJson<{ results: Row[]; last_seq: string | number }>(
    database,
    `${database}/_changes?include_docs=true`,
    options,
  );
  const { changed, unreadable } = sortRows(results);
  return {
    documents: changed,
    entries: changed.map((document) => document.entry),
    unreadable,
    since: String(last_seq),
  };
}

/**
 * Watches the published register at `publishedDbUrl` from `since` (as `readPublishedRegister`
 * answered it): calls `onChange` with each batch of changes, until `signal` is aborted, when the
 * promise resolves. A failure (the session ended, the server gone) rejects it with a
 * `PublishedRegisterError`, for the caller to read the register again and watch anew.
 */
export async function watchPublishedRegister(
  publishedDbUrl: string,
  since: string,
  onChange: (change: PublishedRegisterChange) => void,
  { pollMs = 60_000, ...options }: WatchOptions = {},
): Promise<void> {
  const database = databaseAddress(publishedDbUrl);
  let from = since;
  while (!options.signal?.aborted) {
    const query = new URLSearchParams({
      feed: 'longpoll',
      since: from,
      include_docs: 'true',
      timeout: String(pollMs),
    });
    let answer: { results: Row[]; last_seq: string | number };
    try {
      answer = await requestJson(database, `${database}/_changes?${query}`, options);
    } catch (error) {
      if (options.signal?.aborted) return;
      throw error;
    }
    from = String(answer.last_seq);
    const change = sortRows(answer.results);
    if (change.changed.length + change.removedIds.length + change.unreadable.length > 0) {
      onChange({ ...change, since: from });
    }
  }
}

/**
 * The register a staff view shows of published entries, as of `now`: each entry's published
 * history carried in as events, as a published JSON file is read (`from` names where they came
 * from, as the file's address does), so that the element shows both alike.
 */
export function publishedRegisterView(entries: readonly RegisterEntry[], from: string, now: Date): RegisterView {
  const events = eventsFromRegister(entries, [], { at: now.toISOString(), by: { name: from } });
  return { ...registerFromEvents(events, { now }), damaged: [], eventCount: events.length };
}
