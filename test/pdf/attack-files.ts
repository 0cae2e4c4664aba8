// Builds the files an attacker would hand the verifier, from a genuinely signed
// PDF, with the project's own signing code where a signature is needed.
import type { Assessment } from '../../src/model/assessment.js';
import { canonicalAssessmentJson } from '../../src/model/canonical-json.js';
import { fillSignature, signPdf, SIGNATURE_ROOM } from '../../src/pdf/pdf-signature.js';
import { signDetached } from '../../src/services/cms.js';
import type { DeviceKey } from '../../src/services/device-key.js';
import { smallAssessment } from './signing-fixtures.js';

export const latin1 = (bytes: Uint8Array) => {
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return text;
};
export const bytesOf = (text: string) => {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
  return bytes;
};

export const signedAt = new Date('2026-11-21T09:30:00Z');

/** The assessment's data as signPdf attaches it. */
export function assessmentAttachment(assessment: Assessment, description = 'The assessment data') {
  return {
    name: 'assessment.json',
    bytes: new TextEncoder().encode(canonicalAssessmentJson(assessment)),
    mimeType: 'application/json',
    description,
  };
}

/** `pdf` signed by `key` as an export signs it, carrying `assessment`. */
export function sign(pdf: Uint8Array, key: DeviceKey, assessment = smallAssessment(), description?: string) {
  return signPdf(pdf, key, assessmentAttachment(assessment, description), {
    name: key.signer.name,
    reason: 'Risk assessment completed',
    signedAt,
  });
}

interface Trailer {
  size: number;
  root: number;
  previous: number;
}

function lastTrailer(text: string): Trailer {
  const trailer = text.slice(text.lastIndexOf('trailer'));
  return {
    size: Number(/\/Size (\d+)/.exec(trailer)![1]),
    root: Number(/\/Root (\d+) 0 R/.exec(trailer)![1]),
    previous: Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]),
  };
}

/** Objects written as an update: each with its offset, after `pdf`'s bytes. */
function updateBody(pdf: Uint8Array, objects: Array<[number, string]>) {
  let body = '\n';
  const offsets: Array<[number, number]> = [];
  for (const [number, object] of objects) {
    offsets.push([number, pdf.length + body.length]);
    body += `${number} 0 obj\n${object}\nendobj\n`;
  }
  return { body, offsets };
}

function xrefAndTrailer(offsets: Array<[number, number]>, trailer: Trailer, xrefAt: number): string {
  let xref = 'xref\n0 1\n0000000000 65535 f \n';
  for (const [number, at] of offsets) xref += `${number} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  const size = Math.max(trailer.size - 1, ...offsets.map(([number]) => number)) + 1;
  return `${xref}trailer\n<< /Size ${size} /Root ${trailer.root} 0 R /Prev ${trailer.previous} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
}

/** An incremental update, as an editor appends it: new objects, a cross-reference section, a trailer. */
export function appendUpdate(pdf: Uint8Array, objects: (size: number) => Array<[number, string]>): Uint8Array {
  const trailer = lastTrailer(latin1(pdf));
  const { body, offsets } = updateBody(pdf, objects(trailer.size));
  const update = body + xrefAndTrailer(offsets, trailer, pdf.length + body.length);
  const joined = new Uint8Array(pdf.length + update.length);
  joined.set(pdf);
  joined.set(bytesOf(update), pdf.length);
  return joined;
}

/**
 * The forger's move: an incremental update with `objects` (the changes), then
 * a second signature field whose signature, made with `key`, covers the whole
 * changed file, as any PDF editor's "sign" would add it.
 */
export async function signAgain(
  pdf: Uint8Array,
  key: DeviceKey,
  objects: (size: number) => Array<[number, string]>,
): Promise<Uint8Array> {
  const text = latin1(pdf);
  const trailer = lastTrailer(text);
  const changes = objects(trailer.size);
  const free = Math.max(trailer.size, ...changes.map(([number]) => number + 1));
  const form = Number([...text.matchAll(/\/AcroForm (\d+) 0 R/g)].at(-1)![1]);
  const firstField = Number([...text.matchAll(/\/Fields \[(\d+) 0 R\]/g)].at(-1)![1]);
  const [field, signature] = [free, free + 1];
  const page = /\/P (\d+) 0 R/.exec(text.slice(text.indexOf('/FT /Sig') - 200))![1];
  const { body, offsets } = updateBody(pdf, [
    ...changes,
    [
      field,
      `<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature2) /F 132 /Rect [0 0 0 0] /P ${page} 0 R /V ${signature} 0 R >>`,
    ],
    [form, `<< /Fields [${firstField} 0 R ${field} 0 R] /SigFlags 3 >>`],
  ]);
  const placeholder = `[0 ${'0'.repeat(10)} ${'0'.repeat(10)} ${'0'.repeat(10)}]`;
  const signatureAt = pdf.length + body.length;
  const head =
    `${signature} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached` +
    ` /M (D:20261122100000Z) /Name (${key.signer.name}) /ByteRange ${placeholder} /Contents `;
  const contents = `<${'0'.repeat(SIGNATURE_ROOM * 2)}>`;
  const tail = ' >>\nendobj\n';
  const xrefAt = signatureAt + head.length + contents.length + tail.length;
  const update =
    body + head + contents + tail + xrefAndTrailer([...offsets, [signature, signatureAt]], trailer, xrefAt);
  const bytes = new Uint8Array(pdf.length + update.length);
  bytes.set(pdf);
  bytes.set(bytesOf(update), pdf.length);
  const contentsStart = signatureAt + head.length;
  return fillSignature(
    {
      bytes,
      byteRangeAt: signatureAt + head.indexOf(placeholder),
      contentsStart,
      contentsEnd: contentsStart + contents.length,
    },
    (signed) => signDetached(signed, key),
  );
}

/** The object number of the attached assessment's data in a signed file. */
export function attachedFileNumber(pdf: Uint8Array): number {
  return Number(/(\d+) 0 obj\n<< \/Type \/EmbeddedFile/.exec(latin1(pdf))![1]);
}

/** The embedded file object carrying `assessment`, to replace the signed one in an update. */
export function embeddedAssessment(assessment: Assessment): string {
  const json = latin1(new TextEncoder().encode(canonicalAssessmentJson(assessment)));
  return `<< /Type /EmbeddedFile /Subtype /application#2Fjson /Length ${json.length} >>\nstream\n${json}\nendstream`;
}

/** `pdf` with `from` overwritten in place by `to`, padded with spaces to the same length. */
export function overwrite(
  pdf: Uint8Array,
  from: string,
  to: string,
  occurrence: 'first' | 'last' = 'first',
): Uint8Array {
  const text = latin1(pdf);
  const at = occurrence === 'first' ? text.indexOf(from) : text.lastIndexOf(from);
  if (at === -1 || to.length > from.length) throw new Error(`cannot overwrite "${from}"`);
  const copy = pdf.slice();
  copy.set(bytesOf(to.padEnd(from.length, ' ')), at);
  return copy;
}

/** The signature's byte range as written in the file, with the spaces that pad it: "[0 1234 5678 910]   ". */
export function byteRangeText(pdf: Uint8Array): string {
  return /\/ByteRange (\[[^\]]*\] *)/.exec(latin1(pdf))![1]!;
}

/** The signature's byte range as four numbers. */
export function byteRangeOf(pdf: Uint8Array): [number, number, number, number] {
  return byteRangeText(pdf).trim().slice(1, -1).trim().split(/\s+/).map(Number) as [number, number, number, number];
}

/**
 * A file made to take quadratic time in a search for the signature's date from
 * the dictionary's `<<`: `/M (D:` repeated, then a byte range and a `/Contents`
 * that fit together, around a DER-looking signature.
 */
export function repeatedDateFile(bytes: number): Uint8Array {
  const head = `%PDF-1.7\n<<${'/M (D:'.repeat(Math.floor(bytes / 6))}`;
  const rangeText = (numbers: number[]) =>
    `/ByteRange [${numbers.map((number) => String(number).padStart(10, '0')).join(' ')}] /Contents `;
  const contents = `<30030201000000>`;
  const contentsStart = head.length + rangeText([0, 0, 0, 0]).length;
  const contentsEnd = contentsStart + contents.length;
  const tail = ' >>\n%%EOF\n';
  const text = head + rangeText([0, contentsStart, contentsEnd, tail.length]) + contents + tail;
  return bytesOf(text);
}

/** A file specification description of `/EF <<` repeated, then `>>` as often: quadratic for a search for `/EF << … /F`. */
export function nestedFileSpecDescription(bytes: number): string {
  const times = Math.floor(bytes / 9);
  return `${'/EF <<'.repeat(times)}${'>>'.repeat(times)}`;
}
