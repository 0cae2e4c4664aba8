import { AssessmentSchema, type Assessment } from '../model/assessment.js';
import { verifyDetached } from '../services/cms.js';
import { concatBytes, fromHex, latin1, objectOffsets, readPdfDate } from './pdf-bytes.js';
import { entry, isName, isReference, readObject, readValue, type PdfReference, type PdfValue } from './pdf-objects.js';
import { signedBytes } from './pdf-signature.js';

/** What is wrong with a PDF, as data; the verify element puts each in words. */
export type PdfProblem =
  /** The file does not start like a PDF. */
  | { code: 'not-a-pdf' }
  /** The file is larger than any signed assessment, so it is not read at all. */
  | { code: 'too-large'; bytes: number; limit: number }
  /** The file ends before its end: cut short in a download or a copy. */
  | { code: 'incomplete-file' }
  /** There is no digital signature in the file. */
  | { code: 'no-signature' }
  /** There is a signature field, but its signature has been removed or emptied. */
  | { code: 'signature-removed' }
  /** The signature's bytes are not a CMS signature. */
  | { code: 'signature-unreadable' }
  /** The signed byte ranges no longer point at the signature: the file was re-saved or rearranged. */
  | { code: 'byte-ranges-wrong' }
  /** Something was added to the file after it was signed (an incremental update). */
  | { code: 'changed-after-signing' }
  /**
   * The file holds `count` signatures where an assessment has one: it was
   * signed, then changed and signed again. `signers` are those that could be
   * read, in the order they were added, the original first.
   */
  | { code: 'signed-again'; count: number; signers: PdfSigner[] }
  /** The signed bytes were changed: the signature does not match them. */
  | { code: 'signature-mismatch' }
  /** The PDF carries no assessment data. */
  | { code: 'no-assessment' }
  /** The attached assessment data cannot be read, or does not fit the schema. */
  | { code: 'assessment-unreadable'; detail: string }
  /** The key that signed is not one of those the caller trusts. */
  | { code: 'signer-not-trusted'; fingerprint: string };

export type PdfProblemCode = PdfProblem['code'];

export interface PdfSigner {
  name: string;
  role: string;
  school: string;
  /** SHA-256 of the signer's certificate, "AB:CD:…". */
  fingerprint: string;
}

export interface PdfVerification {
  /**
   * `valid`: one signature, covering the whole file and unchanged since, and
   * a readable assessment; `unsigned`: no signature at all; `invalid`:
   * anything else, with `problems` saying why.
   */
  status: 'valid' | 'invalid' | 'unsigned';
  /** Who the first (original) signature's certificate names, whenever it could be read. */
  signer?: PdfSigner;
  /** Every signer that could be read, in the order their signatures were added; the first is `signer`. */
  signers: PdfSigner[];
  /** When the first signature was made, as its signed signature dictionary says. */
  signedAt?: Date;
  /** True when the file has one signature and it covers every byte of the file. */
  wholeDocument: boolean;
  /** The attached assessment, only when the file is valid. */
  assessment?: Assessment;
  problems: PdfProblem[];
}

export interface VerifyPdfOptions {
  /** Fingerprints of the keys the school trusts; when given, any other signer makes the PDF invalid. */
  trustedFingerprints?: Iterable<string>;
}

/** The name the assessment's data has inside the PDF. */
export const ASSESSMENT_ATTACHMENT = 'assessment.json';

/** The largest file read: a signed assessment is well under 1 MB, so a larger one is refused unread. */
export const LARGEST_PDF = 50 * 1024 * 1024;

/** How many signatures are checked one by one; a file holding more is not valid all the same. */
const MOST_SIGNATURES_CHECKED = 4;

/** A byte range's four numbers, read from a short stretch of text after the key. */
const BYTE_RANGE = /^\/ByteRange[\0\t\n\f\r ]*\[[\0\t\n\f\r ]*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/;
/** Enough text for any byte range's four numbers. */
const BYTE_RANGE_WINDOW = 256;
/** How far before its byte range a signature dictionary may start. */
const SIGNATURE_DICTIONARY_WINDOW = 4096;

const invalid = (problem: PdfProblem, rest: Partial<PdfVerification> = {}): PdfVerification => ({
  status: 'invalid',
  signers: [],
  wholeDocument: false,
  problems: [problem],
  ...rest,
});

/**
 * Checks a signed assessment PDF: that it holds one signature, that the CMS
 * signature matches the bytes it covers, that those bytes are the whole file
 * (nothing added since), who signed it, and that the attached assessment reads
 * against the schema. Every scan of the file is linear in its size. Never
 * throws for a bad file: it says what is wrong instead.
 */
export async function verifyPdf(bytes: Uint8Array, options: VerifyPdfOptions = {}): Promise<PdfVerification> {
  try {
    return await checkPdf(bytes, options);
  } catch {
    // Anything unforeseen in a hostile or enormous file: not valid, and never a throw.
    return invalid({ code: 'signature-unreadable' });
  }
}

/** `verifyPdf` for a chosen file, refusing one over LARGEST_PDF before reading it. */
export async function verifyPdfFile(file: Blob, options: VerifyPdfOptions = {}): Promise<PdfVerification> {
  if (file.size > LARGEST_PDF) return tooLarge(file.size);
  return verifyPdf(new Uint8Array(await file.arrayBuffer()), options);
}

const tooLarge = (bytes: number) => invalid({ code: 'too-large', bytes, limit: LARGEST_PDF });

async function checkPdf(bytes: Uint8Array, options: VerifyPdfOptions): Promise<PdfVerification> {
  if (bytes.length > LARGEST_PDF) return tooLarge(bytes.length);
  if (latin1(bytes, 0, Math.min(bytes.length, 1024)).indexOf('%PDF-') === -1) return invalid({ code: 'not-a-pdf' });
  const text = latin1(bytes);
  if (!text.slice(-1024).includes('%%EOF')) return invalid({ code: 'incomplete-file' });

  const { count, found } = findByteRanges(text);
  if (count === 0) {
    const hasSignatureField = /\/FT\s*\/Sig\b|\/Type\s*\/Sig\b/.test(text);
    return hasSignatureField
      ? invalid({ code: 'signature-removed' })
      : { status: 'unsigned', signers: [], wholeDocument: false, problems: [{ code: 'no-signature' }] };
  }
  const checks: SignatureCheck[] = [];
  for (const each of found) checks.push(await checkSignature(bytes, text, each));
  const signers = checks.flatMap((check) => (check.signer ? [check.signer] : []));
  const original = checks[0]!;
  const known = {
    signers,
    ...(original.signer ? { signer: original.signer } : {}),
    ...(original.signedAt ? { signedAt: original.signedAt } : {}),
  };
  if (count > 1) {
    // The assessment of such a file is never read: whichever signature is believed, the other is a change.
    const problems: PdfProblem[] = [{ code: 'signed-again', count, signers }];
    for (const { problem } of checks) {
      if (problem && !problems.some((listed) => listed.code === problem.code)) problems.push(problem);
    }
    return { status: 'invalid', wholeDocument: false, ...known, problems };
  }
  if (original.problem)
    return { status: 'invalid', wholeDocument: original.wholeDocument, ...known, problems: [original.problem] };

  const signer = original.signer;
  const trusted = options.trustedFingerprints ? new Set(options.trustedFingerprints) : undefined;
  if (trusted && signer && !trusted.has(signer.fingerprint)) {
    // The file's data is not read at all for a key the caller does not trust.
    return invalid({ code: 'signer-not-trusted', fingerprint: signer.fingerprint }, { ...known, wholeDocument: true });
  }
  const attached = await readAssessment(text, bytes);
  if ('problem' in attached) return invalid(attached.problem, { ...known, wholeDocument: true });
  return { status: 'valid', wholeDocument: true, ...known, assessment: attached.assessment, problems: [] };
}

/** A `/ByteRange` key in the file: where, and its four numbers when they can be read. */
interface FoundByteRange {
  at: number;
  range?: [number, number, number, number];
}

/**
 * Every `/ByteRange` key in the file, by a walk from start to end: how many
 * there are, and the first few read.
 */
function findByteRanges(text: string): { count: number; found: FoundByteRange[] } {
  const found: FoundByteRange[] = [];
  let count = 0;
  for (let at = text.indexOf('/ByteRange'); at !== -1; at = text.indexOf('/ByteRange', at + 1)) {
    // "/ByteRanges" and the like are other names.
    if (/[^\0\t\n\f\r ()<>[\]{}/%]/.test(text.charAt(at + '/ByteRange'.length))) continue;
    count += 1;
    if (found.length === MOST_SIGNATURES_CHECKED) continue;
    const numbers = BYTE_RANGE.exec(text.slice(at, at + BYTE_RANGE_WINDOW));
    const range = numbers?.slice(1, 5).map(Number) as [number, number, number, number] | undefined;
    found.push({ at, ...(range ? { range } : {}) });
  }
  return { count, found };
}

interface SignatureCheck {
  signer?: PdfSigner;
  signedAt?: Date;
  wholeDocument: boolean;
  /** What is wrong with this signature on its own; none when it is valid and covers the whole file. */
  problem?: PdfProblem;
}

/** Checks one signature: its byte range, its CMS signature over the bytes the range covers, and who made it. */
async function checkSignature(bytes: Uint8Array, text: string, { at, range }: FoundByteRange): Promise<SignatureCheck> {
  const wrong: SignatureCheck = { wholeDocument: false, problem: { code: 'byte-ranges-wrong' } };
  if (!range) return wrong;
  const [start, length, secondStart, secondLength] = range;
  const end = secondStart + secondLength;
  // The file ends properly (checked before), so ranges beyond it mean it was rewritten.
  if (end > bytes.length) return wrong;
  // The byte range must leave out exactly the signature's <…>, and the range itself must be signed.
  if (start !== 0 || at >= length || secondStart <= length || !isHexString(text, length, secondStart)) return wrong;
  const signature = derOnly(fromHex(text.slice(length + 1, secondStart - 1).replace(/[^0-9A-Fa-f]/g, '')));
  if (!signature) return { wholeDocument: false, problem: { code: 'signature-removed' } };

  const wholeDocument = end === bytes.length;
  const signedAt = signatureDate(text, at);
  const check = await verifyDetached(signature, signedBytes(bytes, range));
  const signer = check.signer && check.fingerprint ? { ...check.signer, fingerprint: check.fingerprint } : undefined;
  const known = { wholeDocument, ...(signer ? { signer } : {}), ...(signedAt ? { signedAt } : {}) };
  if (!check.valid) {
    const unreadable = check.signer === undefined;
    return { ...known, problem: { code: unreadable ? 'signature-unreadable' : 'signature-mismatch' } };
  }
  return wholeDocument ? known : { ...known, problem: { code: 'changed-after-signing' } };
}

/** Whether `text` from `start` to `end` is one hex string, `<…>`, read in one pass. */
function isHexString(text: string, start: number, end: number): boolean {
  if (text[start] !== '<' || text[end - 1] !== '>') return false;
  for (let at = start + 1; at < end - 1; at += 1) {
    const code = text.charCodeAt(at);
    const hex = (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 0;
    if (!hex && !space) return false;
  }
  return true;
}

/** The DER signature at the start of the zero-padded `/Contents`, or `undefined` when it is empty. */
function derOnly(padded: Uint8Array): Uint8Array | undefined {
  if (padded.length < 2 || padded[0] !== 0x30) return undefined;
  const first = padded[1]!;
  if (first < 0x80) return padded.subarray(0, 2 + first);
  const lengthBytes = first & 0x7f;
  let length = 0;
  for (let index = 0; index < lengthBytes; index += 1) length = length * 256 + (padded[2 + index] ?? 0);
  const total = 2 + lengthBytes + length;
  return total <= padded.length ? padded.subarray(0, total) : undefined;
}

/**
 * The `/M` date of the signature dictionary that holds the byte range at
 * `at`: the dictionary is read from the last `<<` shortly before it.
 */
function signatureDate(text: string, at: number): Date | undefined {
  const windowStart = Math.max(0, at - SIGNATURE_DICTIONARY_WINDOW);
  const opening = text.slice(windowStart, at).lastIndexOf('<<');
  if (opening === -1) return undefined;
  const date = entry(readValue(text, windowStart + opening)?.value, 'M');
  return typeof date === 'object' && date !== null && 'string' in date ? readPdfDate(date.string) : undefined;
}

type AttachedAssessment = { assessment: Assessment } | { problem: PdfProblem };

/** The most the attached data may grow to when inflated: far more than any assessment. */
const LARGEST_ASSESSMENT = 16 * 1024 * 1024;

/**
 * Reads `assessment.json` the way a PDF reader finds it: the trailer's
 * catalog, its embedded files, the file specification, the stream; then
 * through the schema.
 */
async function readAssessment(text: string, bytes: Uint8Array): Promise<AttachedAssessment> {
  const unreadable = (detail: string): AttachedAssessment => ({ problem: { code: 'assessment-unreadable', detail } });
  const offsets = objectOffsets(text);
  if (!offsets) return unreadable('the cross-reference table cannot be read');
  const trailer = readValue(text, text.lastIndexOf('trailer') + 'trailer'.length)?.value;
  const catalog = entry(trailer, 'Root', text, offsets);
  const embedded = entry(entry(catalog, 'Names', text, offsets), 'EmbeddedFiles', text, offsets);
  const named = attachmentIn(entry(embedded, 'Names', text, offsets));
  if (!named) return { problem: { code: 'no-assessment' } };
  const fileSpec = readObject(text, offsets, named.reference)?.value;
  const file = entry(entry(fileSpec, 'EF', text, offsets), 'F');
  if (!isReference(file)) return unreadable('its file specification cannot be read');
  const stream = readObject(text, offsets, file.reference);
  const length = entry(stream?.value, 'Length');
  if (!stream || typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    return unreadable('its length cannot be read');
  }
  const dataStart = /^[\0\t\n\f\r ]*stream\r?\n/.exec(text.slice(stream.end, stream.end + 64));
  if (!dataStart) return unreadable('its data cannot be found');
  const from = stream.end + dataStart[0].length;
  let data: Uint8Array = bytes.slice(from, from + length);
  const filter = entry(stream.value, 'Filter');
  const filters = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
  try {
    if (filters.length > 1 || (filters.length === 1 && !isName(filters[0], 'FlateDecode'))) {
      throw new Error('its data is encoded in a way this page does not read');
    }
    if (filters.length === 1) data = await inflate(data);
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
    const parsed = AssessmentSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return unreadable(`${issue?.path.join('.') || 'the assessment'}: ${issue?.message ?? 'not valid'}`);
    }
    return { assessment: parsed.data };
  } catch (error) {
    return unreadable(error instanceof Error ? error.message : String(error));
  }
}

/** The file specification named `assessment.json` in an embedded files' `/Names` array of name and reference pairs. */
function attachmentIn(names: PdfValue | undefined): PdfReference | undefined {
  if (!Array.isArray(names)) return undefined;
  for (let index = 0; index + 1 < names.length; index += 2) {
    const name = names[index];
    const reference = names[index + 1];
    const isAssessment =
      typeof name === 'object' && name !== null && 'string' in name && name.string === ASSESSMENT_ATTACHMENT;
    if (isAssessment && isReference(reference)) return reference;
  }
  return undefined;
}

/** Inflates the data, refusing to grow past LARGEST_ASSESSMENT (a file made to exhaust memory). */
async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const reader = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.length;
    if (total > LARGEST_ASSESSMENT) {
      await reader.cancel();
      throw new Error('the attached data is far too large for an assessment');
    }
    parts.push(read.value);
  }
  return concatBytes(parts);
}
