import * as z from 'zod/mini';
import { wholeNumber } from './schema-parts.js';
import { ITEM_RATINGS, type Question, type QuestionKind } from './form-definition.js';

const rating = wholeNumber(z.minimum(1), z.maximum(5));

/** Likelihood and impact, 1–5 each; a rating is complete once both are chosen. */
export const RiskRatingSchema = z.object({ likelihood: z.optional(rating), impact: z.optional(rating) });
export type RiskRating = z.infer<typeof RiskRatingSchema>;

export const HazardAnswerSchema = z.object({
  before: z.optional(RiskRatingSchema),
  controls: z.optional(z.string()),
  after: z.optional(RiskRatingSchema),
});
export type HazardAnswer = z.infer<typeof HazardAnswerSchema>;

export const PersonSchema = z.object({ name: z.string(), role: z.optional(z.string()) });
export type Person = z.infer<typeof PersonSchema>;

export const SignOffAnswerSchema = z.object({
  name: z.optional(z.string()),
  date: z.optional(z.string()),
});
export type SignOffAnswer = z.infer<typeof SignOffAnswerSchema>;

/** Likelihood × impact, or `null` until both are chosen. */
export function riskScore(rating: RiskRating | undefined): number | null {
  if (rating?.likelihood === undefined || rating.impact === undefined) return null;
  return rating.likelihood * rating.impact;
}

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** The shape of an answer's value for each kind of question. */
export const ANSWER_VALUE_SCHEMAS = {
  item: z.enum(ITEM_RATINGS),
  yesno: z.enum(['yes', 'no']),
  choice: z.string(),
  multichoice: z.array(z.string()),
  text: z.string(),
  longtext: z.string(),
  date: isoDate,
  // zod's number already refuses NaN and Infinity.
  number: z.number(),
  url: z.string(),
  people: z.array(PersonSchema),
  hazard: HazardAnswerSchema,
  signoff: SignOffAnswerSchema,
} satisfies Record<QuestionKind, z.core.$ZodType>;

export type AnswerValueOf<K extends QuestionKind> = z.infer<(typeof ANSWER_VALUE_SCHEMAS)[K]>;

/** One answer: its value plus the assessor's notes and evidence links. */
export const AnswerSchema = z.object({
  value: z.optional(z.unknown()),
  notes: z.optional(z.string()),
  evidence: z.optional(z.array(z.string())),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const AnswersSchema = z.catchall(z.object({}), AnswerSchema);
export type Answers = Record<string, Answer>;

/** The answer's value when it has the right shape for the question, otherwise `undefined`. */
export function answerValue<Q extends Question>(
  question: Q,
  answer: Answer | undefined,
): AnswerValueOf<Q['kind']> | undefined {
  if (answer?.value === undefined) return undefined;
  const result = ANSWER_VALUE_SCHEMAS[question.kind].safeParse(answer.value);
  return result.success ? (result.data as AnswerValueOf<Q['kind']>) : undefined;
}

/** Whether a question has an answer complete enough to count as answered. */
export function isAnswered(question: Question, answer: Answer | undefined): boolean {
  switch (question.kind) {
    case 'item':
    case 'yesno':
    case 'date':
    case 'number':
      return answerValue(question, answer) !== undefined;
    case 'choice':
      return question.options.some((option) => option.value === answerValue(question, answer));
    case 'multichoice':
      return (answerValue(question, answer) ?? []).some((value) =>
        question.options.some((option) => option.value === value),
      );
    case 'text':
    case 'longtext':
    case 'url':
      return (answerValue(question, answer) ?? '').trim() !== '';
    case 'people': {
      const named = (answerValue(question, answer) ?? []).filter((p) => p.name.trim() !== '');
      return named.length >= (question.minimum ?? 1);
    }
    case 'hazard': {
      const hazard = answerValue(question, answer);
      return riskScore(hazard?.before) !== null && riskScore(hazard?.after) !== null;
    }
    case 'signoff': {
      const signOff = answerValue(question, answer);
      return (signOff?.name ?? '').trim() !== '' && (signOff?.date ?? '') !== '';
    }
  }
}
