import * as z from 'zod/mini';
import { wholeNumber } from './schema-parts.js';
import { AssessmentSchema } from './assessment.js';
import { PersonSchema } from './answers.js';
import { STORED_STATUSES } from './stored-statuses.js';

export { STORED_STATUSES, type StoredStatus } from './stored-statuses.js';

/** What staff see: the stored status, or what the review date makes of a decision. */
export const STATUSES = [...STORED_STATUSES, 'review-due', 'expired'] as const;
export type Status = (typeof STATUSES)[number];

/** A calendar date as `yyyy-mm-dd`. */
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date as yyyy-mm-dd' }));

/** A moment as `toISOString()` writes it. */
const timestamp = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
    error: 'must be a date and time',
  }),
);

/** One change to an entry, never altered once written: who, when, what changed and why. */
export const HistoryEventSchema = z.object({
  at: timestamp,
  /** Who made the change, as they named themselves (e.g. "J. Evans, IT lead"). */
  by: z.string(),
  /** What was done, e.g. "imported", "decided", "retired", "edited". */
  action: z.string().check(z.minLength(1)),
  /** Each field changed, with its value before and after (as text). */
  changes: z.array(z.object({ field: z.string(), from: z.optional(z.string()), to: z.optional(z.string()) })),
  /** Why, in the person's words. */
  reason: z.optional(z.string()),
});
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;

/** A member of staff whose signing key the register trusts. */
export const TrustedKeySchema = z.object({
  name: z.string().check(z.minLength(1)),
  role: z.string(),
  /** SHA-256 of the public key, "AB:CD:…" (see DeviceKey.fingerprint). */
  fingerprint: z.string().check(z.regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, { error: 'must be a SHA-256 fingerprint' })),
  addedAt: timestamp,
});
export type TrustedKey = z.infer<typeof TrustedKeySchema>;

/** The fields that say what a tool is and how it is used: what an assessment, a file or a person's correction may set. */
export const TOOL_FIELDS = [
  'tool',
  'vendor',
  'url',
  'purpose',
  'subjects',
  'yearGroups',
  'minimumAge',
  'dataCollected',
  'dpiaReference',
] as const;

/** One tool in the school's register of approved tools. */
export const RegisterEntrySchema = z.object({
  id: z.string().check(z.minLength(1)),
  tool: z.string().check(z.minLength(1)),
  vendor: z.optional(z.string()),
  url: z.optional(z.string()),
  purpose: z.optional(z.string()),
  subjects: z.array(z.string()),
  yearGroups: z.array(z.string()),
  minimumAge: z.optional(wholeNumber(z.minimum(0))),
  dataCollected: z.optional(z.string()),
  dpiaReference: z.optional(z.string()),
  status: z.enum(STORED_STATUSES),
  /** The outcome the assessment's score gave, and its readiness in whole per cent. */
  outcome: z.optional(z.enum(['approved', 'approved-with-conditions', 'not-approved', 'incomplete'])),
  readiness: z.optional(z.nullable(z.number())),
  conditions: z.array(z.string()),
  /** Who runs the tool's accounts: at least two people for an approved tool. */
  owners: z.array(PersonSchema),
  assessor: z.optional(z.string()),
  approver: z.optional(z.string()),
  decisionDate: z.optional(isoDate),
  reviewDue: z.optional(isoDate),
  /** The fingerprint of the key that signed the imported PDF, and whether the register trusts it. */
  signerFingerprint: z.optional(z.string()),
  /** The name the signing key's certificate gives: self-declared, so trusted only with the key. */
  signerName: z.optional(z.string()),
  /**
   * The id of the entry that holds the same assessment at the same revision,
   * signed by another key: both are kept, side by side, until the IT lead
   * trusts the right key (see disputedAssessments).
   */
  rivalOf: z.optional(z.string()),
  /** The assessment the entry was made from; left out of a published register. */
  assessment: z.optional(AssessmentSchema),
  history: z.array(HistoryEventSchema),
});
export type RegisterEntry = z.infer<typeof RegisterEntrySchema>;

/** The register as one JSON file: every entry with its history, and the trusted keys. */
export const REGISTER_FILE_KIND = 'proforma-register';
export const RegisterFileSchema = z.object({
  kind: z.literal(REGISTER_FILE_KIND),
  version: z.literal(1),
  exportedAt: timestamp,
  /** True when private fields (answers, notes) were left out, for publishing to staff. */
  published: z.optional(z.boolean()),
  entries: z.array(RegisterEntrySchema),
  trustedKeys: z.array(TrustedKeySchema),
});
export type RegisterFile = z.infer<typeof RegisterFileSchema>;
