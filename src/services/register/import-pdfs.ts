import { formOfAssessment } from '../../model/assessment.js';
import type { FormDefinition } from '../../model/form-definition.js';
import type { EventAuthor, RegisterEvent, SubmissionMark } from '../../model/register/events.js';
import { assessedFieldsOf } from '../../model/register/events.js';
import { entryForImport, entryFromAssessment, freeEntryId, RegisterRuleError } from '../../model/register/index.js';
import { reassessmentProblem } from '../../model/register/entries.js';
import { newEventId } from '../../model/register/changes.js';
import type { PdfProblem, PdfVerification } from '../../pdf/verify-pdf.js';
import type { RegisterRule } from '../../model/register/rule-error.js';
import {
  submissionEntryId,
  submissionEventId,
  submissionEventTime,
  submissionMark,
  type Submission,
} from '../../model/register/submissions.js';
import { sha256Hex } from './log-records.js';
import type { RegisterEvidence, RegisterStore } from './register-store.js';

// Signed PDFs into the register's log: each file checked in this browser,
// then written as one event (a new entry imported, or the tool's entry
// re-assessed) with the PDF kept as its evidence. One file at a time, each
// written on its own: a refused file writes nothing and never stops the
// others, and a file takes in what the one before it wrote.

/** Why a signed PDF was not imported, as data; the register element puts each in words. */
export type PdfImportRefusal =
  /** The file has no digital signature at all; `problems` is what the verifier found. */
  | { code: 'unsigned'; problems: PdfProblem[] }
  /** The signature does not check out (changed, cut short, re-saved…) or the assessment in it cannot be read. */
  | { code: 'invalid'; problems: PdfProblem[] }
  /** The assessment was made with a form the register was not given. */
  | { code: 'unknown-form'; formId: string; formVersion: string }
  /** A rule of the register refused it: an older or the same copy of an assessment it holds, a tool with no name… */
  | { code: 'register-rule'; rule: RegisterRule; message: string }
  /** The browser could not read or write the register; nothing of this file was written. */
  | { code: 'storage'; message: string }
  /** The code that checks signatures could not be loaded (the page went offline after an update, say). */
  | { code: 'verifier-unavailable'; message: string }
  /** A teacher's submission came with no PDF. */
  | { code: 'no-pdf' };

export type PdfImportRefusalCode = PdfImportRefusal['code'];

/** What became of one PDF. */
export interface PdfImportResult {
  fileName: string;
  /**
   * `created`: a new entry; `updated`: the tool's entry re-assessed, its
   * log kept; `side-by-side`: a new entry kept beside the entry (`rivalOf`)
   * that holds the same assessment and revision signed by another key, for
   * the IT lead to settle; `refused`: nothing written.
   */
  result: 'created' | 'updated' | 'side-by-side' | 'refused';
  /** Why the file was refused. */
  reason?: PdfImportRefusal;
  /** The entry created or updated. */
  entryId?: string;
  /** For `side-by-side`: the entry signed by another key that this one is kept beside. */
  rivalOf?: string;
  /** The tool the assessment is of, once it could be read. */
  tool?: string;
  /** Who the signature names, whenever a signature could be read. */
  signer?: { name: string; role: string; fingerprint: string };
  /**
   * Whether the signer's key is one the register trusts. An entry from an
   * unrecognised key is imported all the same and keeps the key's fingerprint,
   * so that the register can flag it until the key is trusted.
   */
  signerRecognised: boolean;
}

/** An error's message, or the thrown value in words. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface PdfLogImportOptions {
  /** The forms assessments may have been made with. */
  forms: readonly FormDefinition[];
  /** Who is importing: the name they give, and their key's fingerprint where the browser has one. */
  by: EventAuthor;
  /** When; now unless given. */
  now?: Date;
  /** The language the entries take the forms' option labels and conditions in; English unless given. */
  locale?: string;
  /** Checks a file; the verifier in a worker unless given. */
  verify?: (bytes: Uint8Array) => Promise<PdfVerification>;
}

/**
 * Checks each signed PDF and writes its assessment into the register's log.
 * The same assessment at the same revision as an entry signed by another key
 * becomes a new entry beside it (`side-by-side`), never refused: the first
 * may be the forgery. A signer the register does not trust is imported all
 * the same, with `signerRecognised: false`.
 */
export async function importSignedPdfsToLog(
  files: ReadonlyArray<{ name: string; bytes: Uint8Array }>,
  store: RegisterStore,
  options: PdfLogImportOptions,
): Promise<PdfImportResult[]> {
  if (options.by.name.trim() === '') {
    throw new RegisterRuleError('who', 'Every change to the register needs the name of who made it.');
  }
  const verify = await verifierOf(options.verify);
  const results: PdfImportResult[] = [];
  for (const file of files) {
    const verification = await verifyWith(verify, file);
    results.push(
      'result' in verification ? verification : await importOne(file, verification.verification, store, options),
    );
  }
  return results;
}

type Verify = (bytes: Uint8Array) => Promise<PdfVerification>;

/** The verifier given, or the one in a worker; why it could not be loaded otherwise. */
async function verifierOf(given: Verify | undefined): Promise<Verify | { message: string }> {
  if (given) return given;
  try {
    // The signature code (pkijs, asn1js) is loaded only when a PDF is imported, and runs in a worker.
    return (await import('../../pdf/verify-pdf-in-worker.js')).verifyPdfInWorker;
  } catch (error) {
    return { message: messageOf(error) };
  }
}

/** A file checked, or the refusal of a file that could not be checked. */
async function verifyWith(
  verify: Verify | { message: string },
  file: { name: string; bytes: Uint8Array },
): Promise<{ verification: PdfVerification } | PdfImportResult> {
  const unavailable = (message: string): PdfImportResult => ({
    fileName: file.name,
    result: 'refused',
    signerRecognised: false,
    reason: { code: 'verifier-unavailable', message },
  });
  if (typeof verify !== 'function') return unavailable(verify.message);
  try {
    return { verification: await verify(file.bytes) };
  } catch (error) {
    return unavailable(messageOf(error));
  }
}

export interface SubmissionImportOptions {
  /** The forms assessments may have been made with. */
  forms: readonly FormDefinition[];
  /**
   * Writes the event and its PDF: a shared register's `appendOnServer`, for the event is in the
   * name of the teacher who sent it (as the server recorded them), not of the approver whose browser
   * writes it, and other approvers' browsers may write it at the same time.
   */
  append: (events: readonly RegisterEvent[], evidence: readonly RegisterEvidence[]) => Promise<unknown>;
  /** When the register is read; now unless given. */
  now?: Date;
  /** Checks a file; the verifier in a worker unless given. */
  verify?: Verify;
}

/**
 * Checks a teacher's submission (its PDF, `bytes`; undefined when it came with none) exactly as an
 * import checks a file, and writes what an import of it writes, marked with the submission. The
 * event, and the entry of a tool the register does not hold, take their ids from the submission's,
 * and the event its time (see `submissionEventTime`), and it records the fields in the forms'
 * first language: two approvers' browsers that read the same register write the same event.
 */
export async function importSubmission(
  submission: Submission,
  bytes: Uint8Array | undefined,
  store: RegisterStore,
  options: SubmissionImportOptions,
): Promise<PdfImportResult> {
  const file = { name: submission.fileName, bytes: bytes ?? new Uint8Array() };
  if (bytes === undefined) {
    return { fileName: file.name, result: 'refused', signerRecognised: false, reason: { code: 'no-pdf' } };
  }
  const verification = await verifyWith(await verifierOf(options.verify), file);
  if ('result' in verification) return verification;
  const importOptions = { forms: options.forms, by: { name: submission.recordedBy }, now: options.now };
  return importOne(file, verification.verification, store, importOptions, {
    eventId: submissionEventId(submission.id),
    newEntryId: submissionEntryId(submission.id),
    submission: submissionMark(submission),
    append: options.append,
  });
}

/** How an import is written when it is not a person's import of a file in this browser. */
interface Placement {
  eventId: string;
  /** The id of an entry it makes. */
  newEntryId: string;
  submission: SubmissionMark;
  append: SubmissionImportOptions['append'];
}

async function importOne(
  file: { name: string; bytes: Uint8Array },
  verification: PdfVerification,
  store: RegisterStore,
  options: PdfLogImportOptions,
  placement?: Placement,
): Promise<PdfImportResult> {
  const now = options.now ?? new Date();
  const signer = verification.signer && {
    name: verification.signer.name,
    role: verification.signer.role,
    fingerprint: verification.signer.fingerprint,
  };
  let view;
  try {
    view = await store.read(now);
  } catch (error) {
    return {
      fileName: file.name,
      result: 'refused',
      signerRecognised: false,
      reason: { code: 'storage', message: messageOf(error) },
    };
  }
  const known = {
    fileName: file.name,
    ...(signer ? { signer } : {}),
    signerRecognised: signer !== undefined && view.trustedKeys.some((key) => key.fingerprint === signer.fingerprint),
  };
  const refused = (reason: PdfImportRefusal): PdfImportResult => ({ ...known, result: 'refused', reason });
  const { assessment } = verification;
  if (verification.status !== 'valid' || assessment === undefined) {
    return refused({
      code: verification.status === 'unsigned' ? 'unsigned' : 'invalid',
      problems: verification.problems,
    });
  }
  const tool = assessment.tool.name;
  const form = formOfAssessment(assessment, options.forms);
  if (form === undefined) {
    return refused({ code: 'unknown-form', formId: assessment.form.id, formVersion: assessment.form.version });
  }
  const at = placement?.submission.submittedAt ?? now.toISOString();
  let fields;
  try {
    fields = assessedFieldsOf(
      entryFromAssessment(assessment, form, {
        by: options.by.name,
        at,
        ...(signer ? { signerFingerprint: signer.fingerprint, signerName: signer.name } : {}),
        ...(options.locale ? { locale: options.locale } : {}),
      }),
    );
  } catch (error) {
    if (!(error instanceof RegisterRuleError)) throw error;
    return refused({ code: 'register-rule', rule: error.rule, message: error.message });
  }
  const evidence = { name: file.name, sha256: await sha256Hex(file.bytes) };
  const found = entryForImport(view.entries, { ...fields, signerFingerprint: signer?.fingerprint });
  const change = {
    id: placement?.eventId ?? newEventId(),
    at: placement ? submissionEventTime(at, found?.log[0]) : at,
    by: options.by,
    assessment,
    fields,
    evidence,
    ...(signer ? { signer: { name: signer.name, fingerprint: signer.fingerprint } } : {}),
    ...(placement ? { submission: placement.submission } : {}),
  };
  const newEntryId = () => placement?.newEntryId ?? freeEntryId(assessment.id, view.entries);
  let event: RegisterEvent;
  let placed: Pick<PdfImportResult, 'result' | 'entryId' | 'rivalOf'>;
  const held = found?.assessment;
  if (found === undefined) {
    const entryId = newEntryId();
    event = { ...change, type: 'imported', entryId };
    placed = { result: 'created', entryId };
  } else if (
    held !== undefined &&
    held.id === assessment.id &&
    held.revision === assessment.revision &&
    found.signerFingerprint !== signer?.fingerprint
  ) {
    const entryId = newEntryId();
    event = { ...change, type: 'imported', entryId };
    placed = { result: 'side-by-side', entryId, rivalOf: found.id };
  } else {
    const problem = reassessmentProblem(found, { ...fields, assessment });
    if (problem) return refused({ code: 'register-rule', rule: problem.rule, message: problem.message });
    event = { ...change, type: 're-assessed', entryId: found.id, basedOn: found.log[0]?.id };
    placed = { result: 'updated', entryId: found.id };
  }
  try {
    const files = [{ ...evidence, bytes: file.bytes }];
    await (placement ? placement.append([event], files) : store.append([event], files));
  } catch (error) {
    return refused({ code: 'storage', message: messageOf(error) });
  }
  return { ...known, tool, ...placed };
}
