import { LitElement, html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { dateFormat } from '../../internal/dates.js';
import { languageOf, localized, sourceLocale } from '../../internal/localization.js';
import { formOfAssessment, type Assessment } from '../../model/assessment.js';
import type { FormDefinition } from '../../model/form-definition.js';
import { scoreAssessment } from '../../model/scoring.js';
import { resolveText } from '../../model/text.js';
// Types only: the verifier pulls in pkijs, so it is loaded, in a worker, when a file is chosen (see `checkFiles`).
import type { PdfProblem, PdfSigner, PdfVerification } from '../../pdf/verify-pdf.js';
import { ProformaVerifiedEvent } from '../../events/verified.js';
import { outcomeWords } from '../../internal/words.js';
import { pdfProblemWords } from '../../internal/pdf-words.js';
import { normalFingerprint } from '../../internal/fingerprint.js';
import { baseStyles } from '../../styles/base.styles.js';
import { dropZoneStyles, fileInputStyles } from '../../styles/file-input.styles.js';
import { factsStyles } from '../../styles/facts.styles.js';
import { styles } from './proforma-verify.styles.js';
import { FileDropController } from '../../controllers/file-drop-controller.js';
import { LatestLoad } from '../../controllers/latest-load.js';

/** One chosen or dropped file, from the moment it is chosen until its check is done. */
type FileCheck =
  | { fileName: string; state: 'checking' }
  | { fileName: string; state: 'checked'; result: PdfVerification }
  /** The browser could not read the file, e.g. it was moved or deleted after being chosen. */
  | { fileName: string; state: 'unopenable' }
  /** The check itself failed, e.g. its code could not be loaded. */
  | { fileName: string; state: 'failed' };

/** Problems the headline already states, so the list below it does not repeat them. */
type ListedProblem = Exclude<PdfProblem, { code: 'not-a-pdf' } | { code: 'no-signature' }>;

const isListed = (problem: PdfProblem): problem is ListedProblem =>
  problem.code !== 'not-a-pdf' && problem.code !== 'no-signature';

const ICONS = {
  valid: svg`<circle cx="12" cy="12" r="10" /><path d="M7 12.5l3.5 3.5L17 9" />`,
  invalid: svg`<circle cx="12" cy="12" r="10" /><path d="M8.5 8.5l7 7M15.5 8.5l-7 7" />`,
  warning: svg`<path d="M12 3L2 21h20z" /><path d="M12 10v5M12 18v.01" />`,
  checking: svg`<circle cx="12" cy="12" r="10" /><path d="M12 7v5l3 2" />`,
} satisfies Record<string, SVGTemplateResult>;

/** "Łukasz Nowak (Teacher, Ysgol Gwyn)": whom the certificate names. */
function signerWords(signer: PdfSigner): string {
  const name = signer.name || msg('someone who gave no name');
  const details = [signer.role, signer.school].filter(Boolean).join(', ');
  return details ? `${name} (${details})` : name;
}

/**
 * Checks signed assessment PDFs: who signed each one, with which key, and
 * whether it has been changed since; and, for a valid one, what it assesses.
 * Choose files with the file input, or drop them onto the element.
 *
 * @summary Check a signed assessment PDF and see its summary.
 *
 * @tag proforma-verify
 *
 * @fires {ProformaVerifiedEvent} proforma-verified - A file's check finished (once per file, valid or not); `detail` has `fileName` and `result`.
 *
 * @csspart drop-zone - The box holding the file input, where files can also be dropped.
 * @csspart results - The list of results, one per file.
 *
 * @cssprop [--proforma-font-family=system-ui, sans-serif] - Font of the whole element.
 * @cssprop [--proforma-color-text=#0b0c0c] - Main text colour.
 * @cssprop [--proforma-color-muted=#505a5f] - Hint text.
 * @cssprop [--proforma-color-background=#ffffff] - Background of the element and the file button.
 * @cssprop [--proforma-color-surface=#f3f2f1] - Background of the drop zone while a file is dragged over it.
 * @cssprop [--proforma-color-border=#6f777b] - Border of the drop zone.
 * @cssprop [--proforma-color-accent=#1d4f91] - Buttons, and the drop zone while a file is dragged over it.
 * @cssprop [--proforma-color-focus=#b35c00] - Focus outline colour.
 * @cssprop [--proforma-color-approved=#00703c] - Mark of a valid file.
 * @cssprop [--proforma-color-conditions=#7a4b00] - Mark of an unsigned file, or one not checked.
 * @cssprop [--proforma-color-not-approved=#b10e1e] - Mark of a file that is not valid; problems found.
 * @cssprop [--proforma-color-incomplete=#505a5f] - Edge of a file still being checked.
 * @cssprop [--proforma-radius=4px] - Corner radius of the drop zone and buttons.
 */
@localized()
export class ProformaVerify extends LitElement {
  static override styles = [baseStyles, fileInputStyles, dropZoneStyles, factsStyles, styles];

  /** The files chosen last, each with its check as far as it has gone; a new choice drops the one before. */
  private readonly checking = new LatestLoad<FileCheck[]>(this);

  /** Fingerprints of the keys your school trusts; when any are given, a PDF signed by another key is not valid. */
  @property({ attribute: false }) trustedFingerprints: string[] = [];

  /** Language of the element's words, dates and numbers; defaults to the nearest `lang`, then the page's. */
  @property() locale = '';

  /** Form definitions; when one matches a valid PDF's form, its outcome and readiness are shown. */
  @property({ attribute: false }) forms: FormDefinition[] = [];

  /** Files dropped anywhere on the element; keyboard users have the file input. */
  private readonly drop = new FileDropController(
    this,
    () => true,
    (files) => this.checkFiles(files),
  );

  private get language(): string {
    return languageOf(this);
  }

  private onFilesChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Cleared, so that choosing the same file again (say, after downloading it again) checks it again.
    input.value = '';
    this.checkFiles(files);
  }

  /** Checks the files one after another, showing each result as it comes and firing `proforma-verified` for it. */
  private checkFiles(files: File[]): void {
    if (files.length === 0) return;
    const trusted = this.trustedFingerprints.map(normalFingerprint).filter(Boolean);
    void this.checking.run(async (signal, show) => {
      let checks: FileCheck[] = files.map((file) => ({ fileName: file.name, state: 'checking' }));
      show(checks);
      const verifier = await import('../../pdf/verify-pdf-in-worker.js').catch(() => undefined);
      for (const [index, file] of files.entries()) {
        const check = await checkFile(file, verifier, trusted);
        // Files chosen since, or the element taken off the page: these results no longer count.
        if (signal.aborted) break;
        show((checks = checks.with(index, check)));
        if (check.state === 'checked') {
          this.dispatchEvent(new ProformaVerifiedEvent({ fileName: file.name, result: check.result }));
        }
      }
      return checks;
    });
  }

  override render(): TemplateResult {
    // The results region is not atomic, as a status region would be by default, so
    // that each result is read once as it arrives rather than all again each time.
    return html`<section aria-labelledby="verify-heading">
      <h2 id="verify-heading">${msg('Check a signed assessment')}</h2>
      <div class=${this.drop.dragging ? 'drop-zone dragging' : 'drop-zone'} part="drop-zone">
        <label for="file">${msg('Choose a signed PDF')}</label>
        <input
          id="file"
          type="file"
          accept="application/pdf,.pdf"
          multiple
          aria-describedby="file-hint"
          @change=${this.onFilesChosen}
        />
        <p class="hint" id="file-hint">
          ${msg('You can choose several at once, or drop them here. Each is checked in this browser: nothing is sent anywhere.')}
        </p>
      </div>
      <div role="status" aria-live="polite" aria-atomic="false">${this.renderChecks()}</div>
    </section>`;
  }

  private renderChecks(): TemplateResult | typeof nothing {
    const { state } = this.checking;
    // Each check says when it failed, so the load itself never does.
    const checks = state.status === 'pending' || state.status === 'complete' ? (state.value ?? []) : [];
    if (checks.length === 0) return nothing;
    return html`<ul class="results" part="results">
      ${checks.map((check, index) => this.renderCheck(check, index))}
    </ul>`;
  }

  private renderCheck(check: FileCheck, index: number): TemplateResult {
    const headingId = `result-${index}`;
    const kind =
      check.state === 'checked' ? check.result.status : check.state === 'checking' ? 'checking' : 'unchecked';
    return html`<li class=${`result result-${kind}`} aria-labelledby=${headingId}>
      <h3 id=${headingId}>${check.fileName}</h3>
      ${check.state === 'checked' ? this.renderResult(check.result) : this.renderUnchecked(check)}
    </li>`;
  }

  private renderUnchecked(check: Exclude<FileCheck, { state: 'checked' }>): TemplateResult {
    switch (check.state) {
      case 'checking':
        return this.renderHeadline(ICONS.checking, msg('Checking…'));
      case 'unopenable':
        return this.renderHeadline(
          ICONS.warning,
          msg('Not checked: this file could not be opened. It may have been moved or deleted; choose it again.'),
        );
      case 'failed':
        return this.renderHeadline(
          ICONS.warning,
          msg('Not checked: something went wrong on this page while checking the file. Reload the page and try again.'),
        );
    }
  }

  private renderHeadline(icon: SVGTemplateResult, words: string): TemplateResult {
    return html`<p class="headline">
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${icon}</svg>
      <span>${words}</span>
    </p>`;
  }

  private renderResult(result: PdfVerification): TemplateResult {
    const listed = result.problems.filter(isListed);
    const icon = result.status === 'valid' ? ICONS.valid : result.status === 'unsigned' ? ICONS.warning : ICONS.invalid;
    return html`${this.renderHeadline(icon, this.headline(result))}
    ${
      listed.length === 0
        ? nothing
        : html`<ul class="problems">
            ${listed.map((problem) => html`<li>${pdfProblemWords(problem)}</li>`)}
          </ul>`
    }
    ${result.signer ? this.renderKey(result.signer, result.problems) : nothing}
    ${result.status === 'valid' && result.assessment ? this.renderAssessment(result.assessment) : nothing}`;
  }

  private headline(result: PdfVerification): string {
    const language = this.language;
    const who = result.signer ? signerWords(result.signer) : undefined;
    const date = result.signedAt && dateFormat(language, { dateStyle: 'long' }).format(result.signedAt);
    const time = result.signedAt && dateFormat(language, { timeStyle: 'short' }).format(result.signedAt);
    switch (result.status) {
      case 'valid':
        if (who && date && time) return msg(str`Valid: signed by ${who} on ${date} at ${time}, and not changed since.`);
        return who
          ? msg(str`Valid: signed by ${who}, and not changed since.`)
          : msg('Valid: signed, and not changed since.');
      case 'unsigned':
        return msg(
          'Not signed: this PDF has no digital signature, so nothing shows who made it or that it is unchanged.',
        );
      case 'invalid':
        if (result.problems.some((problem) => problem.code === 'not-a-pdf')) {
          return msg('Not valid: this file is not a PDF.');
        }
        if (who && date && time) {
          return msg(str`Not valid: signed by ${who} on ${date} at ${time}, but it cannot be relied on.`);
        }
        return who
          ? msg(str`Not valid: signed by ${who}, but it cannot be relied on.`)
          : msg('Not valid: its signature cannot be checked.');
    }
  }

  /** The signing key's fingerprint, for the IT lead to compare with the one recorded for this person. */
  private renderKey(signer: PdfSigner, problems: PdfProblem[]): TemplateResult {
    const trusted = this.trustedFingerprints.map(normalFingerprint);
    const untrusted = problems.some((problem) => problem.code === 'signer-not-trusted');
    return html`<dl class="facts">
        <dt>${msg('Key fingerprint')}</dt>
        <dd><code class="fingerprint">${signer.fingerprint}</code></dd>
      </dl>
      ${
        untrusted
          ? nothing
          : trusted.includes(signer.fingerprint)
            ? html`<p class="note">${msg('This key is one of the keys your school trusts.')}</p>`
            : html`<p class="note">
                ${msg(str`Compare this fingerprint with the one recorded for ${signer.name || msg('the signer')}.`)}
              </p>`
      }`;
  }

  private renderAssessment(assessment: Assessment): TemplateResult {
    const language = this.language;
    const form = formOfAssessment(assessment, this.forms);
    const score = form ? scoreAssessment(form, assessment.answers) : undefined;
    const { id: formId, version } = assessment.form;
    const formTitle = form ? resolveText(form.title, language) : '';
    const formWords = formTitle
      ? msg(str`${formTitle} (${formId}, version ${version})`)
      : msg(str`${formId}, version ${version}`);
    const updated = new Date(assessment.updatedAt);
    const when = dateFormat(language, { dateStyle: 'long', timeStyle: 'short' });
    const percent = new Intl.NumberFormat([language, sourceLocale], { style: 'percent' });
    return html`<h4>${msg('The assessment')}</h4>
      <dl class="facts">
        <dt>${msg('Tool')}</dt>
        <dd>${assessment.tool.name || msg('Not named')}</dd>
        ${
          assessment.tool.url
            ? html`<dt>${msg('Web address')}</dt>
                <dd>${assessment.tool.url}</dd>`
            : nothing
        }
        ${
          assessment.tool.vendor
            ? html`<dt>${msg('Made by')}</dt>
                <dd>${assessment.tool.vendor}</dd>`
            : nothing
        }
        <dt>${msg('Form')}</dt>
        <dd>${formWords}</dd>
        <dt>${msg('Assessment id')}</dt>
        <dd>${assessment.id}</dd>
        <dt>${msg('Last updated')}</dt>
        <dd>${Number.isNaN(updated.getTime()) ? assessment.updatedAt : when.format(updated)}</dd>
        ${
          score
            ? html`<dt>${msg('Outcome')}</dt>
                <dd class=${`outcome-${score.outcome}`}>${outcomeWords(score.outcome)}</dd>
                <dt>${msg('Readiness')}</dt>
                <dd>${score.readiness === null ? msg('Not scored') : percent.format(score.readiness / 100)}</dd>`
            : nothing
        }
      </dl>
      ${
        form && form.version !== assessment.form.version
          ? html`<p class="note">
              ${msg(
                str`The outcome is worked out with version ${form.version} of the form, the one this page has; the assessment was made with version ${assessment.form.version}.`,
              )}
            </p>`
          : nothing
      }`;
  }
}

/** Reads and checks one file; never throws. */
async function checkFile(
  file: File,
  verifier: typeof import('../../pdf/verify-pdf-in-worker.js') | undefined,
  trustedFingerprints: string[],
): Promise<FileCheck> {
  const fileName = file.name;
  if (!verifier) return { fileName, state: 'failed' };
  try {
    // An empty list would trust no one; no list means any key is shown for the reader to compare.
    const options = trustedFingerprints.length > 0 ? { trustedFingerprints } : {};
    // The file is read in the worker, not here, and one too large to be an assessment is not read at all.
    return { fileName, state: 'checked', result: await verifier.verifyPdfInWorker(file, options) };
  } catch (error) {
    // A file the browser can no longer read (moved or deleted after it was chosen) fails as the worker reads it.
    const unopenable = error instanceof verifier.PdfVerifyError && error.fileUnreadable;
    return { fileName, state: unopenable ? 'unopenable' : 'failed' };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'proforma-verify': ProformaVerify;
  }
}
