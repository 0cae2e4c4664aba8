import { nothing, type TemplateResult } from 'lit';
import { DraftSession, type DraftSessionHost } from '../../controllers/draft-session.js';
import type { FormDefinition } from '../../model/form-definition.js';
import { renderDraftAlerts, renderDraftNotices, renderNoLongerAsked, renderSaveStatus } from './draft-status.js';
import { errorSummaryStyles } from '../../styles/error-summary.styles.js';
import { messageStyles } from '../../styles/messages.styles.js';
import { draftStyles } from './draft-status.styles.js';

/**
 * The draft session as `<proforma-assessment>` shows it: the session's state, with the save status,
 * the alerts and the notes about the opened draft drawn from it. Loaded on demand with the session,
 * so that none of it delays the first render of the form.
 */
export class AssessmentDrafts extends DraftSession {
  constructor(private readonly assessment: DraftSessionHost) {
    super(assessment);
    // These styles come with the draft code rather than with the first render.
    const root = assessment.shadowRoot;
    const sheets = [messageStyles, errorSummaryStyles, draftStyles].flatMap(({ styleSheet }) =>
      styleSheet ? [styleSheet] : [],
    );
    if (root) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  }

  renderStatus(locale: string): TemplateResult {
    return renderSaveStatus(this.autosave, this.storage, locale);
  }

  renderAlerts(locale: string, form: FormDefinition): TemplateResult[] {
    return [
      renderDraftAlerts(this.autosave, locale, this.storage.memoryOnly, {
        downloadBackup: () => this.downloadBackup(),
        takeTheirs: () => this.autosave.takeTheirs(),
        keepMine: () => void this.autosave.keepMine(),
      }),
      renderDraftNotices(this.requestedId, this.requested, this.draftForm, form),
    ].filter((part): part is TemplateResult => part !== nothing);
  }

  renderNoLongerAsked(form: FormDefinition): TemplateResult | typeof nothing {
    return renderNoLongerAsked(form, this.assessment.answers);
  }
}
