import type * as z from 'zod/mini';
import {
  FormDefinitionSchema,
  QUESTION_KINDS,
  RISK_BANDS,
  SUPPORTED_FORMAT_MAJOR,
  type FormDefinition,
  type QuestionKind,
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
    super(
      `The form definition has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map(formatProblem).join('\n'),
    );
  }
}

export function formatProblem(problem: FormDefinitionProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/**
 * Checks `input` against the form-definition schema and the rules a schema
 * cannot express (unique ids, `visibleWhen` targets and cycles, thresholds in
 * order). Returns the typed definition, or throws `FormDefinitionError`.
 */
export function parseFormDefinition(input: unknown): FormDefinition {
  const newer = newerFormatProblem(input);
  if (newer) throw new FormDefinitionError([newer], true);
  const result = FormDefinitionSchema.safeParse(input);
  if (!result.success) {
    throw new FormDefinitionError(result.error.issues.flatMap((issue) => describeIssue(issue, input)));
  }
  const problems = checkRules(result.data);
  if (problems.length > 0) throw new FormDefinitionError(problems);
  return result.data;
}

function newerFormatProblem(input: unknown): FormDefinitionProblem | undefined {
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

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

function describeIssue(issue: z.core.$ZodIssue, input: unknown): FormDefinitionProblem[] {
  const path = jsonPath(issue.path);
  const value = valueAt(input, issue.path);
  // A question matched none of the kinds: report against the kind it names.
  const isQuestion = issue.code === 'invalid_union' && issue.errors.length === QUESTION_KINDS.length;
  if (isQuestion && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const kind = (value as { kind?: unknown }).kind;
    const index = QUESTION_KINDS.indexOf(kind as QuestionKind);
    if (index < 0) {
      const kinds = QUESTION_KINDS.map((known) => `"${known}"`).join(', ');
      const message =
        kind === undefined
          ? `is required: one of ${kinds}`
          : `unknown kind ${describeValue(kind)}; known kinds are ${kinds}`;
      return [{ path: `${path}.kind`, message }];
    }
    return issue.errors[index]!.flatMap((inner) =>
      describeIssue({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue, input),
    );
  }
  const message = ((): string => {
    switch (issue.code) {
      case 'invalid_type':
        return value === undefined
          ? `is required (${article(issue.expected)})`
          : `should be ${article(issue.expected)}, not ${describeValue(value)}`;
      case 'invalid_union':
        if (issue.errors.length === QUESTION_KINDS.length) {
          return `should be a question with a "kind": one of ${QUESTION_KINDS.map((known) => `"${known}"`).join(', ')}`;
        }
        if (value === undefined) return 'is required (text)';
        return typeof value === 'object' && value !== null && !Array.isArray(value)
          ? 'should be text, or an object of texts by language ({ "en": "…", "cy": "…" }), with no empty text'
          : `should be non-empty text, not ${describeValue(value)}`;
      case 'unrecognized_keys':
        return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      case 'invalid_value':
        return `should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${describeValue(value)}`;
      case 'too_small':
        if (issue.origin === 'array')
          return `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
        if (issue.origin === 'string') return 'must not be empty';
        return `should be at least ${String(issue.minimum)}, not ${describeValue(value)}`;
      case 'not_multiple_of':
        return `should be a whole number, not ${describeValue(value)}`;
      case 'too_big':
        return `should be at most ${String(issue.maximum)}, not ${describeValue(value)}`;
      case 'invalid_format':
        return issue.message && issue.message !== 'Invalid input'
          ? `${issue.message}, not ${describeValue(value)}`
          : `has the wrong format: ${describeValue(value)}`;
      default:
        return `is not valid (${issue.code})`;
    }
  })();
  return [{ path, message }];
}

function checkRules(form: FormDefinition): FormDefinitionProblem[] {
  const problems: FormDefinitionProblem[] = [];
  const firstPathOfId = new Map<string, string>();
  const sectionIds = new Map<string, string>();
  /** Records where an id is first used, and reports any later use. */
  const claimId = (ids: Map<string, string>, what: string, id: string, path: string) => {
    const earlier = ids.get(id);
    if (earlier) problems.push({ path: `${path}.id`, message: `${what} id "${id}" is already used by ${earlier}` });
    else ids.set(id, path);
  };
  form.sections.forEach((section, s) => {
    const sectionPath = `sections[${s}]`;
    claimId(sectionIds, 'section', section.id, sectionPath);
    section.questions.forEach((question, q) => {
      const questionPath = `${sectionPath}.questions[${q}]`;
      claimId(firstPathOfId, 'question', question.id, questionPath);
      if ('options' in question) {
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

  const dependsOn = new Map<string, string>();
  form.sections.forEach((section, s) =>
    section.questions.forEach((question, q) => {
      if (!question.visibleWhen) return;
      const target = question.visibleWhen.question;
      const path = `sections[${s}].questions[${q}].visibleWhen.question`;
      if (target === question.id) {
        problems.push({ path, message: `question "${question.id}" cannot depend on itself` });
      } else if (!firstPathOfId.has(target)) {
        problems.push({ path, message: `names question "${target}", which is not in this form` });
      } else {
        dependsOn.set(question.id, target);
      }
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
      path: `${firstPathOfId.get(start) ?? ''}.visibleWhen`,
      message: `visibleWhen forms a cycle: ${[...chain, start].map((id) => `"${id}"`).join(' → ')}`,
    });
  }

  const kindOf = new Map(form.sections.flatMap((section) => section.questions.map((q) => [q.id, q.kind] as const)));
  for (const [field, id] of Object.entries(form.toolQuestions ?? {})) {
    const kind = kindOf.get(id);
    if (kind === undefined) {
      problems.push({ path: `toolQuestions.${field}`, message: `names question "${id}", which is not in this form` });
    } else if (kind !== 'text' && kind !== 'url') {
      problems.push({
        path: `toolQuestions.${field}`,
        message: `question "${id}" is a ${kind} question; it must be text or url`,
      });
    }
  }

  const { readiness, riskBands, residualRisk } = form.scoring;
  if (readiness.approvedWithConditions > readiness.approved) {
    problems.push({
      path: 'scoring.readiness.approvedWithConditions',
      message: `${readiness.approvedWithConditions}% is above the ${readiness.approved}% needed for approval; it must not be`,
    });
  }
  if (!(riskBands.green < riskBands.amber && riskBands.amber < riskBands.red)) {
    problems.push({
      path: 'scoring.riskBands',
      message: `bands must rise: green (${riskBands.green}) < amber (${riskBands.amber}) < red (${riskBands.red})`,
    });
  }
  if (RISK_BANDS.indexOf(residualRisk.approved) > RISK_BANDS.indexOf(residualRisk.approvedWithConditions)) {
    problems.push({
      path: 'scoring.residualRisk.approved',
      message: `approval allows "${residualRisk.approved}" risk, more than approval with conditions ("${residualRisk.approvedWithConditions}")`,
    });
  }
  const review = form.scoring.reviewMonths;
  if (review && review.approvedWithConditions > review.approved) {
    problems.push({
      path: 'scoring.reviewMonths.approvedWithConditions',
      message: `a review ${review.approvedWithConditions} months after approval with conditions is later than after approval (${review.approved}); it should be sooner`,
    });
  }
  return problems;
}
