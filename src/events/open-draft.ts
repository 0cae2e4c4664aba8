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
    'proforma-open-draft': ProformaOpenDraftEvent;
  }
}
