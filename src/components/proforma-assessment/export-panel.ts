import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { Answers } from '../../model/answers.js';
import { assessmentFromAnswers, type Assessment } from '../../model/assessment.js';
import type { FormDefinition } from '../../model/form-definition.js';
import type { DraftSession } from '../../controllers/draft-session.js';
import { newId } from '../../internal/ids.js';
import { scopedTag } from '../../internal/scoped-tag.js';
import { ProformaExport } from '../proforma-export/proforma-export.js';

/** What the panel reads of the assessment it belongs to (`<proforma-assessment>`). */
export interface ExportPanelHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The form definition in use, once it has loaded and passed its checks. */
  readonly definition: FormDefinition | undefined;
  readonly answers: Answers;
  readonly draftId: string;
  readonly schoolName: string;
  readonly logoSrc: string;
  readonly namespace: string;
  /** The language of the words and of the PDF. */
  readonly language: string;
}

/**
 * The "Sign and save as PDF" panel at the end of the form: `<proforma-export>`
 * given the assessment as it stands. Loaded when the teacher asks for it, so
 * none of it (nor the PDF code behind it) delays the form.
 */
export class ExportPanel {
  private assessment: Assessment | undefined;
  private readonly createdAt = new Date().toISOString();
  /** An id for an assessment kept by the host page rather than as a draft. */
  private readonly fallbackId = newId();
  /** `<proforma-export>`, with the form's own tag suffix. */
  private readonly exportTag: StaticValue;

  constructor(
    private readonly host: ExportPanelHost,
    private readonly drafts: () => DraftSession | undefined,
  ) {
    this.exportTag = scopedTag(host, 'proforma-assessment', 'proforma-export', ProformaExport);
    this.refresh();
    host.requestUpdate();
    // The panel replaces the button that opened it: focus moves to the panel's heading.
    void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>('#export')?.focus());
  }

  /** Takes the latest answers and draft id. */
  refresh(): void {
    const { host } = this;
    const form = host.definition;
    const drafts = this.drafts();
    if (drafts) this.assessment = drafts.currentAssessment();
    else if (form) {
      this.assessment = assessmentFromAnswers(form, host.answers, {
        id: host.draftId || this.fallbackId,
        createdAt: this.createdAt,
        updatedAt: new Date().toISOString(),
      });
    }
  }

  render(): TemplateResult {
    const { host } = this;
    // Every change of answers (by the person or the host page) and a draft made after the panel opened.
    if (this.assessment?.answers !== host.answers || this.assessment?.id !== (host.draftId || this.fallbackId)) {
      this.refresh();
    }
    const tag = this.exportTag;
    return staticHtml`<${tag}
      id="export"
      .assessment=${this.assessment}
      .form=${host.definition}
      school-name=${host.schoolName}
      logo-src=${host.logoSrc}
      namespace=${host.namespace}
      locale=${host.language}
    ></${tag}>`;
  }
}
