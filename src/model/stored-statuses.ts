/**
 * Where an entry of the approved-tools register stands. The decision
 * statuses are kept; "review due" and "expired" follow from the review date
 * (see register/review-dates.ts) and are never stored. A module of its own,
 * without the register's schemas, so that code that only checks a status
 * need not bring them along.
 */
export const STORED_STATUSES = [
  'draft',
  'submitted',
  'under-review',
  'approved',
  'approved-with-conditions',
  'not-approved',
  'retired',
] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];
