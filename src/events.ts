import type { Answers } from './model/answers.js';
import type { Score } from './model/scoring.js';

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

declare global {
  interface GlobalEventHandlersEventMap {
    'proforma-change': ProformaChangeEvent;
    'proforma-form-error': ProformaFormErrorEvent;
  }
}
