import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  allQuestions,
  buildReport,
  parseFormDefinition,
  resolveText,
  riskBand,
  scoreAssessment,
  visibleQuestionIds,
  type Answer,
  type Assessment,
  type FormDefinition,
  type Question,
} from '../../src/model/index.js';
import { layoutAssessmentPdf, type PdfLayoutOptions } from '../../src/pdf/layout.js';
import { completeSocialAssessment, SOCIAL_ASSESSMENT_ID } from './fixtures.js';

interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

type PdfTool = 'pdftotext' | 'pdfinfo' | 'qpdf-check';

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

function pdfTool(tool: PdfTool, pdf: Uint8Array): Promise<ToolResult> {
  return executeServerCommand<ToolResult, { tool: PdfTool; pdf: string }>('pdf-tool', { tool, pdf: base64(pdf) });
}

/** The PDF's text as pdftotext reads it, with every run of white space (line and page breaks too) one space. */
async function textOf(pdf: Uint8Array): Promise<string> {
  const result = await pdfTool('pdftotext', pdf);
  expect(result.code, result.stderr).to.equal(0);
  return result.stdout.replace(/\s+/g, ' ');
}

async function infoOf(pdf: Uint8Array): Promise<Record<string, string>> {
  const result = await pdfTool('pdfinfo', pdf);
  expect(result.code, result.stderr).to.equal(0);
  return Object.fromEntries(
    result.stdout
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  expect(response.ok, `${url}: run "node scripts/subset-fonts.mjs" first`).to.equal(true);
  return new Uint8Array(await response.arrayBuffer());
}

/** A PNG drawn off screen: a filled block, or a transparent one with a stroke, like a drawn signature. */
async function png(width: number, height: number, kind: 'logo' | 'signature'): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  if (kind === 'logo') {
    context.fillStyle = '#1d3b6f';
    context.fillRect(0, 0, width, height);
  } else {
    context.strokeStyle = '#000';
    context.lineWidth = 4;
    context.beginPath();
    context.moveTo(10, height * 0.7);
    context.bezierCurveTo(width * 0.3, 0, width * 0.5, height, width - 10, height * 0.3);
    context.stroke();
  }
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}

/** Width × height of every image XObject in the file (the dictionaries are not compressed). */
function imageSizes(pdf: Uint8Array): string[] {
  const source = new TextDecoder('latin1').decode(pdf);
  return [...source.matchAll(/<<[^>]*\/Subtype \/Image[^>]*>>/g)].map((match) => {
    const width = /\/Width (\d+)/.exec(match[0])?.[1];
    const height = /\/Height (\d+)/.exec(match[0])?.[1];
    return `${width}x${height}`;
  });
}

const count = (text: string, part: string) => text.split(part).length - 1;

/** Asserts that `text` holds `part`, naming only the part when it does not: the whole text is pages long. */
function expectToContain(text: string, part: string, context = ''): void {
  expect(text.includes(part), `${context ? `${context}: ` : ''}no “${part}” in the PDF’s text`).to.equal(true);
}

// The words a reader should see, written out here rather than taken from the code under test.
const RATING_WORDS: Record<string, string> = {
  met: 'Met',
  partly: 'Partly met',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
};
const BAND_WORDS: Record<string, string> = {
  green: 'Low (green)',
  amber: 'Medium (amber)',
  red: 'High (red)',
  stop: 'Unacceptable (stop)',
};
const DATE_WORDS: Record<string, string> = {
  '2026-09-01': '1 September 2026',
  '2026-11-18': '18 November 2026',
  '2026-11-19': '19 November 2026',
  '2026-11-20': '20 November 2026',
};

/** The lines shown under a question, in order, as the fixture answered it. */
function expectedAnswerLines(form: FormDefinition, question: Question, answer: Answer): string[] {
  const value = answer.value as never;
  const en = (text: Parameters<typeof resolveText>[0]) => resolveText(text, 'en-GB');
  switch (question.kind) {
    case 'item':
      return [`${RATING_WORDS[value]}${question.critical ? ' (critical item)' : ''}`];
    case 'yesno':
      return [value === 'yes' ? 'Yes' : 'No'];
    case 'choice':
      return [en(question.options.find((option) => option.value === value)!.label)];
    case 'multichoice':
      return question.options
        .filter((option) => (value as string[]).includes(option.value))
        .map((option) => `• ${en(option.label)}`);
    case 'text':
    case 'longtext':
    case 'url':
      return (value as string).split('\n');
    case 'date':
      return [DATE_WORDS[value]!];
    case 'number':
      return [`${value} ${en(question.unit)}`.trim()];
    case 'people':
      return (value as Array<{ name: string; role?: string }>).map((p) => (p.role ? `${p.name}, ${p.role}` : p.name));
    case 'hazard': {
      const { before, controls, after } = value as {
        before: { likelihood: number; impact: number };
        controls: string;
        after: { likelihood: number; impact: number };
      };
      const risk = ({ likelihood, impact }: { likelihood: number; impact: number }) =>
        `likelihood ${likelihood} × impact ${impact} = ${likelihood * impact}, ${BAND_WORDS[riskBand(likelihood * impact, form.scoring.riskBands)]}`;
      return [`Before controls: ${risk(before)}`, `Controls: ${controls}`, `After controls: ${risk(after)}`];
    }
    case 'signoff': {
      const { name, date } = value as { name: string; date: string };
      return [`${en(question.role)}: ${name}, ${DATE_WORDS[date]}`];
    }
  }
}

describe('layoutAssessmentPdf', () => {
  let form: FormDefinition;
  let assessment: Assessment;
  let options: PdfLayoutOptions;
  let pdf: Uint8Array;
  let text: string;
  let pages: number;

  const signedAt = new Date('2026-11-20T10:42:00Z');
  const fingerprint = '3A:7F:00:C2:9B:11:5E:D4:88:20:6A:F1:0C:47:93:BE:5D:02:E8:71:AA:34:C9:60:1F:8D:B2:57:0E:93:4C:D6';

  before(async () => {
    form = parseFormDefinition(await (await fetch('/forms/social-tool-risk-assessment.json')).json());
    assessment = completeSocialAssessment(form);
    options = {
      schoolName: 'Ysgol Gymraeg Bro Taf',
      logo: { bytes: await png(240, 80, 'logo'), format: 'PNG' },
      locale: 'en-GB',
      fonts: {
        regular: await bytesOf('/dist/fonts/noto-sans-regular.ttf'),
        bold: await bytesOf('/dist/fonts/noto-sans-bold.ttf'),
      },
      signature: {
        name: 'Łukasz Nowak',
        role: 'Class teacher',
        school: 'Ysgol Gymraeg Bro Taf',
        signedAt,
        method: 'drawn',
        image: await png(600, 200, 'signature'),
        fingerprint,
      },
    };
    const started = performance.now();
    pdf = layoutAssessmentPdf(buildReport(assessment, form), options);
    const elapsed = performance.now() - started;
    text = await textOf(pdf);
    pages = Number((await infoOf(pdf))['Pages']);
    // For the report only: times are measured by the benchmark, not asserted here.
    console.log(
      `full social form: ${(pdf.length / 1024).toFixed(1)} KB, ${pages} pages, laid out in ${elapsed.toFixed(0)} ms`,
    );
  });

  it('the fixture is a finished assessment, approved with conditions', () => {
    const score = scoreAssessment(form, assessment.answers);

    expect(score.missing, 'unanswered questions').to.deep.equal([]);
    expect(score.outcome).to.equal('approved-with-conditions');
  });

  it('passes qpdf --check', async () => {
    const result = await pdfTool('qpdf-check', pdf);

    expect(result.code, result.stdout + result.stderr).to.equal(0);
  });

  it('keeps the full social form within 150 KB', () => {
    expect(pdf.length).to.be.at.most(150 * 1024);
  });

  it('shows every question shown on the form with its answer in words right under it', () => {
    const visible = visibleQuestionIds(form, assessment.answers);

    for (const { question } of allQuestions(form)) {
      if (!visible.has(question.id)) continue;
      const title = resolveText(question.title, 'en-GB');
      const [first, ...rest] = expectedAnswerLines(form, question, assessment.answers[question.id]!);

      expectToContain(text, `${title} ${first}`, question.id);
      for (const line of rest) expectToContain(text, line, question.id);
    }
  });

  it('shows notes and evidence links', () => {
    for (const [id, answer] of Object.entries(assessment.answers)) {
      if (answer.notes) expectToContain(text, `Notes: ${answer.notes}`, id);
      for (const link of answer.evidence ?? []) expectToContain(text, link, id);
    }
    expectToContain(
      text,
      'Evidence: https://padlet.com/about/privacy https://privacy.commonsense.org/evaluation/Padlet',
    );
  });

  it('keeps every glyph of Polish and Welsh names and curly quotes', () => {
    for (const exact of ['Łukasz', 'Gwyn ŵ ŷ', 'Siân', '’', '“', '”', 'the school council’s “Eco” blog']) {
      expectToContain(text, exact);
    }
  });

  it('starts with the school, the form and the tool, then the result', () => {
    const order = [
      'Ysgol Gymraeg Bro Taf',
      'Risk assessment for an online or social tool',
      'Name Padlet',
      'Web address https://padlet.com',
      'Provided by Wallwisher, Inc.',
      'Outcome Approved with conditions',
      'Highest risk after controls Medium (amber)',
      'Review due 6 months after the decision',
      'Conditions • Risk after controls: Conduct: hurtful comments, or pupils sharing too much personal information scores 6, Medium (amber)',
    ];
    const positions = order.map((part) => text.indexOf(part));

    expect(positions, JSON.stringify(order)).not.to.include(-1);
    expect(positions).to.deep.equal([...positions].sort((a, b) => a - b));
    expect(text).to.match(/Readiness \d+%/);
  });

  it('lists the hazards table, the conditions and the sign-offs after the sections', () => {
    const sectionsEnd = text.lastIndexOf('Was the data protection officer’s advice followed?');
    const conditions = allQuestions(form).flatMap(({ question }) => {
      const rating = assessment.answers[question.id]?.value;
      const notFullyMet = rating === 'partly' || rating === 'not-met';
      // Table cells wrap, so only the start of each condition is sure to be on one line.
      return question.kind === 'item' && notFullyMet && question.condition
        ? [resolveText(question.condition, 'en-GB').split(' ').slice(0, 4).join(' ')]
        : [];
    });

    expect(conditions).to.have.length(4);
    const order = [
      'Hazards before and after controls',
      'Conditions for items not fully met',
      ...conditions,
      'Sign-offs Role Name Date Teacher (assessor) Łukasz Nowak 18 November 2026',
      'Signature',
    ];
    const positions = order.map((part) => text.indexOf(part, sectionsEnd));
    expect(positions, JSON.stringify(order)).not.to.include(-1);
    expect(positions).to.deep.equal([...positions].sort((a, b) => a - b));
  });

  it('numbers every page and names the form and the assessment in every footer', async () => {
    const info = await infoOf(pdf);

    expect(pages).to.be.greaterThan(1);
    expectToContain(text, `Page 1 of ${pages}`);
    expectToContain(text, `Page ${pages} of ${pages}`);
    expect(text.includes(`Page ${pages + 1} of`), 'a page beyond the last').to.equal(false);
    expect(count(text, `Form social-tool-risk-assessment version 1.0.0 · Assessment ${SOCIAL_ASSESSMENT_ID}`)).to.equal(
      pages,
    );
    expect(info['Pages']).to.equal(String(pages));
  });

  it('sets the title, subject, author and creator', async () => {
    const info = await infoOf(pdf);

    expect(info).to.include({
      Title: 'Padlet risk assessment',
      Subject: 'Risk assessment for an online or social tool',
      Author: 'Łukasz Nowak',
      Creator: 'proforma',
    });
  });

  it('ends with the signature block and the honest line about the key', () => {
    const block = text.slice(text.lastIndexOf('Signature '));

    expect(block).to.include('Name Łukasz Nowak Role Class teacher School Ysgol Gymraeg Bro Taf');
    expect(block).to.include('Date signed 20 November 2026');
    expect(block).to.include('Signed by Drawn signature');
    expect(block).to.include(
      `Digitally signed with a device key, fingerprint ${fingerprint}; the identity is not certified by a third party.`,
    );
  });

  it('draws the logo and the drawn signature', () => {
    const sizes = imageSizes(pdf);

    expect(sizes, 'logo').to.include('240x80');
    expect(sizes, 'signature').to.include('600x200');
  });

  it('shows a typed signature as the typed name, and no images when there is no logo', async () => {
    const typed = layoutAssessmentPdf(buildReport(assessment, form), {
      ...options,
      logo: undefined,
      signature: { ...options.signature, method: 'typed', image: undefined },
    });
    const typedText = await textOf(typed);

    expect(imageSizes(typed)).to.deep.equal([]);
    expect(typedText.slice(typedText.lastIndexOf('Signature '))).to.match(
      /^Signature Łukasz Nowak Name Łukasz Nowak Role Class teacher .* Signed by Typed name /,
    );
  });

  it('uses no font but the embedded Noto Sans', () => {
    const source = new TextDecoder('latin1').decode(pdf);
    const fonts = [...source.matchAll(/\/BaseFont \/([^\s/]+)/g)].map((match) => match[1]!.replace(/^[A-Z]{6}\+/, ''));

    expect(fonts.length).to.be.greaterThan(0);
    for (const font of fonts) expect(font).to.match(/^NotoSans/);
  });

  const paperCases: Array<{ paper: PdfLayoutOptions['paper']; size: string }> = [
    { paper: undefined, size: '595.28 x 841.89 pts (A4)' },
    { paper: 'a4', size: '595.28 x 841.89 pts (A4)' },
    { paper: 'letter', size: '612 x 792 pts (letter)' },
  ];
  for (const { paper, size } of paperCases) {
    it(`lays out on ${paper ?? 'the default'} paper as ${size}`, async () => {
      const info = await infoOf(layoutAssessmentPdf(buildReport(assessment, form), { ...options, paper }));

      expect(info['Page size']).to.equal(size);
    });
  }

  it('leaves out questions the answers hide', async () => {
    const noYoungPupils = structuredClone(assessment);
    noYoungPupils.answers['under-13'] = { value: 'no' };
    const consentTitle = 'Parents or carers of pupils under 13 will be asked for consent';

    const hiddenText = await textOf(layoutAssessmentPdf(buildReport(noYoungPupils, form), options));

    expectToContain(text, consentTitle, 'shown when pupils under 13 use it');
    expect(hiddenText.includes(consentTitle), 'the consent item').to.equal(false);
    expect(hiddenText.includes('Send the consent letter'), 'its condition').to.equal(false);
  });

  it('lays out an unfinished assessment, saying what is still to answer', async () => {
    const unfinished: Assessment = { ...assessment, tool: { name: '' }, answers: {} };

    const unfinishedText = await textOf(layoutAssessmentPdf(buildReport(unfinished, form), options));

    for (const part of [
      'Outcome Not finished yet',
      'Readiness 0%',
      'Still to answer • Name of the tool •',
      'Name of the tool Not answered',
      'Will pupils under 13 use it? Not answered',
      'Before controls: not rated yet',
      'Teacher (assessor): not signed yet',
    ]) {
      expectToContain(unfinishedText, part);
    }
  });

  it('shows the score, outcome and reasons of the report it is given, without working them out again', async () => {
    const report = buildReport(assessment, form);
    const readiness = report.score.readiness === 17 ? 18 : 17;
    const given = {
      ...report,
      score: {
        ...report.score,
        outcome: 'not-approved' as const,
        readiness,
        reasons: [{ code: 'readiness-too-low' as const, readiness, threshold: 60 }],
        reviewMonths: null,
      },
    };

    const givenText = await textOf(layoutAssessmentPdf(given, options));

    expectToContain(givenText, 'Outcome Not approved');
    expectToContain(givenText, `Readiness ${readiness}%`);
    expectToContain(
      givenText,
      `What blocks approval • Readiness is ${readiness}%, below the 60% needed even for approval with conditions`,
    );
    expect(givenText.includes('Review due'), 'no review date for a tool not approved').to.equal(false);
  });

  it('reports its progress from 0 to 1, never going back', () => {
    const fractions: number[] = [];

    layoutAssessmentPdf(buildReport(assessment, form), {
      ...options,
      onProgress: (fraction) => fractions.push(fraction),
    });

    expect(fractions[0]).to.equal(0);
    expect(fractions.at(-1)).to.equal(1);
    expect(fractions).to.deep.equal([...fractions].sort((a, b) => a - b));
    expect(fractions.length).to.be.greaterThan(5);
  });

  it('runs inside a module Worker', async () => {
    const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    const answer = new Promise<{ pdf?: Uint8Array; error?: string }>((resolve, reject) => {
      worker.addEventListener('message', (event: MessageEvent) => resolve(event.data));
      worker.addEventListener('error', (event) => reject(new Error(event.message)));
    });

    worker.postMessage({ assessment, form, options });
    const { pdf: fromWorker, error } = await answer;
    worker.terminate();

    expect(error).to.equal(undefined);
    const workerText = await textOf(fromWorker!);
    expectToContain(workerText, 'Gwyn ŵ ŷ');
    expectToContain(workerText, `Page 1 of ${pages}`);
    expect(imageSizes(fromWorker!)).to.include.members(['240x80', '600x200']);
  });
});
