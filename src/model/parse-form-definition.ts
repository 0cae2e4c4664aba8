import type * as z from 'zod/mini';
import {
  FORMAT_PATTERN,
  FormDefinitionSchema,
  IDENTIFIER_PATTERN,
  QUESTION_KINDS,
  SUPPORTED_FORMAT_MAJOR,
  VERSION_PATTERN,
  type FormDefinition,
  type QuestionKind,
} from './form-definition.js';
import { checkFormDefinition, checkRules, isNewerFormat } from './form-rules.js';
import type { FormDefinitionProblem } from './form-definition-problem.js';
import { ruleMessage } from './rule-messages.js';
import { jsonPath, valueAt } from './json-path.js';

// What is wrong with a definition, in words: a module of its own, so that a page that shows a
// working form (which needs only checkFormDefinition) carries none of it.

export type { FormDefinitionProblem } from './form-definition-problem.js';

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

export function newerFormatProblem(input: unknown): FormDefinitionProblem | undefined {
  if (!isNewerFormat(input)) return undefined;
  const format = (input as { format: string }).format;
  return {
    path: 'format',
    message:
      `this form is written in format ${format}, newer than this version of proforma reads ` +
      `(format ${SUPPORTED_FORMAT_MAJOR}.x); update proforma on this page to use it`,
  };
}

/**
 * Checks `input` against the form-definition schema and the rules a schema
 * cannot express (unique ids, `visibleWhen` targets and cycles, thresholds in
 * order). Returns the typed definition, or throws `FormDefinitionError`.
 */
export function parseFormDefinition(input: unknown): FormDefinition {
  const form = checkFormDefinition(input);
  if (form) return form;
  const newer = newerFormatProblem(input);
  if (newer) throw new FormDefinitionError([newer], true);
  const result = FormDefinitionSchema.safeParse(input);
  const problems = result.error?.issues.flatMap((issue) => describeIssue(issue, input)) ?? [];
  const broken = checkRules(input as FormDefinition, !result.success).map(ruleMessage);
  throw new FormDefinitionError([...problems, ...broken]);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** What a string that does not match each of the definition's patterns must be. */
const PATTERN_WORDS = new Map<string | undefined, string>([
  [String(IDENTIFIER_PATTERN), 'must be lower-case letters, digits and hyphens, starting with a letter or digit'],
  [String(FORMAT_PATTERN), 'must look like "1.0"'],
  [String(VERSION_PATTERN), 'must look like "1.0.0"'],
]);

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
      case 'invalid_format': {
        const words = 'pattern' in issue ? PATTERN_WORDS.get(issue.pattern) : undefined;
        return words ? `${words}, not ${describeValue(value)}` : `has the wrong format: ${describeValue(value)}`;
      }
      default:
        return `is not valid (${issue.code})`;
    }
  })();
  return [{ path, message }];
}
