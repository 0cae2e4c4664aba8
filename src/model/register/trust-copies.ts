import type { Tool } from '../assessment.js';
import type { Status } from '../register-entry.js';
import { STORED_STATUSES, type StoredStatus } from '../stored-statuses.js';
import { dayNumber, parseDateOrThrow } from './calendar.js';
import { readPublishedAssessment, type PublishedAssessment } from './published-assessment.js';
import { statusOn } from './review-dates.js';
import { isSameTool } from './values.js';

// What a teacher starting an assessment is offered from the trust's register: the assessments
// other schools published of the same tool (the same name or web address, as the register judges
// with `isSameTool`), made with the same form. The form's page loads this when the tool is named,
// so it reads the trust's documents by hand, for the few fields it needs, rather than through the
// register entry's schema (whose code would land on the form's page with it).

/** What the offer needs of one published document of the trust's register. */
export interface TrustDocument {
  _id: string;
  school: string;
  tool: string;
  url?: string;
  status: StoredStatus;
  decisionDate?: string;
  reviewDue?: string;
  assessment: PublishedAssessment;
}

/** One school's assessment a teacher may start from. */
export interface TrustCopy {
  school: string;
  /** The school's decision on the tool, as it stands today ("review due" and "expired" from its review date). */
  status: Status;
  /** The day of that decision (yyyy-mm-dd), when there was one. */
  decisionDate?: string;
  /** The tool's name as that school gives it. */
  tool: string;
  assessment: PublishedAssessment;
}

const STORED: ReadonlySet<string> = new Set(STORED_STATUSES);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A document of the trust's register as an assessment to offer, or `undefined` when it is not a
 * published tool or carries no assessment to copy (as documents published before assessments were).
 */
export function readTrustDocument(doc: unknown): TrustDocument | undefined {
  if (!isRecord(doc) || !isRecord(doc.entry)) return undefined;
  const { _id, school, entry } = doc;
  const { tool, url, status, decisionDate, reviewDue } = entry;
  const assessment = readPublishedAssessment(doc.assessment);
  const readable =
    typeof _id === 'string' &&
    typeof school === 'string' &&
    typeof tool === 'string' &&
    (url === undefined || typeof url === 'string') &&
    typeof status === 'string' &&
    STORED.has(status) &&
    (decisionDate === undefined || (typeof decisionDate === 'string' && DATE.test(decisionDate))) &&
    (reviewDue === undefined || (typeof reviewDue === 'string' && DATE.test(reviewDue)));
  if (!readable || !assessment) return undefined;
  return {
    _id,
    school,
    tool,
    ...(url === undefined ? {} : { url }),
    status: status as StoredStatus,
    ...(decisionDate === undefined ? {} : { decisionDate }),
    ...(reviewDue === undefined ? {} : { reviewDue }),
    assessment,
  };
}

/**
 * The assessments of `tool` (as the teacher has named it so far) that the trust's schools
 * published with the form `formId`, in the order of the schools' ids. Empty when the tool is not
 * named yet, the trust does not hold it, or no school assessed it with that form. `today`
 * (yyyy-mm-dd) dates the schools' decisions.
 */
export function trustCopiesFor(
  documents: readonly TrustDocument[],
  tool: Pick<Tool, 'name' | 'url'>,
  formId: string,
  today: string,
): TrustCopy[] {
  const day = dayNumber(parseDateOrThrow(today, 'Today'));
  const named = { tool: tool.name, url: tool.url };
  return documents
    .filter((document) => document.assessment.form.id === formId && isSameTool(named, document))
    .sort((a, b) => (a.school < b.school ? -1 : a.school > b.school ? 1 : a._id < b._id ? -1 : 1))
    .map((document) => ({
      school: document.school,
      status: statusOn(document, day),
      ...(document.decisionDate === undefined ? {} : { decisionDate: document.decisionDate }),
      tool: document.tool,
      assessment: document.assessment,
    }));
}
