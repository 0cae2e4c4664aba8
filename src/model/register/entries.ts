import type { Assessment } from '../assessment.js';
import type { FormDefinition } from '../form-definition.js';
import { TOOL_FIELDS, type RegisterEntry } from '../register-entry.js';
import { buildReport, type ReportAnswer } from '../report.js';
import { resolveText } from '../text.js';
import { historyEvent } from './history.js';
import { RegisterRuleError, type RegisterProblem } from './rule-error.js';
import { blankToUndefined, isSameTool, unique, withoutUndefined } from './values.js';

export { isSameTool };

// How an imported assessment becomes a new entry, or updates the entry of its tool.

/**
 * Which answers fill which entry fields: the first of the ids that the form has, and
 * that the answers show, wins.
 * In the shipped forms:
 * - purpose ← `educational-objectives` (social-tool form) or `aim` (social-media form)
 * - subjects ← `subjects`, free text split at commas, semicolons and new lines
 * - yearGroups ← `year-groups`, the chosen options' labels
 * - minimumAge ← `service-minimum-age`, the minimum age in the service's terms
 *   (not the youngest pupil's age), when a whole number
 * - dataCollected ← `personal-data-collected`, the chosen options' labels joined with
 *   semicolons (the labels hold commas)
 * - dpiaReference ← `dpia-reference`
 * The first ids of each list are the plain names a new form would use.
 */
export const ENTRY_FIELD_QUESTIONS = {
  purpose: ['purpose', 'educational-objectives', 'aim'],
  subjects: ['subjects'],
  yearGroups: ['year-groups'],
  minimumAge: ['minimum-age', 'service-minimum-age'],
  dataCollected: ['data-collected', 'personal-data-collected'],
  dpiaReference: ['dpia-reference'],
} as const satisfies Record<string, readonly string[]>;

export interface ImportOptions {
  /** The fingerprint of the key that signed the imported PDF, when it was signed. */
  signerFingerprint?: string;
  /** The name the signing key's certificate gives, when it was signed. */
  signerName?: string;
  /** Who imported it, and when. */
  by: string;
  at: string;
  /** The entry's id; the assessment's id unless given. */
  id?: string;
  /** The language option labels and conditions are taken in; English unless given. */
  locale?: string;
}

/**
 * A new register entry, status "submitted", from a verified assessment: the
 * tool, its score's outcome and readiness, the conditions of the items shown
 * and only partly met or not met, the account owners (the first "people"
 * question whose id contains "owner"), the assessor (the name on the first
 * signed sign-off) and the fields of `ENTRY_FIELD_QUESTIONS`. Questions hidden
 * by the answers are read as unanswered.
 */
export function entryFromAssessment(
  assessment: Assessment,
  form: FormDefinition,
  options: ImportOptions,
): RegisterEntry {
  if (assessment.form.id !== form.id) {
    throw new RegisterRuleError(
      'form',
      `This assessment was made with the form "${assessment.form.id}", not "${form.id}".`,
    );
  }
  const tool = assessment.tool.name.trim();
  if (tool === '') throw new RegisterRuleError('tool-name', 'The assessment does not name the tool.');

  const imported = historyEvent('imported', options, [{ field: 'status', to: 'submitted' }]);
  const locale = options.locale ?? 'en';
  const report = buildReport(assessment, form);
  const shown = new Map<string, { answered: boolean; answer: ReportAnswer }>();
  for (const section of report.sections) {
    for (const question of section.questions) shown.set(question.id, question);
  }
  const answerFor = (ids: readonly string[]) => {
    const id = ids.find((candidate) => shown.has(candidate));
    return id === undefined ? undefined : shown.get(id)?.answer;
  };
  const ownersQuestion = [...shown].find(([id, { answer }]) => answer.kind === 'people' && id.includes('owner'));
  const assessor = [...shown.values()].find(({ answered, answer }) => answered && answer.kind === 'signoff');
  const age = answerFor(ENTRY_FIELD_QUESTIONS.minimumAge);
  const minimumAge = age?.kind === 'number' ? age.value : null;

  return withoutUndefined<RegisterEntry>({
    id: options.id ?? assessment.id,
    tool,
    vendor: blankToUndefined(assessment.tool.vendor),
    url: blankToUndefined(assessment.tool.url),
    purpose: answerText(answerFor(ENTRY_FIELD_QUESTIONS.purpose), locale),
    subjects: answerList(answerFor(ENTRY_FIELD_QUESTIONS.subjects), locale),
    yearGroups: answerList(answerFor(ENTRY_FIELD_QUESTIONS.yearGroups), locale),
    minimumAge: minimumAge !== null && Number.isInteger(minimumAge) && minimumAge >= 0 ? minimumAge : undefined,
    dataCollected: answerText(answerFor(ENTRY_FIELD_QUESTIONS.dataCollected), locale),
    dpiaReference: answerText(answerFor(ENTRY_FIELD_QUESTIONS.dpiaReference), locale),
    status: 'submitted',
    outcome: report.score.outcome,
    readiness: report.score.readiness,
    conditions: unique(report.conditions.map((condition) => resolveText(condition.condition, locale).trim())),
    owners: ownersQuestion?.[1].answer.kind === 'people' ? ownersQuestion[1].answer.people : [],
    assessor: assessor?.answer.kind === 'signoff' ? (assessor.answer.name ?? undefined) : undefined,
    signerFingerprint: blankToUndefined(options.signerFingerprint),
    signerName: blankToUndefined(options.signerName),
    assessment: structuredClone(assessment),
    history: [imported],
  });
}

/** The entry already in the register for the tool of `fresh`, if there is one. */
export function findEntryForTool(
  entries: readonly RegisterEntry[],
  fresh: Pick<RegisterEntry, 'tool' | 'url'>,
): RegisterEntry | undefined {
  return entries.find((entry) => isSameTool(entry, fresh));
}

/** The fields an assessment fills, compared when a tool is re-assessed. */
export const ASSESSED_FIELDS = [
  ...TOOL_FIELDS,
  'status',
  'outcome',
  'readiness',
  'conditions',
  'owners',
  'assessor',
  'signerFingerprint',
  'signerName',
  'assessment',
] as const satisfies ReadonlyArray<keyof RegisterEntry>;

/**
 * Why a fresh import cannot re-assess an entry, if it cannot: it is another
 * tool, or a copy of the assessment the entry holds that is not newer.
 */
export function reassessmentProblem(
  existing: Pick<RegisterEntry, 'tool' | 'url' | 'assessment'>,
  fresh: Pick<RegisterEntry, 'tool' | 'url' | 'assessment'>,
): RegisterProblem | undefined {
  if (!isSameTool(existing, fresh)) {
    return {
      rule: 'different-tool',
      message: `"${fresh.tool}" is not the tool of this entry ("${existing.tool}"): it has another name and web address.`,
    };
  }
  if (
    existing.assessment !== undefined &&
    fresh.assessment !== undefined &&
    existing.assessment.id === fresh.assessment.id &&
    fresh.assessment.revision <= existing.assessment.revision
  ) {
    return {
      rule: 'stale-assessment',
      message:
        `The register already holds this assessment at revision ${existing.assessment.revision}; ` +
        `this copy is revision ${fresh.assessment.revision}.`,
    };
  }
  return undefined;
}

/** An answer as one line of text: a choice's label, several labels joined with semicolons. */
function answerText(answer: ReportAnswer | undefined, locale: string): string | undefined {
  if (answer === undefined) return undefined;
  switch (answer.kind) {
    case 'text':
    case 'longtext':
    case 'url':
      return answer.text ?? undefined;
    case 'choice':
      return answer.option === null ? undefined : resolveText(answer.option.label, locale);
    case 'multichoice':
      return answer.options.length === 0
        ? undefined
        : answer.options.map((option) => resolveText(option.label, locale)).join('; ');
    case 'number':
      return answer.value === null ? undefined : String(answer.value);
    case 'date':
      return answer.date ?? undefined;
    default:
      return undefined;
  }
}

/** An answer as a list: chosen options' labels, or free text split at commas, semicolons and new lines. */
function answerList(answer: ReportAnswer | undefined, locale: string): string[] {
  if (answer?.kind === 'multichoice') return answer.options.map((option) => resolveText(option.label, locale));
  const text = answerText(answer, locale);
  if (text === undefined) return [];
  if (answer?.kind === 'choice') return [text];
  return unique(text.split(/[,;\n]/).map((part) => part.trim()));
}

/**
 * The assessment's id as a new entry's id, unless another entry has it (the
 * tool renamed and moved to another address since it was last imported, so
 * that it reads as another tool): then the id with the first free number.
 */
export function freeEntryId(assessmentId: string, entries: readonly Pick<RegisterEntry, 'id'>[]): string {
  const taken = new Set(entries.map((entry) => entry.id));
  let id = assessmentId;
  for (let number = 2; taken.has(id); number += 1) id = `${assessmentId}-${number}`;
  return id;
}
