import canonicalize from 'canonicalize';
import { RegisterEntrySchema, type RegisterEntry } from '../register-entry.js';
import { publishedEntry } from '../register-json.js';
import { entryWithHistory } from './carry-over.js';
import type { RegisterEntryState } from './fold.js';
import { publishedAssessment, readPublishedAssessment, type PublishedAssessment } from './published-assessment.js';
import { submissionIdsOf } from './submissions.js';

// The register published for staff as a CouchDB database (`proforma-<school>-published`): one
// document per tool, holding what "Export for staff" writes of it. A trust replicates several
// schools' published databases into one, so a document's id names its school as well as its
// entry. Beside the entry, the tool's assessment as other schools may start from it (its answers'
// values, no notes, evidence or names). The server checks the same shape
// (couchdb/design-documents.mjs, validatePublished).

/** One published tool: `_id` is `<school>:<entryId>`; `entry` is `publishedEntry` of the tool. */
export interface PublishedDocument {
  _id: string;
  /** The revision the server holds, when read from it; sent back to update the document. */
  _rev?: string;
  /** The school's id, as `proforma-couchdb setup --school` named it. */
  school: string;
  /** The tool's public fields: no assessment, no names or reasons in its history. */
  entry: RegisterEntry;
  /**
   * The tool's assessment as another school of the trust may copy it (`publishedAssessment`);
   * absent for a tool with none, and in documents published before assessments were.
   */
  assessment?: PublishedAssessment;
  /** When the school last published a change to this tool. */
  publishedAt: string;
  /**
   * The ids of the teachers' submissions the tool's assessments came from, oldest first: a teacher's
   * browser follows its submission here to "decision recorded". Empty in documents published
   * before submissions were kept, and read so.
   */
  submissions: string[];
}

/** The id of a school's published document for one entry: unique across the schools of a trust. */
export function publishedDocumentId(school: string, entryId: string): string {
  return `${school}:${entryId}`;
}

/** The published documents for a register's entries, as of `now` (their `publishedAt`), with no revisions. */
export function publishedDocuments(
  school: string,
  entries: readonly RegisterEntryState[],
  now: Date,
): PublishedDocument[] {
  const publishedAt = now.toISOString();
  return entries.map((entry) => ({
    _id: publishedDocumentId(school, entry.id),
    school,
    entry: publishedEntry(entryWithHistory(entry)),
    ...(entry.assessment ? { assessment: publishedAssessment(entry.assessment) } : {}),
    publishedAt,
    submissions: submissionIdsOf(entry),
  }));
}

type PublicFields = Pick<PublishedDocument, 'school' | 'entry' | 'assessment'> & { submissions?: readonly string[] };

/** Whether two documents publish the same of a tool (their time and revision aside). */
export function samePublicFields(a: PublicFields, b: PublicFields): boolean {
  return (
    a.school === b.school &&
    canonicalize(a.entry) === canonicalize(b.entry) &&
    canonicalize(a.assessment ?? null) === canonicalize(b.assessment ?? null) &&
    (a.submissions ?? []).join('\n') === (b.submissions ?? []).join('\n')
  );
}

/** A document read from a published or a trust's database as a published tool, or why it is not one. */
export function readPublishedDocument(doc: unknown): { document: PublishedDocument } | { problem: string } {
  if (typeof doc !== 'object' || doc === null) return { problem: 'it is not a document' };
  const { _id, _rev, school, entry, assessment, publishedAt, submissions } = doc as Record<string, unknown>;
  if (typeof _id !== 'string' || typeof school !== 'string' || typeof publishedAt !== 'string') {
    return { problem: 'it does not name its school and when it was published' };
  }
  const parsed = RegisterEntrySchema.safeParse(entry);
  if (!parsed.success) return { problem: 'its entry is not a register entry' };
  if (_id !== publishedDocumentId(school, parsed.data.id)) return { problem: 'its id is not its school and entry' };
  const document: PublishedDocument = {
    _id,
    school,
    entry: parsed.data,
    publishedAt,
    submissions: Array.isArray(submissions) ? submissions.filter((id): id is string => typeof id === 'string') : [],
  };
  if (typeof _rev === 'string') document._rev = _rev;
  // A document with no assessment, or one that cannot be read, is still the school's decision: it
  // only offers nothing to copy.
  const copy = readPublishedAssessment(assessment);
  if (copy) document.assessment = copy;
  return { document };
}

/** The documents with a batch of changes from the database's feed: changed ones replaced or added, removed ones gone. */
export function withPublishedChanges(
  documents: readonly PublishedDocument[],
  changed: readonly PublishedDocument[],
  removedIds: readonly string[],
): PublishedDocument[] {
  const byId = new Map(documents.map((document) => [document._id, document]));
  for (const id of removedIds) byId.delete(id);
  for (const document of changed) byId.set(document._id, document);
  return [...byId.values()];
}
