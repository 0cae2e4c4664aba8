import type { Scoring } from '../form-definition.js';
import type { RegisterEntry, Status } from '../register-entry.js';
import type { Outcome } from '../scoring.js';
import { addMonths, dayNumber, formatDate, parseDate, parseDateOrThrow } from './calendar.js';
import { APPROVED } from './statuses.js';

// When a decision falls due for review, and what staff see as it nears and passes.

/** How long before its review date a tool shows as "review due". */
export const REVIEW_DUE_WINDOW_DAYS = 30;

/** What review dates are worked out from: an entry, with or without its history. */
type ReviewedEntry = Pick<RegisterEntry, 'status' | 'reviewDue'>;

const DEFAULT_REVIEW_MONTHS = { approved: 12, approvedWithConditions: 6 };

/**
 * When a decision should be reviewed, as `yyyy-mm-dd`: 12 months after an
 * approval and 6 after an approval with conditions, unless the form's
 * `scoring.reviewMonths` says otherwise; `undefined` for any other outcome.
 * A month later than 31 January is the last day of February.
 */
export function reviewDueDate(
  decisionDate: string,
  outcome: Outcome,
  reviewMonths: Scoring['reviewMonths'] = DEFAULT_REVIEW_MONTHS,
): string | undefined {
  const date = parseDateOrThrow(decisionDate, 'The decision date');
  if (outcome === 'approved') return formatDate(addMonths(date, reviewMonths.approved));
  if (outcome === 'approved-with-conditions') return formatDate(addMonths(date, reviewMonths.approvedWithConditions));
  return undefined;
}

/**
 * What staff see for an entry on `today` (`yyyy-mm-dd`, the school's local
 * date): an approved tool is "review due" from 30 days before its review date
 * up to and including that day, and "expired" after it; anything else shows
 * its stored status.
 */
export function effectiveStatus(entry: ReviewedEntry, today: string): Status {
  return statusOn(entry, dayNumber(parseDateOrThrow(today, 'Today')));
}

/**
 * Days from `today` to an approved tool's review date: 0 on the day, negative
 * once it has passed. `undefined` when the entry is not approved or has no
 * review date.
 */
export function daysUntilReview(entry: ReviewedEntry, today: string): number | undefined {
  return daysUntilReviewOn(entry, dayNumber(parseDateOrThrow(today, 'Today')));
}

/** A moment's date in the browser's time zone, as `yyyy-mm-dd`: "today" for the functions above. */
export function localIsoDate(moment: Date = new Date()): string {
  return formatDate({ year: moment.getFullYear(), month: moment.getMonth() + 1, day: moment.getDate() });
}

export function daysUntilReviewOn(entry: ReviewedEntry, today: number): number | undefined {
  if (!APPROVED.includes(entry.status) || entry.reviewDue === undefined) return undefined;
  const due = parseDate(entry.reviewDue);
  return due === undefined ? undefined : dayNumber(due) - today;
}

export function statusOn(entry: ReviewedEntry, today: number): Status {
  const days = daysUntilReviewOn(entry, today);
  if (days === undefined || days > REVIEW_DUE_WINDOW_DAYS) return entry.status;
  return days < 0 ? 'expired' : 'review-due';
}
