import { AssessmentSchema, type Assessment } from '../model/assessment.js';
import { verifyDetached } from '../services/cms.js';
import { concatBytes, fromHex, latin1, objectDictionary, objectOffsets, readPdfDate } from './pdf-bytes.js';
import { signedBytes } from './pdf-signature.js';

/** What is wrong with a PDF, as data; the verify element puts each in words. */
export type PdfProblem =
  /** The file does not start like a PDF. */
  | { code: 'not-a-pdf' }
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
   * `valid`: signed, unchanged since, and carrying a readable assessment;
   * `unsigned`: no signature at all; `invalid`: anything else, with `problems` saying why.
   */
  status: 'valid' | 'invalid' | 'unsigned';
  /** Who the signature's certificate names, whenever a signature could be read. */
  signer?: PdfSigner;
  /** When it was signed, as the signed signature dictionary says. */
  signedAt?: Date;
  /** True when the signature covers every byte of the file. */
  wholeDocument: boolean;
  /** The attached assessment, once the signature has been found valid. */
  assessment?: Assessment;
  problems: PdfProblem[];
}

export interface VerifyPdfOptions {
  /** Fingerprints of the keys the school trusts; when given, any other signer makes the PDF invalid. */
  trustedFingerprints?: Iterable<string>;
}

/** The name the assessment's data has inside the PDF. */
export const ASSESSMENT_ATTACHMENT = 'assessment.json';

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

const invalid = (problem: PdfProblem, rest: Partial<PdfVerification> = {}): PdfVerification => ({
  status: 'invalid',
  wholeDocument: false,
  problems: [problem],
  ...rest,
});

/**
 * Checks a signed assessment PDF: that its CMS signature matches the bytes
 * it covers, that those bytes are the whole file (nothing added since), who
 * signed it, and that the attached assessment reads against the schema.
 * Never throws for a bad file: it says what is wrong instead.
 */
export async function verifyPdf(bytes: Uint8Array, options: VerifyPdfOptions = {}): Promise<PdfVerification> {
  try {
    return await checkPdf(bytes, options);
  } catch {
    // Anything unforeseen in a hostile or enormous file: not valid, and never a throw.
    return invalid({ code: 'signature-unreadable' });
  }
}

async function checkPdf(bytes: Uint8Array, options: VerifyPdfOptions): Promise<PdfVerification> {
  if (latin1(bytes, 0, Math.min(bytes.length, 1024)).indexOf('%PDF-') === -1) return invalid({ code: 'not-a-pdf' });
  const text = latin1(bytes);
  if (!text.slice(-1024).includes('%%EOF')) return invalid({ code: 'incomplete-file' });

  const ranges = [...text.matchAll(BYTE_RANGE)];
  const found = ranges.at(-1);
  if (!found) {
    const hasSignatureField = /\/FT\s*\/Sig\b|\/Type\s*\/Sig\b/.test(text);
    return hasSignatureField
      ? invalid({ code: 'signature-removed' })
      : { status: 'unsigned', wholeDocument: false, problems: [{ code: 'no-signature' }] };
  }
  const range = found.slice(1, 5).map(Number) as [number, number, number, number];
  const [start, length, secondStart, secondLength] = range;
  const end = secondStart + secondLength;
  // The file ends properly (checked above), so ranges beyond it mean it was rewritten.
  if (end > bytes.length) return invalid({ code: 'byte-ranges-wrong' });
  const contents = text.slice(length, secondStart);
  // The byte range must leave out exactly the signature's <…>, and the range itself must be signed.
  if (start !== 0 || found.index >= length || !/^<[0-9A-Fa-f\s]*>$/.test(contents)) {
    return invalid({ code: 'byte-ranges-wrong' });
  }
  const signature = derOnly(fromHex(contents.slice(1, -1).replace(/\s/g, '')));
  if (!signature) return invalid({ code: 'signature-removed' });

  const wholeDocument = end === bytes.length;
  const signedAt = signatureDate(text, found.index);
  const check = await verifyDetached(signature, signedBytes(bytes, range));
  const signer = check.signer && check.fingerprint ? { ...check.signer, fingerprint: check.fingerprint } : undefined;
  const known = { wholeDocument, ...(signer ? { signer } : {}), ...(signedAt ? { signedAt } : {}) };
  if (!check.valid) {
    const unreadable = check.signer === undefined;
    return invalid({ code: unreadable ? 'signature-unreadable' : 'signature-mismatch' }, known);
  }
  if (!wholeDocument) return invalid({ code: 'changed-after-signing' }, known);

  const problems: PdfProblem[] = [];
  const trusted = options.trustedFingerprints ? new Set(options.trustedFingerprints) : undefined;
  if (trusted && signer && !trusted.has(signer.fingerprint)) {
    // The file's data is not read at all for a key the caller does not trust.
    return invalid({ code: 'signer-not-trusted', fingerprint: signer.fingerprint }, known);
  }
  const attached = await readAssessment(text, bytes);
  if ('problem' in attached) problems.push(attached.problem);
  return {
    status: problems.length === 0 ? 'valid' : 'invalid',
    ...known,
    ...('assessment' in attached ? { assessment: attached.assessment } : {}),
    problems,
  };
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

/** The `/M` date of the signature dictionary that holds the byte range at `at`. */
function signatureDate(text: string, at: number): Date | undefined {
  const dictionaryStart = text.lastIndexOf('<<', at);
  const date = /\/M\s*\((D:[^)]*)\)/.exec(text.slice(dictionaryStart, at + 200));
  return date ? readPdfDate(date[1]!) : undefined;
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
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(trailer);
  const catalog = root && objectDictionary(text, offsets, Number(root[1]));
  const names = catalog && /\/EmbeddedFiles\s*<<\s*\/Names\s*\[([^\]]*)\]/.exec(catalog.body);
  const named =
    names && new RegExp(`\\(${ASSESSMENT_ATTACHMENT.replace('.', '\\.')}\\)\\s*(\\d+)\\s+0\\s+R`).exec(names[1]!);
  if (!named) return { problem: { code: 'no-assessment' } };
  const fileSpec = objectDictionary(text, offsets, Number(named[1]));
  const file = fileSpec && /\/EF\s*<<[^>]*\/F\s+(\d+)\s+0\s+R/.exec(fileSpec.body);
  if (!file) return unreadable('its file specification cannot be read');
  const dictionary = objectDictionary(text, offsets, Number(file[1]));
  const length = dictionary && /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary.body);
  if (!dictionary || !length) return unreadable('its length cannot be read');
  const dataStart = /^\s*>>\s*stream\r?\n/.exec(
    text.slice(dictionary.start + dictionary.body.length, dictionary.start + dictionary.body.length + 64),
  );
  if (!dataStart) return unreadable('its data cannot be found');
  const from = dictionary.start + dictionary.body.length + dataStart[0].length;
  let data: Uint8Array = bytes.slice(from, from + Number(length[1]));
  try {
    if (/\/Filter\s*\/FlateDecode/.test(dictionary.body)) data = await inflate(data);
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
