import { msg, str } from '@lit/localize';
// A type only: the verifier itself loads when a PDF is checked.
import type { PdfProblem, PdfSigner } from '../pdf/verify-pdf.js';

// Words are looked up when called, never at module load, so that a change of
// language takes effect on the next render.

/** What the signature check found wrong with a PDF, in plain words, for whoever decides whether to accept it. */
export function pdfProblemWords(problem: PdfProblem): string {
  switch (problem.code) {
    case 'not-a-pdf':
      return msg('The file is not a PDF.');
    case 'no-signature':
      return msg('The PDF has no digital signature.');
    case 'too-large':
      return msg(
        str`The file is ${megabytes(problem.bytes)} MB, far larger than a signed assessment, so it was not checked. Files over ${megabytes(problem.limit)} MB are not read.`,
      );
    case 'incomplete-file':
      return msg('The file is incomplete: it may have been cut short while downloading or copying.');
    case 'signature-removed':
      return msg('The signature has been removed from the file, or emptied.');
    case 'signature-unreadable':
      return msg(
        'The signature in the file cannot be read: it is damaged, or not a kind of signature this page checks.',
      );
    case 'byte-ranges-wrong':
      return msg(
        'The file was re-saved or rearranged by another program after signing, so the signature no longer fits it.',
      );
    case 'changed-after-signing':
      return msg('Something was added to the file after it was signed.');
    case 'signed-again':
      return signedAgainWords(problem.count, problem.signers);
    case 'signature-mismatch':
      return msg('The file was changed after it was signed: its contents no longer match the signature.');
    case 'no-assessment':
      return msg('The file does not carry the assessment’s data, so there is nothing to show or import from it.');
    case 'assessment-unreadable':
      return msg(str`The assessment’s data in the file cannot be read (${problem.detail}).`);
    case 'signer-not-trusted':
      return msg(
        str`The key that signed it is not one of the keys your school trusts. Its fingerprint is ${problem.fingerprint}.`,
      );
  }
}

const megabytes = (bytes: number) => String(Math.ceil(bytes / (1024 * 1024)));

/** "Jane Teacher (fingerprint AB:CD:…)" */
function signerWithKey(signer: PdfSigner): string {
  const name = signer.name || msg('someone who gave no name');
  return msg(str`${name} (fingerprint ${signer.fingerprint})`);
}

/** Who signed first and who signed again, telling apart another key under the same name. */
function signedAgainWords(count: number, signers: PdfSigner[]): string {
  const first = signers[0];
  const last = signers.at(-1);
  if (!first || !last || signers.length < 2) {
    return msg(
      str`The file holds ${count} signatures where an assessment has one: it was changed after it was signed, so it cannot be relied on.`,
    );
  }
  const original = signerWithKey(first);
  if (last.fingerprint === first.fingerprint) {
    return msg(
      str`Signed by ${original}, then changed and signed again with the same key. An assessment is signed once, so this file cannot be relied on.`,
    );
  }
  const again = signerWithKey(last);
  return last.name === first.name
    ? msg(
        str`Signed by ${original}, then changed and signed again by another key calling itself ${again}. This file cannot be relied on.`,
      )
    : msg(str`Signed by ${original}, then changed and signed again by ${again}. This file cannot be relied on.`);
}
