import * as z from 'zod/mini';
import { AnswersSchema } from './answers.js';

export const ToolSchema = z.object({
  name: z.string(),
  url: z.optional(z.string()),
  vendor: z.optional(z.string()),
});
export type Tool = z.infer<typeof ToolSchema>;

/** One school's assessment of one tool against one version of a form. */
export const AssessmentSchema = z.object({
  id: z.string().check(z.minLength(1)),
  form: z.object({ id: z.string(), version: z.string() }),
  tool: ToolSchema,
  answers: AnswersSchema,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** Goes up by one with every saved change, so a stale copy can be recognised. */
  revision: z.int().check(z.minimum(0)),
});
export type Assessment = z.infer<typeof AssessmentSchema>;
