import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { Answers } from '../../model/answers.js';
import { assessmentFromAnswers, type Assessment, type CopiedFrom } from '../../model/assessment.js';
import type { FormDefinition } from '../../model/form-definition.js';
import type { DraftSession } from '../../controllers/draft-session.js';
import { newId } from '../../internal/ids.js';
import { scopedTag } from '../../internal/scoped-tag.js';
import { ProformaExport } from '../proforma-export/proforma-export.js';
import type { ProformaPdfExportedEvent } from '../../events/pdf-exported.js';
import type { OutgoingSubmission } from '../../services/register/submission-outbox.js';

/** What the panel reads of the assessment it belongs to (`<proforma-assessment>`). */
export interface ExportPanelHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The form definition in use, once it has loaded and passed its checks. */
  readonly definition: FormDefinition | undefined;
  readonly answers: Answers;
  /** Where the answers were copied from, when they were. */
  readonly copiedFrom: CopiedFrom | undefined;
  readonly draftId: string;
  readonly schoolName: string;
  readonly logoSrc: string;
  readonly namespace: string;
  /** The language of the words and of the PDF. */
  readonly language: string;
  /** The school's shared register, when the signed PDF may be sent to the IT lead from here. */
  readonly couchUrl: string;
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
  /** The last PDF signed here, to send to the IT lead. */
  private signed: OutgoingSubmission | undefined;
  /** `<proforma-submissions>`, loaded once a PDF is signed with `couch-url` set. */
  private submissionsTag: StaticValue | undefined;

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
        copiedFrom: host.copiedFrom,
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
    const submissions = this.submissionsTag;
    return staticHtml`<${tag}
      id="export"
      .assessment=${this.assessment}
      .form=${host.definition}
      school-name=${host.schoolName}
      logo-src=${host.logoSrc}
      namespace=${host.namespace}
      locale=${host.language}
      @proforma-pdf-exported=${this.onExported}
    ></${tag}>
    ${
      submissions && host.couchUrl
        ? staticHtml`<${submissions} couch-url=${host.couchUrl} locale=${host.language} .signed=${this.signed}></${submissions}>`
        : nothing
    }`;
  }

  /** A PDF was signed: with a shared register, it is offered to send to the IT lead. */
  private readonly onExported = async (event: ProformaPdfExportedEvent): Promise<void> => {
    const { pdf, fileName, signer } = event.detail;
    const tool = this.assessment?.tool;
    this.signed = {
      pdf,
      fileName,
      signerName: signer.name,
      tool: { name: tool?.name || fileName, ...(tool?.url ? { url: tool.url } : {}) },
    };
    const { host } = this;
    if (host.couchUrl && !this.submissionsTag) {
      // Only a page with a shared register loads this, and the CouchDB code behind it.
      const { ProformaSubmissions } = await import('../proforma-submissions/proforma-submissions.js');
      this.submissionsTag = scopedTag(host, 'proforma-assessment', 'proforma-submissions', ProformaSubmissions);
    }
    host.requestUpdate();
  };
}
