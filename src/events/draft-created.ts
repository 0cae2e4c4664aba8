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

declare global {
  interface GlobalEventHandlersEventMap {
    'proforma-draft-created': ProformaDraftCreatedEvent;
  }
}
