import { expect } from '@open-wc/testing';
import { jsPDF } from 'jspdf';
import { createDeviceKey } from '../../src/services/device-key.js';
import { canonicalAssessmentJson } from '../../src/model/canonical-json.js';
import { signPdf, type PdfAttachment } from '../../src/pdf/pdf-signature.js';
import { verifyPdf } from '../../src/pdf/verify-pdf.js';
import { plainPdf, smallAssessment } from './signing-fixtures.js';
import { runPdfTool } from './pdf-tools.js';

const signer = { name: 'Łukasz Nowak', role: 'Teacher', school: 'Ysgol Gwyn' };

function attachmentOf(json: string): PdfAttachment {
  return {
    name: 'assessment.json',
    bytes: new TextEncoder().encode(json),
    mimeType: 'application/json',
    description: 'The assessment data',
  };
}

async function signedPdf(text = 'A risk assessment') {
  const key = await createDeviceKey(signer);
  const assessment = smallAssessment();
  const pdf = await signPdf(plainPdf(text), key, attachmentOf(canonicalAssessmentJson(assessment)), {
    name: signer.name,
    reason: 'Risk assessment completed',
    signedAt: new Date('2026-11-21T09:30:00Z'),
  });
  return { pdf, key, assessment };
}

describe('signPdf and verifyPdf', () => {
  it('makes a PDF that poppler finds validly signed over the whole document, and qpdf finds sound', async () => {
    const { pdf } = await signedPdf();

    const signature = await runPdfTool('pdfsig', pdf);
    expect(signature.stdout, signature.stdout + signature.stderr).to.contain('Signature is Valid');
    expect(signature.stdout).to.contain('Total document signed');
    expect(signature.stdout).to.contain('ETSI.CAdES.detached');
    const check = await runPdfTool('qpdf-check', pdf);
    expect(check.code, check.stdout + check.stderr).to.equal(0);
    const attachments = await runPdfTool('pdfdetach', pdf);
    expect(attachments.stdout).to.contain('assessment.json');
  });

  it('reads back the signer, the time and the attached assessment', async () => {
    const { pdf, key, assessment } = await signedPdf();

    const result = await verifyPdf(pdf);

    expect(result.problems).to.deep.equal([]);
    expect(result.status).to.equal('valid');
    expect(result.wholeDocument).to.equal(true);
    expect(result.signer).to.deep.equal({ ...signer, fingerprint: key.fingerprint });
    expect(result.signedAt?.toISOString()).to.equal('2026-11-21T09:30:00.000Z');
    expect(result.assessment).to.deep.equal(assessment);
  });

  it('is not misled by names that look like the start of an object', async () => {
    const key = await createDeviceKey(signer);
    const lookalikes = Array.from({ length: 12 }, (_, index) => `${index + 18} 0 obj <<>>`).join(' ');
    const doc = new jsPDF({ compress: true });
    doc.setProperties({ title: 'Padlet 3 0 obj <<>>', author: lookalikes });
    doc.text('A risk assessment', 20, 20);
    const pdf = await signPdf(
      new Uint8Array(doc.output('arraybuffer')),
      key,
      attachmentOf(canonicalAssessmentJson(smallAssessment())),
      {
        name: `Łukasz ${lookalikes}`,
        reason: `Risk assessment of Padlet ${lookalikes}`,
        signedAt: new Date('2026-11-21T09:30:00Z'),
      },
    );

    expect((await verifyPdf(pdf)).status).to.equal('valid');
    expect((await runPdfTool('pdftotext', pdf)).stdout, 'the page is intact').to.contain('A risk assessment');
    expect((await runPdfTool('qpdf-check', pdf)).code).to.equal(0);
  });

  it('says a PDF without a signature is unsigned', async () => {
    const result = await verifyPdf(plainPdf());

    expect(result.status).to.equal('unsigned');
    expect(result.problems).to.deep.equal([{ code: 'no-signature' }]);
  });

  it('says a file that is not a PDF is invalid', async () => {
    const result = await verifyPdf(new TextEncoder().encode('Name,Role\nŁukasz,Teacher\n'));

    expect(result.status).to.equal('invalid');
    expect(result.problems).to.deep.equal([{ code: 'not-a-pdf' }]);
  });
});
