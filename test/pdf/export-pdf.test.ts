import { expect } from '@open-wc/testing';
import { checkFormDefinition } from '../../src/model/form-rules.js';
import { allQuestions, type FormDefinition } from '../../src/model/form-definition.js';
import { resolveText } from '../../src/model/text.js';
import { visibleQuestionIds } from '../../src/model/visibility.js';
import { isAnswered } from '../../src/model/answers.js';
import { createDeviceKey, type DeviceKey } from '../../src/services/device-key.js';
import { exportAssessmentPdf, type ExportProgress } from '../../src/pdf/export-pdf.js';
import { exportAssessmentPdfInWorker } from '../../src/pdf/export-pdf-in-worker.js';
import { verifyPdf } from '../../src/pdf/verify-pdf.js';
import { completeSocialAssessment } from './fixtures.js';
import { runPdfTool } from './pdf-tools.js';

const FONTS = '/dist/fonts/';
const signer = { name: 'Łukasz Nowak', role: 'Class teacher', school: 'Ysgol Gwyn ŵ ŷ' };

let form: FormDefinition;
let key: DeviceKey;

/** pdftotext breaks long lines; compare text with every run of white space as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('exportAssessmentPdf', () => {
  before(async () => {
    form = checkFormDefinition(await (await fetch('/forms/social-tool-risk-assessment.json')).json())!;
    key = await createDeviceKey(signer);
  });

  it('makes a signed PDF of a complete assessment that poppler and qpdf accept', async () => {
    const assessment = completeSocialAssessment(form);

    const pdf = await exportAssessmentPdf(assessment, form, {
      key,
      signature: { method: 'typed' },
      fonts: FONTS,
    });

    const signature = await runPdfTool('pdfsig', pdf);
    expect(signature.stdout, signature.stdout + signature.stderr).to.contain(
      'Signature Validation: Signature is Valid.',
    );
    expect(signature.stdout).to.contain('Total document signed');
    expect(signature.stdout).to.contain('Łukasz Nowak');
    const check = await runPdfTool('qpdf-check', pdf);
    expect(check.code, check.stdout + check.stderr).to.equal(0);
    expect(pdf.length, 'the file is at most 150 KB').to.be.at.most(150 * 1024);

    const text = flat((await runPdfTool('pdftotext', pdf)).stdout);
    const visible = visibleQuestionIds(form, assessment.answers);
    const answered = allQuestions(form).filter(
      ({ question }) => visible.has(question.id) && isAnswered(question, assessment.answers[question.id]),
    );
    expect(answered.length, 'the fixture answers most of the form').to.be.greaterThan(40);
    for (const { question } of answered) expect(text).to.contain(flat(resolveText(question.title)));
    for (const exact of ['Łukasz', 'Gwyn ŵ ŷ', '’', '“', '”']) expect(text).to.contain(exact);
    expect(text).to.contain(key.fingerprint);
  });

  it('carries the assessment, which verifyPdf reads back unchanged with the signer', async () => {
    const assessment = completeSocialAssessment(form);
    const pdf = await exportAssessmentPdf(assessment, form, { key, signature: { method: 'typed' }, fonts: FONTS });

    const result = await verifyPdf(pdf);

    expect(result.problems).to.deep.equal([]);
    expect(result.status).to.equal('valid');
    expect(result.assessment).to.deep.equal(assessment);
    expect(result.signer).to.deep.equal({ ...signer, fingerprint: key.fingerprint });
  });

  it('refuses an assessment that does not fit the schema, before making anything', async () => {
    const broken = { ...completeSocialAssessment(form), revision: -1 };

    let error: unknown;
    await exportAssessmentPdf(broken, form, { key, signature: { method: 'typed' }, fonts: FONTS }).catch(
      (thrown: unknown) => (error = thrown),
    );

    expect(error, 'the export failed').to.be.instanceOf(Error);
  });

  it('says which font it could not load', async () => {
    let error: unknown;
    await exportAssessmentPdf(completeSocialAssessment(form), form, {
      key,
      signature: { method: 'typed' },
      fonts: '/no-such-folder/',
    }).catch((thrown: unknown) => (error = thrown));

    expect((error as Error).message).to.contain('noto-sans-');
    expect((error as Error).message).to.contain('404');
  });
});

describe('exportAssessmentPdfInWorker', () => {
  before(async () => {
    form ??= checkFormDefinition(await (await fetch('/forms/social-tool-risk-assessment.json')).json())!;
    key ??= await createDeviceKey(signer);
  });

  it('makes the same signed PDF in a worker, reporting progress as it goes', async () => {
    const assessment = completeSocialAssessment(form);
    const progress: ExportProgress[] = [];
    // The page keeps 250 resource timings at most, and the modules of the tests fill them.
    performance.clearResourceTimings();

    const { pdf, key: signedWith } = await exportAssessmentPdfInWorker(assessment, form, {
      key,
      signature: { method: 'typed' },
      fonts: new URL(FONTS, location.href).href,
      onProgress: (step) => progress.push(step),
    });

    expect((await verifyPdf(pdf)).status).to.equal('valid');
    expect(signedWith.fingerprint).to.equal(key.fingerprint);
    const workerScripts = performance.getEntriesByType('resource').filter(({ name }) => name.includes('export-worker'));
    expect(workerScripts, 'the worker was started').to.have.length.greaterThan(0);
    expect(progress.map(({ step }) => step)).to.include.members(['fonts', 'layout', 'signing', 'done']);
    const fractions = progress.map(({ fraction }) => fraction);
    expect(fractions, 'progress never goes back').to.deep.equal([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).to.equal(1);
  });

  it('makes the PDF in Welsh, dates included, when the locale is cy', async () => {
    const pdf = (
      await exportAssessmentPdfInWorker(completeSocialAssessment(form), form, {
        key,
        signature: { method: 'typed' },
        fonts: new URL(FONTS, location.href).href,
        locale: 'cy',
        signedAt: new Date('2026-11-21T09:30:00Z'),
      })
    ).pdf;

    const text = flat((await runPdfTool('pdftotext', pdf)).stdout);
    for (const welsh of [
      'Asesiad risg ar gyfer offeryn ar-lein neu gymdeithasol',
      'Canlyniad',
      'Cymeradwywyd gydag amodau',
      'Parodrwydd',
      'A. Diben a gwerth',
      'Peryglon cyn ac ar ôl mesurau rheoli',
      'Amodau ar gyfer eitemau nad ydynt wedi’u bodloni’n llawn',
      'Llofnodion cymeradwyo',
      'Dyddiad llofnodi',
      '21 Tachwedd 2026',
      'Tudalen 1 o',
    ]) {
      expect(text, welsh).to.contain(welsh);
    }
    for (const english of [
      'Risk assessment for an online or social tool',
      'Result',
      'Approved with conditions',
      'Readiness',
      'A. Purpose and value',
      'Hazards before and after controls',
      'Conditions for items not fully met',
      'Sign-offs',
      'Date signed',
      '21 November 2026',
      'Page 1 of',
    ]) {
      expect(text, english).not.to.contain(english);
    }
    expect((await verifyPdf(pdf)).status, 'signed as any other').to.equal('valid');
  });

  it('passes on why an export failed in the worker', async () => {
    let error: unknown;
    await exportAssessmentPdfInWorker(completeSocialAssessment(form), form, {
      key,
      signature: { method: 'typed' },
      fonts: new URL('/no-such-folder/', location.href).href,
    }).catch((thrown: unknown) => (error = thrown));

    expect((error as Error).name).to.equal('PdfExportError');
    expect((error as Error).message).to.contain('404');
  });
});
