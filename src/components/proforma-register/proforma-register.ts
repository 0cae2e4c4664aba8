import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { msg } from '@lit/localize';
import { languageOf, localized } from '../../internal/localization.js';
import type { Assessment } from '../../model/assessment.js';
import type { FormDefinition } from '../../model/form-definition.js';
import { publishedEntry } from '../../model/register-json.js';
import { entryWithHistory, historyOf } from '../../model/register/carry-over.js';
import type { SortKey } from '../../model/register/filter-sort.js';
import type { RegisterEntryState } from '../../model/register/fold.js';
import { localIsoDate } from '../../model/register/review-dates.js';
import { registerStoreContext } from '../../services/contexts.js';
import { IndexedDbRegisterStore } from '../../services/register/indexeddb-register-store.js';
import type { RegisterStore, RegisterView } from '../../services/register/register-store.js';
import { FileDropController } from '../../controllers/file-drop-controller.js';
import { SearchBoxController } from '../../controllers/search-box.js';
import { baseStyles } from '../../styles/base.styles.js';
import { choiceStyles } from '../../styles/choice.styles.js';
import { dropZoneStyles, fileInputStyles } from '../../styles/file-input.styles.js';
import { factsStyles } from '../../styles/facts.styles.js';
import { fieldStyles } from '../../styles/field.styles.js';
import { messageStyles } from '../../styles/messages.styles.js';
import { errorSummaryStyles } from '../../styles/error-summary.styles.js';
import { dangerButtonStyles } from '../../styles/danger-button.styles.js';
import { styles } from './proforma-register.styles.js';
import {
  FIRST_LIST_STATE,
  filterOptions,
  listPager,
  sortedBy,
  withFilters,
  withoutFilters,
  type FilterOptions,
  type ListFilters,
  type ListState,
} from './list-state.js';
import { RegisterChangesController } from './register-changes.js';
import { RegisterDataController } from './register-data.js';
import { formats, renderOutcome } from './render-common.js';
import { renderChanges } from './render-decision.js';
import {
  renderAssessment,
  renderConflict,
  renderFacts,
  renderHistory,
  renderSigner,
  type DetailView,
} from './render-detail.js';
import { renderTools } from './render-list.js';
import { renderNotes, renderPublishedNote, renderUnread } from './render-notes.js';
import { renderSignerDisputeOf, renderSignerDisputes } from './render-signer-disputes.js';
import { renderTransfers } from './render-transfers.js';
import { renderShared } from './render-shared.js';
import { SharedRegisterController } from './shared-register.js';
import { renderTrust } from './render-trust.js';
import { TrustRegisterController } from './trust-register.js';
import { TransferController } from './transfers.js';

export { REGISTER_PAGE_SIZE } from './list-state.js';

/** Who the trusted keys of a register kept by the earlier version are recorded as trusted by. */
const CARRIED_OVER_BY = 'proforma (the register kept by the earlier version)';

/**
 * The school's register of approved tools, for the IT lead: every tool with
 * its status, outcome, readiness, review date and account owners, sorted,
 * filtered and searched; the detail of each, with its log; and, unless
 * `readonly`, decisions, retirements and trusted signing keys, each written
 * as an event of the register's log. With `src` it shows a register file
 * (a published register, most often) instead of this browser's register,
 * and changes nothing. A `couch-url` whose database is named
 * `proforma-<school>-published` is the register for staff: shown as `readonly`
 * is, followed live as approvers decide, never written. With `mode="trust"`,
 * `couch-url` names a trust's database: each tool across its schools.
 *
 * @summary The approved-tools register: list, filter, detail, decisions and history.
 *
 * @tag proforma-register
 *
 * @fires {ProformaRegisterChangeEvent} proforma-register-change - The person changed the register (a decision, status, retirement, import or trusted key); `detail` has `action`, the changed `entries` and the `events` written.
 *
 * @csspart table - The table of tools.
 * @csspart drop-zone - The box of file inputs for imports; files can also be dropped anywhere on the element.
 * @csspart detail - The detail of one tool.
 * @csspart shared-status - With `couch-url`: where the shared register stands, the sign-in form and what the server refused.
 * @csspart trust-tools - With `mode="trust"`: the list of tools across the trust's schools.
 *
 * @cssprop [--proforma-font-family=system-ui, sans-serif] - Font of the whole element.
 * @cssprop [--proforma-color-text=#0b0c0c] - Main text colour.
 * @cssprop [--proforma-color-muted=#505a5f] - Hint text and dates.
 * @cssprop [--proforma-color-background=#ffffff] - Background of the element and its fields.
 * @cssprop [--proforma-color-surface=#f3f2f1] - Background of the drop zone while files are dragged over it.
 * @cssprop [--proforma-color-border=#6f777b] - Table lines, the drop zone and fields.
 * @cssprop [--proforma-color-accent=#1d4f91] - Buttons, links and the border of messages.
 * @cssprop [--proforma-color-focus=#b35c00] - Focus outline colour.
 * @cssprop [--proforma-color-approved=#00703c] - Mark of an approved tool.
 * @cssprop [--proforma-color-conditions=#7a4b00] - Mark of a tool approved with conditions or due for review; warnings.
 * @cssprop [--proforma-color-not-approved=#b10e1e] - Mark of a tool not approved or expired; error messages.
 * @cssprop [--proforma-color-incomplete=#505a5f] - Mark of a tool in draft, submitted, under review or retired.
 * @cssprop [--proforma-radius=4px] - Corner radius of boxes, fields and buttons.
 */
@localized()
export class ProformaRegister extends LitElement {
  static override styles = [
    baseStyles,
    fileInputStyles,
    dropZoneStyles,
    factsStyles,
    choiceStyles,
    fieldStyles,
    messageStyles,
    errorSummaryStyles,
    dangerButtonStyles,
    styles,
  ];

  private contextStore: RegisterStore | undefined;
  /** A store provided through `registerStoreContext`, which the host page may change. */
  protected readonly storeContext = new ContextConsumer(this, {
    context: registerStoreContext,
    subscribe: true,
    callback: (store) => {
      this.contextStore = store;
      this.data.open();
    },
  });
  private ownStore: IndexedDbRegisterStore | undefined;
  private readonly data: RegisterDataController = new RegisterDataController(
    this,
    () =>
      this.src ||
      (this.couchUrl ? (this.shared.trust ? undefined : this.shared.store) : (this.store ?? this.browserStore)),
    () => ({ at: new Date().toISOString(), by: { name: CARRIED_OVER_BY } }),
  );
  private readonly changes = new RegisterChangesController(this, this.data);
  private readonly shared: SharedRegisterController = new SharedRegisterController(this, this.changes, {
    storeChanged: () => this.data.open(),
    browserStore: () => (this.canChange ? this.browserStore : undefined),
    view: () => (this.couchUrl ? this.data.view : undefined),
  });
  private readonly transfers = new TransferController(this, this.data, this.changes);
  private readonly trust = new TrustRegisterController(this, () => this.shared.trustDocuments);
  /** PDFs dropped anywhere on the element, unless it is read-only or showing one tool; keyboard users have the file input. */
  private readonly drop = new FileDropController(
    this,
    () => this.canChange && this.selectedId === undefined,
    (files) => void this.transfers.importPdfs(files),
  );

  @state() private list: ListState = FIRST_LIST_STATE;
  private readonly searchBox = new SearchBoxController(
    this,
    (search) => (this.list = withFilters(this.list, { search })),
  );
  @state() private selectedId: string | undefined;
  /** The selected entry's assessment with its answers, and its signed PDFs, read when it is opened. */
  @state() private detail:
    { id: string; assessment?: Assessment; evidence: Array<{ name: string; sha256: string }> } | undefined;

  /** Keeps this register apart from other embeds on the same site: the store is `new IndexedDbRegisterStore(namespace)`. */
  @property() namespace = 'default';

  /** The address of a register JSON file (a published register) to show instead of this browser's register; nothing can be changed then. */
  @property() src = '';

  /** The staff view: no decisions, imports or trusted keys, and none of the private fields (assessments, who changed what, why). */
  @property({ type: Boolean }) readonly = false;

  /** Language of the element's words, dates and numbers; defaults to the nearest `lang`, then the page's. */
  @property() locale = '';

  /** Form definitions: for importing signed PDFs, for review periods, and for the titles of forms. */
  @property({ attribute: false }) forms: FormDefinition[] = [];

  /** A shared register's CouchDB database (`https://…/proforma-<school>-register`), kept here too, in live sync; `…/proforma-<school>-published`, the register for staff, read live. */
  @property({ attribute: 'couch-url' }) couchUrl = '';

  /** `trust`: `couch-url` names a trust's database (`…/proforma-<trust>-trust`), shown as each tool across its schools. */
  @property() mode: 'school' | 'trust' = 'school';

  /** Whether requests to `couch-url` carry cookies: `include`, or `same-origin`/`omit` behind a site's own sign-in. */
  @property() credentials = 'include';

  /** Where the register is kept; when unset, one provided through `registerStoreContext`, else `new IndexedDbRegisterStore(namespace)`. */
  @property({ attribute: false }) store: RegisterStore | undefined;

  private readonly pager = listPager<RegisterEntryState>();
  private optionsCache:
    { entries: readonly RegisterEntryState[]; language: string; options: FilterOptions } | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('couchUrl') || changed.has('credentials') || changed.has('mode')) {
      this.shared.configure(this.couchUrl, this.credentials, this.mode === 'trust');
    }
    if (changed.has('namespace') || changed.has('store') || changed.has('src')) this.data.open();
  }

  /** The register kept in this browser: one provided through `registerStoreContext`, else its own for `namespace`. */
  private get browserStore(): RegisterStore {
    if (this.contextStore) return this.contextStore;
    const namespace = this.namespace || 'default';
    if (this.ownStore?.namespace !== namespace) this.ownStore = new IndexedDbRegisterStore(namespace);
    return this.ownStore;
  }

  /** Whether this view may change the register: not the staff view, a file read from `src`, or for someone it is not for. */
  private get canChange(): boolean {
    return !this.staffView && !this.src && !this.shared.notAllowed;
  }

  /** The staff view: `readonly`, or the register for staff read from its database. */
  private get staffView(): boolean {
    return this.readonly || this.shared.published;
  }

  /** The language the element's words, dates and numbers are in. */
  get language(): string {
    return languageOf(this);
  }

  private async openEntry(entry: RegisterEntryState): Promise<void> {
    this.changes.forEntry(entry);
    this.selectedId = entry.id;
    if (this.detail?.id !== entry.id) this.detail = { id: entry.id, evidence: [] };
    void this.readDetail(entry.id);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-heading')?.focus();
  }

  /** The entry's assessment with its answers and its evidence: the register is read without them. */
  private async readDetail(id: string): Promise<void> {
    const store = this.data.current;
    if (!store || this.staffView) return;
    const read = await store.entry(id).catch(() => undefined);
    if (!read || this.selectedId !== id) return;
    this.detail = { id, assessment: read.entry.assessment, evidence: read.evidence };
  }

  private async backToList(): Promise<void> {
    const id = this.selectedId;
    this.selectedId = undefined;
    this.changes.set({ problems: undefined });
    await this.updateComplete;
    const button =
      id === undefined
        ? null
        : this.renderRoot.querySelector<HTMLElement>(`button.tool[data-entry-id="${CSS.escape(id)}"]`);
    (button ?? this.renderRoot.querySelector<HTMLElement>('#register-heading'))?.focus();
  }

  private focusField(field: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
  }

  /** Moves focus to the heading of what is shown: the register's, or the open tool's. */
  override async focus(options?: FocusOptions): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-heading, #register-heading')?.focus(options);
  }

  /** Reads the register again, from `src` or the store: after the host page changed the store, say. */
  async refresh(): Promise<void> {
    this.data.open();
    await this.data.read();
  }

  override render(): TemplateResult {
    if (this.shared.trust) {
      const trust = this.shared.notAllowed ? undefined : this.trust.view(this.language, formats(this.language));
      return renderTrust(trust, renderShared(this.shared, this.language));
    }
    const view = this.data.view;
    const entry = this.selectedId === undefined ? undefined : view?.entries.find(({ id }) => id === this.selectedId);
    return html`<section aria-labelledby=${entry ? 'detail-heading' : 'register-heading'}>
      ${entry && view ? this.renderDetail(entry, view) : this.renderList(view)}
    </section>`;
  }

  private renderList(view: RegisterView | undefined): TemplateResult {
    const { data } = this.data;
    const exportedAt = data.status === 'ready' ? data.exportedAt : undefined;
    return html`<h2 id="register-heading" tabindex="-1">${msg('Approved tools')}</h2>
      ${renderPublishedNote(exportedAt, formats(this.language))}
      ${this.couchUrl ? renderShared(this.shared, this.language) : nothing}
      ${renderOutcome(this.changes.problems, this.changes.notice, (field) => this.focusField(field))}
      ${this.shared.notAllowed ? nothing : data.status === 'ready' ? this.renderRegister(data.view) : renderUnread(data)}
      ${
        this.canChange && view
          ? renderTransfers({
              transfers: this.transfers,
              changes: this.changes,
              language: this.language,
              dragging: this.drop.dragging,
              entries: view.entries,
              open: (entry) => void this.openEntry(entry),
            })
          : nothing
      }`;
  }

  private renderRegister(view: RegisterView): TemplateResult {
    const open = (entry: RegisterEntryState) => void this.openEntry(entry);
    const format = formats(this.language);
    const notes = this.staffView
      ? nothing
      : html`${renderNotes({
          view,
          carriedOver: this.data.carriedOver,
          carryOverProblem: this.data.carryOverProblem,
          language: this.language,
          format,
          open,
        })}
        ${renderSignerDisputes(view.signerDisputes, { trusted: view.trustedKeys, moment: format.moment, open })}`;
    if (view.entries.length === 0) {
      return html`${notes}
        <p>
          ${
            this.canChange
              ? msg('The register is empty. Import signed PDFs, a CSV or a JSON file to add tools.')
              : msg('The register has no tools yet.')
          }
        </p>`;
    }
    const today = localIsoDate();
    if (this.optionsCache?.entries !== view.entries || this.optionsCache.language !== this.language) {
      const options = filterOptions(view.entries, this.language);
      this.optionsCache = { entries: view.entries, language: this.language, options };
    }
    const page = this.pager(view.entries, this.list, today);
    return html`${notes}
    ${renderTools({
      state: this.list,
      searchText: this.searchBox.text,
      page,
      options: this.optionsCache.options,
      today,
      format,
      submitters: !this.readonly,
      open,
      filter: (change: Partial<ListFilters>) => (this.list = withFilters(this.list, change)),
      search: (text) => this.searchBox.type(text),
      clear: () => {
        this.searchBox.clear();
        this.list = withoutFilters(this.list);
      },
      sort: (key: SortKey) => (this.list = sortedBy(this.list, key)),
      goTo: (target) => {
        if (target >= 1 && target <= page.pages) this.list = { ...this.list, page: target };
      },
    })}`;
  }

  private renderDetail(entry: RegisterEntryState, view: RegisterView): TemplateResult {
    const format = formats(this.language);
    const detail = this.detail?.id === entry.id ? this.detail : undefined;
    const history = this.staffView ? publishedEntry(entryWithHistory(entry)).history : historyOf(entry);
    const detailView: DetailView = {
      today: localIsoDate(),
      format,
      language: this.language,
      forms: this.forms,
      trusted: view.trustedKeys,
      readonly: this.staffView,
      canChange: this.canChange,
      assessment: detail?.assessment ?? entry.assessment,
      evidence: detail?.evidence ?? [],
      history: history.reverse(),
      changes: this.changes,
      download: (file) => void this.transfers.downloadEvidence(file),
    };
    const disputes = this.staffView
      ? nothing
      : renderSignerDisputeOf(entry, view.signerDisputes, {
          trusted: view.trustedKeys,
          moment: format.moment,
          open: (other) => void this.openEntry(other),
        });
    return html`<div class="detail" part="detail">
      <div class="actions">
        <button type="button" class="back" @click=${this.backToList}>${msg('Back to the list')}</button>
      </div>
      <h2 id="detail-heading" tabindex="-1">${entry.tool}</h2>
      ${renderOutcome(this.changes.problems, this.changes.notice, (field) => this.focusField(field))}
      ${renderFacts(entry, detailView)} ${renderSigner(entry, detailView)} ${disputes}
      ${this.staffView ? nothing : renderConflict(entry, detailView)} ${renderAssessment(detailView)}
      ${renderHistory(detailView)} ${this.canChange ? renderChanges(entry, this.changes) : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'proforma-register': ProformaRegister;
  }
}
