import * as z from 'zod/mini';
import { wholeNumber } from './schema-parts.js';
import { AnswersSchema, type Answers } from './answers.js';
import type { FormDefinition } from './form-definition.js';

export const ToolSchema = z.object({
  name: z.string(),
  url: z.optional(z.string()),
  vendor: z.optional(z.string()),
});
export type Tool = z.infer<typeof ToolSchema>;

/** A moment as `toISOString()` writes it, or with an offset: "2026-11-20T10:42:00.000Z". */
const timestamp = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
    error: 'must be a date and time',
  }),
);

/**
 * Where an assessment's answers were first copied from: another school's published assessment of
 * the same tool, in the trust's register, at that assessment's revision.
 */
export const CopiedFromSchema = z.object({
  /** The school's id, as the trust's register names it. */
  school: z.string().check(z.minLength(1)),
  assessmentId: z.string().check(z.minLength(1)),
  revision: wholeNumber(z.minimum(0)),
  copiedAt: timestamp,
});
export type CopiedFrom = z.infer<typeof CopiedFromSchema>;

/** One school's assessment of one tool against one version of a form. */
export const AssessmentSchema = z.object({
  id: z.string().check(z.minLength(1)),
  form: z.object({ id: z.string(), version: z.string() }),
  tool: ToolSchema,
  answers: AnswersSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Goes up by one with every saved change, so a stale copy can be recognised. */
  revision: wholeNumber(z.minimum(0)),
  /** Set when the answers started as a copy of another school's: to be checked before signing. */
  copiedFrom: z.optional(CopiedFromSchema),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

/** When an assessment was made and changed, and which copy of it this is. */
export interface AssessmentStamp {
  id: string;
  createdAt: string;
  /** The same as `createdAt` unless given. */
  updatedAt?: string;
  /** 0 unless given: the revision of a copy not yet saved. */
  revision?: number;
  /** Where the answers were copied from, when they were. */
  copiedFrom?: CopiedFrom | undefined;
}

/**
 * The assessment of `answers` against `form`: the one place an assessment is
 * made, so that its tool is always read from the form's `toolQuestions` and its
 * form named by id and version.
 */
export function assessmentFromAnswers(
  form: Pick<FormDefinition, 'id' | 'version' | 'toolQuestions'>,
  answers: Answers,
  { id, createdAt, updatedAt = createdAt, revision = 0, copiedFrom }: AssessmentStamp,
): Assessment {
  return {
    id,
    form: { id: form.id, version: form.version },
    tool: toolFromAnswers(form.toolQuestions, answers),
    answers,
    createdAt,
    updatedAt,
    revision,
    ...(copiedFrom ? { copiedFrom } : {}),
  };
}

/**
 * The form an assessment was made with, among `forms`: the same id and
 * version, else the same id (a later version of it); `undefined` when none
 * has its id.
 */
export function formOfAssessment<Form extends Pick<FormDefinition, 'id' | 'version'>>(
  assessment: Pick<Assessment, 'form'>,
  forms: readonly Form[],
): Form | undefined {
  const sameId = forms.filter((form) => form.id === assessment.form.id);
  return sameId.find((form) => form.version === assessment.form.version) ?? sameId[0];
}

/**
 * The tool named by a form's `toolQuestions`, read from the answers. Kept here rather than beside
 * the answers: only what makes or reads an assessment needs it, never the form's first render.
 */
export function toolFromAnswers(
  toolQuestions: { name: string; url?: string; vendor?: string } | undefined,
  answers: Answers,
): { name: string; url?: string; vendor?: string } {
  const read = (id: string | undefined) => {
    const value = id === undefined ? undefined : answers[id]?.value;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const tool: { name: string; url?: string; vendor?: string } = { name: read(toolQuestions?.name) ?? '' };
  const url = read(toolQuestions?.url);
  const vendor = read(toolQuestions?.vendor);
  if (url !== undefined) tool.url = url;
  if (vendor !== undefined) tool.vendor = vendor;
  return tool;
}
