import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { msg, str } from '@lit/localize';
import { languageOf, localized } from '../../internal/localization.js';
import type { Assessment } from '../../model/assessment.js';
import { answerValue } from '../../model/answers.js';
import { allQuestions, type FormDefinition } from '../../model/form-definition.js';
import { buildReport } from '../../model/report.js';
import { scoreAssessment, type Score } from '../../model/scoring.js';
import { resolveText } from '../../model/text.js';
import type { DeviceKey, DeviceKeyStore, Signer } from '../../services/device-key.js';
import type { ExportProgress } from '../../pdf/export-pdf.js';
import { ProformaPdfExportedEvent } from '../../events/pdf-exported.js';
import { datedFileName, downloadFile, downloadsBlocked } from '../../internal/download.js';
import { baseStyles } from '../../styles/base.styles.js';
import { choiceStyles } from '../../styles/choice.styles.js';
import { fieldStyles } from '../../styles/field.styles.js';
import { scopedTag } from '../../internal/scoped-tag.js';
import { ProformaSignature } from '../proforma-signature/proforma-signature.js';
import { styles } from './proforma-export.styles.js';

type Field = 'signer-name' | 'signer-role' | 'signer-school' | 'signature';

type ExportState =
  | { status: 'idle' }
  | { status: 'working'; progress: ExportProgress }
  | { status: 'done'; fileName: string; url: string; saved: boolean; openedInTab: boolean; logoProblem: string }
  | { status: 'failed'; message: string };

/** Where the signing key stands: still being read, none in this browser yet, or this one. */
type KeyState = { status: 'reading' } | { status: 'none' } | { status: 'ready'; key: DeviceKey };

function stepWords(step: ExportProgress['step']): string {
  switch (step) {
    case 'fonts':
      return msg('Loading the fonts');
    case 'layout':
      return msg('Laying out the pages');
    case 'signing':
      return msg('Signing');
    case 'done':
      return msg('Finished');
  }
}

/** The bytes of a `data:` URL, such as a signature's PNG. */
function dataUrlBytes(url: string): Uint8Array {
  const base64 = url.slice(url.indexOf(',') + 1);
  return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
}

/** PNG or JPEG, told by the file's first bytes; `undefined` for anything else. */
function imageFormat(bytes: Uint8Array): 'PNG' | 'JPEG' | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'PNG';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'JPEG';
  return undefined;
}

/**
 * Signs a finished assessment and saves it as a PDF: the teacher's name,
 * role and school, a drawn or typed signature, and the paper size. The PDF
 * is made in a background worker and signed with this browser's device key,
 * whose fingerprint is shown so the IT lead can record it.
 *
 * @summary Sign an assessment and save it as a signed PDF.
 *
 * @tag proforma-export
 *
 * @fires {ProformaPdfExportedEvent} proforma-pdf-exported - The signed PDF was made and offered for download; `detail` has `fileName`, `pdf`, `fingerprint` and `signer`.
 *
 * @csspart fingerprint - The device key's fingerprint.
 *
 * @cssprop [--proforma-font-family=system-ui, sans-serif] - Font of the whole element.
 * @cssprop [--proforma-color-text=#0b0c0c] - Main text colour.
 * @cssprop [--proforma-color-muted=#505a5f] - Hint text.
 * @cssprop [--proforma-color-background=#ffffff] - Background of the element and its fields.
 * @cssprop [--proforma-color-border=#6f777b] - Border of the panel and its fields.
 * @cssprop [--proforma-color-accent=#1d4f91] - Buttons and links.
 * @cssprop [--proforma-color-focus=#b35c00] - Focus outline colour.
 * @cssprop [--proforma-color-approved=#00703c] - The mark beside a finished export.
 * @cssprop [--proforma-color-not-approved=#b10e1e] - Error messages.
 * @cssprop [--proforma-radius=4px] - Corner radius of the panel, fields and buttons.
 */
@localized()
export class ProformaExport extends LitElement {
  static override styles = [baseStyles, choiceStyles, fieldStyles, styles];

  @query('#signature') private signaturePad!: ProformaSignature;

  @state() private keyState: KeyState = { status: 'reading' };
  @state() private exportState: ExportState = { status: 'idle' };
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private signerName = '';
  @state() private signerRole = '';
  @state() private signerSchool = '';
  @state() private paperSize: 'a4' | 'letter' = 'a4';

  /** The assessment to sign, as `<proforma-assessment>`'s `assessment` gives it. */
  @property({ attribute: false }) assessment: Assessment | undefined;

  /** The form the assessment answers. */
  @property({ attribute: false }) form: FormDefinition | undefined;

  /** The school's name, printed at the top of the PDF and put in a new key's certificate. */
  @property({ attribute: 'school-name' }) schoolName = '';

  /** URL of the school's logo (PNG or JPEG) for the top of the PDF. */
  @property({ attribute: 'logo-src' }) logoSrc = '';

  /** Keeps this page's signing key apart from other embeds on the same site. */
  @property() namespace = 'default';

  /** Paper size chosen at first: `a4` or `letter`. */
  @property() paper: 'a4' | 'letter' = 'a4';

  /** Language of the words and of the PDF, with the form's texts in it; defaults to the nearest `lang`, then the page's. */
  @property() locale = '';

  /** Folder of the PDF fonts; defaults to the fonts/ folder beside the built library. */
  @property({ attribute: 'fonts-src' }) fontsSrc = '';

  /** The score of the assessment given, worked out once for each assessment and form. */
  private score: Score | undefined;
  private keyStore: DeviceKeyStore | undefined;
  /** `<proforma-signature>`, with this element's own tag suffix. */
  private signatureTag: StaticValue | undefined;
  /** The last PDF, for its link: kept even if the panel is moved, released when the next PDF replaces it. */
  private pdfUrl: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('paper')) this.paperSize = this.paper === 'letter' ? 'letter' : 'a4';
    if (changed.has('namespace')) void this.readKey();
    if (changed.has('schoolName') && !this.signerSchool) this.signerSchool = this.schoolName;
    if (changed.has('form') || changed.has('assessment')) {
      const { assessment, form } = this;
      this.score = assessment && form ? scoreAssessment(form, assessment.answers) : undefined;
      if (!this.signerName) this.fillFromSignOff();
    }
  }

  /** Moves focus to the panel's heading, so a screen reader starts there. */
  override async focus(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private get language(): string {
    return languageOf(this);
  }

  private async keys(): Promise<DeviceKeyStore> {
    const module = await import('../../services/device-key.js');
    if (this.keyStore?.namespace !== this.namespace) this.keyStore = new module.DeviceKeyStore(this.namespace);
    return this.keyStore;
  }

  private async readKey(): Promise<void> {
    this.keyState = { status: 'reading' };
    try {
      const key = await (await this.keys()).get();
      this.keyState = key ? { status: 'ready', key } : { status: 'none' };
      if (key) {
        this.signerName ||= key.signer.name;
        this.signerRole ||= key.signer.role;
        this.signerSchool ||= key.signer.school;
      }
    } catch {
      // Storage refused: a key is made at signing, and that failure is reported then.
      this.keyState = { status: 'none' };
    }
  }

  /** The first sign-off already answered gives the signer's name and role. */
  private fillFromSignOff(): void {
    const { form, assessment } = this;
    if (!form || !assessment) return;
    for (const { question } of allQuestions(form)) {
      if (question.kind !== 'signoff') continue;
      const name = answerValue(question, assessment.answers[question.id])?.name?.trim();
      if (!name) continue;
      this.signerName = name;
      this.signerRole ||= resolveText(question.role, this.language);
      return;
    }
  }

  private get signer(): Signer {
    return { name: this.signerName.trim(), role: this.signerRole.trim(), school: this.signerSchool.trim() };
  }

  /** Problems with what the person entered, by field; empty when all is well. */
  private check(needSignature: boolean): Partial<Record<Field, string>> {
    const { name, role, school } = this.signer;
    const errors: Partial<Record<Field, string>> = {};
    if (!name) errors['signer-name'] = msg('Enter your full name');
    if (!role) errors['signer-role'] = msg('Enter your role, for example “Class teacher”');
    if (!school) errors['signer-school'] = msg('Enter the name of your school');
    if (needSignature && !this.signaturePad?.method) {
      errors.signature = msg('Sign by drawing your signature or typing your name');
    }
    return errors;
  }

  private async showErrors(errors: Partial<Record<Field, string>>): Promise<boolean> {
    this.errors = errors;
    if (Object.keys(errors).length === 0) return false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    return true;
  }

  /** The sign button's click, which Enter in a field also gives; cancelling it stops the form's submission. */
  private async onSign(event: Event): Promise<void> {
    event.preventDefault();
    const { assessment, form, score } = this;
    if (!assessment || !form || !score || this.exportState.status === 'working') return;
    if (await this.showErrors(this.check(true))) return;
    const pad = this.signaturePad;
    const png = pad.png;
    this.exportState = { status: 'working', progress: { step: 'fonts', fraction: 0 } };
    try {
      const logo = await this.loadLogo();
      const { exportAssessmentPdfInWorker } = await import('../../pdf/export-pdf-in-worker.js');
      // The key is found, or made, where the PDF is: the certificate code stays out of the page.
      const { pdf, key } = await exportAssessmentPdfInWorker(assessment, form, {
        key: { namespace: this.namespace, signer: this.signer },
        signature: { method: pad.method ?? 'typed', ...(png ? { image: dataUrlBytes(png) } : {}) },
        schoolName: this.signer.school,
        ...('logo' in logo ? { logo: logo.logo } : {}),
        paper: this.paperSize,
        locale: this.language,
        report: buildReport(assessment, form, score),
        // Resolved here: the worker would resolve a relative folder against its own script.
        ...(this.fontsSrc ? { fonts: new URL(this.fontsSrc, document.baseURI).href } : {}),
        onProgress: (progress) => {
          if (this.exportState.status === 'working') this.exportState = { status: 'working', progress };
        },
      });
      this.keyState = { status: 'ready', key };
      this.deliver(pdf, assessment, key, 'problem' in logo ? logo.problem : '');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.exportState = { status: 'failed', message: reason };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.failed')?.focus();
    }
  }

  /** The logo's bytes, or why it could not be used (the PDF is made without it). */
  private async loadLogo(): Promise<{ logo: { bytes: Uint8Array; format: 'PNG' | 'JPEG' } } | { problem: string }> {
    if (!this.logoSrc) return { problem: '' };
    try {
      const response = await fetch(this.logoSrc);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const format = imageFormat(bytes);
      if (!format) return { problem: msg(str`The school logo at ${this.logoSrc} is not a PNG or JPEG image.`) };
      return { logo: { bytes, format } };
    } catch {
      return { problem: msg(str`The school logo at ${this.logoSrc} could not be loaded.`) };
    }
  }

  private deliver(pdf: Uint8Array, assessment: Assessment, key: DeviceKey, logoProblem: string): void {
    const fileName = datedFileName(`${assessment.tool.name || 'tool'}-risk-assessment`, 'pdf');
    const blob = new Blob([pdf as BlobPart], { type: 'application/pdf' });
    if (this.pdfUrl) URL.revokeObjectURL(this.pdfUrl);
    this.pdfUrl = URL.createObjectURL(blob);
    // A sandboxed frame may not download: the PDF opens in a new tab instead, unless that is
    // refused too (no allow-popups, or the click that started the export is too long ago).
    const saved = !downloadsBlocked();
    const openedInTab = !saved && window.open(this.pdfUrl, '_blank') !== null;
    if (saved) downloadFile(fileName, blob);
    this.exportState = { status: 'done', fileName, url: this.pdfUrl, saved, openedInTab, logoProblem };
    this.dispatchEvent(
      new ProformaPdfExportedEvent({ fileName, pdf, fingerprint: key.fingerprint, signer: this.signer }),
    );
  }

  private async onNewKey(): Promise<void> {
    if (await this.showErrors(this.check(false))) return;
    try {
      const key = await (await this.keys()).reissue(this.signer);
      this.keyState = { status: 'ready', key };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.fingerprint')?.focus();
    } catch (error) {
      this.exportState = { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  override render(): TemplateResult {
    const { form, score } = this;
    if (!form || !score) return html`<p>${msg('There is no assessment to sign yet.')}</p>`;
    if (score.outcome === 'incomplete') {
      const missing = score.reasons.flatMap((reason) =>
        reason.code === 'required-missing' ? [reason.questionId] : [],
      );
      return html`<h2 tabindex="-1">${msg('Sign and save as PDF')}</h2>
        <div class="error-summary">
          <p>${msg(str`Finish the assessment first: ${missing.length} required question(s) are not answered yet.`)}</p>
          <ul>
            ${missing.map((id) => this.renderMissing(id, form))}
          </ul>
        </div>`;
    }
    const working = this.exportState.status === 'working';
    return html`<h2 tabindex="-1">${msg('Sign and save as PDF')}</h2>
      <p class="hint">
        ${msg('Your name, role and signature go on the PDF, which is signed with this browser’s signing key.')}
      </p>
      ${this.renderErrorSummary()}
      <!-- Signing starts from the button's click: a frame sandboxed without allow-forms never fires submit. -->
      <form novalidate @submit=${(event: Event) => event.preventDefault()}>
        ${this.renderField('signer-name', msg('Your full name'), this.signerName, 'name', (value) => (this.signerName = value))}
        ${this.renderField('signer-role', msg('Your role'), this.signerRole, 'organization-title', (value) => (this.signerRole = value))}
        ${this.renderField('signer-school', msg('School'), this.signerSchool, 'organization', (value) => (this.signerSchool = value))}
        ${this.errors.signature ? html`<span class="error-message" id="signature-error">${this.errors.signature}</span>` : nothing}
        ${this.renderSignature()}
        <fieldset>
          <legend>${msg('Paper size')}</legend>
          ${this.renderPaper('a4', msg('A4'))} ${this.renderPaper('letter', msg('US Letter'))}
        </fieldset>
        ${this.renderKey()}
        <div class="actions">
          <!-- aria-disabled, not disabled: a disabled button loses focus, and onSign ignores it meanwhile. -->
          <button class="primary" type="submit" aria-disabled=${working ? 'true' : 'false'} @click=${this.onSign}>
            ${msg('Sign and save PDF')}
          </button>
        </div>
      </form>
      ${this.renderExportState()}`;
  }

  private renderSignature(): TemplateResult {
    const tag = (this.signatureTag ??= scopedTag(this, 'proforma-export', 'proforma-signature', ProformaSignature));
    return staticHtml`<${tag} id="signature" label=${msg('Your signature')} locale=${this.language}></${tag}>`;
  }

  private renderField(
    id: Field,
    label: string,
    value: string,
    autocomplete: string,
    set: (value: string) => void,
  ): TemplateResult {
    const error = this.errors[id];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${error ? html`<span class="error-message" id=${`${id}-error`}>${error}</span>` : nothing}
      <input
        id=${id}
        type="text"
        autocomplete=${autocomplete}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        .value=${value}
        @input=${(event: Event) => set((event.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  private renderPaper(size: 'a4' | 'letter', label: string): TemplateResult {
    return html`<label class="choice">
      <input
        type="radio"
        name="paper"
        .checked=${this.paperSize === size}
        @change=${() => (this.paperSize = size)}
      />${label}
    </label>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    const entries = Object.entries(this.errors) as Array<[Field, string]>;
    if (entries.length === 0) return nothing;
    return html`<div class="error-summary" role="alert" tabindex="-1">
      <h3>${msg('There is a problem')}</h3>
      <ul>
        ${entries.map(
          ([field, message]) =>
            html`<li>
              <a
                href=${`#${field}`}
                @click=${(event: Event) => {
                  event.preventDefault();
                  // <proforma-signature> does not delegate focus: its typed name is the keyboard's way to sign.
                  const scope = field === 'signature' ? this.signaturePad.renderRoot : this.renderRoot;
                  scope.querySelector<HTMLElement>(field === 'signature' ? 'input' : `#${field}`)?.focus();
                }}
                >${message}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  /** The question `questionId` on the page beside this panel: inside `<proforma-assessment>`, whose questions have the ids `q-<id>`. */
  private questionOnPage(questionId: string): HTMLElement | null {
    return (this.getRootNode() as ParentNode).querySelector?.<HTMLElement>(`#q-${CSS.escape(questionId)}`) ?? null;
  }

  /** A question still to answer: a link that moves focus to it when it is on the page. */
  private renderMissing(questionId: string, form: FormDefinition): TemplateResult {
    const question = allQuestions(form).find((each) => each.question.id === questionId)?.question;
    const title = question ? resolveText(question.title, this.language) : questionId;
    if (!this.questionOnPage(questionId)) return html`<li>${title}</li>`;
    return html`<li>
      <a
        href=${`#q-${questionId}`}
        @click=${(event: Event) => {
          event.preventDefault();
          const container = this.questionOnPage(questionId);
          container?.scrollIntoView({ block: 'center', behavior: 'instant' });
          container?.querySelector<HTMLElement>('input, select, textarea, button, summary')?.focus();
        }}
        >${title}</a
      >
    </li>`;
  }

  private renderKey(): TemplateResult {
    const state = this.keyState;
    if (state.status === 'reading') return html`<p class="hint">${msg('Looking for your signing key…')}</p>`;
    if (state.status === 'none') {
      return html`<p class="hint">
        ${msg('This browser has no signing key for you yet: one is made when you sign. The IT lead records its fingerprint, which is shown here afterwards.')}
      </p>`;
    }
    return html`<p>
        ${msg('Your signing key’s fingerprint (the IT lead records it):')}
        <span class="fingerprint" part="fingerprint" tabindex="-1">${state.key.fingerprint}</span>
      </p>
      <details>
        <summary>${msg('Lost your key, or asked for a new one?')}</summary>
        <p>
          ${msg('A new key replaces the one in this browser. PDFs you signed before stay valid; tell the IT lead the new fingerprint so your next PDFs are recognised.')}
        </p>
        <button type="button" @click=${this.onNewKey}>${msg('Make a new signing key')}</button>
      </details>`;
  }

  private renderExportState(): TemplateResult {
    const state = this.exportState;
    return html`<div role="status" aria-live="polite">
        ${
          state.status === 'working'
            ? html`<p>
                  ${msg(str`Making the PDF: ${stepWords(state.progress.step)} (${Math.floor(state.progress.fraction * 100)}%)`)}
                </p>
                <progress max="100" value=${Math.floor(state.progress.fraction * 100)} aria-hidden="true"></progress>`
            : nothing
        }
        ${
          state.status === 'done'
            ? html`<div class="done">
                <p>
                  ${
                    state.openedInTab
                      ? msg(str`Signed. The PDF opened in a new tab: save it there as ${state.fileName}.`)
                      : state.saved
                        ? msg(str`Signed and saved as ${state.fileName}.`)
                        : msg(str`Signed. Open the PDF with the link below and save it as ${state.fileName}.`)
                  }
                </p>
                ${state.logoProblem ? html`<p>${state.logoProblem} ${msg('The PDF was made without it.')}</p>` : nothing}
                <p>
                  <!-- Where downloads are blocked, a download link would be too: this one opens the PDF. -->
                  <a href=${state.url} target="_blank" rel="noopener" download=${state.saved ? state.fileName : nothing}
                    >${state.saved ? msg('Download the PDF again') : msg('Open the PDF')}</a
                  >
                </p>
              </div>`
            : nothing
        }
      </div>
      ${
        state.status === 'failed'
          ? html`<div class="failed" role="alert" tabindex="-1">
              <h3>${msg('The PDF could not be made')}</h3>
              <p>${state.message}</p>
              <p>
                ${msg('Your answers are not affected. Try again; if it keeps failing, download a backup of the draft.')}
              </p>
            </div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'proforma-export': ProformaExport;
  }
}
