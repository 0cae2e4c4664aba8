import * as z from 'zod/mini';
import type { Answer, Answers } from './answers.js';
import { AssessmentSchema } from './assessment.js';
import type { FormDefinition } from './form-definition.js';
import { OUTCOMES } from './scoring.js';
import { jsonPath } from './json-path.js';

/** What is kept for each draft: the assessment, plus what a list of drafts shows without the form. */
export const DraftSchema = z.object({
  assessment: AssessmentSchema,
  /** The form's title when the draft was last saved. */
  formTitle: z.optional(z.string()),
  /** The outcome when the draft was last saved. */
  outcome: z.optional(z.enum(OUTCOMES)),
});
export type Draft = z.infer<typeof DraftSchema>;

/**
 * What a list of drafts shows, kept beside each draft so that listing
 * hundreds of drafts reads a few fields each rather than every answer.
 */
export const DraftSummarySchema = z.object({
  id: z.string().check(z.minLength(1)),
  formId: z.string(),
  formVersion: z.string(),
  formTitle: z.optional(z.string()),
  toolName: z.string(),
  updatedAt: z.string(),
  revision: z.number(),
  outcome: z.optional(z.enum(OUTCOMES)),
});
export type DraftSummary = z.infer<typeof DraftSummarySchema>;

export function summarizeDraft(draft: Draft): DraftSummary {
  const { assessment } = draft;
  return {
    id: assessment.id,
    formId: assessment.form.id,
    formVersion: assessment.form.version,
    ...(draft.formTitle === undefined ? {} : { formTitle: draft.formTitle }),
    toolName: assessment.tool.name,
    updatedAt: assessment.updatedAt,
    revision: assessment.revision,
    ...(draft.outcome === undefined ? {} : { outcome: draft.outcome }),
  };
}

/** A stored record that could not be read as a draft; its raw data is kept for download. */
export interface DamagedDraft {
  id: string;
  raw: unknown;
  problem: string;
}

/** Reads a stored record, or says what is wrong with it. */
export function readDraft(raw: unknown): { draft: Draft } | { problem: string } {
  const result = DraftSchema.safeParse(raw);
  if (result.success) return { draft: result.data };
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${jsonPath(first.path)}` : '';
  return { problem: `not a valid draft${where} (${first?.code ?? 'unknown problem'})` };
}

/** Answers held for questions a form no longer asks: kept with the draft, never dropped. */
export function answersNoLongerAsked(form: FormDefinition, answers: Answers): Array<[string, Answer]> {
  const asked = new Set(form.sections.flatMap((section) => section.questions.map((question) => question.id)));
  return Object.entries(answers).filter(([id]) => !asked.has(id));
}

export const BACKUP_KIND = 'proforma-drafts-backup';

/** A file of drafts a teacher downloads to keep or to move to another browser. */
export interface DraftBackup {
  kind: typeof BACKUP_KIND;
  format: 1;
  exportedAt: string;
  drafts: unknown[];
}

export function makeBackup(drafts: ReadonlyArray<Draft | DamagedDraft>, now = new Date()): DraftBackup {
  return {
    kind: BACKUP_KIND,
    format: 1,
    exportedAt: now.toISOString(),
    drafts: drafts.map((draft) => ('raw' in draft ? draft.raw : draft)),
  };
}

/** A record of a backup that was not imported, and why. */
export interface RejectedRecord {
  /** Its place in the backup's list of drafts, from 1. */
  position: number;
  id?: string;
  reason: string;
}

export interface BackupMerge {
  /** Drafts to write: new ones, and newer revisions of ones already here. */
  toWrite: Draft[];
  /** Ids kept as they are because this browser already has the same or a newer revision. */
  keptNewer: string[];
  rejected: RejectedRecord[];
}

export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

/**
 * Works out what importing a backup changes. Pure: it writes nothing. A file
 * that is not a backup at all throws `BackupFileError`; a bad record inside a
 * good file is reported in `rejected` and the rest still merge. A draft here
 * is never replaced by an older or equal revision.
 */
export function mergeBackup(
  existing: ReadonlyArray<Pick<DraftSummary, 'id' | 'revision'>>,
  backup: unknown,
): BackupMerge {
  if (typeof backup !== 'object' || backup === null || (backup as { kind?: unknown }).kind !== BACKUP_KIND) {
    throw new BackupFileError('This file is not a proforma drafts backup.');
  }
  const { format, drafts } = backup as { format?: unknown; drafts?: unknown };
  if (format !== 1)
    throw new BackupFileError(`This backup is in format ${String(format)}, which this version cannot read.`);
  if (!Array.isArray(drafts)) throw new BackupFileError('This backup has no list of drafts.');

  const revisionHere = new Map(existing.map((draft) => [draft.id, draft.revision]));
  const incoming = new Map<string, Draft>();
  const rejected: RejectedRecord[] = [];
  drafts.forEach((raw, index) => {
    const read = readDraft(raw);
    if ('problem' in read) {
      const id = (raw as { assessment?: { id?: unknown } } | null)?.assessment?.id;
      rejected.push({ position: index + 1, ...(typeof id === 'string' ? { id } : {}), reason: read.problem });
      return;
    }
    const { id, revision } = read.draft.assessment;
    const sameId = incoming.get(id);
    if (!sameId || sameId.assessment.revision < revision) incoming.set(id, read.draft);
  });
  const toWrite: Draft[] = [];
  const keptNewer: string[] = [];
  for (const [id, draft] of incoming) {
    const here = revisionHere.get(id);
    if (here !== undefined && here >= draft.assessment.revision) keptNewer.push(id);
    else toWrite.push(draft);
  }
  return { toWrite, keptNewer, rejected };
}
