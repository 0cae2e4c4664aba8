import { formOfAssessment, type Assessment } from '../model/assessment.js';
import type { FormDefinition } from '../model/form-definition.js';
import type { PdfProblem, PdfVerification } from '../pdf/verify-pdf.js';
import { csvToRegister, decodeCsv, registerToCsv } from '../model/register-csv.js';
import { RegisterEntrySchema, type HistoryEvent, type RegisterEntry } from '../model/register-entry.js';
import { jsonToRegister, registerToJson } from '../model/register-json.js';
import {
  changedFields,
  entryForImport,
  entryFromAssessment,
  placeImport,
  RegisterRuleError,
  type ImportPlacement,
  type RegisterRule,
} from '../model/register/index.js';
import { StorageFullError } from './draft-store.js';
import { checkHistoryGrows, RegisterHistoryError, type RegisterStore } from './register-store.js';

// Moving the register in and out of the browser: signed PDFs become entries,
// and the register goes to and comes back from CSV and JSON files. The rules
// are the model's (register.ts, register-csv.ts, register-json.ts); this
// module reads and writes the store, so that a refused file writes nothing.

// ---------------------------------------------------------------------------
// Signed PDFs

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
  | { code: 'verifier-unavailable'; message: string };

export type PdfImportRefusalCode = PdfImportRefusal['code'];

/** What became of one PDF. */
export interface PdfImportResult {
  fileName: string;
  /**
   * `created`: a new entry; `updated`: the tool's entry re-assessed, its
   * history kept; `side-by-side`: a new entry kept beside the entry
   * (`rivalOf`) that holds the same assessment and revision signed by another
   * key, for the IT lead to settle; `refused`: nothing written.
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

export interface PdfImportOptions {
  /** The forms assessments may have been made with; an assessment's form is found by its id. */
  forms: readonly FormDefinition[];
  /** Who is importing, as they name themselves; goes in each entry's history. */
  by: string;
  /** When; now unless given. */
  now?: Date;
  /** The language the entries take the forms' option labels and conditions in; English unless given. */
  locale?: string;
}

/**
 * Checks each signed PDF and puts its assessment in the register: a new
 * entry, or, when the register already has the tool, the entry re-assessed
 * (its history and last decision kept). Files are taken one after another,
 * so that two assessments of one tool in the same batch both land, in order;
 * each is written on its own, so a refused file never stops the others, and
 * a refused file writes nothing. A signer whose key the register does not
 * trust is imported all the same, with `signerRecognised: false`. A file
 * that holds the same assessment and revision as an entry signed by another
 * key is kept beside it (`side-by-side`), never refused: the first may be
 * the forgery.
 */
export async function importSignedPdfs(
  files: ReadonlyArray<{ name: string; bytes: Uint8Array }>,
  store: RegisterStore,
  options: PdfImportOptions,
): Promise<PdfImportResult[]> {
  assertSomeoneNamed(options.by);
  const refused = (file: { name: string }) => ({
    fileName: file.name,
    result: 'refused' as const,
    signerRecognised: false,
  });
  const refuseAll = (reason: PdfImportRefusal) => files.map((file): PdfImportResult => ({ ...refused(file), reason }));

  let verifier: typeof import('../pdf/verify-pdf-in-worker.js');
  try {
    // The signature code (pkijs, asn1js) is loaded only when a PDF is imported, and runs in a worker.
    verifier = await import('../pdf/verify-pdf-in-worker.js');
  } catch (error) {
    return refuseAll({ code: 'verifier-unavailable', message: messageOf(error) });
  }
  let trusted: ReadonlySet<string>;
  try {
    trusted = new Set((await store.trustedKeys()).map((key) => key.fingerprint));
  } catch (error) {
    return refuseAll({ code: 'storage', message: messageOf(error) });
  }

  const results: PdfImportResult[] = [];
  for (const file of files) {
    let verification: PdfVerification;
    try {
      verification = await verifier.verifyPdfInWorker(file.bytes);
    } catch (error) {
      results.push({ ...refused(file), reason: { code: 'verifier-unavailable', message: messageOf(error) } });
      continue;
    }
    const signer = verification.signer && {
      name: verification.signer.name,
      role: verification.signer.role,
      fingerprint: verification.signer.fingerprint,
    };
    const known = {
      fileName: file.name,
      ...(signer ? { signer } : {}),
      signerRecognised: signer !== undefined && trusted.has(signer.fingerprint),
    };
    const { assessment } = verification;
    if (verification.status !== 'valid' || assessment === undefined) {
      const code = verification.status === 'unsigned' ? 'unsigned' : 'invalid';
      results.push({ ...known, result: 'refused', reason: { code, problems: verification.problems } });
      continue;
    }
    const stored = await storeAssessment(assessment, store, { ...options, signer });
    results.push({ ...known, tool: assessment.tool.name, ...stored });
  }
  return results;
}

type StoredAssessment =
  | { result: 'created' | 'updated'; entryId: string; tool: string }
  | { result: 'side-by-side'; entryId: string; tool: string; rivalOf: string }
  | { result: 'refused'; reason: PdfImportRefusal };

async function storeAssessment(
  assessment: Assessment,
  store: RegisterStore,
  options: PdfImportOptions & { signer: { name: string; fingerprint: string } | undefined },
): Promise<StoredAssessment> {
  const form = formOfAssessment(assessment, options.forms);
  if (form === undefined) {
    return {
      result: 'refused',
      reason: { code: 'unknown-form', formId: assessment.form.id, formVersion: assessment.form.version },
    };
  }
  const change = { by: options.by, at: (options.now ?? new Date()).toISOString() };
  const refusedByRule = (error: unknown): StoredAssessment => {
    if (!(error instanceof RegisterRuleError)) throw error;
    return { result: 'refused', reason: { code: 'register-rule', rule: error.rule, message: error.message } };
  };
  const refusedByStorage = (error: unknown): StoredAssessment => ({
    result: 'refused',
    reason: { code: 'storage', message: messageOf(error) },
  });

  let entries: RegisterEntry[];
  try {
    // Read again for every file, so that a file takes in what the one before it wrote.
    entries = (await store.list()).entries;
  } catch (error) {
    return refusedByStorage(error);
  }
  let fresh: RegisterEntry;
  try {
    fresh = entryFromAssessment(assessment, form, {
      ...change,
      id: freeId(assessment.id, entries),
      ...(options.signer ? { signerFingerprint: options.signer.fingerprint, signerName: options.signer.name } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    });
  } catch (error) {
    return refusedByRule(error);
  }
  // The listing leaves assessments out; the one held decides whether this copy is newer.
  const found = entryForImport(entries, fresh);
  let existing: RegisterEntry | undefined;
  try {
    existing = found && ((await store.get(found.id)) ?? found);
  } catch (error) {
    return refusedByStorage(error);
  }
  let placement: ImportPlacement;
  try {
    placement = placeImport(existing, fresh, change);
  } catch (error) {
    return refusedByRule(error);
  }
  const { entry } = placement;

  try {
    await store.save(entry);
  } catch (error) {
    return refusedByStorage(error);
  }
  return placement.result === 'side-by-side'
    ? { result: 'side-by-side', entryId: entry.id, tool: entry.tool, rivalOf: placement.rivalOf }
    : { result: placement.result, entryId: entry.id, tool: entry.tool };
}

/**
 * The assessment's id as the entry's id, unless another entry has it (the
 * tool renamed and moved to another address since it was last imported, so
 * that it reads as another tool): then the id with the first free number.
 */
function freeId(assessmentId: string, entries: readonly RegisterEntry[]): string {
  const taken = new Set(entries.map((entry) => entry.id));
  let id = assessmentId;
  for (let number = 2; taken.has(id); number += 1) id = `${assessmentId}-${number}`;
  return id;
}

// ---------------------------------------------------------------------------
// CSV and JSON files

/** One thing wrong with an imported file: a CSV row and column, or a JSON path; none for the file as a whole. */
export interface RegisterImportProblem {
  /** The CSV row as a spreadsheet numbers it (the header is row 1). */
  row?: number;
  /** Where in a JSON file, such as `entries[2].status`. */
  path?: string;
  /** The CSV column's name in the header, or its letter. */
  column?: string;
  message: string;
}

/** Every entry of the file imported, or nothing written and every problem found. */
export type RegisterImportResult = { imported: number } | { errors: RegisterImportProblem[] };

export interface RegisterFileImportOptions {
  /** Who is importing, as they name themselves; goes in each entry's history. */
  by: string;
  /** When; now unless given. */
  now?: Date;
}

/**
 * Imports a register CSV (as Excel saves it), all or nothing: every row is
 * read first and any bad row stops the import with every problem listed;
 * otherwise every row is saved in one transaction. A row with the id of an
 * entry in the register updates it and keeps its history and assessment; a
 * row without an id is a new tool. Each entry gets an "imported from CSV"
 * event listing the fields that changed. Entries the file does not name are
 * left as they are. Given the file's bytes, bytes that are not UTF-8 are
 * refused with the rows that hold them (see `decodeCsv`).
 */
export async function importRegisterCsv(
  file: string | Uint8Array,
  store: RegisterStore,
  options: RegisterFileImportOptions,
): Promise<RegisterImportResult> {
  assertSomeoneNamed(options.by);
  const decoded = typeof file === 'string' ? { text: file } : decodeCsv(file);
  if ('errors' in decoded)
    return { errors: decoded.errors.map(({ row, column, message }) => ({ row, column, message })) };
  const { text } = decoded;
  try {
    const { entries: existing } = await store.list();
    const read = csvToRegister(text, existing);
    if ('errors' in read) return { errors: read.errors.map(({ row, column, message }) => ({ row, column, message })) };

    const storedById = new Map(existing.map((entry) => [entry.id, entry]));
    const event = importEvent('imported from CSV', options);
    // csvToRegister has already carried over the history of each entry the register holds.
    const entries = read.entries.map((entry) => {
      const stored = storedById.get(entry.id);
      return { ...entry, history: [...entry.history, event(stored, entry)] };
    });
    if (entries.length > 0) await store.save(...entries);
    return { imported: entries.length };
  } catch (error) {
    return { errors: [storageProblem(error)] };
  }
}

/**
 * Imports a register JSON file, all or nothing: the whole file is checked
 * first and any problem stops the import; otherwise every entry is saved in
 * one transaction, and then the file's trusted keys are trusted. An entry
 * the register does not have comes in with its history; one it has keeps the
 * file's history when that begins with the stored one (a file exported from
 * this register), and the stored history otherwise. Either way one
 * "imported from JSON" event is added, listing the fields that changed.
 *
 * A published register (made for staff, without the assessments or who made
 * each change) is refused over a register that holds any of its entries
 * with a history the file would rewrite.
 */
export async function importRegisterJson(
  text: string,
  store: RegisterStore,
  options: RegisterFileImportOptions,
): Promise<RegisterImportResult> {
  assertSomeoneNamed(options.by);
  const read = jsonToRegister(text);
  if ('errors' in read) return { errors: read.errors.map(({ path, message }) => ({ path, message })) };
  const { file } = read;

  let entries: RegisterEntry[];
  try {
    const { entries: existing } = await store.list();
    const storedById = new Map(existing.map((entry) => [entry.id, entry]));
    const rewritten = file.entries.filter((entry) => {
      const stored = storedById.get(entry.id);
      return stored !== undefined && !historyGrows(stored, entry);
    });
    if (file.published && rewritten.length > 0) return { errors: [publishedOverRegister(rewritten)] };

    const event = importEvent('imported from JSON', options);
    entries = file.entries.map((entry) => {
      const stored = storedById.get(entry.id);
      const kept = stored === undefined || historyGrows(stored, entry) ? entry.history : stored.history;
      return { ...entry, history: [...kept, event(stored, entry)] };
    });
    if (entries.length > 0) await store.save(...entries);
  } catch (error) {
    return { errors: [storageProblem(error)] };
  }

  try {
    // RegisterStore trusts one key per transaction, so the keys come after the entries, and only new ones.
    const trusted = new Set((await store.trustedKeys()).map((key) => key.fingerprint));
    for (const key of file.trustedKeys) {
      if (!trusted.has(key.fingerprint)) await store.trust(key);
    }
  } catch (error) {
    return {
      errors: [
        {
          path: 'trustedKeys',
          message: `the ${entries.length} entries were imported, but the trusted keys could not all be saved: ${messageOf(error)}`,
        },
      ],
    };
  }
  return { imported: entries.length };
}

/** The register as CSV for Excel; records that cannot be read are left out. */
export async function exportRegisterCsv(store: RegisterStore): Promise<string> {
  return registerToCsv((await store.list()).entries);
}

export interface RegisterJsonExportOptions {
  /** The version for staff: no assessments, no names in the history, no trusted keys. */
  published?: boolean;
  /** When the file is written; now unless given. */
  now?: Date;
}

/** The register as one JSON file, with its trusted keys; records that cannot be read are left out. */
export async function exportRegisterJson(
  store: RegisterStore,
  { published = false, now = new Date() }: RegisterJsonExportOptions = {},
): Promise<string> {
  const [{ entries }, trustedKeys] = await Promise.all([
    // The published file leaves the assessments out; the whole register keeps them.
    published ? store.list() : store.listWithAssessments(),
    store.trustedKeys(),
  ]);
  return registerToJson(entries, trustedKeys, { published, now });
}

// ---------------------------------------------------------------------------
// Internals

function assertSomeoneNamed(by: string): void {
  if (by.trim() === '') {
    throw new RegisterRuleError('who', 'Every change to the register needs the name of who made it.');
  }
}

/** Whether `next`'s history begins with all of `stored`'s, as the store checks it. */
function historyGrows(stored: RegisterEntry, next: RegisterEntry): boolean {
  try {
    checkHistoryGrows(stored, next);
    return true;
  } catch (error) {
    if (error instanceof RegisterHistoryError) return false;
    throw error;
  }
}

function publishedOverRegister(rewritten: readonly RegisterEntry[]): RegisterImportProblem {
  const tools = rewritten.map((entry) => `"${entry.tool}"`);
  const named = tools.length > 3 ? `${tools.slice(0, 3).join(', ')} and ${tools.length - 3} more` : tools.join(', ');
  return {
    path: 'published',
    message:
      'this is the published copy of a register, made for staff: it leaves out the assessments and who made each ' +
      `change, so importing it would rewrite the history of ${named}, which this register already holds. ` +
      'Nothing was imported: import a full export of the register (not the published one) instead.',
  };
}

/** A problem of the store as the import's answer: nothing was written. */
function storageProblem(error: unknown): RegisterImportProblem {
  if (error instanceof RegisterHistoryError) return { message: `nothing was imported: ${error.message}` };
  if (error instanceof StorageFullError) {
    return { message: 'nothing was imported: the browser’s storage for this page is full' };
  }
  return { message: `nothing was imported: the register could not be saved (${messageOf(error)})` };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The fields an import may change, in the schema's order: all but the id and the history. */
const IMPORTED_FIELDS = Object.keys(RegisterEntrySchema.shape).filter(
  (field) => field !== 'id' && field !== 'history',
) as Array<keyof RegisterEntry>;

/**
 * The event an import adds to an entry: for a new entry, the status it came in
 * with (as an import from a PDF records it); for one the register held, each
 * field whose value changed.
 */
function importEvent(action: string, { by, now }: RegisterFileImportOptions) {
  const at = (now ?? new Date()).toISOString();
  return (stored: RegisterEntry | undefined, next: RegisterEntry): HistoryEvent => ({
    at,
    by: by.trim(),
    action,
    changes:
      stored === undefined ? [{ field: 'status', to: next.status }] : changedFields(stored, next, IMPORTED_FIELDS),
  });
}
