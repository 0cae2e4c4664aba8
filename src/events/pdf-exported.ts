export interface ProformaPdfExportedDetail {
  /** The name the PDF was saved under, e.g. "padlet-risk-assessment-2026-11-21.pdf". */
  fileName: string;
  /** The signed PDF. */
  pdf: Uint8Array;
  /** The fingerprint of the device key that signed it. */
  fingerprint: string;
  /** The name, role and school the PDF is signed in. */
  signer: { name: string; role: string; school: string };
}

/** Fired when a signed PDF has been made and offered to the person. */
export class ProformaPdfExportedEvent extends CustomEvent<ProformaPdfExportedDetail> {
  static readonly eventName = 'proforma-pdf-exported';
  constructor(detail: ProformaPdfExportedDetail) {
    super(ProformaPdfExportedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'proforma-pdf-exported': ProformaPdfExportedEvent;
  }
}
