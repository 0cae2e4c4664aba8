// A type only: the verifier itself (and pkijs with it) loads when a file is checked.
import type { PdfVerification } from '../pdf/verify-pdf.js';

export interface ProformaVerifiedDetail {
  /** The name of the file that was checked, as the person chose or dropped it. */
  fileName: string;
  /** What the check found: status, problems, signer and, when valid, the assessment. */
  result: PdfVerification;
}

/** Fired once for each PDF checked by `<proforma-verify>`, valid or not. */
export class ProformaVerifiedEvent extends CustomEvent<ProformaVerifiedDetail> {
  static readonly eventName = 'proforma-verified';
  constructor(detail: ProformaVerifiedDetail) {
    super(ProformaVerifiedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'proforma-verified': ProformaVerifiedEvent;
  }
}
