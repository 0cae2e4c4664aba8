import {
  FormDefinitionSchema,
  ITEM_RATINGS,
  RISK_BANDS,
  SUPPORTED_FORMAT_MAJOR,
  type FormDefinition,
  type Question,
} from './form-definition.js';

/**
 * A rule a schema cannot express, broken: where, which rule, and what it
 * found. Worded by `ruleMessage` (in rule-messages.ts), which loads only when
 * a definition has problems.
 */
export type RuleProblem = { path: string } & (
  | { rule: 'section-id-used' | 'question-id-used'; id: string; earlier: string }
  | { rule: 'option-twice'; value: string }
  | { rule: 'min-above-max'; min: number; max: number }
  | { rule: 'depends-on-itself' | 'no-such-question'; id: string }
  | { rule: 'impossible-answer'; answer: unknown; id: string; possible: ReadonlyArray<string> }
  | { rule: 'cycle'; ids: string[] }
  | { rule: 'tool-question-kind'; id: string; kind: string }
  | { rule: 'readiness-order' | 'review-order'; conditions: number; approved: number }
  | { rule: 'bands-order'; green: number; amber: number; red: number }
  | { rule: 'residual-risk-order'; approved: string; conditions: string }
);

/** True when the definition says it is in a newer format than this library reads. */
export function isNewerFormat(input: unknown): boolean {
  const format = typeof input === 'object' && input !== null ? (input as { format?: unknown }).format : undefined;
  return typeof format === 'string' && Number.parseInt(format, 10) > SUPPORTED_FORMAT_MAJOR;
}

/**
 * Checks a form definition quickly, for pages that show forms: returns the
 * typed definition, or `undefined` when anything is wrong with it (a newer
 * format, the schema, a rule), leaving `parseFormDefinition` (loaded only
 * then) to say what.
 */
export function checkFormDefinition(input: unknown): FormDefinition | undefined {
  if (isNewerFormat(input)) return undefined;
  const result = FormDefinitionSchema.safeParse(input);
  if (!result.success || checkRules(result.data).length > 0) return undefined;
  return result.data;
}

export /**
 * The rules a schema cannot express. Each group runs on its own, so that
 * when the schema has already failed the groups that can still run report
 * their problems too, and every problem is listed at once.
 */
function checkRules(form: FormDefinition, bestEffort = false): RuleProblem[] {
  const problems: RuleProblem[] = [];
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

function checkIds(form: FormDefinition, problems: RuleProblem[], questions: QuestionIndex): void {
  const sectionIds = new Map<string, string>();
  form.sections.forEach((section, s) => {
    const sectionPath = `sections[${s}]`;
    if (typeof section.id !== 'string') return;
    const earlierSection = sectionIds.get(section.id);
    if (earlierSection) {
      problems.push({ path: `${sectionPath}.id`, rule: 'section-id-used', id: section.id, earlier: earlierSection });
    } else sectionIds.set(section.id, sectionPath);
    section.questions.forEach((question, q) => {
      if (typeof question.id !== 'string') return;
      const questionPath = `${sectionPath}.questions[${q}]`;
      const earlier = questions.get(question.id);
      if (earlier) {
        problems.push({ path: `${questionPath}.id`, rule: 'question-id-used', id: question.id, earlier: earlier.path });
      } else questions.set(question.id, { question, path: questionPath });
      if ('options' in question && Array.isArray(question.options)) {
        const seen = new Set<string>();
        question.options.forEach((option, o) => {
          if (seen.has(option.value)) {
            problems.push({ path: `${questionPath}.options[${o}].value`, rule: 'option-twice', value: option.value });
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
        problems.push({ path: `${questionPath}.min`, rule: 'min-above-max', min: question.min, max: question.max });
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

function checkVisibility(form: FormDefinition, problems: RuleProblem[], questions: QuestionIndex): void {
  const dependsOn = new Map<string, string>();
  form.sections.forEach((section, s) =>
    section.questions.forEach((question, q) => {
      if (typeof question.visibleWhen?.question !== 'string') return;
      const { question: target, answers } = question.visibleWhen;
      const path = `sections[${s}].questions[${q}].visibleWhen`;
      const controller = questions.get(target)?.question;
      if (target === question.id) {
        problems.push({ path: `${path}.question`, rule: 'depends-on-itself', id: question.id });
        return;
      }
      if (!controller) {
        problems.push({ path: `${path}.question`, rule: 'no-such-question', id: target });
        return;
      }
      dependsOn.set(question.id, target);
      const possible = possibleAnswers(controller);
      (Array.isArray(answers) ? answers : []).forEach((answer, a) => {
        if (possible && !possible.includes(answer as string)) {
          problems.push({ path: `${path}.answers[${a}]`, rule: 'impossible-answer', answer, id: target, possible });
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
    problems.push({ path: `${questions.get(start)?.path ?? ''}.visibleWhen`, rule: 'cycle', ids: [...chain, start] });
  }
}

function checkToolQuestions(form: FormDefinition, problems: RuleProblem[], questions: QuestionIndex): void {
  for (const [field, id] of Object.entries(form.toolQuestions ?? {})) {
    const kind = questions.get(id)?.question.kind;
    if (kind === undefined) {
      problems.push({ path: `toolQuestions.${field}`, rule: 'no-such-question', id });
    } else if (kind !== 'text' && kind !== 'url') {
      problems.push({ path: `toolQuestions.${field}`, rule: 'tool-question-kind', id, kind });
    }
  }
}

function checkThresholds(form: FormDefinition, problems: RuleProblem[]): void {
  const { readiness, riskBands, residualRisk } = form.scoring;
  // Compared only where both sides are numbers: the schema reports any that are not.
  const numbers = (...values: unknown[]) => values.every((value) => typeof value === 'number');
  if (
    numbers(readiness.approvedWithConditions, readiness.approved) &&
    readiness.approvedWithConditions > readiness.approved
  ) {
    problems.push({
      path: 'scoring.readiness.approvedWithConditions',
      rule: 'readiness-order',
      conditions: readiness.approvedWithConditions,
      approved: readiness.approved,
    });
  }
  if (
    numbers(riskBands.green, riskBands.amber, riskBands.red) &&
    !(riskBands.green < riskBands.amber && riskBands.amber < riskBands.red)
  ) {
    problems.push({ path: 'scoring.riskBands', rule: 'bands-order', ...riskBands });
  }
  const approvedBand = RISK_BANDS.indexOf(residualRisk.approved);
  const conditionsBand = RISK_BANDS.indexOf(residualRisk.approvedWithConditions);
  if (approvedBand >= 0 && conditionsBand >= 0 && approvedBand > conditionsBand) {
    problems.push({
      path: 'scoring.residualRisk.approved',
      rule: 'residual-risk-order',
      approved: residualRisk.approved,
      conditions: residualRisk.approvedWithConditions,
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
      rule: 'review-order',
      conditions: review.approvedWithConditions,
      approved: review.approved,
    });
  }
}
