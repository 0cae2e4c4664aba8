import * as z from 'zod/mini';
import { HistoryEventSchema } from '../register-entry.js';
import type { EntryEvent, RegisterEvent, SubmissionMark } from './events.js';

// A teacher's submission: a signed PDF sent to the school's submissions database
// (`proforma-<school>-submissions`), one document each, written once by the teacher signed in.
// An approver's browser checks each PDF as an import does and writes what an import of it would
// write into the register's log, marked with the submission. The ids of what it writes come from
// the submission's, so that two approvers' browsers doing it at once write the same event.

/** The `kind` of a submission document. */
export const SUBMISSION_KIND = 'proforma-submission';

/** The name of a submission's attachment: the signed PDF. */
export const SUBMISSION_ATTACHMENT = 'assessment.pdf';

const nonEmpty = z.string().check(z.minLength(1));

/**
 * What a submission document says besides its PDF. Nothing in it is checked but by the server
 * (`recordedBy`, the person signed in when it was sent): `by` and `tool` are the teacher's claims.
 */
export const SubmissionSchema = z.object({
  _id: nonEmpty,
  kind: z.literal(SUBMISSION_KIND),
  version: z.literal(1),
  submittedAt: HistoryEventSchema.shape.at,
  by: z.object({ name: z.string() }),
  recordedBy: nonEmpty,
  tool: z.object({ name: z.string(), url: z.optional(z.string()) }),
  fileName: nonEmpty,
});
export type Submission = z.infer<typeof SubmissionSchema>;

/** A document of the submissions database as a submission, or undefined for any other document. */
export function readSubmission(doc: unknown): Submission | undefined {
  if (typeof doc !== 'object' || doc === null || (doc as { kind?: unknown }).kind !== SUBMISSION_KIND) return undefined;
  const parsed = z.looseObject(SubmissionSchema.shape).safeParse(doc);
  if (!parsed.success) return undefined;
  const { _id, kind, version, submittedAt, by, recordedBy, tool, fileName } = parsed.data;
  return { _id, kind, version, submittedAt, by: { name: by.name }, recordedBy, tool, fileName };
}

/** The id of the event a submission's import writes: the same in every approver's browser. */
export const submissionEventId = (submissionId: string) => `submission-${submissionId}`;

/** The id of the entry a submission of a tool the register does not hold yet makes. */
export const submissionEntryId = (submissionId: string) => `submitted-${submissionId}`;

/** The mark an event made from `submission` carries. */
export function submissionMark(submission: Submission): SubmissionMark {
  return { id: submission._id, submittedAt: submission.submittedAt, by: { name: submission.by.name } };
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
