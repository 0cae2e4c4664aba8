import type { DeviceKey } from '../services/device-key.js';
import { signDetached } from '../services/cms.js';
import {
  ascii,
  concatBytes,
  latin1,
  objectDictionary,
  objectOffsets,
  pdfDate,
  pdfTextString,
  toHex,
} from './pdf-bytes.js';

/** A file carried inside the PDF, e.g. the assessment's data. */
export interface PdfAttachment {
  name: string;
  bytes: Uint8Array;
  mimeType: string;
  description: string;
}

export interface PdfSignatureDetails {
  /** The signer's name, as the signature panel of a PDF reader shows it. */
  name: string;
  /** Why it was signed, in the reader's words; e.g. "Risk assessment completed". */
  reason: string;
  signedAt: Date;
}

/** Room kept for the CMS signature: an ECDSA signature with its certificate needs under 2 KB. */
export const SIGNATURE_ROOM = 8192;

const BYTE_RANGE_PLACEHOLDER = `[0 ${'0'.repeat(10)} ${'0'.repeat(10)} ${'0'.repeat(10)}]`;

/** A PDF with an empty signature ready to be filled in, and where its pieces are. */
export interface PreparedPdf {
  bytes: Uint8Array;
  /** Offset of the `/ByteRange` array still to be filled in. */
  byteRangeAt: number;
  /** Offsets of the signature's `<…>` hex string, brackets included. */
  contentsStart: number;
  contentsEnd: number;
}

/** Thrown when a PDF is not one this code can add a signature to. */
export class PdfStructureError extends Error {
  override name = 'PdfStructureError';
}

interface Trailer {
  size: number;
  root: number;
  info: string;
  id: string;
  startXref: number;
}

function readTrailer(text: string): Trailer {
  const at = text.lastIndexOf('trailer');
  const startXref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (at === -1 || !startXref) throw new PdfStructureError('The PDF has no trailer to add a signature after.');
  const trailer = text.slice(at, startXref.index);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(trailer);
  if (!size || !root) throw new PdfStructureError('The PDF trailer names no catalog.');
  return {
    size: Number(size[1]),
    root: Number(root[1]),
    info: /\/Info\s+\d+\s+0\s+R/.exec(trailer)?.[0] ?? '',
    id: /\/ID\s*\[[^\]]*\]/.exec(trailer)?.[0] ?? '',
    startXref: Number(startXref[1]),
  };
}

function requireDictionary(text: string, offsets: Map<number, number>, number: number, what: string): string {
  const found = objectDictionary(text, offsets, number);
  if (!found) throw new PdfStructureError(`The PDF's ${what} (object ${number}) cannot be read.`);
  return found.body;
}

function lastPage(text: string, offsets: Map<number, number>, catalog: string): number {
  const pagesRef = /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog);
  if (!pagesRef) throw new PdfStructureError('The PDF catalog names no pages.');
  const pages = requireDictionary(text, offsets, Number(pagesRef[1]), 'page tree');
  const kids = [...(/\/Kids\s*\[([^\]]*)\]/.exec(pages)?.[1]?.matchAll(/(\d+)\s+0\s+R/g) ?? [])];
  const last = kids.at(-1);
  if (!last) throw new PdfStructureError('The PDF has no pages.');
  return Number(last[1]);
}

/** Adds `reference` to a page dictionary's annotations. */
function withAnnotation(page: string, reference: string): string {
  if (/\/Annots\s*\[/.test(page)) return page.replace(/\/Annots\s*\[/, `/Annots [${reference} `);
  if (/\/Annots/.test(page)) throw new PdfStructureError('The last page keeps its annotations elsewhere.');
  return `${page}\n/Annots [${reference}]`;
}

/**
 * Appends to `pdf` (as an incremental update, leaving its bytes as they are)
 * the attachment, listed as an embedded file and as the document's
 * associated file, and an invisible signature field whose value has a
 * `/ByteRange` and `/Contents` still to be filled in by `fillSignature`.
 */
export function prepareForSignature(
  pdf: Uint8Array,
  attachment: PdfAttachment,
  details: PdfSignatureDetails,
): PreparedPdf {
  const text = latin1(pdf);
  const trailer = readTrailer(text);
  // Objects are found by the cross-reference table, never by searching the text, where a tool's
  // name or a signer's could look like the start of an object.
  const existing = objectOffsets(text);
  if (!existing) throw new PdfStructureError('The PDF has no cross-reference table to add a signature after.');
  const catalog = requireDictionary(text, existing, trailer.root, 'catalog');
  if (/\/(AcroForm|Names|AF)\b/.test(catalog)) {
    throw new PdfStructureError('The PDF already has forms or attachments; it cannot be signed here.');
  }
  const pageNumber = lastPage(text, existing, catalog);
  const page = requireDictionary(text, existing, pageNumber, 'last page');

  const file = trailer.size;
  const fileSpec = file + 1;
  const field = file + 2;
  const signature = file + 3;
  const form = file + 4;
  const date = pdfDate(details.signedAt);
  const name = pdfTextString(attachment.name);
  const mimeType = attachment.mimeType.replace('/', '#2F');

  const pieces: Array<string | Uint8Array> = [];
  const written = new Map<number, number>();
  let length = pdf.length;
  const write = (part: string | Uint8Array) => {
    pieces.push(part);
    length += typeof part === 'string' ? part.length : part.length;
  };
  const object = (number: number, body: string) => {
    written.set(number, length);
    write(`${number} 0 obj\n${body}\nendobj\n`);
  };

  write('\n');
  written.set(file, length);
  write(
    `${file} 0 obj\n<< /Type /EmbeddedFile /Subtype /${mimeType} /Length ${attachment.bytes.length}` +
      ` /Params << /Size ${attachment.bytes.length} /ModDate (${date}) >> >>\nstream\n`,
  );
  write(attachment.bytes);
  write('\nendstream\nendobj\n');
  object(
    fileSpec,
    `<< /Type /Filespec /F ${name} /UF ${name} /Desc ${pdfTextString(attachment.description)}` +
      ` /AFRelationship /Data /EF << /F ${file} 0 R /UF ${file} 0 R >> >>`,
  );
  object(
    field,
    `<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /F 132 /Rect [0 0 0 0]` +
      ` /P ${pageNumber} 0 R /V ${signature} 0 R >>`,
  );
  object(form, `<< /Fields [${field} 0 R] /SigFlags 3 >>`);
  object(
    trailer.root,
    `<<${catalog}\n/AcroForm ${form} 0 R\n/Names << /EmbeddedFiles << /Names [${name} ${fileSpec} 0 R] >> >>` +
      `\n/AF [${fileSpec} 0 R]\n>>`,
  );
  object(pageNumber, `<<${withAnnotation(page, `${field} 0 R`)}\n>>`);
  // The signature's value comes last, so that everything above is inside the signed bytes' first range.
  written.set(signature, length);
  const beforeContents =
    `${signature} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached` +
    ` /M (${date}) /Name ${pdfTextString(details.name)} /Reason ${pdfTextString(details.reason)}` +
    ` /ByteRange ${BYTE_RANGE_PLACEHOLDER} /Contents `;
  const byteRangeAt = length + beforeContents.indexOf(BYTE_RANGE_PLACEHOLDER);
  write(beforeContents);
  const contentsStart = length;
  write(`<${'0'.repeat(SIGNATURE_ROOM * 2)}>`);
  const contentsEnd = length;
  write(' >>\nendobj\n');

  const xrefAt = length;
  const numbers = [...written.keys()].sort((a, b) => a - b);
  let xref = 'xref\n0 1\n0000000000 65535 f \n';
  for (const number of numbers) xref += `${number} 1\n${String(written.get(number)).padStart(10, '0')} 00000 n \n`;
  write(xref);
  write(
    `trailer\n<< /Size ${form + 1} /Root ${trailer.root} 0 R ${trailer.info} ${trailer.id} /Prev ${trailer.startXref} >>\n` +
      `startxref\n${xrefAt}\n%%EOF\n`,
  );

  const bytes = concatBytes([pdf, ...pieces.map((part) => (typeof part === 'string' ? ascii(part) : part))]);
  return { bytes, byteRangeAt, contentsStart, contentsEnd };
}

/** The two stretches of the file a signature covers: everything but its own `<…>`. */
export function byteRangeOf(prepared: PreparedPdf): [number, number, number, number] {
  const { bytes, contentsStart, contentsEnd } = prepared;
  return [0, contentsStart, contentsEnd, bytes.length - contentsEnd];
}

/** The bytes a signature covers, read from the file by its byte range. */
export function signedBytes(bytes: Uint8Array, [start, length, secondStart, secondLength]: number[]): Uint8Array {
  return concatBytes([
    bytes.subarray(start!, start! + length!),
    bytes.subarray(secondStart!, secondStart! + secondLength!),
  ]);
}

/**
 * Writes the byte range into a prepared PDF, signs the bytes it covers with
 * `sign`, and writes the signature into `/Contents`. Changes `prepared.bytes`
 * in place, without moving anything, and returns them.
 */
export async function fillSignature(
  prepared: PreparedPdf,
  sign: (signed: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const { bytes, byteRangeAt, contentsStart, contentsEnd } = prepared;
  const range = byteRangeOf(prepared);
  if (latin1(bytes, byteRangeAt, byteRangeAt + BYTE_RANGE_PLACEHOLDER.length) !== BYTE_RANGE_PLACEHOLDER) {
    throw new PdfStructureError('The signature has no byte range to fill in.');
  }
  bytes.set(ascii(`[${range.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ')), byteRangeAt);

  const signature = await sign(signedBytes(bytes, range));
  const hex = toHex(signature);
  if (hex.length > contentsEnd - contentsStart - 2) {
    throw new PdfStructureError(`The signature (${signature.length} bytes) does not fit the room kept for it.`);
  }
  bytes.set(ascii(hex), contentsStart + 1);
  return bytes;
}

/** Attaches `attachment` to `pdf` and signs the whole file with the device key (PAdES, CMS detached). */
export async function signPdf(
  pdf: Uint8Array,
  key: DeviceKey,
  attachment: PdfAttachment,
  details: PdfSignatureDetails,
): Promise<Uint8Array> {
  const prepared = prepareForSignature(pdf, attachment, details);
  return fillSignature(prepared, (signed) => signDetached(signed, key));
}
