import * as z from 'zod/mini';
import { wholeNumber } from './schema-parts.js';
import { AnswersSchema } from './answers.js';

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
});
export type Assessment = z.infer<typeof AssessmentSchema>;
