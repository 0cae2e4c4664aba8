import type { Status } from '../register-entry.js';
import type { Tool } from '../assessment.js';
import { isSameTool } from './entries.js';
import type { PublishedDocument } from './published-documents.js';
import type { PublishedAssessment } from './published-assessment.js';
import { trustTools } from './trust-view.js';

// What a teacher starting an assessment is offered from the trust's register: the assessments
// other schools published of the same tool (same name or web address, as the register judges,
// and tools one through a third, as the trust's view groups them), made with the same form.

/** One school's assessment a teacher may start from. */
export interface TrustCopy {
  school: string;
  /** The school's decision on the tool, as it stands today. */
  status: Status;
  /** The day of that decision (yyyy-mm-dd), when there was one. */
  decisionDate?: string;
  /** The tool's name as that school gives it. */
  tool: string;
  assessment: PublishedAssessment;
}

/**
 * The assessments of `tool` (as the teacher has named it so far) that the trust's schools
 * published with the form `formId`, one per school entry, in the order of the schools' ids.
 * Empty when the tool is not named yet, the trust does not hold it, or no school assessed it with
 * that form. `today` (yyyy-mm-dd) dates the schools' decisions.
 */
export function trustCopiesFor(
  documents: readonly PublishedDocument[],
  tool: Pick<Tool, 'name' | 'url'>,
  formId: string,
  today: string,
): TrustCopy[] {
  const named = { tool: tool.name, url: tool.url };
  if (tool.name.trim() === '' && (tool.url ?? '').trim() === '') return [];
  const copyable = documents.filter(({ assessment }) => assessment?.form.id === formId);
  const held = trustTools(copyable, today).find(({ schools }) => schools.some(({ entry }) => isSameTool(entry, named)));
  if (!held) return [];
  const assessments = new Map(copyable.map((document) => [document.entry, document.assessment]));
  return held.schools.flatMap(({ school, entry, status }) => {
    const assessment = assessments.get(entry);
    if (!assessment) return [];
    return [
      {
        school,
        status,
        ...(entry.decisionDate === undefined ? {} : { decisionDate: entry.decisionDate }),
        tool: entry.tool,
        assessment,
      },
    ];
  });
}
