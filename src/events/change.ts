import type { Answers } from '../model/answers.js';
import type { Score } from '../model/scoring.js';

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

declare global {
  interface GlobalEventHandlersEventMap {
    'proforma-change': ProformaChangeEvent;
  }
}
