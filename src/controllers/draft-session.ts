import type { PropertyValues, ReactiveControllerHost } from 'lit';
import type { Answers } from '../model/answers.js';
import { makeBackup, type Draft } from '../model/draft.js';
import type { FormDefinition } from '../model/form-definition.js';
import type { Score } from '../model/scoring.js';
import { assessmentFromAnswers, type Assessment, type CopiedFrom } from '../model/assessment.js';
import { resolveText } from '../model/text.js';
import { ProformaDraftCreatedEvent } from '../events/draft-created.js';
import type { DraftStore } from '../services/draft-store.js';
import { datedFileName, downloadFile } from '../internal/download.js';
import { newId } from '../internal/ids.js';
import { AutosaveController } from './autosave-controller.js';
import { draftChannelName, DraftStoreController } from './draft-store-controller.js';

/** What the assessment element offers the draft session. */
export interface DraftSessionHost extends ReactiveControllerHost, HTMLElement {
  draftId: string;
  namespace: string;
  /** A store given directly by the host page, which wins over one from context. */
  draftStore: DraftStore | undefined;
  answers: Answers;
  /** Where the answers were copied from, when they were: saved and opened with them. */
  copiedFrom: CopiedFrom | undefined;
  readonly definition: FormDefinition | undefined;
  readonly currentScore: Score | undefined;
  readonly language: string;
}

/**
 * Everything about keeping an assessment as a draft: which store, opening
 * the draft named by `draft-id`, giving a new assessment its id, and autosave.
 * State only: the assessment draws it (see its `drafts.ts`).
 * Loaded on demand, so that none of it delays the first render of the form.
 */
export class DraftSession {
  readonly autosave: AutosaveController;
  readonly storage: DraftStoreController;
  /**
   * What became of the draft named by `draft-id`: `missing` when this browser
   * has none under it, `damaged` when the record under it cannot be read.
   * Either way what the person answers is saved as a new draft; a damaged
   * record is kept as it is, under its own id.
   */
  requested: 'opened' | 'missing' | 'damaged' = 'opened';
  /** True while the draft named by `draft-id` is being read, so its form is not yet to be edited. */
  opening = false;
  /** The form the opened draft was made with. */
  draftForm: { id: string; version: string } | undefined;

  private openedDraftId: string | undefined;
  /** The id `draft-id` named, kept when the answers move to a new draft because its record was damaged. */
  private requestedDraftId: string | undefined;
  private createdAt: string | undefined;

  constructor(private readonly host: DraftSessionHost) {
    this.autosave = new AutosaveController(host, {
      currentDraft: () => this.currentDraft(),
      showDraft: (draft) => this.showDraft(draft),
    });
    this.storage = new DraftStoreController(host, (store) => {
      this.autosave.useStore(store, draftChannelName(host.namespace));
      // A different store may hold a different copy of the draft; but changes
      // not yet saved are kept, and saved into the new store.
      if (!this.autosave.hasUnsavedChanges) this.openedDraftId = undefined;
      void this.openRequestedDraft();
    });
    void this.storage.resolve();
  }

  /** Call from the host's `willUpdate`, so a new `draft-id`, namespace or store takes effect. */
  hostPropertiesChanged(changed: PropertyValues): void {
    if (changed.has('namespace') || changed.has('draftStore')) void this.storage.resolve();
    if (changed.has('draftId')) void this.openRequestedDraft();
  }

  /** Call after every change the person makes. */
  changed(): void {
    // A damaged record is never written over: the answers go to a draft of their own.
    const damagedUnderId = this.requested === 'damaged' && this.host.draftId === this.requestedDraftId;
    if (!this.host.draftId || damagedUnderId) {
      this.host.draftId = newId();
      this.openedDraftId = this.host.draftId;
      if (!damagedUnderId) this.requested = 'opened';
      this.autosave.startNew(this.host.draftId);
      this.host.dispatchEvent(new ProformaDraftCreatedEvent({ draftId: this.host.draftId }));
    }
    this.autosave.changed();
  }

  /** The draft as it stands now, built from the current answers (its revision is set when saved). */
  currentDraft(): Draft {
    const { definition: form, currentScore: score, answers } = this.host;
    const now = new Date().toISOString();
    this.createdAt ??= now;
    return {
      assessment: assessmentFromAnswers(form ?? this.draftForm ?? { id: '', version: '' }, answers, {
        id: this.host.draftId,
        createdAt: this.createdAt,
        updatedAt: now,
        copiedFrom: this.host.copiedFrom,
      }),
      ...(form ? { formTitle: resolveText(form.title, this.host.language) } : {}),
      ...(score ? { outcome: score.outcome } : {}),
    };
  }

  /** The assessment as it stands, with the revision it has once its changes are saved. */
  currentAssessment(): Assessment {
    const { assessment } = this.currentDraft();
    const { savedRevision, hasUnsavedChanges } = this.autosave;
    return { ...assessment, revision: savedRevision + (hasUnsavedChanges ? 1 : 0) };
  }

  /** The id of the draft `draft-id` named, even after its answers moved to a new draft because its record was damaged. */
  get requestedId(): string {
    return this.requestedDraftId ?? this.host.draftId;
  }

  /** Shows a saved draft's answers (from opening it, or from another tab). */
  private showDraft(draft: Draft): void {
    this.createdAt = draft.assessment.createdAt;
    this.draftForm = draft.assessment.form;
    this.host.copiedFrom = draft.assessment.copiedFrom;
    this.host.answers = draft.assessment.answers;
  }

  /** Offers the draft as it stands as a backup file, for when it cannot be saved. */
  downloadBackup(): void {
    const draft = this.currentDraft();
    const name = datedFileName(`${draft.assessment.tool.name || 'assessment'}-draft`, 'json');
    downloadFile(name, new Blob([JSON.stringify(makeBackup([draft]), null, 2)], { type: 'application/json' }));
  }

  /** Opens the draft named by the host's `draft-id`, once the store is known. */
  private async openRequestedDraft(): Promise<void> {
    const host = this.host;
    const id = host.draftId;
    if (!this.autosave.hasStore || id === this.openedDraftId) return;
    this.openedDraftId = id;
    this.createdAt = undefined;
    this.draftForm = undefined;
    this.requested = 'opened';
    this.requestedDraftId = id || undefined;
    if (!id) {
      host.requestUpdate();
      return;
    }
    this.opening = true;
    let draft: Draft | undefined;
    let damaged = false;
    try {
      draft = await this.autosave.open(id);
      // Said at once, before anything is typed: a draft that cannot be read is not a draft that is not there.
      damaged = draft === undefined && (await this.storage.store?.damagedRecord(id)) !== undefined;
    } finally {
      this.opening = false;
    }
    if (id !== host.draftId) return;
    this.requested = draft ? 'opened' : damaged ? 'damaged' : 'missing';
    if (draft) this.showDraft(draft);
    else this.autosave.startNew(id);
    host.requestUpdate();
  }
}
