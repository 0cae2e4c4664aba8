import { sourceLocale } from '../../internal/localization.js';
import type { Status } from '../../model/register-entry.js';
import {
  filterEntries,
  sortEntries,
  type ListedEntry,
  type RegisterFilter,
  type SortDirection,
  type SortKey,
} from '../../model/register/index.js';
import type { Outcome } from '../../model/scoring.js';

// What the list of tools shows: the filters, the search, the sort and the
// page, as one value changed only through the functions below, and what
// follows from it for a register's entries. No DOM, no element.

/** Rows on one page of the table: a register of thousands is never drawn whole. */
export const REGISTER_PAGE_SIZE = 50;

export type ReviewFilter = '' | '30' | '60' | '90' | 'overdue';

export interface ListState {
  status: Status | '';
  outcome: Outcome | '';
  review: ReviewFilter;
  yearGroup: string;
  subject: string;
  owner: string;
  /** What the search box holds once typing has rested. */
  search: string;
  sortKey: SortKey;
  sortDirection: SortDirection;
  page: number;
}

export const FIRST_LIST_STATE: ListState = {
  status: '',
  outcome: '',
  review: '',
  yearGroup: '',
  subject: '',
  owner: '',
  search: '',
  sortKey: 'tool',
  sortDirection: 'ascending',
  page: 1,
};

export type ListFilters = Pick<
  ListState,
  'status' | 'outcome' | 'review' | 'yearGroup' | 'subject' | 'owner' | 'search'
>;

/** The state with some filters changed, back on the first page. */
export function withFilters(state: ListState, change: Partial<ListFilters>): ListState {
  return { ...state, ...change, page: 1 };
}

/** The state with every filter and the search cleared; the sort stays. */
export function withoutFilters(state: ListState): ListState {
  const { sortKey, sortDirection } = state;
  return { ...FIRST_LIST_STATE, sortKey, sortDirection };
}

/** Sorted by `key`: the other way round when it already was, and back on the first page. */
export function sortedBy(state: ListState, key: SortKey): ListState {
  const sortDirection =
    state.sortKey === key && state.sortDirection === 'ascending' ? 'descending' : ('ascending' as const);
  return { ...state, sortKey: key, sortDirection, page: 1 };
}

/** Whether any filter or the search is set. */
export function filtering(state: ListState): boolean {
  return Object.keys(filterOf(state)).length > 0;
}

export function filterOf(state: ListState): RegisterFilter {
  const filter: RegisterFilter = {};
  if (state.status) filter.status = state.status;
  if (state.outcome) filter.outcome = state.outcome;
  if (state.review === 'overdue') filter.overdue = true;
  else if (state.review) filter.reviewWithinDays = Number(state.review) as 30 | 60 | 90;
  if (state.yearGroup) filter.yearGroup = state.yearGroup;
  if (state.subject) filter.subject = state.subject;
  if (state.owner) filter.owner = state.owner;
  if (state.search.trim()) filter.search = state.search;
  return filter;
}

/** One page of the entries the state lets through, in its order, and where that page stands. */
export interface ListPage<T extends ListedEntry> {
  /** Every entry let through, sorted. */
  shown: T[];
  rows: T[];
  /** The page shown: the state's, or the last where fewer entries are let through now. */
  page: number;
  pages: number;
}

/**
 * The entries `state` lets through, sorted, and its page of them. Works
 * the list out again only when the entries, the state or the day change:
 * the same three give the same object.
 */
export function listPager<T extends ListedEntry>(): (
  entries: readonly T[],
  state: ListState,
  today: string,
) => ListPage<T> {
  let last: { entries: readonly T[]; key: string; shown: T[] } | undefined;
  return (entries, state, today) => {
    const key = JSON.stringify([filterOf(state), state.sortKey, state.sortDirection, today]);
    if (last?.entries !== entries || last.key !== key) {
      last = {
        entries,
        key,
        shown: sortEntries(filterEntries(entries, filterOf(state), today), state.sortKey, state.sortDirection, today),
      };
    }
    const shown = last.shown;
    const pages = Math.max(1, Math.ceil(shown.length / REGISTER_PAGE_SIZE));
    const page = Math.min(Math.max(1, state.page), pages);
    return { shown, rows: shown.slice((page - 1) * REGISTER_PAGE_SIZE, page * REGISTER_PAGE_SIZE), page, pages };
  };
}

/** The year groups, subjects and owners the entries name, each once whatever its case, in the language's order. */
export interface FilterOptions {
  yearGroups: string[];
  subjects: string[];
  owners: string[];
}

export function filterOptions(entries: readonly ListedEntry[], language: string): FilterOptions {
  const collator = new Intl.Collator([language, sourceLocale], { numeric: true, sensitivity: 'base' });
  // Thousands of entries name a few values many times over: each value is trimmed and folded once.
  const yearGroups = new Set<string>();
  const subjects = new Set<string>();
  const owners = new Set<string>();
  for (const entry of entries) {
    for (const value of entry.yearGroups) yearGroups.add(value);
    for (const value of entry.subjects) subjects.add(value);
    for (const owner of entry.owners) owners.add(owner.name);
  }
  const distinct = (values: Set<string>) => {
    const byFolded = new Map<string, string>();
    for (const value of values) {
      const trimmed = value.trim();
      if (trimmed && !byFolded.has(trimmed.toLowerCase())) byFolded.set(trimmed.toLowerCase(), trimmed);
    }
    return [...byFolded.values()].sort(collator.compare);
  };
  return { yearGroups: distinct(yearGroups), subjects: distinct(subjects), owners: distinct(owners) };
}
