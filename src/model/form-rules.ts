import {
  FormDefinitionSchema,
  ITEM_RATINGS,
  RISK_BANDS,
  SUPPORTED_FORMAT_MAJOR,
  type FormDefinition,
  type Question,
} from './form-definition.js';

/** One thing wrong with a form definition, and where. */
export interface FormDefinitionProblem {
  /** JSON path, e.g. `sections[2].questions[0].kind`; empty for the whole definition. */
  path: string;
  message: string;
}

/** Thrown by `parseFormDefinition`; `issues` lists every problem found. */
export class FormDefinitionError extends Error {
  override name = 'FormDefinitionError';
  constructor(
    readonly issues: FormDefinitionProblem[],
    /** True when the definition is for a newer format than this library reads. */
    readonly newerFormat = false,
  ) {
    super(issues.map(formatProblem).join('\n'));
  }
}

export function formatProblem(problem: FormDefinitionProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/**
 * Checks a form definition quickly, for pages that show forms: returns the
 * typed definition; throws `FormDefinitionError` when it is for a newer format
 * or breaks a rule; returns `undefined` when it fails the schema, leaving
 * `parseFormDefinition` (loaded only then) to say how.
 */
export function checkFormDefinition(input: unknown): FormDefinition | undefined {
  const newer = newerFormatProblem(input);
  if (newer) throw new FormDefinitionError([newer], true);
  const result = FormDefinitionSchema.safeParse(input);
  if (!result.success) return undefined;
  const problems = checkRules(result.data);
  if (problems.length > 0) throw new FormDefinitionError(problems);
  return result.data;
}

export function newerFormatProblem(input: unknown): FormDefinitionProblem | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const format = (input as { format?: unknown }).format;
  if (typeof format !== 'string') return undefined;
  const major = Number.parseInt(format, 10);
  if (!(major > SUPPORTED_FORMAT_MAJOR)) return undefined;
  return {
    path: 'format',
    message:
      `this form is written in format ${format}, newer than this version of proforma reads ` +
      `(format ${SUPPORTED_FORMAT_MAJOR}.x); update proforma on this page to use it`,
  };
}

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

export /**
 * The rules a schema cannot express. Each group runs on its own, so that
 * when the schema has already failed the groups that can still run report
 * their problems too, and every problem is listed at once.
 */
function checkRules(form: FormDefinition, bestEffort = false): FormDefinitionProblem[] {
  const problems: FormDefinitionProblem[] = [];
  const questions = new Map<string, { question: Question; path: string }>();
  for (const rule of [checkIds, checkVisibility, checkToolQuestions, checkThresholds]) {
    try {
      rule(form, problems, questions);
    } catch (error) {
      // A definition that failed the schema may lack what a rule reads.
      if (!bestEffort) throw error;
    }
  }
  return problems;
}

type QuestionIndex = Map<string, { question: Question; path: string }>;

function checkIds(form: FormDefinition, problems: FormDefinitionProblem[], questions: QuestionIndex): void {
  const sectionIds = new Map<string, string>();
  form.sections.forEach((section, s) => {
    const sectionPath = `sections[${s}]`;
    if (typeof section.id !== 'string') return;
    const earlierSection = sectionIds.get(section.id);
    if (earlierSection) {
      problems.push({
        path: `${sectionPath}.id`,
        message: `section id "${section.id}" is already used by ${earlierSection}`,
      });
    } else sectionIds.set(section.id, sectionPath);
    section.questions.forEach((question, q) => {
      if (typeof question.id !== 'string') return;
      const questionPath = `${sectionPath}.questions[${q}]`;
      const earlier = questions.get(question.id);
      if (earlier) {
        problems.push({
          path: `${questionPath}.id`,
          message: `question id "${question.id}" is already used by ${earlier.path}`,
        });
      } else questions.set(question.id, { question, path: questionPath });
      if ('options' in question && Array.isArray(question.options)) {
        const seen = new Set<string>();
        question.options.forEach((option, o) => {
          if (seen.has(option.value)) {
            problems.push({
              path: `${questionPath}.options[${o}].value`,
              message: `option "${option.value}" appears twice`,
            });
          }
          seen.add(option.value);
        });
      }
      if (
        question.kind === 'number' &&
        question.min !== undefined &&
        question.max !== undefined &&
        question.min > question.max
      ) {
        problems.push({ path: `${questionPath}.min`, message: `min ${question.min} is above max ${question.max}` });
      }
    });
  });
}

/** The answers a question can have, where they can be listed. */
function possibleAnswers(question: Question): ReadonlyArray<string> | undefined {
  if (question.kind === 'item') return ITEM_RATINGS;
  if (question.kind === 'yesno') return ['yes', 'no'];
  if ('options' in question) return question.options.map((option) => option.value);
  return undefined;
}

function checkVisibility(form: FormDefinition, problems: FormDefinitionProblem[], questions: QuestionIndex): void {
  const dependsOn = new Map<string, string>();
  form.sections.forEach((section, s) =>
    section.questions.forEach((question, q) => {
      if (typeof question.visibleWhen?.question !== 'string') return;
      const { question: target, answers } = question.visibleWhen;
      const path = `sections[${s}].questions[${q}].visibleWhen`;
      const controller = questions.get(target)?.question;
      if (target === question.id) {
        problems.push({ path: `${path}.question`, message: `question "${question.id}" cannot depend on itself` });
        return;
      }
      if (!controller) {
        problems.push({ path: `${path}.question`, message: `names question "${target}", which is not in this form` });
        return;
      }
      dependsOn.set(question.id, target);
      const possible = possibleAnswers(controller);
      (Array.isArray(answers) ? answers : []).forEach((answer, a) => {
        if (possible && !possible.includes(answer as string)) {
          problems.push({
            path: `${path}.answers[${a}]`,
            message: `${JSON.stringify(answer)} is not an answer "${target}" can have (${possible.map((p) => `"${p}"`).join(', ')})`,
          });
        }
      });
    }),
  );
  const reported = new Set<string>();
  for (const start of dependsOn.keys()) {
    const chain = [start];
    let next = dependsOn.get(start);
    while (next !== undefined && !chain.includes(next)) {
      chain.push(next);
      next = dependsOn.get(next);
    }
    if (next === undefined || next !== start) continue;
    const cycle = [...chain].sort().join(' ');
    if (reported.has(cycle)) continue;
    reported.add(cycle);
    problems.push({
      path: `${questions.get(start)?.path ?? ''}.visibleWhen`,
      message: `visibleWhen forms a cycle: ${[...chain, start].map((id) => `"${id}"`).join(' → ')}`,
    });
  }
}

function checkToolQuestions(form: FormDefinition, problems: FormDefinitionProblem[], questions: QuestionIndex): void {
  for (const [field, id] of Object.entries(form.toolQuestions ?? {})) {
    const kind = questions.get(id)?.question.kind;
    if (kind === undefined) {
      problems.push({ path: `toolQuestions.${field}`, message: `names question "${id}", which is not in this form` });
    } else if (kind !== 'text' && kind !== 'url') {
      problems.push({
        path: `toolQuestions.${field}`,
        message: `question "${id}" is a ${kind} question; it must be text or url`,
      });
    }
  }
}

function checkThresholds(form: FormDefinition, problems: FormDefinitionProblem[]): void {
  const { readiness, riskBands, residualRisk } = form.scoring;
  // Compared only where both sides are numbers: the schema reports any that are not.
  const numbers = (...values: unknown[]) => values.every((value) => typeof value === 'number');
  if (
    numbers(readiness.approvedWithConditions, readiness.approved) &&
    readiness.approvedWithConditions > readiness.approved
  ) {
    problems.push({
      path: 'scoring.readiness.approvedWithConditions',
      message: `${readiness.approvedWithConditions}% is above the ${readiness.approved}% needed for approval; it must not be`,
    });
  }
  if (
    numbers(riskBands.green, riskBands.amber, riskBands.red) &&
    !(riskBands.green < riskBands.amber && riskBands.amber < riskBands.red)
  ) {
    problems.push({
      path: 'scoring.riskBands',
      message: `bands must rise: green (${riskBands.green}) < amber (${riskBands.amber}) < red (${riskBands.red})`,
    });
  }
  const approvedBand = RISK_BANDS.indexOf(residualRisk.approved);
  const conditionsBand = RISK_BANDS.indexOf(residualRisk.approvedWithConditions);
  if (approvedBand >= 0 && conditionsBand >= 0 && approvedBand > conditionsBand) {
    problems.push({
      path: 'scoring.residualRisk.approved',
      message: `approval allows "${residualRisk.approved}" risk, more than approval with conditions ("${residualRisk.approvedWithConditions}")`,
    });
  }
  const review = form.scoring.reviewMonths;
  if (
    review &&
    numbers(review.approvedWithConditions, review.approved) &&
    review.approvedWithConditions > review.approved
  ) {
    problems.push({
      path: 'scoring.reviewMonths.approvedWithConditions',
      message: `a review ${review.approvedWithConditions} months after approval with conditions is later than after approval (${review.approved}); it should be sooner`,
    });
  }
}
