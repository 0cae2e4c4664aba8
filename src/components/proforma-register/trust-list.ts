import type { Status } from '../../model/register-entry.js';
import type { RegisterFilter } from '../../model/register/filter-sort.js';
import type { PublishedDocument } from '../../model/register/published-documents.js';
import {
  filterTrustTools,
  trustSchools,
  trustTools,
  type TrustFilter,
  type TrustTool,
} from '../../model/register/trust-view.js';
import { REGISTER_PAGE_SIZE } from './list-state.js';

// What the trust's list shows (`mode="trust"`): the search, a school and a status to filter by, and
// the page, as one value; and what follows from it for the trust's published documents. No DOM.

export interface TrustListState {
  /** What the search box holds once typing has rested. */
  search: string;
  /** Tools with at least one school's entry in this status; blank for any. */
  status: Status | '';
  /** Tools this school publishes (its id); blank for every school. */
  school: string;
  page: number;
}

export const FIRST_TRUST_LIST_STATE: TrustListState = { search: '', status: '', school: '', page: 1 };

/** One page of the tools the state lets through, and the schools there are to choose from. */
export interface TrustPage {
  shown: TrustTool[];
  rows: TrustTool[];
  page: number;
  pages: number;
  /** Every school the documents come from, by id. */
  schools: string[];
}

export interface TrustList {
  state: TrustListState;
  page: TrustPage;
}

/** The state with a filter changed, back on the first page. */
export function withTrustFilters(state: TrustListState, change: Partial<TrustListState>): TrustListState {
  return { ...state, ...change, page: 1 };
}

function filterOf(state: TrustListState): TrustFilter {
  const filter: RegisterFilter & { school?: string } = {};
  if (state.status) filter.status = state.status;
  if (state.search.trim()) filter.search = state.search;
  if (state.school) filter.school = state.school;
  return filter;
}

/**
 * The tools of the documents, grouped once for each set of documents and day, then filtered by the
 * state and paged: the same documents, state and day give the same page.
 */
export function trustPager(): (
  documents: readonly PublishedDocument[],
  state: TrustListState,
  today: string,
) => TrustPage {
  let grouped:
    { documents: readonly PublishedDocument[]; today: string; tools: TrustTool[]; schools: string[] } | undefined;
  let filtered: { tools: TrustTool[]; key: string; shown: TrustTool[] } | undefined;
  return (documents, state, today) => {
    if (grouped?.documents !== documents || grouped.today !== today) {
      const tools = trustTools(documents, today);
      grouped = { documents, today, tools, schools: trustSchools(tools) };
    }
    const key = JSON.stringify(filterOf(state));
    if (filtered?.tools !== grouped.tools || filtered.key !== key) {
      filtered = { tools: grouped.tools, key, shown: filterTrustTools(grouped.tools, filterOf(state), today) };
    }
    const { shown } = filtered;
    const pages = Math.max(1, Math.ceil(shown.length / REGISTER_PAGE_SIZE));
    const page = Math.min(Math.max(1, state.page), pages);
    const rows = shown.slice((page - 1) * REGISTER_PAGE_SIZE, page * REGISTER_PAGE_SIZE);
    return { shown, rows, page, pages, schools: grouped.schools };
  };
}
