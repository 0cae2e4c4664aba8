export interface ProformaFormErrorDetail {
  /** Each problem in words, with its JSON path where there is one. */
  problems: string[];
  /** The URL the definition came from, when it came from `form-src`. */
  source?: string;
}

/** Fired when a form definition cannot be loaded or is not valid. */
export class ProformaFormErrorEvent extends CustomEvent<ProformaFormErrorDetail> {
  static readonly eventName = 'proforma-form-error';
  constructor(detail: ProformaFormErrorDetail) {
    super(ProformaFormErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'proforma-form-error': ProformaFormErrorEvent;
  }
}
