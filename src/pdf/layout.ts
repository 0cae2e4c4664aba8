// Lays out a finished assessment as a PDF, ready to be signed. Loaded only by a
// dynamic import at export time (often inside a module Worker), so it imports
// jsPDF statically, and it touches neither `document` nor `window`.
import { msg, str } from '@lit/localize';
import { jsPDF } from 'jspdf';
import { autoTable, type CellHookData, type RowInput, type UserOptions } from 'jspdf-autotable';
import { dateFormat } from '../internal/dates.js';
import { sourceLocale } from '../internal/localization.js';
import { bandWords, outcomeWords, ratingWords, reasonsHeading, reasonWords } from '../internal/words.js';
import type { RiskBand } from '../model/form-definition.js';
import type { Report, ReportAnswer, ReportQuestion, ReportRisk } from '../model/report.js';
import { resolveText, type LocalizedText } from '../model/text.js';

export interface PdfLayoutOptions {
  /** School name shown at the top. */
  schoolName: string;
  /** School logo, PNG or JPEG bytes. */
  logo?: { bytes: Uint8Array; format: 'PNG' | 'JPEG' };
  /** Paper size; A4 unless 'letter'. */
  paper?: 'a4' | 'letter';
  /** Language for the form's texts (resolveText in src/model/text.ts). */
  locale?: string;
  /** Noto Sans subset TTFs, regular and bold (built by scripts/subset-fonts.mjs into dist/fonts/). */
  fonts: { regular: Uint8Array; bold: Uint8Array };
  /** The signature block. */
  signature: {
    name: string;
    role: string;
    school: string;
    signedAt: Date;
    method: 'drawn' | 'typed';
    /** A transparent PNG of the drawn signature. */
    image?: Uint8Array;
    fingerprint: string;
  };
  /** Told how far the layout has gone, 0–1. */
  onProgress?: (fraction: number) => void;
}

const FONT = 'NotoSans';
/** Page margins in points; the bottom one leaves room for the footer. */
const MARGIN = { top: 50, side: 50, bottom: 62 };
const FOOTER_FROM_BOTTOM = 32;
const LINE_HEIGHT = 1.3;
const SIZE = { title: 17, school: 12, heading: 13, body: 10, table: 9, small: 8, typedSignature: 20 };
const INK = 20;
const MUTED = 85;
const INDENT = 12;
/** Width of the label column in label–value lists. */
const LABEL_WIDTH = 150;
const LOGO_BOX = { width: 150, height: 48 };
const SIGNATURE_BOX = { width: 220, height: 70 };
const BAND_FILL: Record<RiskBand, [number, number, number]> = {
  green: [214, 238, 216],
  amber: [252, 232, 196],
  red: [247, 209, 211],
  stop: [222, 170, 190],
};

/**
 * The PDF of a finished assessment, unsigned and without attachments, laid
 * out from its report (`buildReport`: the score, outcome and reasons worked
 * out once, by the model): school and form, tool, result, every question shown
 * with its answer, hazards, conditions, sign-offs and the signature block,
 * with a footer on every page. Runs in a page or a module Worker.
 */
export function layoutAssessmentPdf(report: Report, options: PdfLayoutOptions): Uint8Array {
  const progress = options.onProgress ?? (() => {});
  progress(0);
  const locale = usableLocale(options.locale);
  const text = (value: LocalizedText | null | undefined) => resolveText(value ?? undefined, locale);
  // Reasons name only questions shown, and the report holds every one of those.
  const titles = new Map(
    report.sections.flatMap((section) =>
      section.questions.map((question): [string, string] => [question.id, text(question.title)]),
    ),
  );
  const questionTitle = (id: string) => titles.get(id) ?? id;

  const doc = new jsPDF({ unit: 'pt', format: options.paper ?? 'a4', compress: true, putOnlyUsedFonts: true });
  embedFonts(doc, options.fonts);
  setDocumentProperties(doc, report, options, text);
  const page = new PageWriter(doc);
  progress(0.05);

  writeMasthead(page, report, options, text);
  writeToolDetails(page, report, locale);
  writeResult(page, report, text, questionTitle);
  progress(0.15);

  report.sections.forEach((section, index) => {
    page.heading(text(section.title));
    if (section.description) page.paragraph(text(section.description), { size: SIZE.small, color: MUTED });
    for (const question of section.questions) page.block(questionRuns(question, text, locale));
    page.gap(6);
    progress(0.15 + (0.6 * (index + 1)) / report.sections.length);
  });

  writeHazards(page, report, text);
  writeConditions(page, report, text);
  writeSignOffs(page, report, text, locale);
  progress(0.8);
  writeSignature(page, options.signature, locale);
  progress(0.9);
  writeFooters(doc, report);
  const bytes = new Uint8Array(doc.output('arraybuffer'));
  progress(1);
  return bytes;
}

// ——— Sections of the document, in order ———

function writeMasthead(
  page: PageWriter,
  report: Report,
  options: PdfLayoutOptions,
  text: (value: LocalizedText | null) => string,
): void {
  const { doc } = page;
  let schoolX = MARGIN.side;
  let mastheadHeight = SIZE.school * LINE_HEIGHT;
  if (options.logo) {
    const { width, height } = doc.getImageProperties(options.logo.bytes);
    const scale = Math.min(LOGO_BOX.width / width, LOGO_BOX.height / height, 1);
    const logoWidth = width * scale;
    const logoHeight = height * scale;
    doc.addImage(options.logo.bytes, options.logo.format, MARGIN.side, page.y, logoWidth, logoHeight, 'logo', 'FAST');
    schoolX += logoWidth + 12;
    mastheadHeight = Math.max(mastheadHeight, logoHeight);
  }
  doc.setFont(FONT, 'bold');
  doc.setFontSize(SIZE.school);
  doc.setTextColor(INK);
  const schoolLines = doc.splitTextToSize(clean(options.schoolName), page.right - schoolX) as string[];
  const schoolHeight = schoolLines.length * SIZE.school * LINE_HEIGHT;
  doc.text(schoolLines, schoolX, page.y + Math.max(0, (mastheadHeight - schoolHeight) / 2), {
    baseline: 'top',
    lineHeightFactor: LINE_HEIGHT,
  });
  page.y += Math.max(mastheadHeight, schoolHeight) + 14;
  page.paragraph(text(report.form.title), { size: SIZE.title, bold: true });
  page.gap(4);
}

function writeToolDetails(page: PageWriter, report: Report, locale: string): void {
  const { tool, copiedFrom } = report;
  page.heading(msg('The tool'));
  page.fields([
    { label: msg('Name'), value: tool.name || msg('Not answered') },
    ...(tool.url ? [{ label: msg('Web address'), value: tool.url, link: tool.url }] : []),
    ...(tool.vendor ? [{ label: msg('Provided by'), value: tool.vendor }] : []),
    ...(copiedFrom
      ? [
          {
            label: msg('Copied from'),
            value: msg(
              str`${copiedFrom.school}'s assessment ${copiedFrom.assessmentId} (revision ${copiedFrom.revision}), copied on ${formatDate(copiedFrom.copiedAt.slice(0, 10), locale)}`,
            ),
          },
        ]
      : []),
  ]);
}

function writeResult(
  page: PageWriter,
  report: Report,
  text: (value: LocalizedText | null) => string,
  questionTitle: (id: string) => string,
): void {
  const { score } = report;
  page.heading(msg('Result'));
  page.fields([
    { label: msg('Outcome'), value: outcomeWords(score.outcome), bold: true },
    { label: msg('Readiness'), value: score.readiness === null ? msg('Nothing scored yet') : `${score.readiness}%` },
    {
      label: msg('Highest risk after controls'),
      value: score.highestResidualBand === null ? msg('No hazards rated') : bandWords(score.highestResidualBand),
    },
    ...(score.reviewMonths === null
      ? []
      : [{ label: msg('Review due'), value: msg(str`${score.reviewMonths} months after the decision`) }]),
  ]);
  page.gap(4);
  page.subheading(msg('By section'));
  page.table({
    head: [[msg('Section'), msg('Answered'), msg('Readiness')]],
    body: report.sections.map((section) => [
      text(section.title),
      `${section.score.answeredRequired}/${section.score.required}`,
      section.score.readiness === null ? '–' : `${section.score.readiness}%`,
    ]),
    columnStyles: { 1: { halign: 'right', cellWidth: 70 }, 2: { halign: 'right', cellWidth: 70 } },
  });
  page.subheading(reasonsHeading(score.outcome));
  for (const reason of score.reasons) {
    page.block([{ text: `•  ${reasonWords(reason, questionTitle)}`, hangingIndent: INDENT }]);
  }
  page.gap(8);
}

function writeHazards(page: PageWriter, report: Report, text: (value: LocalizedText | null) => string): void {
  if (report.hazards.length === 0) return;
  page.heading(msg('Hazards before and after controls'));
  const bandsByRow = report.hazards.map((hazard) => [hazard.before.band, hazard.after.band]);
  page.table({
    head: [[msg('Hazard'), msg('Before controls'), msg('Controls'), msg('After controls')]],
    body: report.hazards.map((hazard) => [
      text(hazard.title),
      riskCell(hazard.before),
      hazard.controls ?? msg('None given'),
      riskCell(hazard.after),
    ]),
    columnStyles: { 1: { cellWidth: 90 }, 3: { cellWidth: 90 } },
    didParseCell: (data: CellHookData) => {
      if (data.section !== 'body' || (data.column.index !== 1 && data.column.index !== 3)) return;
      const band = bandsByRow[data.row.index]?.[data.column.index === 1 ? 0 : 1];
      if (band) data.cell.styles.fillColor = BAND_FILL[band];
    },
  });
}

function writeConditions(page: PageWriter, report: Report, text: (value: LocalizedText | null) => string): void {
  page.heading(msg('Conditions for items not fully met'));
  if (report.conditions.length === 0) {
    page.paragraph(msg('No item with a condition is partly met or not met.'));
    page.gap(8);
    return;
  }
  page.table({
    head: [[msg('Item'), msg('Answer'), msg('What must happen')]],
    body: report.conditions.map((condition) => [
      text(condition.title),
      condition.critical ? msg(str`${ratingWords(condition.rating)} (critical item)`) : ratingWords(condition.rating),
      text(condition.condition),
    ]),
    columnStyles: { 1: { cellWidth: 80 } },
  });
}

function writeSignOffs(
  page: PageWriter,
  report: Report,
  text: (value: LocalizedText | null) => string,
  locale: string,
): void {
  if (report.signOffs.length === 0) return;
  page.heading(msg('Sign-offs'));
  page.table({
    head: [[msg('Role'), msg('Name'), msg('Date')]],
    body: report.signOffs.map((signOff) => [
      text(signOff.role),
      signOff.name ?? msg('Not signed yet'),
      signOff.date === null ? '–' : formatDate(signOff.date, locale),
    ]),
  });
}

function writeSignature(page: PageWriter, signature: PdfLayoutOptions['signature'], locale: string): void {
  const { doc } = page;
  const drawn = signature.method === 'drawn' && signature.image !== undefined ? signature.image : undefined;
  let markHeight = SIZE.typedSignature * LINE_HEIGHT;
  let imageSize: { width: number; height: number } | undefined;
  if (drawn) {
    const { width, height } = doc.getImageProperties(drawn);
    const scale = Math.min(SIGNATURE_BOX.width / width, SIGNATURE_BOX.height / height, 1);
    imageSize = { width: width * scale, height: height * scale };
    markHeight = imageSize.height;
  }
  const fields = [
    { label: msg('Name'), value: signature.name },
    { label: msg('Role'), value: signature.role },
    { label: msg('School'), value: signature.school },
    { label: msg('Date signed'), value: formatDateTime(signature.signedAt, locale) },
    { label: msg('Signed by'), value: signature.method === 'drawn' ? msg('Drawn signature') : msg('Typed name') },
  ];
  const statement = msg(
    str`Digitally signed with a device key, fingerprint ${signature.fingerprint}; the identity is not certified by a third party.`,
  );
  // The whole block stays on one page, so the signature is never parted from its name.
  const headingHeight = SIZE.heading * LINE_HEIGHT + 12;
  page.keepTogether(
    headingHeight +
      markHeight +
      10 +
      page.fieldsHeight(fields) +
      page.runsHeight([{ text: statement, size: SIZE.small }]),
  );
  page.heading(msg('Signature'));
  if (drawn && imageSize) {
    doc.addImage(drawn, 'PNG', MARGIN.side, page.y, imageSize.width, imageSize.height, 'signature', 'FAST');
    page.y += imageSize.height;
  } else {
    doc.setFont(FONT, 'bold');
    doc.setFontSize(SIZE.typedSignature);
    doc.setTextColor(INK);
    doc.text(clean(signature.name), MARGIN.side, page.y, { baseline: 'top' });
    page.y += markHeight;
  }
  doc.setDrawColor(MUTED);
  doc.setLineWidth(0.5);
  doc.line(MARGIN.side, page.y + 4, MARGIN.side + SIGNATURE_BOX.width, page.y + 4);
  page.y += 10;
  page.fields(fields);
  page.paragraph(statement, { size: SIZE.small, color: MUTED });
}

function writeFooters(doc: jsPDF, report: Report): void {
  const pages = doc.getNumberOfPages();
  const { width, height } = pageSize(doc);
  const ids = msg(str`Form ${report.form.id} version ${report.form.version} · Assessment ${report.assessment.id}`);
  for (let pageNumber = 1; pageNumber <= pages; pageNumber++) {
    doc.setPage(pageNumber);
    doc.setFont(FONT, 'normal');
    doc.setFontSize(SIZE.small);
    doc.setTextColor(MUTED);
    const y = height - FOOTER_FROM_BOTTOM;
    doc.text(clean(ids), MARGIN.side, y, { baseline: 'top' });
    doc.text(clean(msg(str`Page ${pageNumber} of ${pages}`)), width - MARGIN.side, y, {
      baseline: 'top',
      align: 'right',
    });
  }
}

// ——— Answers in words ———

interface Run {
  text: string;
  bold?: boolean;
  size?: number;
  color?: number;
  /** From the left margin. */
  indent?: number;
  /** Further indent for the lines after the first, as under a bullet. */
  hangingIndent?: number;
  link?: string;
  /** Space before the run, in points. */
  gapBefore?: number;
}

function questionRuns(question: ReportQuestion, text: (value: LocalizedText | null) => string, locale: string): Run[] {
  const runs: Run[] = [{ text: text(question.title), bold: true, gapBefore: 6 }];
  const lines = answerLines(question, text, locale);
  for (const line of lines) runs.push({ ...line, indent: INDENT });
  if (question.notes !== null) {
    question.notes.split(/\r?\n/).forEach((paragraph, index) => {
      if (paragraph.trim() === '') return;
      runs.push({ text: index === 0 ? msg(str`Notes: ${paragraph}`) : paragraph, indent: INDENT, color: MUTED });
    });
  }
  if (question.evidence.length > 0) {
    runs.push({ text: msg('Evidence:'), indent: INDENT, color: MUTED });
    for (const link of question.evidence) {
      runs.push({ text: link, indent: 2 * INDENT, color: MUTED, link: linkable(link) });
    }
  }
  return runs;
}

function answerLines(
  question: ReportQuestion,
  text: (value: LocalizedText | null) => string,
  locale: string,
): Array<Pick<Run, 'text' | 'link'>> {
  const notAnswered = [{ text: msg('Not answered') }];
  const answer: ReportAnswer = question.answer;
  switch (answer.kind) {
    case 'item': {
      if (answer.rating === null) return notAnswered;
      const rating = ratingWords(answer.rating);
      return [{ text: question.critical ? msg(str`${rating} (critical item)`) : rating }];
    }
    case 'yesno':
      return answer.value === null ? notAnswered : [{ text: answer.value === 'yes' ? msg('Yes') : msg('No') }];
    case 'choice':
      return answer.option === null ? notAnswered : [{ text: text(answer.option.label) }];
    case 'multichoice':
      return answer.options.length === 0
        ? notAnswered
        : answer.options.map((option) => ({ text: `•  ${text(option.label)}` }));
    case 'text':
    case 'longtext':
      return answer.text === null
        ? notAnswered
        : answer.text
            .split(/\r?\n/)
            .filter((paragraph) => paragraph.trim() !== '')
            .map((paragraph) => ({ text: paragraph }));
    case 'url':
      return answer.text === null ? notAnswered : [{ text: answer.text, link: linkable(answer.text) }];
    case 'date':
      return answer.date === null ? notAnswered : [{ text: formatDate(answer.date, locale) }];
    case 'number': {
      if (answer.value === null) return notAnswered;
      const number = new Intl.NumberFormat([locale, sourceLocale]).format(answer.value);
      return [{ text: answer.unit === null ? number : `${number} ${text(answer.unit)}` }];
    }
    case 'people':
      return answer.people.length === 0
        ? notAnswered
        : answer.people.map((person) => ({
            text: person.role === undefined ? person.name : msg(str`${person.name}, ${person.role}`),
          }));
    case 'hazard':
      return [
        { text: msg(str`Before controls: ${riskWords(answer.before)}`) },
        { text: answer.controls === null ? msg('Controls: none given') : msg(str`Controls: ${answer.controls}`) },
        { text: msg(str`After controls: ${riskWords(answer.after)}`) },
      ];
    case 'signoff': {
      const role = text(answer.role);
      if (answer.name === null) return [{ text: msg(str`${role}: not signed yet`) }];
      const date = answer.date === null ? msg('no date') : formatDate(answer.date, locale);
      return [{ text: msg(str`${role}: ${answer.name}, ${date}`) }];
    }
  }
}

function riskWords(risk: ReportRisk): string {
  if (risk.score === null || risk.band === null) return msg('not rated yet');
  return msg(str`likelihood ${risk.likelihood} × impact ${risk.impact} = ${risk.score}, ${bandWords(risk.band)}`);
}

function riskCell(risk: ReportRisk): string {
  if (risk.score === null || risk.band === null) return msg('Not rated yet');
  return `${risk.likelihood} × ${risk.impact} = ${risk.score}\n${bandWords(risk.band)}`;
}

// ——— Page flow ———

/** Writes top to bottom, starting a new page when the next piece does not fit. */
class PageWriter {
  y = MARGIN.top;
  readonly right: number;
  private readonly bottom: number;

  constructor(readonly doc: jsPDF) {
    const { width, height } = pageSize(doc);
    this.right = width - MARGIN.side;
    this.bottom = height - MARGIN.bottom;
  }

  private get width(): number {
    return this.right - MARGIN.side;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Starts a new page when `height` does not fit on this one but would fit on an empty page. */
  keepTogether(height: number): void {
    if (this.y + height > this.bottom && height <= this.bottom - MARGIN.top && this.y > MARGIN.top) {
      this.newPage();
    }
  }

  gap(points: number): void {
    this.y += points;
  }

  heading(words: string): void {
    // Never leave a heading alone at the foot of a page.
    this.keepTogether(SIZE.heading * LINE_HEIGHT + 70);
    this.gap(10);
    this.paragraph(words, { bold: true, size: SIZE.heading });
    this.gap(2);
  }

  subheading(words: string): void {
    this.keepTogether(SIZE.body * LINE_HEIGHT + 50);
    this.gap(4);
    this.paragraph(words, { bold: true });
  }

  paragraph(words: string, style: Omit<Run, 'text'> = {}): void {
    this.block([{ ...style, text: words }]);
  }

  runsHeight(runs: Run[]): number {
    return runs.reduce((sum, run) => sum + (run.gapBefore ?? 0) + this.lay(run).length * lineHeight(run), 0);
  }

  /** Runs of text kept on one page when they fit on one. */
  block(runs: Run[]): void {
    this.keepTogether(this.runsHeight(runs));
    for (const run of runs) {
      this.y += run.gapBefore ?? 0;
      const lines = this.lay(run);
      const height = lineHeight(run);
      lines.forEach((line, index) => {
        if (this.y + height > this.bottom) this.newPage();
        const x = MARGIN.side + (run.indent ?? 0) + (index > 0 ? (run.hangingIndent ?? 0) : 0);
        this.setStyle(run);
        this.doc.text(line, x, this.y, { baseline: 'top' });
        if (run.link) this.doc.link(x, this.y, this.doc.getTextWidth(line), height, { url: run.link });
        this.y += height;
      });
    }
  }

  fieldsHeight(rows: Field[]): number {
    return rows.reduce((sum, row) => sum + this.fieldLines(row).height, 0);
  }

  /** Label–value rows: labels in bold in one column, values beside them. */
  fields(rows: Field[]): void {
    this.keepTogether(this.fieldsHeight(rows));
    for (const row of rows) {
      const { labels, values, height } = this.fieldLines(row);
      if (this.y + height > this.bottom) this.newPage();
      this.setStyle({ text: '', bold: true });
      this.doc.text(labels, MARGIN.side, this.y, { baseline: 'top', lineHeightFactor: LINE_HEIGHT });
      const valueStyle: Run = { text: '', bold: row.bold ?? false };
      this.setStyle(valueStyle);
      values.forEach((line, index) => {
        const y = this.y + index * lineHeight(valueStyle);
        this.doc.text(line, MARGIN.side + LABEL_WIDTH, y, { baseline: 'top' });
        if (row.link) {
          const url = linkable(row.link);
          if (url)
            this.doc.link(MARGIN.side + LABEL_WIDTH, y, this.doc.getTextWidth(line), lineHeight(valueStyle), { url });
        }
      });
      this.y += height;
    }
  }

  /** An autoTable in the document's font, continued on the next page when it must be. */
  table(options: UserOptions): void {
    this.keepTogether(60);
    const clip = (row: RowInput) =>
      Array.isArray(row) ? row.map((cell) => (typeof cell === 'string' ? clean(cell) : cell)) : row;
    autoTable(this.doc, {
      theme: 'grid',
      startY: this.y + 4,
      margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.side, right: MARGIN.side },
      styles: {
        font: FONT,
        fontStyle: 'normal',
        fontSize: SIZE.table,
        textColor: INK,
        lineColor: 190,
        lineWidth: 0.5,
        cellPadding: 4,
        overflow: 'linebreak',
      },
      headStyles: { font: FONT, fontStyle: 'bold', fillColor: 235, textColor: INK },
      bodyStyles: { font: FONT, fontStyle: 'normal' },
      ...options,
      head: options.head?.map(clip),
      body: options.body?.map(clip),
    });
    this.y = (this.doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 10;
  }

  private fieldLines(row: Field): { labels: string[]; values: string[]; height: number } {
    this.setStyle({ text: '', bold: true });
    const labels = this.doc.splitTextToSize(clean(row.label), LABEL_WIDTH - 10) as string[];
    this.setStyle({ text: '', bold: row.bold ?? false });
    const values = this.doc.splitTextToSize(clean(row.value), this.width - LABEL_WIDTH) as string[];
    const height = Math.max(labels.length, values.length) * SIZE.body * LINE_HEIGHT + 3;
    return { labels, values, height };
  }

  private lay(run: Run): string[] {
    this.setStyle(run);
    const width = this.width - (run.indent ?? 0);
    const lines = this.doc.splitTextToSize(clean(run.text), width) as string[];
    if (!run.hangingIndent || lines.length < 2) return lines;
    // Lines after the first sit further in, so wrap them to the narrower width.
    const [first, ...rest] = lines;
    return [first!, ...(this.doc.splitTextToSize(rest.join(' '), width - run.hangingIndent) as string[])];
  }

  private setStyle(run: Run): void {
    this.doc.setFont(FONT, run.bold ? 'bold' : 'normal');
    this.doc.setFontSize(run.size ?? SIZE.body);
    this.doc.setTextColor(run.color ?? INK);
  }
}

interface Field {
  label: string;
  value: string;
  bold?: boolean;
  link?: string;
}

function lineHeight(run: Pick<Run, 'size'>): number {
  return (run.size ?? SIZE.body) * LINE_HEIGHT;
}

function pageSize(doc: jsPDF): { width: number; height: number } {
  return { width: doc.internal.pageSize.getWidth(), height: doc.internal.pageSize.getHeight() };
}

// ——— Document set-up and small helpers ———

function embedFonts(doc: jsPDF, fonts: PdfLayoutOptions['fonts']): void {
  doc.addFileToVFS('NotoSans-Regular.ttf', base64(fonts.regular));
  doc.addFont('NotoSans-Regular.ttf', FONT, 'normal');
  doc.addFileToVFS('NotoSans-Bold.ttf', base64(fonts.bold));
  doc.addFont('NotoSans-Bold.ttf', FONT, 'bold');
  doc.setFont(FONT, 'normal');
}

function setDocumentProperties(
  doc: jsPDF,
  report: Report,
  options: PdfLayoutOptions,
  text: (value: LocalizedText | null) => string,
): void {
  const tool = report.tool.name || text(report.form.title);
  doc.setProperties({
    title: msg(str`${tool} risk assessment`),
    subject: text(report.form.title),
    author: options.signature.name,
    keywords: `${report.form.id} ${report.form.version} ${report.assessment.id}`,
    creator: 'proforma',
  });
  const language = options.locale ?? 'en-GB';
  // jsPDF knows a fixed list of language tags and quietly ignores the rest.
  // The language alone first, so that a full tag jsPDF knows ("en-GB") wins.
  for (const tag of [language.split('-')[0]!, language]) {
    doc.setLanguage(tag as Parameters<jsPDF['setLanguage']>[0]);
  }
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  }
  return btoa(binary);
}

/**
 * Text as the embedded font can show it: Intl and pasted text bring thin and
 * narrow no-break spaces, and zero-width marks, that the font subset leaves out.
 */
function clean(words: string): string {
  return words.replace(/[\t\u2000-\u200a\u202f\u205f\u3000]/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

/** Only web and mail addresses become clickable. */
function linkable(address: string): string | undefined {
  return /^(https?:|mailto:)/i.test(address.trim()) ? address.trim() : undefined;
}

function usableLocale(locale: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(locale ?? sourceLocale)[0] ?? sourceLocale;
  } catch {
    return sourceLocale;
  }
}

/** "2026-09-01" in words, read as a calendar date wherever the reader is. */
function formatDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function formatDateTime(moment: Date, locale: string): string {
  return dateFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(moment);
}
