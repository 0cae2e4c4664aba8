import canonicalize from 'canonicalize';
import type { Assessment } from '../../model/assessment.js';
import { RegisterEventSchema, type RegisterEvent } from '../../model/register/events.js';
import { RegisterStoreError, type RegisterEvidence } from './register-store.js';

// What every register store checks of a batch before writing any of it, and
// how an event's assessment answers are kept apart from the event, so that
// reading the whole log for the list does not read every answer.

type Answers = Assessment['answers'];

/** The assessment an event carries, if any: an import's or re-assessment's, or the entry a carried-over event holds. */
function assessmentOf(event: RegisterEvent): Assessment | undefined {
  if (event.type === 'imported' || event.type === 're-assessed') return event.assessment;
  if (event.type === 'carried-over') return event.entry?.assessment;
  return undefined;
}

function withAssessment(event: RegisterEvent, assessment: Assessment): RegisterEvent {
  if (event.type === 'imported' || event.type === 're-assessed') return { ...event, assessment };
  if (event.type === 'carried-over' && event.entry) return { ...event, entry: { ...event.entry, assessment } };
  return event;
}

/** The event with its assessment's answers left out, and those answers (undefined when it carries none). */
export function withoutAnswers(event: RegisterEvent): { event: RegisterEvent; answers: Answers | undefined } {
  const assessment = assessmentOf(event);
  if (assessment === undefined) return { event, answers: undefined };
  return { event: withAssessment(event, { ...assessment, answers: {} }), answers: assessment.answers };
}

/** The event with its assessment's answers put back. */
export function withAnswers(event: RegisterEvent, answers: Answers | undefined): RegisterEvent {
  const assessment = assessmentOf(event);
  return assessment === undefined || answers === undefined ? event : withAssessment(event, { ...assessment, answers });
}

/** The same event in any key order compares equal. */
export const sameEvent = (a: RegisterEvent, b: RegisterEvent) => canonicalize(a) === canonicalize(b);

/**
 * The events of a batch to write: each checked against the schema, and
 * against what the log holds under its id (`stored`); an event the log
 * already holds unchanged, or that comes twice in the batch, is written once.
 * Throws `RegisterStoreError` for the first one that cannot be written, so
 * that nothing of the batch is.
 */
export function eventsToWrite(
  batch: readonly unknown[],
  stored: ReadonlyMap<string, RegisterEvent | 'unreadable'>,
  /** Whether the batch was made from records the schema had checked (a register carried over): not checked again. */
  checked = false,
): RegisterEvent[] {
  const writing = new Map<string, RegisterEvent>();
  batch.forEach((candidate, index) => {
    const parsed = checked
      ? ({ success: true, data: candidate as RegisterEvent } as const)
      : RegisterEventSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
      throw new RegisterStoreError(
        'not-an-event',
        `Change ${index + 1} of ${batch.length} is not a change the register can keep: ${issue?.message ?? 'unknown'}${where}. Nothing was saved.`,
      );
    }
    const event = parsed.data;
    const kept = writing.get(event.id) ?? stored.get(event.id);
    if (kept === undefined) writing.set(event.id, event);
    else if (kept === 'unreadable' || !sameEvent(kept, event)) {
      throw new RegisterStoreError(
        'duplicate-id',
        `The register already holds a different change with the id "${event.id}"; a change is never rewritten. Nothing was saved.`,
      );
    }
  });
  return [...writing.values()];
}

/** SHA-256 of bytes, lower-case hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Throws unless each piece of evidence is the file its SHA-256 names. */
export async function checkEvidence(evidence: readonly RegisterEvidence[]): Promise<void> {
  for (const file of evidence) {
    if ((await sha256Hex(file.bytes)) !== file.sha256) {
      throw new RegisterStoreError(
        'evidence-mismatch',
        `The signed PDF "${file.name}" is not the file its changes name: it may have been damaged. Nothing was saved.`,
      );
    }
  }
}
