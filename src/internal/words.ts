import { msg, str } from '@lit/localize';
import type { ItemRating, RiskBand } from '../model/form-definition.js';
import type { Outcome, Reason } from '../model/scoring.js';

// Words are looked up when called, never at module load, so that a change of
// language takes effect on the next render.

export function outcomeWords(outcome: Outcome): string {
  switch (outcome) {
    case 'approved':
      return msg('Approved');
    case 'approved-with-conditions':
      return msg('Approved with conditions');
    case 'not-approved':
      return msg('Not approved');
    case 'incomplete':
      return msg('Not finished yet');
  }
}

export function ratingWords(rating: ItemRating): string {
  switch (rating) {
    case 'met':
      return msg('Met');
    case 'partly':
      return msg('Partly met');
    case 'not-met':
      return msg('Not met');
    case 'not-applicable':
      return msg('Not applicable');
  }
}

export function bandWords(band: RiskBand): string {
  switch (band) {
    case 'green':
      return msg('Low (green)');
    case 'amber':
      return msg('Medium (amber)');
    case 'red':
      return msg('High (red)');
    case 'stop':
      return msg('Unacceptable (stop)');
  }
}

/** The heading over an outcome's reasons, the same on the page and in the PDF. */
export function reasonsHeading(outcome: Outcome): string {
  switch (outcome) {
    case 'approved':
      return msg('Why');
    case 'approved-with-conditions':
      return msg('Conditions');
    case 'incomplete':
      return msg('Still to answer');
    case 'not-approved':
      return msg('What blocks approval');
  }
}

/** A reason in words, as it reads under its outcome's `reasonsHeading`; `title` gives a question's title from its id. */
export function reasonWords(reason: Reason, title: (questionId: string) => string): string {
  switch (reason.code) {
    case 'critical-not-met':
      return msg(str`Critical item not met: ${title(reason.questionId)}`);
    case 'residual-risk-too-high':
      return msg(
        str`Risk after controls is too high: ${title(reason.questionId)} scores ${reason.residual}, ${bandWords(reason.band)}`,
      );
    case 'required-missing':
      // Under "Still to answer" (reasonsHeading), the question's title says it all.
      return title(reason.questionId);
    case 'readiness-too-low':
      return msg(
        str`Readiness is ${reason.readiness}%, below the ${reason.threshold}% needed even for approval with conditions`,
      );
    case 'readiness-below-approval':
      return msg(str`Readiness is ${reason.readiness}%, below the ${reason.threshold}% needed for approval`);
    case 'item-not-met':
      return msg(str`Not met: ${title(reason.questionId)}`);
    case 'item-partly-met':
      return msg(str`Partly met: ${title(reason.questionId)}`);
    case 'residual-risk-above-approval':
      return msg(
        str`Risk after controls: ${title(reason.questionId)} scores ${reason.residual}, ${bandWords(reason.band)}`,
      );
    case 'nothing-applicable':
      return msg('Every assessment item is marked not applicable: a reviewer should confirm that.');
    case 'critical-none-failed':
      return msg(str`No critical item is “not met” (${reason.count} met)`);
    case 'readiness-met':
      return msg(str`Readiness is ${reason.readiness}%, meeting the ${reason.threshold}% needed`);
    case 'residual-risk-within':
      return reason.band === null
        ? msg('No hazards are rated')
        : msg(str`Highest risk after controls: ${bandWords(reason.band)}`);
  }
}
