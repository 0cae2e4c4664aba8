import * as z from 'zod/mini';
import { wholeNumber } from './schema-parts.js';
import { LocalizedTextSchema } from './text.js';

// Never compile validators with `new Function`: the pages this runs on
// (Moodle, SharePoint) often forbid it with a Content-Security-Policy.
z.config({ jitless: true });

/** The major version of the form-definition format this library reads. */
export const SUPPORTED_FORMAT_MAJOR = 1;

export const QUESTION_KINDS = [
  'item',
  'yesno',
  'choice',
  'multichoice',
  'text',
  'longtext',
  'date',
  'number',
  'url',
  'people',
  'hazard',
  'signoff',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const ITEM_RATINGS = ['met', 'partly', 'not-met', 'not-applicable'] as const;
export type ItemRating = (typeof ITEM_RATINGS)[number];

/**
 * The patterns ids, `format` and `version` must match. What a mismatch is called is worded in
 * parse-form-definition.ts, which loads only when a definition has a problem.
 */
export const IDENTIFIER_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const FORMAT_PATTERN = /^\d+\.\d+$/;
export const VERSION_PATTERN = /^\d+\.\d+(\.\d+)?$/;

const identifier = z.string().check(z.regex(IDENTIFIER_PATTERN));

export const VisibleWhenSchema = z.strictObject({
  /** The id of the question whose answer decides. */
  question: identifier,
  /** The answers that show this question; any one of them is enough. */
  answers: z.array(z.union([z.string(), z.number(), z.boolean()])).check(z.minLength(1)),
});

const questionBase = {
  id: identifier,
  title: LocalizedTextSchema,
  help: z.optional(LocalizedTextSchema),
  required: z.optional(z.boolean()),
  visibleWhen: z.optional(VisibleWhenSchema),
};

export const ChoiceOptionSchema = z.strictObject({
  value: identifier,
  label: LocalizedTextSchema,
});

export const ItemQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.enum(['item']),
  /** A critical item answered "not met" means the tool cannot be approved. */
  critical: z.optional(z.boolean()),
  /** What must happen before use when the item is only partly met. */
  condition: z.optional(LocalizedTextSchema),
});

export const YesNoQuestionSchema = z.strictObject({ ...questionBase, kind: z.enum(['yesno']) });

export const ChoiceQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.enum(['choice']),
  options: z.array(ChoiceOptionSchema).check(z.minLength(2)),
});

export const MultipleChoiceQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.enum(['multichoice']),
  options: z.array(ChoiceOptionSchema).check(z.minLength(2)),
});

export const TextQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.enum(['text']),
  maxLength: z.optional(wholeNumber(z.positive())),
});

export const LongTextQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.enum(['longtext']),
  maxLength: z.optional(wholeNumber(z.positive())),
});

export const DateQuestionSchema = z.strictObject({ ...questionBase, kind: z.enum(['date']) });

export const NumberQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.enum(['number']),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  unit: z.optional(LocalizedTextSchema),
});

export const UrlQuestionSchema = z.strictObject({ ...questionBase, kind: z.enum(['url']) });

export const PeopleQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.enum(['people']),
  /** Fewer named people than this leaves the question unanswered. */
  minimum: z.optional(wholeNumber(z.minimum(1))),
});

export const HazardQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.enum(['hazard']),
  /** Controls a school would usually put in place, offered as a starting point. */
  suggestedControls: z.optional(LocalizedTextSchema),
});

export const SignOffQuestionSchema = z.strictObject({
  ...questionBase,
  kind: z.enum(['signoff']),
  /** Who signs here, e.g. "Designated safeguarding lead". */
  role: LocalizedTextSchema,
});

/** Each kind's schema, in the order of `QUESTION_KINDS`. */
export const QUESTION_SCHEMAS = [
  ItemQuestionSchema,
  YesNoQuestionSchema,
  ChoiceQuestionSchema,
  MultipleChoiceQuestionSchema,
  TextQuestionSchema,
  LongTextQuestionSchema,
  DateQuestionSchema,
  NumberQuestionSchema,
  UrlQuestionSchema,
  PeopleQuestionSchema,
  HazardQuestionSchema,
  SignOffQuestionSchema,
] as const;

/**
 * Any question. Each option first checks only `kind`, so a question is read
 * in full against its own kind alone: a plain union would try every kind in
 * turn, and a discriminated one would put more code on the page.
 * parseFormDefinition reports problems against the question's own kind.
 */
export const QuestionSchema = z.union(
  QUESTION_SCHEMAS.map((schema) => z.pipe(z.looseObject({ kind: schema.shape.kind }), schema)) as unknown as {
    [K in keyof typeof QUESTION_SCHEMAS]: (typeof QUESTION_SCHEMAS)[K];
  },
);

export const SectionSchema = z.strictObject({
  id: identifier,
  title: LocalizedTextSchema,
  description: z.optional(LocalizedTextSchema),
  /** How much this section counts towards overall readiness; 1 unless given. */
  weight: z.optional(z.number().check(z.minimum(0))),
  questions: z.array(QuestionSchema).check(z.minLength(1)),
});

export const RISK_BANDS = ['green', 'amber', 'red', 'stop'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

const percentage = z.number().check(z.minimum(0), z.maximum(100));
const riskScore = wholeNumber(z.minimum(1), z.maximum(25));

export const ScoringSchema = z.strictObject({
  /** Lowest readiness percentage for each outcome. */
  readiness: z.strictObject({
    approved: percentage,
    approvedWithConditions: percentage,
  }),
  /** Highest residual risk score (likelihood × impact) in each band; anything above red is "stop". */
  riskBands: z.strictObject({ green: riskScore, amber: riskScore, red: riskScore }),
  /** Highest residual risk band each outcome allows. */
  residualRisk: z.strictObject({
    approved: z.enum(RISK_BANDS),
    approvedWithConditions: z.enum(RISK_BANDS),
  }),
  /** Months until review after each outcome. */
  reviewMonths: z.optional(
    z.strictObject({
      approved: wholeNumber(z.positive()),
      approvedWithConditions: wholeNumber(z.positive()),
    }),
  ),
});

export const FormDefinitionSchema = z.strictObject({
  $schema: z.optional(z.string()),
  /** Version of the definition format, "major.minor". */
  format: z.string().check(z.regex(FORMAT_PATTERN)),
  id: identifier,
  /** The form's own version, e.g. "1.2.0". */
  version: z.string().check(z.regex(VERSION_PATTERN)),
  title: LocalizedTextSchema,
  description: z.optional(LocalizedTextSchema),
  /**
   * Which questions name the tool being assessed: their answers become the
   * assessment's tool name, web address and vendor (and a draft's title).
   */
  toolQuestions: z.optional(
    z.strictObject({ name: identifier, url: z.optional(identifier), vendor: z.optional(identifier) }),
  ),
  scoring: ScoringSchema,
  sections: z.array(SectionSchema).check(z.minLength(1)),
});

export type VisibleWhen = z.infer<typeof VisibleWhenSchema>;
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type ItemQuestion = z.infer<typeof ItemQuestionSchema>;
export type HazardQuestion = z.infer<typeof HazardQuestionSchema>;
export type QuestionOfKind<K extends QuestionKind> = Extract<Question, { kind: K }>;
export type Section = z.infer<typeof SectionSchema>;
export type Scoring = z.infer<typeof ScoringSchema>;
export type FormDefinition = z.infer<typeof FormDefinitionSchema>;

/** Every question of a form in order, with the section it sits in. */
export function allQuestions(form: FormDefinition): Array<{ section: Section; question: Question }> {
  return form.sections.flatMap((section) => section.questions.map((question) => ({ section, question })));
}

/** Questions are required unless the definition says otherwise. */
export function isRequired(question: Question): boolean {
  return question.required ?? true;
}
