import type { RegisterEntry, Status } from '../register-entry.js';
import type { Outcome } from '../scoring.js';
import { dayNumber, parseDateOrThrow } from './calendar.js';
import { daysUntilReviewOn, statusOn } from './review-dates.js';
import { compareCodeUnits, foldText } from './values.js';

// The register's filters and column sorting, as staff and the IT lead use them.

/** An entry as a list shows it: with its history array, or folded from the log without one. */
export type ListedEntry = Omit<RegisterEntry, 'history'>;

export interface RegisterFilter {
  /** The status staff see (see `effectiveStatus`), so "review-due" and "expired" can be picked. */
  status?: Status;
  /** The outcome the assessment's score gave. */
  outcome?: Outcome;
  /** Approved tools whose review date is today or within this many days. */
  reviewWithinDays?: 30 | 60 | 90;
  /** `true`: only approved tools past their review date; `false`: none of those. */
  overdue?: boolean;
  /** A year group, subject or owner's name, matched whole, ignoring case and accents; blank matches all. */
  yearGroup?: string;
  subject?: string;
  owner?: string;
  /** Words that must all appear in the tool, vendor, purpose, owners' names or conditions. */
  search?: string;
}

/** The entries that pass every filter given, in their order. */
export function filterEntries<Entry extends ListedEntry>(
  entries: readonly Entry[],
  filter: RegisterFilter,
  today: string,
): Entry[] {
  const day = dayNumber(parseDateOrThrow(today, 'Today'));
  const words = foldText(filter.search ?? '')
    .split(/\s+/)
    .filter((word) => word !== '');
  const yearGroup = foldText((filter.yearGroup ?? '').trim());
  const subject = foldText((filter.subject ?? '').trim());
  const owner = foldText((filter.owner ?? '').trim());
  const hasValue = (values: readonly string[], wanted: string) =>
    values.some((value) => foldText(value.trim()) === wanted);

  return entries.filter((entry) => {
    if (filter.status !== undefined && statusOn(entry, day) !== filter.status) return false;
    if (filter.outcome !== undefined && entry.outcome !== filter.outcome) return false;
    if (filter.reviewWithinDays !== undefined || filter.overdue !== undefined) {
      const days = daysUntilReviewOn(entry, day);
      if (filter.reviewWithinDays !== undefined && (days === undefined || days < 0 || days > filter.reviewWithinDays)) {
        return false;
      }
      if (filter.overdue !== undefined && (days !== undefined && days < 0) !== filter.overdue) return false;
    }
    if (yearGroup !== '' && !hasValue(entry.yearGroups, yearGroup)) return false;
    if (subject !== '' && !hasValue(entry.subjects, subject)) return false;
    if (
      owner !== '' &&
      !hasValue(
        entry.owners.map((person) => person.name),
        owner,
      )
    )
      return false;
    if (words.length > 0) {
      const text = searchText(entry);
      if (!words.every((word) => text.includes(word))) return false;
    }
    return true;
  });
}

export const SORT_KEYS = ['tool', 'status', 'outcome', 'readiness', 'reviewDue'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

/**
 * The workflow's order of statuses, with a decision's review states after the
 * approvals: how statuses sort, and the order a filter offers them in.
 */
export const STATUS_ORDER: readonly Status[] = [
  'draft',
  'submitted',
  'under-review',
  'approved',
  'approved-with-conditions',
  'review-due',
  'expired',
  'not-approved',
  'retired',
];
const OUTCOME_ORDER: readonly Outcome[] = ['approved', 'approved-with-conditions', 'not-approved', 'incomplete'];

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The entries sorted by one column, as a new array. Entries that compare
 * equal keep their order; entries with nothing in the column (no readiness,
 * no review date) come last either way. Status sorts by the stored status,
 * or by what staff see when `today` is given.
 */
export function sortEntries<Entry extends ListedEntry>(
  entries: readonly Entry[],
  key: SortKey,
  direction: SortDirection = 'ascending',
  today?: string,
): Entry[] {
  const day = today === undefined ? undefined : dayNumber(parseDateOrThrow(today, 'Today'));
  const sortValue = (entry: Entry): string | number | undefined => {
    switch (key) {
      case 'tool':
        return entry.tool;
      case 'status':
        return STATUS_ORDER.indexOf(day === undefined ? entry.status : statusOn(entry, day));
      case 'outcome':
        return entry.outcome === undefined ? undefined : OUTCOME_ORDER.indexOf(entry.outcome);
      case 'readiness':
        return entry.readiness ?? undefined;
      case 'reviewDue':
        return entry.reviewDue;
    }
  };
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = entries.map((entry, index) => ({ entry, index, value: sortValue(entry) }));
  keyed.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value === b.value) return a.index - b.index;
      return a.value === undefined ? 1 : -1;
    }
    const order =
      typeof a.value === 'string' && typeof b.value === 'string'
        ? key === 'tool'
          ? collator.compare(a.value, b.value)
          : compareCodeUnits(a.value, b.value)
        : (a.value as number) - (b.value as number);
    return order === 0 ? a.index - b.index : sign * order;
  });
  return keyed.map(({ entry }) => entry);
}

const searchTexts = new WeakMap<ListedEntry, string>();

/** The searchable text of an entry, folded; kept per entry, which is never changed in place. */
function searchText(entry: ListedEntry): string {
  let text = searchTexts.get(entry);
  if (text === undefined) {
    text = foldText(
      [entry.tool, entry.vendor, entry.purpose, ...entry.owners.map((person) => person.name), ...entry.conditions]
        .filter((part) => part !== undefined)
        .join('\n'),
    );
    searchTexts.set(entry, text);
  }
  return text;
}
