import { msg, str } from '@lit/localize';
import type { Assessment } from '../model/assessment.js';
import { canonicalAssessmentJson } from '../model/canonical-json.js';
import type { FormDefinition } from '../model/form-definition.js';
import { buildReport, type Report } from '../model/report.js';
import { sourceLocale } from '../internal/localization.js';
import { loadLocale, useLocale } from '../internal/translations.js';
import type { DeviceKey } from '../services/device-key.js';
import { layoutAssessmentPdf, type PdfLayoutOptions } from './layout.js';
import { signPdf } from './pdf-signature.js';
import { ASSESSMENT_ATTACHMENT } from './verify-pdf.js';

/** The PDF's fonts: the bytes, or the folder they are in (`noto-sans-regular.ttf`, `noto-sans-bold.ttf`). */
export type PdfFonts = PdfLayoutOptions['fonts'] | URL | string;

/** How far an export has gone. */
export interface ExportProgress {
  step: 'fonts' | 'layout' | 'signing' | 'done';
  /** 0–1 for the whole export. */
  fraction: number;
}

export interface ExportPdfOptions {
  /** The device key that signs; its certificate names the signer. */
  key: DeviceKey;
  /** How the person signed, and the drawn signature as a transparent PNG. */
  signature: { method: 'drawn' | 'typed'; image?: Uint8Array };
  /** Defaults to the school in the key's certificate. */
  schoolName?: string;
  logo?: PdfLayoutOptions['logo'];
  /** A4 unless 'letter'. */
  paper?: 'a4' | 'letter';
  /** Language of the PDF's words, of the form's texts and of dates and numbers; en-GB unless given. */
  locale?: string;
  /** Defaults to now. */
  signedAt?: Date;
  /** Defaults to the `fonts/` folder beside the built library (`dist/fonts/`). */
  fonts?: PdfFonts;
  /** The assessment's report (`buildReport`) when the caller has made it already; made here otherwise. */
  report?: Report;
  onProgress?: (progress: ExportProgress) => void;
}

/** The folder the build writes the PDF fonts to, as seen from this module in `dist/`. */
const defaultFonts = () => new URL('../fonts/', import.meta.url);

/** Fonts already loaded, by folder: a second export in the same worker or page fetches nothing. */
const loadedFonts = new Map<string, Promise<PdfLayoutOptions['fonts']>>();

function loadFonts(fonts: PdfFonts = defaultFonts()): Promise<PdfLayoutOptions['fonts']> {
  if (!(fonts instanceof URL) && typeof fonts !== 'string') return Promise.resolve(fonts);
  const folder = new URL(fonts, globalThis.location?.href);
  const load = async (weight: string) => {
    const url = new URL(`noto-sans-${weight}.ttf`, folder);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`The PDF font ${url.href} could not be loaded (HTTP ${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  };
  let loading = loadedFonts.get(folder.href);
  if (!loading) {
    loading = Promise.all([load('regular'), load('bold')]).then(([regular, bold]) => ({ regular, bold }));
    // A failure is not kept: the next export tries again.
    loading.catch(() => loadedFonts.delete(folder.href));
    loadedFonts.set(folder.href, loading);
  }
  return loading;
}

/**
 * The signed PDF of an assessment: laid out for reading and printing, with
 * the assessment's canonical JSON attached as `assessment.json`, and a
 * PAdES signature by the device key over the whole file.
 */
export async function exportAssessmentPdf(
  assessment: Assessment,
  form: FormDefinition,
  options: ExportPdfOptions,
): Promise<Uint8Array> {
  const progress = options.onProgress ?? (() => {});
  const { key } = options;
  const signedAt = options.signedAt ?? new Date();
  // Checked against the schema before anything else, so a bad assessment fails fast.
  const json = canonicalAssessmentJson(assessment);
  const locale = options.locale || sourceLocale;
  progress({ step: 'fonts', fraction: 0 });
  const [fonts] = await Promise.all([loadFonts(options.fonts), loadLocale(locale)]);
  progress({ step: 'layout', fraction: 0.1 });
  // From here to the signing, no await: every word is looked up in this language.
  useLocale(locale);
  const layout = layoutAssessmentPdf(options.report ?? buildReport(assessment, form), {
    schoolName: options.schoolName ?? key.signer.school,
    ...(options.logo ? { logo: options.logo } : {}),
    paper: options.paper ?? 'a4',
    locale,
    fonts,
    signature: {
      ...key.signer,
      signedAt,
      method: options.signature.method,
      ...(options.signature.image ? { image: options.signature.image } : {}),
      fingerprint: key.fingerprint,
    },
    onProgress: (fraction) => progress({ step: 'layout', fraction: 0.1 + fraction * 0.7 }),
  });
  const description = msg('The assessment as data (canonical JSON), for the approved-tools register');
  const reason = msg(str`Risk assessment of ${assessment.tool.name}`);
  progress({ step: 'signing', fraction: 0.8 });
  const pdf = await signPdf(
    layout,
    key,
    { name: ASSESSMENT_ATTACHMENT, bytes: new TextEncoder().encode(json), mimeType: 'application/json', description },
    { name: key.signer.name, reason, signedAt },
  );
  progress({ step: 'done', fraction: 1 });
  return pdf;
}
