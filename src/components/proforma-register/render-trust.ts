import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { plural } from '../../internal/plural.js';
import type { Status } from '../../model/register-entry.js';
import { STATUS_ORDER } from '../../model/register/filter-sort.js';
import type { TrustSummary, TrustTool } from '../../model/register/trust-view.js';
import { statusWords } from './register-words.js';
import { renderStatus, type Formats } from './render-common.js';
import { renderPages, renderSearchBox } from './render-list.js';
import type { TrustList } from './trust-list.js';

// What a trust sees (`mode="trust"`): each tool its schools publish, once, with where the schools
// stand on it in a line ("approved at 4 schools (with conditions at 1), not approved at 1 school"),
// and each school's decision, conditions and review date when the tool is opened.

/** What the element gives the trust's list. */
export interface TrustView {
  list: TrustList;
  /** What the search box holds; the list's search follows it once typing rests. */
  searchText: string;
  today: string;
  language: string;
  format: Formats;
  search(text: string): void;
  filter(change: { status?: Status | ''; school?: string }): void;
  clear(): void;
  goTo(page: number): void;
  /** Whether the tool (its `key`) is opened, showing each school's decision. */
  isOpen(key: string): boolean;
  /** The tool was opened or closed. */
  toggle(key: string, open: boolean): void;
}

/** Where the schools stand on a tool, in one line: only the counts that are not nought. */
export function trustSummaryWords(summary: TrustSummary, language: string): string {
  const at = (count: number, one: string, other: string) => plural(count, language, { one, other });
  const parts: string[] = [];
  if (summary.approved > 0) {
    const { approved, withConditions } = summary;
    const words = at(
      approved,
      msg(str`approved at ${approved} school`, { id: 'trust-approved-one' }),
      msg(str`approved at ${approved} schools`, { id: 'trust-approved-other' }),
    );
    parts.push(withConditions > 0 ? msg(str`${words} (with conditions at ${withConditions})`) : words);
  }
  const counts: Array<[number, string, string]> = [
    [
      summary.reviewDue,
      msg(str`review due at ${summary.reviewDue} school`, { id: 'trust-review-due-one' }),
      msg(str`review due at ${summary.reviewDue} schools`, { id: 'trust-review-due-other' }),
    ],
    [
      summary.notApproved,
      msg(str`not approved at ${summary.notApproved} school`, { id: 'trust-not-approved-one' }),
      msg(str`not approved at ${summary.notApproved} schools`, { id: 'trust-not-approved-other' }),
    ],
    [
      summary.expired,
      msg(str`approval expired at ${summary.expired} school`, { id: 'trust-expired-one' }),
      msg(str`approval expired at ${summary.expired} schools`, { id: 'trust-expired-other' }),
    ],
    [
      summary.inProgress,
      msg(str`being assessed at ${summary.inProgress} school`, { id: 'trust-in-progress-one' }),
      msg(str`being assessed at ${summary.inProgress} schools`, { id: 'trust-in-progress-other' }),
    ],
    [
      summary.retired,
      msg(str`retired at ${summary.retired} school`, { id: 'trust-retired-one' }),
      msg(str`retired at ${summary.retired} schools`, { id: 'trust-retired-other' }),
    ],
  ];
  for (const [count, one, other] of counts) if (count > 0) parts.push(at(count, one, other));
  return parts.join(', ');
}

/**
 * The trust's view: its heading, `shared` (where the trust's register stands, the sign-in form),
 * and the list, unless there is none to show to the person signed in (`view` undefined).
 */
export function renderTrust(view: TrustView | undefined, shared: TemplateResult): TemplateResult {
  return html`<section aria-labelledby="register-heading">
    <h2 id="register-heading" tabindex="-1">${msg('Tools across the trust')}</h2>
    ${shared} ${view ? renderTrustList(view) : nothing}
  </section>`;
}

function renderTrustList(view: TrustView): TemplateResult {
  const { shown, rows, page, pages, schools } = view.list.page;
  return html`${renderTrustFilters(view, schools)}
    <p role="status" class="count">
      ${shown.length === 1 ? msg('1 tool shown') : msg(str`${shown.length} tools shown`)}
    </p>
    ${
      shown.length === 0
        ? html`<p>${msg('No tools match these filters.')}</p>`
        : html`<ul class="trust-tools" part="trust-tools">
              ${rows.map((tool) => renderTrustTool(view, tool))}
            </ul>
            ${renderPages((to) => view.goTo(to), page, pages)}`
    }`;
}

function renderTrustFilters(view: TrustView, schools: readonly string[]): TemplateResult {
  const { state } = view.list;
  return html`<div class="filters" role="group" aria-label=${msg('Filters')}>
    ${renderSearchBox(view.searchText, (text) => view.search(text))}
    <div>
      <label for="filter-school">${msg('School')}</label>
      <select
        id="filter-school"
        @change=${(event: Event) => view.filter({ school: (event.target as HTMLSelectElement).value })}
      >
        <option value="" ?selected=${state.school === ''}>${msg('Every school')}</option>
        ${schools.map((school) => html`<option value=${school} ?selected=${state.school === school}>${school}</option>`)}
      </select>
    </div>
    <div>
      <label for="filter-status">${msg('A school’s status')}</label>
      <select
        id="filter-status"
        @change=${(event: Event) => view.filter({ status: (event.target as HTMLSelectElement).value as Status | '' })}
      >
        <option value="" ?selected=${state.status === ''}>${msg('Any status')}</option>
        ${STATUS_ORDER.map(
          (status) =>
            html`<option value=${status} ?selected=${state.status === status}>${statusWords(status)}</option>`,
        )}
      </select>
    </div>
    <div class="actions">
      <button type="button" @click=${() => view.clear()}>${msg('Clear the filters')}</button>
    </div>
  </div>`;
}

/** A tool, its line of where the schools stand, and (opened) each school's decision. */
function renderTrustTool(view: TrustView, tool: TrustTool): TemplateResult {
  const open = view.isOpen(tool.key);
  return html`<li>
    <details
      ?open=${open}
      @toggle=${(event: Event) => view.toggle(tool.key, (event.target as HTMLDetailsElement).open)}
    >
      <summary>
        <span class="tool">${tool.tool}</span>
        <span class="trust-summary">${trustSummaryWords(tool.summary, view.language)}</span>
      </summary>
      ${open ? renderSchools(view, tool) : nothing}
    </details>
  </li>`;
}

/** Each school's decision on a tool: drawn only once the tool is opened, as a page of 50 tools has a thousand. */
function renderSchools(view: TrustView, tool: TrustTool): TemplateResult {
  const { format } = view;
  const tableId = `trust-${tool.key}`;
  return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby=${tableId}>
    <table>
      <caption id=${tableId}>
        ${msg(str`Each school’s decision on ${tool.tool}`)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('School')}</th>
          <th scope="col">${msg('Status')}</th>
          <th scope="col">${msg('Conditions')}</th>
          <th scope="col">${msg('Decision date')}</th>
          <th scope="col">${msg('Review due')}</th>
        </tr>
      </thead>
      <tbody>
        ${tool.schools.map(
          ({ school, entry, status }) =>
            html`<tr>
              <th scope="row">${school}</th>
              <td>${renderStatus(status)}</td>
              <td>
                ${
                  entry.conditions.length === 0
                    ? msg('None')
                    : html`<ul>
                        ${entry.conditions.map((condition) => html`<li>${condition}</li>`)}
                      </ul>`
                }
              </td>
              <td>${entry.decisionDate ? format.day(entry.decisionDate) : msg('Not decided')}</td>
              <td>${entry.reviewDue ? format.day(entry.reviewDue) : msg('Not set')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
