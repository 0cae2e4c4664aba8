import { expect } from '@open-wc/testing';
import { createDeviceKey, type DeviceKey } from '../../src/services/device-key.js';
import { canonicalAssessmentJson } from '../../src/model/canonical-json.js';
import { verifyPdf, type PdfProblem } from '../../src/pdf/verify-pdf.js';
import { plainPdf, smallAssessment } from './signing-fixtures.js';
import { runPdfTool } from './pdf-tools.js';
import { appendUpdate, bytesOf, latin1, sign } from './attack-files.js';

const signer = { name: 'Łukasz Nowak', role: 'Teacher', school: 'Ysgol Gwyn' };
let key: DeviceKey;
let unsigned: Uint8Array;
let signed: Uint8Array;

/** Adds a line of visible text to the first page, in an update appended after signing. */
function addVisibleText(pdf: Uint8Array, words: string): Uint8Array {
  const text = latin1(pdf);
  const page = /(\d+) 0 obj\s*<<\/Type \/Page\b([\s\S]*?)>>\s*endobj/.exec(text)!;
  const contents = /\/Contents (\d+ 0 R)/.exec(page[2]!)![1];
  const stream = `BT /F1 24 Tf 60 400 Td (${words}) Tj ET`;
  return appendUpdate(pdf, (size) => [
    [size, `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`],
    [
      Number(page[1]),
      `<</Type /Page${page[2]!.replace(`/Contents ${contents}`, `/Contents [${contents} ${size} 0 R]`)}>>`,
    ],
  ]);
}

function flipByte(pdf: Uint8Array, at: number): Uint8Array {
  const copy = pdf.slice();
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

function replaceOnce(pdf: Uint8Array, from: string, to: string): Uint8Array {
  const text = latin1(pdf);
  const at = text.indexOf(from);
  expect(at, `"${from}" is in the file`).to.be.greaterThan(-1);
  const copy = pdf.slice();
  copy.set(bytesOf(to), at);
  return copy;
}

async function expectProblem(pdf: Uint8Array, status: 'invalid' | 'unsigned', problem: PdfProblem) {
  const result = await verifyPdf(pdf);
  expect(result.status).to.equal(status);
  expect(result.problems).to.deep.include(problem);
  expect(result.assessment, 'no assessment is offered from a bad file').to.equal(undefined);
  return result;
}

describe('verifyPdf against tampering', () => {
  before(async () => {
    key = await createDeviceKey(signer);
    unsigned = plainPdf('Outcome: Approved');
    signed = await sign(unsigned, key);
    expect((await verifyPdf(signed)).status, 'the untouched file is valid').to.equal('valid');
  });

  it('catches one byte flipped in a signed range', async () => {
    const at = latin1(signed).indexOf('/MediaBox') + 12;

    const tampered = flipByte(signed, at);

    await expectProblem(tampered, 'invalid', { code: 'signature-mismatch' });
    expect((await runPdfTool('pdfsig', tampered)).stdout).not.to.contain('Signature is Valid');
  });

  it('catches an incremental update that adds visible text', async () => {
    const tampered = addVisibleText(signed, 'Outcome: Not approved');

    expect((await runPdfTool('pdftotext', tampered)).stdout, 'the added text shows').to.contain('Not approved');
    const result = await expectProblem(tampered, 'invalid', { code: 'changed-after-signing' });
    expect(result.wholeDocument).to.equal(false);
    expect(result.signer?.name, 'the original signer is still named').to.equal(signer.name);
    expect((await runPdfTool('pdfsig', tampered)).stdout).to.contain('Not total document signed');
  });

  it('catches the file re-saved by another program', async () => {
    const rewritten = (await runPdfTool('qpdf-rewrite', signed)).pdf!;

    const result = await verifyPdf(rewritten);

    expect(result.status).to.equal('invalid');
    expect(result.problems).to.deep.equal([{ code: 'byte-ranges-wrong' }]);
  });

  it('catches altered signature bytes', async () => {
    const text = latin1(signed);
    const contents = text.indexOf('/Contents <') + '/Contents <'.length;
    // The signature value sits at the end of the DER; its last hex digits are just before the zero padding.
    const end = text.indexOf('000000', contents);
    const tampered = replaceOnce(
      signed,
      text.slice(end - 20, end),
      text.slice(end - 20, end).replace(/^./, (digit) => (digit === 'A' ? 'B' : 'A')),
    );

    await expectProblem(tampered, 'invalid', { code: 'signature-mismatch' });
  });

  it('catches the attached assessment edited in place', async () => {
    const tampered = replaceOnce(signed, '"name":"Padlet"', '"name":"Padlot"');

    await expectProblem(tampered, 'invalid', { code: 'signature-mismatch' });
  });

  it('catches the attached assessment swapped by an update', async () => {
    const other = new TextEncoder().encode(canonicalAssessmentJson(smallAssessment({ tool: { name: 'Other' } })));
    const file = Number(/(\d+) 0 obj\n<< \/Type \/EmbeddedFile/.exec(latin1(signed))![1]);
    const tampered = appendUpdate(signed, () => [
      [file, `<< /Type /EmbeddedFile /Length ${other.length} >>\nstream\n${latin1(other)}\nendstream`],
    ]);

    await expectProblem(tampered, 'invalid', { code: 'changed-after-signing' });
  });

  it('catches a truncated file', async () => {
    await expectProblem(signed.slice(0, signed.length - 40), 'invalid', { code: 'incomplete-file' });
    await expectProblem(signed.slice(0, Math.floor(signed.length * 0.6)), 'invalid', { code: 'incomplete-file' });
  });

  it('catches a removed signature', async () => {
    const emptied = latin1(signed).replace(
      /\/Contents <([0-9A-F]+)>/,
      (_, hex: string) => `/Contents <${'0'.repeat(hex.length)}>`,
    );
    await expectProblem(bytesOf(emptied), 'invalid', { code: 'signature-removed' });

    const withoutRange = replaceOnce(signed, '/ByteRange', '/ByteRangX');
    await expectProblem(withoutRange, 'invalid', { code: 'signature-removed' });

    // Cut back to the file as it was before it was signed: a PDF with no signature at all.
    await expectProblem(signed.slice(0, unsigned.length), 'unsigned', { code: 'no-signature' });
  });

  it('reports a re-signing by another key under the same name by its different fingerprint', async () => {
    const impostor = await createDeviceKey(signer);
    const resigned = await sign(unsigned, impostor, smallAssessment({ tool: { name: 'Changed' } }));

    const untrusted = await verifyPdf(resigned, { trustedFingerprints: [key.fingerprint] });
    expect(untrusted.status).to.equal('invalid');
    expect(untrusted.problems).to.deep.equal([{ code: 'signer-not-trusted', fingerprint: impostor.fingerprint }]);
    expect(untrusted.signer?.name).to.equal(signer.name);

    const unchecked = await verifyPdf(resigned);
    expect(unchecked.signer?.fingerprint).to.equal(impostor.fingerprint);
    expect(unchecked.signer?.fingerprint).not.to.equal(key.fingerprint);
  });
});
