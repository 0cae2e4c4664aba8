import { msg, str } from '@lit/localize';
import { svg, type SVGTemplateResult } from 'lit';
import { STATUSES, type Status } from '../../model/register-entry.js';
import type { RegisterEventType } from '../../model/register/events.js';
import type { RegisterEventRule } from '../../model/register/fold.js';
import type { RegisterRule } from '../../model/register/rule-error.js';
import { outcomeWords } from '../../internal/words.js';
import { OUTCOMES, type Outcome } from '../../model/scoring.js';
import { pdfProblemWords } from '../../internal/pdf-words.js';
// A type only: the import service (and the verifier with it) loads when a file is imported.
import type { PdfImportRefusal } from '../../services/register/import-pdfs.js';

// Words are looked up when called, never at module load, so that a change of
// language takes effect on the next render.

/** What staff read for a status: the same words in the table, the filter and the history. */
export function statusWords(status: Status): string {
  switch (status) {
    case 'draft':
      return msg('Draft');
    case 'submitted':
      return msg('Submitted');
    case 'under-review':
      return msg('Under review');
    case 'approved':
    case 'approved-with-conditions':
    case 'not-approved':
      // A decision's status reads as the outcome it records.
      return outcomeWords(status);
    case 'retired':
      return msg('Retired');
    case 'review-due':
      return msg('Review due');
    case 'expired':
      return msg('Expired');
  }
}

/** Each status has a shape of its own, so that it never rests on colour; the words always say it too. */
export const STATUS_ICONS: Readonly<Record<Status, SVGTemplateResult>> = {
  draft: svg`<path d="M4 20h4L19 9l-4-4L4 16z" />`,
  submitted: svg`<path d="M12 3v12M7 10l5 5 5-5M4 21h16" />`,
  'under-review': svg`<circle cx="10" cy="10" r="6" /><path d="M14.5 14.5L20 20" />`,
  approved: svg`<circle cx="12" cy="12" r="10" /><path d="M7 12.5l3.5 3.5L17 9" />`,
  'approved-with-conditions': svg`<rect x="3" y="3" width="18" height="18" rx="3" /><path d="M7 12.5l3.5 3.5L17 9" />`,
  'not-approved': svg`<circle cx="12" cy="12" r="10" /><path d="M8.5 8.5l7 7M15.5 8.5l-7 7" />`,
  'review-due': svg`<circle cx="12" cy="12" r="10" /><path d="M12 7v5l3 2" />`,
  expired: svg`<path d="M12 3L2 21h20z" /><path d="M12 10v5M12 18v.01" />`,
  retired: svg`<rect x="3" y="4" width="18" height="5" /><path d="M5 9v11h14V9M10 13h4" />`,
};

/** The words of a history value that holds a status or an outcome code; anything else as it is. */
export function valueWords(field: string, value: string): string {
  if (field === 'status') return isStatus(value) ? statusWords(value) : value;
  if (field === 'outcome')
    return (OUTCOMES as readonly string[]).includes(value) ? outcomeWords(value as Outcome) : value;
  return value;
}

const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

/** A register entry's field as the history names it. */
export function fieldWords(field: string): string {
  switch (field) {
    case 'tool':
      return msg('Tool');
    case 'vendor':
      return msg('Made by');
    case 'url':
      return msg('Web address');
    case 'purpose':
      return msg('Purpose');
    case 'subjects':
      return msg('Subjects');
    case 'yearGroups':
      return msg('Year groups');
    case 'minimumAge':
      return msg('Minimum age');
    case 'dataCollected':
      return msg('Data collected');
    case 'dpiaReference':
      return msg('DPIA reference');
    case 'status':
      return msg('Status');
    case 'outcome':
      return msg('Outcome of the assessment');
    case 'readiness':
      return msg('Readiness');
    case 'conditions':
      return msg('Conditions');
    case 'owners':
      return msg('Account owners');
    case 'assessor':
      return msg('Assessor');
    case 'approver':
      return msg('Approver');
    case 'decisionDate':
      return msg('Decision date');
    case 'reviewDue':
      return msg('Review due');
    case 'signerFingerprint':
      return msg('Signer’s key');
    case 'signerName':
      return msg('Signed in the name of');
    case 'rivalOf':
      return msg('Kept beside the entry');
    case 'assessment':
      return msg('Assessment');
    default:
      return field;
  }
}

/** What a history event did, in words. */
export function actionWords(action: string): string {
  switch (action) {
    case 'imported':
      return msg('Imported');
    case 'imported from CSV':
      return msg('Imported from a CSV file');
    case 'imported from JSON':
      return msg('Imported from a JSON file');
    case 'reassessed':
      return msg('Re-assessed');
    case 'decided':
      return msg('Decision recorded');
    case 'status':
      return msg('Status changed');
    case 'retired':
      return msg('Retired');
    case 'edited':
      return msg('Edited');
    case 'carried over':
      return msg('Moved from the earlier register');
    default:
      return action;
  }
}

/** What a change of the log is, in words. */
export function eventWords(type: RegisterEventType): string {
  switch (type) {
    case 'imported':
      return msg('Imported');
    case 're-assessed':
      return msg('Re-assessed');
    case 'submitted':
      return msg('Marked as submitted');
    case 'review-started':
      return msg('Review started');
    case 'decided':
      return msg('Decision recorded');
    case 'retired':
      return msg('Retired');
    case 'edited':
      return msg('Edited');
    case 'carried-over':
      return msg('Carried in from a file or the earlier register');
    case 'key-trusted':
      return msg('Key trusted');
    case 'key-distrusted':
      return msg('Key no longer trusted');
  }
}

/** Why the register set a change aside, as a short plain statement; the model's message gives the detail. */
export function eventRuleWords(rule: RegisterEventRule): string {
  switch (rule) {
    case 'duplicate-id':
      return msg('Another, different change has the same id.');
    case 'future':
      return msg('It is dated in the future.');
    case 'unknown-based-on':
      return msg('It follows a change the register does not hold.');
    case 'unknown-entry':
      return msg('It is about a tool the register does not hold.');
    case 'entry-exists':
      return msg('It would add a tool the register already holds.');
    case 'unknown-key':
      return msg('It is about a key the register does not trust.');
    default:
      return ruleWords(rule);
  }
}

/** The register's rule that refused a change, as a short plain statement; the error's message gives the detail. */
export function ruleWords(rule: RegisterRule): string {
  switch (rule) {
    case 'transition':
      return msg('This tool cannot move to that status from where it is now.');
    case 'decision-by-status':
      return msg('A decision is recorded with its approver, date and any conditions.');
    case 'account-owners':
      return msg('An approved tool needs at least two named account owners.');
    case 'conditions':
      return msg('Approval with conditions needs at least one condition.');
    case 'approver':
      return msg('A decision needs the name of who made it.');
    case 'date':
      return msg('Dates must be real dates, and the review must come after the decision.');
    case 'reason':
      return msg('A reason is needed.');
    case 'who':
      return msg('Every change needs the name of who made it.');
    case 'tool-name':
      return msg('The tool must have a name.');
    case 'form':
      return msg('The assessment was made with another form.');
    case 'different-tool':
      return msg('This is a different tool.');
    case 'stale-assessment':
      return msg('The register already holds this assessment, or a newer one.');
  }
}

/** Why a signed PDF was not imported, in plain words. */
export function refusalWords(reason: PdfImportRefusal): string {
  switch (reason.code) {
    case 'unsigned':
      return msg('Not imported: the PDF is not signed, so nothing shows who made it or that it is unchanged.');
    case 'invalid': {
      const problems = reason.problems.map(pdfProblemWords).join(' ');
      // A file too large to be an assessment was never checked: its signature is not the matter.
      if (reason.problems.some((problem) => problem.code === 'too-large')) return msg(str`Not imported: ${problems}`);
      return problems
        ? msg(str`Not imported: the signature does not check out. ${problems}`)
        : msg('Not imported: the signature does not check out.');
    }
    case 'unknown-form':
      return msg(
        str`Not imported: it was made with the form “${reason.formId}” (version ${reason.formVersion}), which this page was not given.`,
      );
    case 'register-rule':
      return msg(str`Not imported: ${ruleWords(reason.rule)} ${reason.message}`);
    case 'storage':
      return msg(str`Not imported: the register could not be saved in this browser (${reason.message}).`);
    case 'verifier-unavailable':
      return msg('Not imported: the signature checker could not be loaded. Reload the page and try again.');
    case 'no-pdf':
      return msg('Not imported: no PDF came with it.');
  }
}
