/** How a signature was made: drawn on the pad, or typed as a name. */
export type SignatureMethod = 'drawn' | 'typed';

export interface ProformaSignatureChangeDetail {
  /** The signature as a transparent PNG data URL, or `undefined` once cleared. */
  png: string | undefined;
  /** How it was made: drawn on the pad, or typed as a name. */
  method: SignatureMethod | undefined;
}

/** Fired when the person draws, types or clears the signature. */
export class ProformaSignatureChangeEvent extends CustomEvent<ProformaSignatureChangeDetail> {
  static readonly eventName = 'proforma-signature-change';
  constructor(detail: ProformaSignatureChangeDetail) {
    super(ProformaSignatureChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'proforma-signature-change': ProformaSignatureChangeEvent;
  }
}
