import type { Answers } from '../answers.js';
import type { Assessment, CopiedFrom } from '../assessment.js';
import type { FormDefinition } from '../form-definition.js';

// A tool's assessment as a school publishes it for the other schools of its trust to start from:
// each answer's value only. Notes and evidence links stay in the school, and so does every answer
// that names people (a `people` or a `signoff` question). The register publishes without its
// forms, so those answers are known by their values' shapes, which no other kind of question
// shares: a list of people is a list of objects, a sign-off an object with a name or a date.

/** The keys a hazard's answer may have: the only object-valued answer that is published. */
const HAZARD_KEYS = new Set(['before', 'controls', 'after']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether an answer's value may be published: text (choices, dates and web addresses too), a
 * number, a list of choices, or a hazard's ratings and controls. Never a list of people or a
 * sign-off (names), nor anything else.
 */
export function isPublishableValue(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string');
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => HAZARD_KEYS.has(key));
}

/** An assessment as published for the trust: its form, revision and each answer's value alone. */
export interface PublishedAssessment {
  id: string;
  form: { id: string; version: string };
  revision: number;
  updatedAt: string;
  answers: Record<string, { value: unknown }>;
}

/** The assessment as the school publishes it: each publishable answer's value, nothing else. */
export function publishedAssessment(
  assessment: Pick<Assessment, 'id' | 'form' | 'revision' | 'updatedAt' | 'answers'>,
): PublishedAssessment {
  const answers: PublishedAssessment['answers'] = {};
  for (const [questionId, answer] of Object.entries(assessment.answers)) {
    if (answer.value !== undefined && isPublishableValue(answer.value)) answers[questionId] = { value: answer.value };
  }
  return {
    id: assessment.id,
    form: { id: assessment.form.id, version: assessment.form.version },
    revision: assessment.revision,
    updatedAt: assessment.updatedAt,
    answers,
  };
}

/**
 * A published assessment read from a document, or `undefined` when it has none (published before
 * assessments were) or what it has is not one, or holds what is never published: either way there
 * is nothing to copy.
 */
export function readPublishedAssessment(value: unknown): PublishedAssessment | undefined {
  // Read by hand rather than by a schema: zod's code for records would land on the form's page.
  if (!isRecord(value) || !isRecord(value.form) || !isRecord(value.answers)) return undefined;
  const { id, revision, updatedAt } = value;
  const { id: formId, version } = value.form;
  const said =
    typeof id === 'string' &&
    id !== '' &&
    typeof formId === 'string' &&
    typeof version === 'string' &&
    Number.isInteger(revision) &&
    (revision as number) >= 0 &&
    typeof updatedAt === 'string';
  if (!said) return undefined;
  const answers: PublishedAssessment['answers'] = {};
  for (const [questionId, answer] of Object.entries(value.answers)) {
    if (!isRecord(answer) || !isPublishableValue(answer.value)) return undefined;
    answers[questionId] = { value: answer.value };
  }
  return { id, form: { id: formId, version }, revision: revision as number, updatedAt, answers };
}

/**
 * The answers a draft starts from when copied from another school's assessment: the copy's, but
 * the tool's name and web address as the teacher typed them (the form's `toolQuestions`).
 */
export function copiedAnswers(
  form: Pick<FormDefinition, 'toolQuestions'>,
  copy: PublishedAssessment,
  typed: Answers,
): Answers {
  const answers: Answers = {};
  for (const [questionId, { value }] of Object.entries(copy.answers)) answers[questionId] = { value };
  const { name, url } = form.toolQuestions ?? {};
  for (const questionId of [name, url]) {
    if (questionId === undefined) continue;
    const mine = typed[questionId];
    if (mine) answers[questionId] = mine;
    else delete answers[questionId];
  }
  return answers;
}

/** Where a copy was taken from, as the assessment records it. */
export function copiedFrom(school: string, copy: PublishedAssessment, now: Date): CopiedFrom {
  return { school, assessmentId: copy.id, revision: copy.revision, copiedAt: now.toISOString() };
}
