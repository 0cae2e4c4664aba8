import type { Answers } from './model/answers.js';
import type { Score } from './model/scoring.js';
// A type only: the verifier itself (and pkijs with it) loads when a file is checked.
import type { PdfVerification } from './pdf/verify-pdf.js';

export interface ProformaChangeDetail {
  /** Every answer, keyed by question id. */
  answers: Answers;
  /** The score of those answers. */
  score: Score;
}

/** Fired when the person filling in the form changes an answer (never for a programmatic change). */
export class ProformaChangeEvent extends CustomEvent<ProformaChangeDetail> {
  static readonly eventName = 'proforma-change';
  constructor(detail: ProformaChangeDetail) {
    super(ProformaChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

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
    'proforma-change': ProformaChangeEvent;
    'proforma-form-error': ProformaFormErrorEvent;
    'proforma-verified': ProformaVerifiedEvent;
  }
}
