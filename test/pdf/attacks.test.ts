import { expect } from '@open-wc/testing';
import { createDeviceKey, type DeviceKey } from '../../src/services/device-key.js';
import { LARGEST_PDF, verifyPdf, type PdfProblem, type PdfVerification } from '../../src/pdf/verify-pdf.js';
import { verifyPdfInWorker } from '../../src/pdf/verify-pdf-in-worker.js';
import { importSignedPdfsToLog } from '../../src/services/register/import-pdfs.js';
import { MemoryRegisterStore } from '../../src/services/register/memory-register-store.js';
import { padletForm, plainPdf, signedPadletPdf, smallAssessment } from './signing-fixtures.js';
import { runPdfTool } from './pdf-tools.js';
import {
  appendUpdate,
  attachedFileNumber,
  byteRangeOf,
  byteRangeText,
  bytesOf,
  embeddedAssessment,
  latin1,
  nestedFileSpecDescription,
  overwrite,
  repeatedDateFile,
  sign,
  signAgain,
} from './attack-files.js';

// The published attacks on PDF signatures ("PDF Insecurity", CCS 2019, and the 2021 shadow and
// certification attacks), each made here from a genuinely signed file. Those in tamper.test.ts
// (a flipped byte, an update adding text, a re-saved file, altered signature bytes, the attachment
// edited in place or swapped by an update, truncation, the signature removed) are not repeated.

const teacher = { name: 'Jane Teacher', role: 'Teacher', school: 'Ysgol Gwyn' };

let key: DeviceKey;
let impostor: DeviceKey;
let unsigned: Uint8Array;
let signed: Uint8Array;

async function expectRefused(pdf: Uint8Array, problem: PdfProblem['code']): Promise<PdfVerification> {
  const result = await verifyPdf(pdf);
  expect(result.status).to.equal('invalid');
  expect(
    result.problems.map((each) => each.code),
    JSON.stringify(result.problems),
  ).to.include(problem);
  expect(result.assessment, 'no assessment is offered from a bad file').to.equal(undefined);
  return result;
}

/** pdfsig's verdict: it finds no signature that is valid and covers the whole file. */
async function expectPdfsigRefuses(pdf: Uint8Array): Promise<string> {
  const { stdout } = await runPdfTool('pdfsig', pdf);
  const whole = stdout
    .split(/Signature #\d+:/)
    .filter(
      (part) =>
        /Signature is Valid/.test(part) &&
        /Total document signed/.test(part) &&
        !/Not total document signed/.test(part),
    );
  expect(whole, stdout).to.deep.equal([]);
  return stdout;
}

describe('verifyPdf against the published attacks', () => {
  before(async () => {
    key = await createDeviceKey(teacher);
    impostor = await createDeviceKey(teacher);
    unsigned = plainPdf('Outcome: Approved');
    signed = await sign(unsigned, key);
    expect((await verifyPdf(signed)).status, 'the genuine file is valid').to.equal('valid');
  });

  describe('a changed file signed again by another key under the same name', () => {
    const forgeries = {
      'the assessment replaced': (pdf: Uint8Array) => (): Array<[number, string]> => [
        [attachedFileNumber(pdf), embeddedAssessment(smallAssessment({ tool: { name: 'Changed' }, revision: 4 }))],
      ],
      'an annotation added':
        () =>
        (size: number): Array<[number, string]> => [
          [
            size,
            '<< /Type /Annot /Subtype /FreeText /Rect [50 700 400 740] /Contents (Approved by the head) /DA (/Helv 12 Tf 0 g) >>',
          ],
        ],
    };
    for (const [change, objects] of Object.entries(forgeries)) {
      it(`is not valid, and names both keys: ${change}`, async () => {
        const forged = await signAgain(signed, impostor, objects(signed));

        const result = await expectRefused(forged, 'signed-again');
        expect(result.wholeDocument).to.equal(false);
        expect(result.signer?.fingerprint, 'the original signer comes first').to.equal(key.fingerprint);
        expect(result.signers.map((each) => each.fingerprint)).to.deep.equal([key.fingerprint, impostor.fingerprint]);
        expect(result.signers.map((each) => each.name)).to.deep.equal([teacher.name, teacher.name]);
        expect(result.problems[0]).to.deep.equal({ code: 'signed-again', count: 2, signers: result.signers });
        // pdfsig finds both signatures valid, the second covering the file: the first no longer does.
        const { stdout } = await runPdfTool('pdfsig', forged);
        const [, first, second] = stdout.split(/Signature #\d+:/);
        expect(first, stdout).to.contain('Not total document signed');
        expect(second, stdout).to.contain('Total document signed');
      });
    }

    it('is not valid even to a caller that trusts both keys', async () => {
      const forged = await signAgain(signed, impostor, forgeries['an annotation added']());

      const result = await verifyPdf(forged, { trustedFingerprints: [key.fingerprint, impostor.fingerprint] });

      expect(result.status).to.equal('invalid');
      expect(result.assessment).to.equal(undefined);
    });

    it('is refused by the register, which writes nothing', async () => {
      const genuine = await signedPadletPdf();
      const forged = await signAgain(genuine, impostor, () => [
        [
          attachedFileNumber(genuine),
          embeddedAssessment(
            smallAssessment({
              id: 'padlet-assessment',
              form: { id: 'padlet-check', version: '1.0.0' },
              tool: { name: 'Padlet' },
              revision: 9,
            }),
          ),
        ],
      ]);
      const store = new MemoryRegisterStore();

      const [result] = await importSignedPdfsToLog([{ name: 'forged.pdf', bytes: forged }], store, {
        forms: [padletForm],
        by: { name: 'IT lead' },
      });

      expect(result?.result).to.equal('refused');
      expect(result?.reason?.code).to.equal('invalid');
      expect(result?.reason && 'problems' in result.reason ? result.reason.problems[0]?.code : undefined).to.equal(
        'signed-again',
      );
      expect((await store.read()).eventCount).to.equal(0);
    });

    it('gives the same answer from the worker', async () => {
      const forged = await signAgain(signed, impostor, forgeries['the assessment replaced'](signed));

      const inWorker = await verifyPdfInWorker(forged);

      expect(JSON.parse(JSON.stringify(inWorker))).to.deep.equal(JSON.parse(JSON.stringify(await verifyPdf(forged))));
    });
  });

  describe('files crafted to take quadratic time', () => {
    it('answers for a file of repeated signature dates', async () => {
      const crafted = repeatedDateFile(1_500_000);

      const result = await expectRefused(crafted, 'signature-unreadable');

      expect(result.signers).to.deep.equal([]);
      expect((await verifyPdfInWorker(crafted)).problems).to.deep.equal(result.problems);
    });

    it('reads the assessment of a signed file whose attachment description nests file specifications', async () => {
      const crafted = await sign(unsigned, impostor, smallAssessment(), nestedFileSpecDescription(600_000));

      const result = await verifyPdf(crafted);

      expect(result.status, JSON.stringify(result.problems)).to.equal('valid');
      expect(result.assessment?.tool.name).to.equal('Padlet');
      expect((await runPdfTool('pdfsig', crafted)).stdout).to.contain('Signature is Valid');
    });
  });

  describe('the signature itself', () => {
    it('catches the signature emptied', async () => {
      const text = latin1(signed);
      const [, length, secondStart] = byteRangeOf(signed);
      const emptied = overwrite(signed, text.slice(length, secondStart), `<${' '.repeat(secondStart - length - 2)}>`);

      await expectRefused(emptied, 'signature-removed');
      await expectPdfsigRefuses(emptied);
    });

    it('catches a signature transplanted from another file by the same key', async () => {
      const other = await sign(plainPdf('Outcome: Not approved'), key);
      const [, length, secondStart] = byteRangeOf(signed);
      const [, otherLength, otherSecondStart] = byteRangeOf(other);
      const transplanted = signed.slice();
      transplanted.set(other.subarray(otherLength, otherSecondStart), length);
      expect(secondStart - length).to.equal(otherSecondStart - otherLength);

      await expectRefused(transplanted, 'signature-mismatch');
      await expectPdfsigRefuses(transplanted);
    });
  });

  describe('byte ranges that do not fit', () => {
    const ranges: Record<string, (range: number[], size: number) => string> = {
      short: ([, length, secondStart]) => `[0 ${length} ${secondStart}]`,
      overlapping: ([, length, secondStart, secondLength]) => `[0 ${secondStart! + 10} ${length} ${secondLength}]`,
      negative: ([, length, secondStart, secondLength]) => `[0 -${length} ${secondStart} ${secondLength}]`,
      huge: ([, length, secondStart]) => `[0 ${length} ${secondStart} 99999999999]`,
      'not from the start': ([, length, secondStart, secondLength]) =>
        `[1 ${length! - 1} ${secondStart} ${secondLength}]`,
    };
    for (const [kind, range] of Object.entries(ranges)) {
      it(`catches a ${kind} byte range`, async () => {
        const rewritten = overwrite(signed, byteRangeText(signed), range(byteRangeOf(signed), signed.length));

        await expectRefused(rewritten, 'byte-ranges-wrong');
        await expectPdfsigRefuses(rewritten);
      });
    }

    it('catches a second byte range before the signature', async () => {
      const producer = /\/Producer \([^)]*\)/.exec(latin1(signed))![0];
      const wrapped = overwrite(signed, producer, `/ByteRange [0 1 2 3]`);

      const result = await expectRefused(wrapped, 'signed-again');

      expect(result.problems[0]).to.deep.include({ count: 2 });
      await expectPdfsigRefuses(wrapped);
    });

    it('catches a second byte range after the end of the file', async () => {
      const [, length, secondStart] = byteRangeOf(signed);
      const extra = bytesOf(`/ByteRange [0 ${length} ${secondStart} ${signed.length - secondStart}]\n%%EOF\n`);
      const after = new Uint8Array([...signed, ...extra]);

      await expectRefused(after, 'signed-again');
      await expectPdfsigRefuses(after);
    });

    it('catches an update carrying a copy of the signature dictionary', async () => {
      const text = latin1(signed);
      const start = text.lastIndexOf('<< /Type /Sig');
      const copy = text.slice(start, text.indexOf('endobj', start));

      const updated = appendUpdate(signed, (size) => [[size, copy]]);

      const result = await expectRefused(updated, 'signed-again');
      expect(result.signer?.fingerprint).to.equal(key.fingerprint);
      await expectPdfsigRefuses(updated);
    });
  });

  describe('updates after signing', () => {
    const updates: Record<string, (pdf: Uint8Array) => (size: number) => Array<[number, string]>> = {
      'a new page': (pdf) => (size) => {
        const text = latin1(pdf);
        const pages = /(\d+) 0 obj\s*<<\s*\/Type \/Pages\b([\s\S]*?)>>\s*endobj/.exec(text)!;
        const kids = /\/Kids \[([^\]]*)\]/.exec(pages[2]!)![1];
        const count = Number(/\/Count (\d+)/.exec(pages[2]!)![1]);
        const stream = 'BT /F1 24 Tf 60 400 Td (Outcome: Not approved) Tj ET';
        return [
          [size, `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`],
          [size + 1, `<< /Type /Page /Parent ${pages[1]} 0 R /MediaBox [0 0 595 842] /Contents ${size} 0 R >>`],
          [
            Number(pages[1]),
            `<<${pages[2]!.replace(`/Kids [${kids}]`, `/Kids [${kids} ${size + 1} 0 R]`).replace(`/Count ${count}`, `/Count ${count + 1}`)}>>`,
          ],
        ];
      },
      'a new catalog': (pdf) => (size) => {
        const root = Number(/\/Root (\d+) 0 R/.exec(latin1(pdf).slice(latin1(pdf).lastIndexOf('trailer')))![1]);
        const catalog = /\/Pages (\d+) 0 R/.exec(latin1(pdf))![1];
        return [
          [size, '<< /S /JavaScript /JS (app.alert\\(1\\)) >>'],
          [root, `<< /Type /Catalog /Pages ${catalog} 0 R /OpenAction ${size} 0 R >>`],
        ];
      },
      'an annotation': (pdf) => (size) => {
        const page = /(\d+) 0 obj\s*<<\s*\/Type \/Page\b/.exec(latin1(pdf))![1];
        return [
          [size, `<< /Type /Annot /Subtype /FreeText /P ${page} 0 R /Rect [50 700 400 740] /Contents (Approved) >>`],
        ];
      },
    };
    for (const [what, objects] of Object.entries(updates)) {
      it(`catches ${what} in an update`, async () => {
        const updated = appendUpdate(signed, objects(signed));

        const result = await expectRefused(updated, 'changed-after-signing');

        expect(result.signers.map((each) => each.fingerprint)).to.deep.equal([key.fingerprint]);
        expect(await expectPdfsigRefuses(updated)).to.contain('Not total document signed');
      });
    }
  });

  describe('what surrounds the file', () => {
    it('catches bytes added after the end', async () => {
      const trailing = new Uint8Array([...signed, ...bytesOf('\n<!-- added -->\n')]);

      await expectRefused(trailing, 'changed-after-signing');
      await expectPdfsigRefuses(trailing);
    });

    it('catches the file wrapped in HTML', async () => {
      const page = bytesOf('<html><body><pre>\n');
      const wrapped = new Uint8Array([...page, ...signed, ...bytesOf('</pre></body></html>\n')]);

      const result = await verifyPdf(wrapped);

      expect(result.status).to.equal('invalid');
      expect(result.assessment).to.equal(undefined);
      await expectPdfsigRefuses(wrapped);
    });

    it('refuses a file over 50 MB unread, in the page and in the worker', async () => {
      const padded = new Uint8Array(LARGEST_PDF + 1);
      padded.set(signed);
      const problem = { code: 'too-large', bytes: LARGEST_PDF + 1, limit: LARGEST_PDF };

      expect((await verifyPdf(padded)).problems).to.deep.equal([problem]);
      expect((await verifyPdfInWorker(new Blob([padded]))).problems).to.deep.equal([problem]);
    });

    it('answers for a file of 50 MB: a signed file padded by an update', async () => {
      const padded = (padding: number) =>
        appendUpdate(signed, (size) => [[size, `<< /Length ${padding} >>\nstream\n${' '.repeat(padding)}\nendstream`]]);
      // 8 digits where the empty padding has 1, in "/Length" (7 more) and in "startxref" (3 more, from 5).
      const big = padded(LARGEST_PDF - padded(0).length - 10);
      expect(big.length).to.equal(LARGEST_PDF);

      await expectRefused(big, 'changed-after-signing');
    });
  });
});
