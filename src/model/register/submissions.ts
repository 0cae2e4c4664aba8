import type { EntryEvent, RegisterEvent, SubmissionMark } from './events.js';
import { DECIDED } from './statuses.js';

// A teacher's signed assessment sent to the school's approvers: one document of the school's
// submissions database (`proforma-<school>-submissions`), written once by the teacher's browser and
// read by an approver's, which checks the PDF before anything reaches the register. The server checks
// the same shape (couchdb/design-documents.mjs, validateSubmission). Beside the PDF nothing here is
// trusted: `by` and `tool` repeat what the teacher's PDF says, for a list to show before it is opened.

export const SUBMISSION_KIND = 'proforma-submission';
export const SUBMISSION_VERSION = 1;
/** The name of the attachment that carries the signed PDF. */
export const SUBMISSION_ATTACHMENT = 'assessment.pdf';

/** What a submission says of itself, its PDF aside. */
export interface Submission {
  /** A random UUID: the document's id, which the published register names once a decision is recorded. */
  id: string;
  /** When the teacher sent it (ISO 8601), by their browser's clock. */
  submittedAt: string;
  /** The name the PDF is signed in. */
  by: { name: string };
  /** The CouchDB user name of the person who sent it, which the server checks against the session. */
  recordedBy: string;
  /** The tool, as the teacher's PDF names it: for display only. */
  tool: { name: string; url?: string };
  /** The PDF's file name, ending ".pdf". */
  fileName: string;
}

/** The PDF attachment as a database holds it: its data when written, a stub when read without it. */
export interface SubmissionAttachment<Data> {
  content_type: 'application/pdf';
  data?: Data;
  stub?: boolean;
  length?: number;
}

/** A submission as its database holds it; `Data` is how the PDF's bytes travel (a Blob in a browser). */
export interface SubmissionDocument<Data = unknown> {
  _id: string;
  _rev?: string;
  kind: typeof SUBMISSION_KIND;
  version: typeof SUBMISSION_VERSION;
  submittedAt: string;
  by: { name: string };
  recordedBy: string;
  tool: { name: string; url?: string };
  fileName: string;
  _attachments: { [SUBMISSION_ATTACHMENT]: SubmissionAttachment<Data> };
}

/** The document that sends `submission`, with `pdf` (its bytes, as the database takes them) attached. */
export function submissionDocument<Data>(submission: Submission, pdf: Data): SubmissionDocument<Data> {
  const tool: Submission['tool'] = { name: submission.tool.name };
  if (submission.tool.url) tool.url = submission.tool.url;
  return {
    _id: submission.id,
    kind: SUBMISSION_KIND,
    version: SUBMISSION_VERSION,
    submittedAt: submission.submittedAt,
    by: { name: submission.by.name },
    recordedBy: submission.recordedBy,
    tool,
    fileName: submission.fileName,
    _attachments: { [SUBMISSION_ATTACHMENT]: { content_type: 'application/pdf', data: pdf } },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isFilled = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A document read from a submissions database as a submission, or why it is not one. */
export function readSubmission(doc: unknown): { submission: Submission } | { problem: string } {
  if (!isObject(doc)) return { problem: 'it is not a document' };
  const { _id, kind, version, submittedAt, by, recordedBy, tool, fileName, _attachments } = doc;
  if (!isFilled(_id) || !UUID.test(_id)) return { problem: 'its id is not a random UUID' };
  if (kind !== SUBMISSION_KIND || version !== SUBMISSION_VERSION) {
    return { problem: `it is not a submission of version ${SUBMISSION_VERSION}` };
  }
  if (!isFilled(submittedAt) || !TIMESTAMP.test(submittedAt)) return { problem: 'its time is not a date and time' };
  if (!isObject(by) || !isFilled(by.name)) return { problem: 'it does not say whose name the PDF is signed in' };
  if (!isFilled(recordedBy)) return { problem: 'it does not say who sent it' };
  if (!isObject(tool) || !isFilled(tool.name)) return { problem: 'it does not name the tool' };
  if (tool.url !== undefined && !isFilled(tool.url)) return { problem: 'the tool’s web address is not words' };
  if (!isFilled(fileName) || !/\.pdf$/i.test(fileName)) return { problem: 'its file name does not end in .pdf' };
  const pdf = isObject(_attachments) ? _attachments[SUBMISSION_ATTACHMENT] : undefined;
  if (!isObject(pdf) || pdf.content_type !== 'application/pdf') return { problem: 'it carries no signed PDF' };
  const submission: Submission = {
    id: _id,
    submittedAt,
    by: { name: by.name },
    recordedBy,
    tool: tool.url === undefined ? { name: tool.name } : { name: tool.name, url: tool.url as string },
    fileName,
  };
  return { submission };
}

/** A decision the school's approvers recorded on a tool, as the published register shows it. */
export type SubmissionDecision = 'approved' | 'approved-with-conditions' | 'not-approved';

/**
 * The decision recorded for each submission the published register's documents name (their
 * `submissions`, the ids of the submissions a tool's entry came from; a document without the field
 * names none), by submission id. A tool not decided, or decided and reopened since, records none.
 * When two documents name one submission, the one published last says.
 */
export function decisionsOfSubmissions(publishedDocuments: readonly unknown[]): Map<string, SubmissionDecision> {
  const latest = new Map<string, { status: unknown; publishedAt: string }>();
  for (const doc of publishedDocuments) {
    if (!isObject(doc) || !Array.isArray(doc.submissions)) continue;
    const status = isObject(doc.entry) ? doc.entry.status : undefined;
    const publishedAt = typeof doc.publishedAt === 'string' ? doc.publishedAt : '';
    for (const id of doc.submissions) {
      if (typeof id !== 'string') continue;
      const known = latest.get(id);
      if (!known || known.publishedAt <= publishedAt) latest.set(id, { status, publishedAt });
    }
  }
  const decisions = new Map<string, SubmissionDecision>();
  for (const [id, { status }] of latest) {
    if ((DECIDED as readonly unknown[]).includes(status)) decisions.set(id, status as SubmissionDecision);
  }
  return decisions;
}

// What an approver's browser writes of a submission: ids that come from the submission's, so that
// two approvers' browsers doing it at once write the same event.

/** The id of the event a submission's import writes: the same in every approver's browser. */
export const submissionEventId = (submissionId: string) => `submission-${submissionId}`;

/** The id of the entry a submission of a tool the register does not hold yet makes. */
export const submissionEntryId = (submissionId: string) => `submitted-${submissionId}`;

/** The mark an event made from `submission` carries. */
export function submissionMark(submission: Submission): SubmissionMark {
  return { id: submission.id, submittedAt: submission.submittedAt, by: { name: submission.by.name } };
}

/**
 * When the event made from a submission is dated: when the teacher sent it, or, for a tool whose
 * newest change is later than that, that change's time, so that the re-assessment follows what it
 * is based on.
 */
export function submissionEventTime(submittedAt: string, basedOn?: { at: string }): string {
  if (!basedOn) return submittedAt;
  return Date.parse(basedOn.at) > Date.parse(submittedAt) ? basedOn.at : submittedAt;
}

const markOf = (event: RegisterEvent): SubmissionMark | undefined =>
  event.type === 'imported' || event.type === 're-assessed' ? event.submission : undefined;

/** The submission the entry's current assessment came from, if it came from one. */
export function latestSubmission(entry: { log: readonly EntryEvent[] }): SubmissionMark | undefined {
  const assessed = entry.log.find((event) => event.type === 'imported' || event.type === 're-assessed');
  return assessed && markOf(assessed);
}

/** The ids of the submissions an entry's assessments came from, oldest first. */
export function submissionIdsOf(entry: { log: readonly EntryEvent[] }): string[] {
  return entry.log.flatMap((event) => markOf(event)?.id ?? []).reverse();
}

/** The ids of the submissions the register holds an event of, applied or set aside. */
export function heldSubmissions(register: {
  entries: ReadonlyArray<{ log: readonly EntryEvent[] }>;
  rejected: ReadonlyArray<{ event: RegisterEvent }>;
}): Set<string> {
  const held = new Set<string>();
  for (const entry of register.entries) for (const event of entry.log) addMark(held, event);
  for (const { event } of register.rejected) addMark(held, event);
  return held;
}

function addMark(held: Set<string>, event: RegisterEvent): void {
  const mark = markOf(event);
  if (mark) held.add(mark.id);
}
