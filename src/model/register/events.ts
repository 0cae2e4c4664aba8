import * as z from 'zod/mini';
import { AssessmentSchema } from '../assessment.js';
import { PersonSchema } from '../answers.js';
import { HistoryEventSchema, RegisterEntrySchema, TOOL_FIELDS, TrustedKeySchema } from '../register-entry.js';

// The register as a log that only grows: every change is one of these events,
// never altered or removed once written, and what people see is folded from
// them (see fold.ts). One event is one JSON object, so it is also one
// CouchDB document, written once. `basedOn` is one id on every event (the
// newest event of the entry its author had seen); a decision that settles a
// conflict also lists the other decisions it had seen in `alsoSeen`, so no
// field is ever one id here and a list there.

const nonEmpty = z.string().check(z.minLength(1));

/** A moment as `toISOString()` writes it, or with an offset. */
const timestamp = HistoryEventSchema.shape.at;

const fingerprint = TrustedKeySchema.shape.fingerprint;

// Shapes are picked and left out by hand rather than with z.pick, z.omit and
// z.partial, whose code would land on every page that reads a form.

type Shape = Record<string, z.core.SomeType>;

/** The fields of `shape` named by `keys`. */
function pickShape<S extends Shape, const K extends keyof S & string>(shape: S, keys: readonly K[]): Pick<S, K> {
  return Object.fromEntries(keys.map((key) => [key, shape[key]])) as Pick<S, K>;
}

/** Every field of `shape` but those named by `keys`. */
function omitShape<S extends Shape, const K extends keyof S & string>(shape: S, keys: readonly K[]): Omit<S, K> {
  return Object.fromEntries(
    Object.entries(shape).filter(([key]) => !(keys as readonly string[]).includes(key)),
  ) as Omit<S, K>;
}

/** Each field of `shape`, optional. */
function optionalShape<S extends Shape>(shape: S): { [K in keyof S]: z.ZodMiniOptional<S[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, z.optional(schema)])) as {
    [K in keyof S]: z.ZodMiniOptional<S[K]>;
  };
}

/** Who made a change: the name they gave, and their signing key's fingerprint where their browser has one. */
export const EventAuthorSchema = z.object({ name: z.string(), fingerprint: z.optional(fingerprint) });
export type EventAuthor = z.infer<typeof EventAuthorSchema>;

/** An entry's fields, without its id and history: what a carried-over event records of an entry. */
export const EntryFieldsSchema = z.object(omitShape(RegisterEntrySchema.shape, ['id', 'history']));
export type EntryFields = z.infer<typeof EntryFieldsSchema>;

/** The fields of an entry that an assessment fills (see `entryFromAssessment`), but for the assessment itself. */
export const AssessedFieldsSchema = z.object(
  pickShape(RegisterEntrySchema.shape, [...TOOL_FIELDS, 'outcome', 'readiness', 'conditions', 'owners', 'assessor']),
);
export type AssessedFields = z.infer<typeof AssessedFieldsSchema>;

const ASSESSED_FIELD_NAMES = Object.keys(AssessedFieldsSchema.shape) as Array<keyof AssessedFields>;

/** What an import or re-assessment event records of an entry made by `entryFromAssessment`. */
export function assessedFieldsOf(entry: AssessedFields): AssessedFields {
  const fields: Partial<Record<keyof AssessedFields, unknown>> = {};
  for (const name of ASSESSED_FIELD_NAMES) if (entry[name] !== undefined) fields[name] = entry[name];
  return fields as AssessedFields;
}

/** The fields a person may correct by hand; the status, decision and assessment change only through their own events. */
export const EDITABLE_FIELDS = [...TOOL_FIELDS, 'owners'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
const CLEARABLE_FIELDS = ['vendor', 'url', 'purpose', 'minimumAge', 'dataCollected', 'dpiaReference'] as const;

const eventBase = {
  /** Unique in the register; a CouchDB document's `_id` can be this. */
  id: nonEmpty,
  at: timestamp,
  by: EventAuthorSchema,
};

const entryEventBase = {
  ...eventBase,
  entryId: nonEmpty,
  /** The newest event of this entry its author had seen; absent only for the event that makes the entry. */
  basedOn: z.optional(nonEmpty),
  /** Why, in the person's words. */
  reason: z.optional(z.string()),
};

/** The signed PDF an assessment came in: kept as evidence beside the log (a CouchDB attachment), never in it. */
const EvidenceSchema = z.object({
  /** The attachment's file name. */
  name: nonEmpty,
  /** SHA-256 of the PDF's bytes, lower-case hex. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in hex' })),
});

/** The person whose key signed the PDF, as the PDF names them, and the key's fingerprint. */
const SignerSchema = z.object({ name: z.string(), fingerprint });

/**
 * The teacher's submission an import or re-assessment was made from (see submissions.ts): its
 * document's id in the school's submissions database, and when and by whom the teacher says it was
 * sent. Only the signed PDF of a submission is checked; these are its claims, shown as such.
 */
export const SubmissionMarkSchema = z.object({
  id: nonEmpty,
  submittedAt: timestamp,
  by: z.object({ name: z.string() }),
});
export type SubmissionMark = z.infer<typeof SubmissionMarkSchema>;

const assessedChange = {
  assessment: AssessmentSchema,
  /** What the assessment filled in, worked out with its form when it was imported. */
  fields: AssessedFieldsSchema,
  signer: z.optional(SignerSchema),
  evidence: z.optional(EvidenceSchema),
  submission: z.optional(SubmissionMarkSchema),
};

export const ImportedEventSchema = z.object({
  ...entryEventBase,
  type: z.literal('imported'),
  ...assessedChange,
});

export const ReassessedEventSchema = z.object({
  ...entryEventBase,
  type: z.literal('re-assessed'),
  ...assessedChange,
});

export const SubmittedEventSchema = z.object({ ...entryEventBase, type: z.literal('submitted') });

export const ReviewStartedEventSchema = z.object({ ...entryEventBase, type: z.literal('review-started') });

export const DecidedEventSchema = z.object({
  ...entryEventBase,
  type: z.literal('decided'),
  outcome: z.enum(['approved', 'approved-with-conditions', 'not-approved']),
  conditions: z.array(z.string()),
  approver: z.string(),
  decisionDate: RegisterEntrySchema.shape.decisionDate.def.innerType,
  /** For an approval: when to review it; 12 months (6 with conditions) after the decision when left out. */
  reviewDue: RegisterEntrySchema.shape.reviewDue,
  /** The account owners named with the decision, in place of the entry's; the entry's stand when left out. */
  owners: z.optional(z.array(PersonSchema)),
  /**
   * The other newest events of the entry its author had seen besides `basedOn`:
   * the other side of a conflict this decision settles. One list of ids, so
   * `basedOn` stays one id for every event.
   */
  alsoSeen: z.optional(z.array(nonEmpty)),
});

export const RetiredEventSchema = z.object({
  ...entryEventBase,
  type: z.literal('retired'),
  reason: z.string(),
});

export const EditedEventSchema = z.object({
  ...entryEventBase,
  type: z.literal('edited'),
  /** Each field given its new value. */
  changes: z.object(optionalShape(pickShape(RegisterEntrySchema.shape, EDITABLE_FIELDS))),
  /** Fields emptied. */
  cleared: z.optional(z.array(z.enum(CLEARABLE_FIELDS))),
});

/**
 * A change recorded outside this log and carried into it: each history
 * event of a register kept by an earlier version, or of a register JSON
 * file of version 1. The first of an entry holds the entry as that register
 * held it (`entry`); the rest record what happened, in that register's words
 * (`action`, `changes`). No rule is checked: the register they come from
 * held them.
 */
export const CarriedOverEventSchema = z.object({
  ...entryEventBase,
  type: z.literal('carried-over'),
  action: HistoryEventSchema.shape.action,
  changes: HistoryEventSchema.shape.changes,
  entry: z.optional(EntryFieldsSchema),
});

const keyEventBase = {
  ...eventBase,
  /** The newest event about the same key its author had seen, if any. */
  basedOn: z.optional(nonEmpty),
};

export const KeyTrustedEventSchema = z.object({
  ...keyEventBase,
  type: z.literal('key-trusted'),
  key: z.object(pickShape(TrustedKeySchema.shape, ['name', 'role', 'fingerprint'])),
});

export const KeyDistrustedEventSchema = z.object({
  ...keyEventBase,
  type: z.literal('key-distrusted'),
  fingerprint,
});

const EVENT_SCHEMAS = [
  ImportedEventSchema,
  ReassessedEventSchema,
  SubmittedEventSchema,
  ReviewStartedEventSchema,
  DecidedEventSchema,
  RetiredEventSchema,
  EditedEventSchema,
  CarriedOverEventSchema,
  KeyTrustedEventSchema,
  KeyDistrustedEventSchema,
] as const;

/** Every type of event, in the order of `RegisterEventSchema`'s options. */
export const REGISTER_EVENT_TYPES = EVENT_SCHEMAS.map((schema) => schema.shape.type.def.values[0]);

/** The schema of the events of a type, or undefined for a type there is none of: to say what is wrong with one. */
export function registerEventSchemaOf(type: unknown) {
  return EVENT_SCHEMAS.find((schema) => schema.shape.type.def.values[0] === type);
}

/**
 * One change to the register, never altered once written. Each option first
 * checks only `type`, so an event is read in full against its own type
 * alone: a plain union would try every type in turn, and a discriminated one
 * would put more code on every page. `registerEventSchemaOf` gives the
 * schema to report an event's problems against.
 */
export const RegisterEventSchema: z.ZodMiniType<RegisterEvent> = z.union(
  EVENT_SCHEMAS.map((schema) => z.pipe(z.looseObject({ type: schema.shape.type }), schema)) as unknown as {
    [K in keyof typeof EVENT_SCHEMAS]: (typeof EVENT_SCHEMAS)[K];
  },
);
export type RegisterEvent =
  | z.infer<typeof ImportedEventSchema>
  | z.infer<typeof ReassessedEventSchema>
  | z.infer<typeof SubmittedEventSchema>
  | z.infer<typeof ReviewStartedEventSchema>
  | z.infer<typeof DecidedEventSchema>
  | z.infer<typeof RetiredEventSchema>
  | z.infer<typeof EditedEventSchema>
  | z.infer<typeof CarriedOverEventSchema>
  | z.infer<typeof KeyTrustedEventSchema>
  | z.infer<typeof KeyDistrustedEventSchema>;
export type RegisterEventType = RegisterEvent['type'];
export type ImportedEvent = z.infer<typeof ImportedEventSchema>;
export type ReassessedEvent = z.infer<typeof ReassessedEventSchema>;
export type DecidedEvent = z.infer<typeof DecidedEventSchema>;
export type EditedEvent = z.infer<typeof EditedEventSchema>;
export type CarriedOverEvent = z.infer<typeof CarriedOverEventSchema>;
export type KeyEvent = Extract<RegisterEvent, { type: 'key-trusted' | 'key-distrusted' }>;
export type EntryEvent = Exclude<RegisterEvent, KeyEvent>;

export function isKeyEvent(event: RegisterEvent): event is KeyEvent {
  return event.type === 'key-trusted' || event.type === 'key-distrusted';
}
