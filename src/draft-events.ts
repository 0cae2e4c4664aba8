// Events about drafts live apart from the form's events, so that their code
// loads with the draft code rather than with the first render.

export interface ProformaDraftCreatedDetail {
  /** The new draft's id: give it back as `draft-id` to resume the draft later. */
  draftId: string;
}

/** Fired when the first change to a new assessment creates its draft. */
export class ProformaDraftCreatedEvent extends CustomEvent<ProformaDraftCreatedDetail> {
  static readonly eventName = 'proforma-draft-created';
  constructor(detail: ProformaDraftCreatedDetail) {
    super(ProformaDraftCreatedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

export interface ProformaOpenDraftDetail {
  draftId: string;
  formId: string;
}

/** Fired by the list of drafts when the person chooses to open one. */
export class ProformaOpenDraftEvent extends CustomEvent<ProformaOpenDraftDetail> {
  static readonly eventName = 'proforma-open-draft';
  constructor(detail: ProformaOpenDraftDetail) {
    super(ProformaOpenDraftEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'proforma-draft-created': ProformaDraftCreatedEvent;
    'proforma-open-draft': ProformaOpenDraftEvent;
  }
}
