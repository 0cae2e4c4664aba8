import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { outcomeWords } from '../../internal/words.js';
import type { Status } from '../../model/register-entry.js';
import type { RegisterEntryState } from '../../model/register/fold.js';
import { STATUS_ORDER, type SortKey } from '../../model/register/filter-sort.js';
import { effectiveStatus } from '../../model/register/review-dates.js';
import { OUTCOMES, type Outcome } from '../../model/scoring.js';
import type { FilterOptions, ListFilters, ListPage, ListState, ReviewFilter } from './list-state.js';
import { statusWords } from './register-words.js';
import { renderStatus, type Formats } from './render-common.js';
import { renderSubmitter } from './render-submissions.js';

// The list of tools: the filters and search, the table sorted by a column,
// and the pages of a long register.

/** What the element gives the list. */
export interface ListView {
  state: ListState;
  /** What the search box holds; the state's search follows it once typing rests. */
  searchText: string;
  page: ListPage<RegisterEntryState>;
  options: FilterOptions;
  today: string;
  format: Formats;
  /** Whether to say which teacher sent the assessment of each tool that came as a submission. */
  submitters?: boolean;
  open(entry: RegisterEntryState): void;
  filter(change: Partial<ListFilters>): void;
  search(text: string): void;
  clear(): void;
  sort(key: SortKey): void;
  goTo(page: number): void;
}

const SORT_ICONS = {
  ascending: svg`<path d="M12 19V5M6 11l6-6 6 6" />`,
  descending: svg`<path d="M12 5v14M6 13l6 6 6-6" />`,
  none: svg`<path d="M8 9l4-4 4 4M8 15l4 4 4-4" />`,
};

export function renderTools(view: ListView): TemplateResult {
  const { shown, rows, page, pages } = view.page;
  return html`${renderFilters(view)}
    <p role="status" class="count">
      ${shown.length === 1 ? msg('1 tool shown') : msg(str`${shown.length} tools shown`)}
    </p>
    ${
      shown.length === 0
        ? html`<p>${msg('No tools match these filters.')}</p>`
        : // On a narrow screen the table scrolls sideways in its own box, which Tab reaches and which is named.
          html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="tools-caption">
              <table part="table">
                <caption id="tools-caption">
                  ${msg('Tools in the register')}
                </caption>
                <thead>
                  <tr>
                    ${renderSortHeader(view, 'tool', msg('Tool'))} ${renderSortHeader(view, 'status', msg('Status'))}
                    ${renderSortHeader(view, 'outcome', msg('Outcome'))}
                    ${renderSortHeader(view, 'readiness', msg('Readiness'))}
                    ${renderSortHeader(view, 'reviewDue', msg('Review due'))}
                    <th scope="col">${msg('Account owners')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map((entry) => renderRow(view, entry))}
                </tbody>
              </table>
            </div>
            ${renderPages((to) => view.goTo(to), page, pages)}`
    }`;
}

function renderFilters(view: ListView): TemplateResult {
  const { state } = view;
  const { yearGroups, subjects, owners } = view.options;
  const select = (
    id: string,
    label: string,
    value: string,
    options: ReadonlyArray<readonly [string, string]>,
    set: (value: string) => Partial<ListFilters>,
  ) =>
    html`<div>
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(event: Event) => view.filter(set((event.target as HTMLSelectElement).value))}>
        ${(value === '' || options.some(([optionValue]) => optionValue === value)
          ? options
          : // A value chosen before an import took away the last entry that had it stays visible.
            [...options, [value, value] as const]
        ).map(
          ([optionValue, words]) =>
            html`<option value=${optionValue} ?selected=${optionValue === value}>${words}</option>`,
        )}
      </select>
    </div>`;
  return html`<div class="filters" role="group" aria-label=${msg('Filters')}>
    ${renderSearchBox(view.searchText, (text) => view.search(text))}
    ${select(
      'filter-status',
      msg('Status'),
      state.status,
      [['', msg('Any status')], ...STATUS_ORDER.map((status) => [status, statusWords(status)] as const)],
      (value) => ({ status: value as Status | '' }),
    )}
    ${select(
      'filter-outcome',
      msg('Outcome'),
      state.outcome,
      [['', msg('Any outcome')], ...OUTCOMES.map((outcome) => [outcome, outcomeWords(outcome)] as const)],
      (value) => ({ outcome: value as Outcome | '' }),
    )}
    ${select(
      'filter-review',
      msg('Review due'),
      state.review,
      [
        ['', msg('Any time')],
        ['30', msg('Within 30 days')],
        ['60', msg('Within 60 days')],
        ['90', msg('Within 90 days')],
        ['overdue', msg('Overdue')],
      ],
      (value) => ({ review: value as ReviewFilter }),
    )}
    ${select(
      'filter-year-group',
      msg('Year group'),
      state.yearGroup,
      [['', msg('Any year group')], ...yearGroups.map((group) => [group, group] as const)],
      (value) => ({ yearGroup: value }),
    )}
    ${select(
      'filter-subject',
      msg('Subject'),
      state.subject,
      [['', msg('Any subject')], ...subjects.map((subject) => [subject, subject] as const)],
      (value) => ({ subject: value }),
    )}
    ${select(
      'filter-owner',
      msg('Account owner'),
      state.owner,
      [['', msg('Any owner')], ...owners.map((owner) => [owner, owner] as const)],
      (value) => ({ owner: value }),
    )}
    <div class="actions">
      <button type="button" @click=${() => view.clear()}>${msg('Clear the filters')}</button>
    </div>
  </div>`;
}

/** The search box of a list of tools: `text` as typed, `search` told of each change. */
export function renderSearchBox(text: string, search: (text: string) => void): TemplateResult {
  return html`<div class="search">
    <label for="search">${msg('Search tools, makers, purposes, owners and conditions')}</label>
    <input
      id="search"
      type="search"
      .value=${live(text)}
      @input=${(event: Event) => search((event.target as HTMLInputElement).value)}
    />
  </div>`;
}

function renderSortHeader(view: ListView, key: SortKey, label: string): TemplateResult {
  const sorted = view.state.sortKey === key ? view.state.sortDirection : undefined;
  return html`<th scope="col" aria-sort=${ifDefined(sorted)}>
    <button type="button" @click=${() => view.sort(key)}>
      ${label}
      <svg class="sort-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        ${SORT_ICONS[sorted ?? 'none']}
      </svg>
    </button>
  </th>`;
}

function renderRow(view: ListView, entry: RegisterEntryState): TemplateResult {
  const { format } = view;
  return html`<tr>
    <th scope="row">
      <button type="button" class="tool" data-entry-id=${entry.id} @click=${() => view.open(entry)}>
        ${entry.tool}
      </button>
    </th>
    <td>
      ${renderStatus(effectiveStatus(entry, view.today))} ${view.submitters ? renderSubmitter(entry, format) : nothing}
    </td>
    <td>${entry.outcome ? outcomeWords(entry.outcome) : msg('Not assessed')}</td>
    <td>${format.percent(entry.readiness)}</td>
    <td>${entry.reviewDue ? format.day(entry.reviewDue) : msg('Not set')}</td>
    <td>${entry.owners.map((owner) => owner.name).join(', ') || msg('None named')}</td>
  </tr>`;
}

/** The buttons between the pages of a long list, and which page is shown. */
export function renderPages(
  goTo: (page: number) => void,
  page: number,
  pages: number,
): TemplateResult | typeof nothing {
  if (pages <= 1) return nothing;
  // aria-disabled rather than disabled, so that focus stays on the button at the first and last page.
  return html`<nav class="pages" aria-label=${msg('Pages of the list')}>
    <button type="button" aria-disabled=${page <= 1 ? 'true' : 'false'} @click=${() => goTo(page - 1)}>
      ${msg('Previous page')}
    </button>
    <p aria-live="polite">${msg(str`Page ${page} of ${pages}`)}</p>
    <button type="button" aria-disabled=${page >= pages ? 'true' : 'false'} @click=${() => goTo(page + 1)}>
      ${msg('Next page')}
    </button>
  </nav>`;
}
