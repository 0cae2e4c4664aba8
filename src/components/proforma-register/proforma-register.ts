import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { dateFormat } from '../../internal/dates.js';
import { languageOf, localized, sourceLocale } from '../../internal/localization.js';
import { formOfAssessment } from '../../model/assessment.js';
import type { FormDefinition, Scoring } from '../../model/form-definition.js';
import {
  TrustedKeySchema,
  type HistoryEvent,
  type RegisterEntry,
  type Status,
  type StoredStatus,
  type TrustedKey,
} from '../../model/register-entry.js';
import {
  allowedTransitions,
  effectiveStatus,
  filterEntries,
  localIsoDate,
  moveStatus,
  recordDecision,
  RegisterRuleError,
  retire,
  reviewDueDate,
  signerDisputes,
  sortEntries,
  STATUS_ORDER,
  type DecisionOutcome,
  type RegisterFilter,
  type SignerDispute,
  type SortDirection,
  type SortKey,
} from '../../model/register/index.js';
import { jsonToRegister, publishedEntry } from '../../model/register-json.js';
import { OUTCOMES, type Outcome } from '../../model/scoring.js';
import { resolveText } from '../../model/text.js';
import { RegisterStore } from '../../services/register-store.js';
import {
  exportRegisterCsv,
  exportRegisterJson,
  importRegisterCsv,
  importRegisterJson,
  importSignedPdfs,
  type PdfImportResult,
  type RegisterImportProblem,
} from '../../services/register-import.js';
import { datedFileName, downloadFile, downloadsBlocked } from '../../internal/download.js';
import { outcomeWords } from '../../internal/words.js';
import { normalFingerprint } from '../../internal/fingerprint.js';
import { baseStyles } from '../../styles/base.styles.js';
import { choiceStyles } from '../../styles/choice.styles.js';
import { dropZoneStyles, fileInputStyles } from '../../styles/file-input.styles.js';
import { factsStyles } from '../../styles/facts.styles.js';
import { fieldStyles } from '../../styles/field.styles.js';
import { messageStyles } from '../../styles/messages.styles.js';
import { errorSummaryStyles } from '../../styles/error-summary.styles.js';
import { dangerButtonStyles } from '../../styles/danger-button.styles.js';
import {
  actionWords,
  fieldWords,
  refusalWords,
  ruleWords,
  STATUS_ICONS,
  statusWords,
  valueWords,
} from './register-words.js';
import { renderSignerDisputeOf, renderSignerDisputes, type SignerDisputesView } from './render-signer-disputes.js';
import { styles } from './proforma-register.styles.js';
import { filterOptions as optionsOfEntries } from './list-state.js';
import { FileDropController } from '../../controllers/file-drop-controller.js';
import { ProformaRegisterChangeEvent, type RegisterChangeAction } from '../../events/register-change.js';
import { LatestLoad } from '../../controllers/latest-load.js';
import { plural } from '../../internal/plural.js';

/** Rows on one page of the table: a register of thousands is never drawn whole. */
export const REGISTER_PAGE_SIZE = 50;

/** How long typing in the search box rests before the list is filtered again. */
const SEARCH_DELAY_MS = 150;

type ReviewFilter = '' | '30' | '60' | '90' | 'overdue';

interface FilterOptions {
  entries: RegisterEntry[];
  yearGroups: string[];
  subjects: string[];
  owners: string[];
}

const DECISIONS: readonly DecisionOutcome[] = ['approved', 'approved-with-conditions', 'not-approved'];

/** One thing that stopped a change; `field` is the id of the control to fix it in, when there is one. */
interface Problem {
  field?: string;
  text: string;
  /** The rule the register applied, in plain words, shown before the detail. */
  rule?: string;
}

interface ProblemSummary {
  title: string;
  problems: Problem[];
}

type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; text: string; problems: string[] };

/** The decision form as the person is filling it in. */
interface DecisionDraft {
  outcome: DecisionOutcome | '';
  conditions: string;
  approver: string;
  decisionDate: string;
  reviewDue: string;
  /** Once the person has set the review date, it no longer follows the outcome and decision date. */
  reviewDueSet: boolean;
  reason: string;
}

/** What the last import did, shown until the next one. */
type ImportReport =
  | { kind: 'pdfs'; results: PdfImportResult[]; unopenable: string[] }
  | { kind: 'file'; format: 'CSV' | 'JSON'; fileName: string; imported: number }
  | { kind: 'file-problems'; format: 'CSV' | 'JSON'; fileName: string; problems: RegisterImportProblem[] };

interface TrustDraft {
  open: boolean;
  name: string;
  role: string;
}

/** A web address that is safe to link to; anything else is shown as text. */
function linkable(url: string): boolean {
  return /^https?:\/\//i.test(url.trim());
}

function errorName(error: unknown): string {
  return (error as { name?: unknown } | null)?.name === undefined ? '' : String((error as { name: unknown }).name);
}

/** Why a change to the store failed, in words; the caller says that nothing was changed. */
function storeProblemWords(error: unknown): string {
  switch (errorName(error)) {
    case 'StorageFullError':
      return msg(
        'This browser’s storage is full. Export the register to keep a copy, free some space, then try again.',
      );
    case 'StorageUnavailableError':
      return msg('This browser is not letting this page store data, so the register cannot be changed here.');
    case 'RegisterHistoryError':
      return msg(
        'This tool was changed somewhere else (perhaps in another tab) after this page read it. The page now shows the latest version: check it and try again.',
      );
    default:
      return msg(str`The change could not be saved: ${error instanceof Error ? error.message : String(error)}`);
  }
}

interface Formats {
  /** A calendar date (`yyyy-mm-dd`), read as that day wherever the browser is. */
  day(date: string | undefined): string;
  /** A moment (`toISOString()`), in the browser's time zone. */
  moment(at: string): string;
  percent(readiness: number | null | undefined): string;
}

/** Dates and numbers in `language`, or in British English where Intl does not know it. */
function formats(language: string): Formats {
  const day = dateFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const moment = dateFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const percent = new Intl.NumberFormat([language, sourceLocale], { style: 'percent' });
  return {
    day: (date) => {
      if (!date) return msg('Not set');
      const parsed = new Date(`${date}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? date : day.format(parsed);
    },
    moment: (at) => {
      const parsed = new Date(at);
      return Number.isNaN(parsed.getTime()) ? at : moment.format(parsed);
    },
    percent: (readiness) =>
      readiness === null || readiness === undefined ? msg('Not scored') : percent.format(readiness / 100),
  };
}

const SORT_ICONS = {
  ascending: svg`<path d="M12 19V5M6 11l6-6 6 6" />`,
  descending: svg`<path d="M12 5v14M6 13l6 6 6-6" />`,
  none: svg`<path d="M8 9l4-4 4 4M8 15l4 4 4-4" />`,
};

const WARNING_ICON = svg`<path d="M12 3L2 21h20z" /><path d="M12 10v5M12 18v.01" />`;

/**
 * The school's register of approved tools, for the IT lead: every tool with
 * its status, outcome, readiness, review date and account owners, sorted,
 * filtered and searched; the detail of each, with its history; and, unless
 * `readonly`, decisions, retirements and trusted signing keys. With `src` it
 * shows a published register file instead of this browser's register, and
 * changes nothing.
 *
 * @summary The approved-tools register: list, filter, detail, decisions and history.
 *
 * @tag proforma-register
 *
 * @fires {ProformaRegisterChangeEvent} proforma-register-change - The person changed the register (a decision, status, retirement, import or trusted key); `detail` has `action` and the saved `entries`.
 *
 * @csspart table - The table of tools.
 * @csspart drop-zone - The box of file inputs for imports; files can also be dropped anywhere on the element.
 * @csspart detail - The detail of one tool.
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

  @state() private loadState: LoadState = { status: 'loading' };
  @state() private entries: RegisterEntry[] = [];
  @state() private damagedCount = 0;
  @state() private trusted: TrustedKey[] = [];
  /** When the register shown came from `src`, when that file was written. */
  @state() private fileExportedAt: string | undefined;

  @state() private statusFilter: Status | '' = '';
  @state() private outcomeFilter: Outcome | '' = '';
  @state() private reviewFilter: ReviewFilter = '';
  @state() private yearGroupFilter = '';
  @state() private subjectFilter = '';
  @state() private ownerFilter = '';
  /** What is in the search box; `search` follows it once typing rests. */
  @state() private searchText = '';
  @state() private search = '';
  @state() private sortKey: SortKey = 'tool';
  @state() private sortDirection: SortDirection = 'ascending';
  @state() private page = 1;

  @state() private selectedId: string | undefined;
  /** Who is making changes, as they name themselves: the `by` of every history event. */
  @state() private actor = '';
  @state() private problems: ProblemSummary | undefined;
  @state() private notice: string | undefined;
  @state() private decision: DecisionDraft = this.blankDecision();
  @state() private retireReason = '';
  @state() private trustDraft: TrustDraft = { open: false, name: '', role: '' };
  @state() private importReport: ImportReport | undefined;
  /** What is being done while an import or export runs; changes wait until it is done. */
  @state() private busy: string | undefined;

  /** Keeps this register apart from other embeds on the same site: the store is `new RegisterStore(namespace)`. */
  @property() namespace = 'default';

  /** The address of a published register JSON file to show instead of this browser's register; nothing can be changed then. */
  @property() src = '';

  /** The staff view: no decisions, imports or trusted keys, and none of the private fields (assessments, who changed what, why). */
  @property({ type: Boolean }) readonly = false;

  /** Language of the element's words, dates and numbers; defaults to the nearest `lang`, then the page's. */
  @property() locale = '';

  /** Form definitions: for importing signed PDFs, for review periods, and for the titles of forms. */
  @property({ attribute: false }) forms: FormDefinition[] = [];

  /** Where the register is kept; when unset, `new RegisterStore(namespace)`. */
  @property({ attribute: false }) store: RegisterStore | undefined;

  private ownStore: RegisterStore | undefined;
  /** Reads of the register: each aborts the one before, so that a slow earlier read never overwrites a later one. */
  private readonly reading = new LatestLoad<void>(this);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private shownCache: { key: string; entries: RegisterEntry[]; result: RegisterEntry[] } | undefined;
  private optionsCache: FilterOptions | undefined;
  private disputesCache: { entries: RegisterEntry[]; trusted: TrustedKey[]; result: SignerDispute[] } | undefined;

  /** PDFs dropped anywhere on the element, unless it is read-only or showing one tool; keyboard users have the file input. */
  private readonly drop = new FileDropController(
    this,
    () => this.canChange && this.selectedId === undefined,
    (files) => void this.importPdfs(files),
  );

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('namespace') || changed.has('store') || changed.has('src') || changed.has('readonly')) {
      void this.load();
    }
  }

  private get activeStore(): RegisterStore {
    if (this.store) return this.store;
    if (this.ownStore?.namespace !== (this.namespace || 'default')) {
      this.ownStore = new RegisterStore(this.namespace || 'default');
    }
    return this.ownStore;
  }

  /** Whether this view may change the register: not the staff view, nor a file read from `src`. */
  private get canChange(): boolean {
    return !this.readonly && !this.src;
  }

  private get language(): string {
    return languageOf(this);
  }

  private get selected(): RegisterEntry | undefined {
    return this.selectedId === undefined ? undefined : this.entries.find((entry) => entry.id === this.selectedId);
  }

  /** Reads the register again, from `src` or the store; the latest read wins. */
  private load(): Promise<void> {
    return this.reading.run((signal) => this.read(signal));
  }

  private async read(signal: AbortSignal): Promise<void> {
    if (this.loadState.status !== 'ready') this.loadState = { status: 'loading' };
    if (this.src) {
      const loaded = await this.loadFile(this.src);
      if (signal.aborted) return;
      if ('failed' in loaded) {
        this.loadState = loaded.failed;
        return;
      }
      this.entries = this.readonly ? loaded.entries.map(publishedEntry) : loaded.entries;
      this.trusted = this.readonly ? [] : loaded.trustedKeys;
      this.fileExportedAt = loaded.exportedAt;
      this.damagedCount = 0;
      this.loadState = { status: 'ready' };
      return;
    }
    const store = this.activeStore;
    try {
      const [listing, trusted] = await Promise.all([store.list(), this.readonly ? [] : store.trustedKeys()]);
      if (signal.aborted) return;
      this.entries = this.readonly ? listing.entries.map(publishedEntry) : listing.entries;
      this.damagedCount = listing.damaged.length;
      this.trusted = trusted;
      this.fileExportedAt = undefined;
      this.loadState = { status: 'ready' };
    } catch {
      if (signal.aborted) return;
      this.loadState = {
        status: 'failed',
        text: msg('The register could not be read: this browser is not letting this page use its storage.'),
        problems: [],
      };
    }
  }

  private async loadFile(
    url: string,
  ): Promise<
    | { failed: Extract<LoadState, { status: 'failed' }> }
    | { entries: RegisterEntry[]; trustedKeys: TrustedKey[]; exportedAt: string }
  > {
    const failed = (text: string, problems: string[] = []) => ({
      failed: { status: 'failed' as const, text, problems },
    });
    let text: string;
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) {
        return failed(
          msg(
            str`The register at ${url} could not be loaded: the server answered ${response.status} ${response.statusText}.`,
          ),
        );
      }
      text = await response.text();
    } catch {
      return failed(
        msg(
          str`The register at ${url} could not be loaded: the network request failed. Check the address and your connection.`,
        ),
      );
    }
    const result = jsonToRegister(text);
    if ('errors' in result) {
      return failed(
        msg(str`The register at ${url} cannot be read:`),
        result.errors.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message)),
      );
    }
    return { entries: result.file.entries, trustedKeys: result.file.trustedKeys, exportedAt: result.file.exportedAt };
  }

  // -------------------------------------------------------------------------
  // The list

  private get filter(): RegisterFilter {
    const filter: RegisterFilter = {};
    if (this.statusFilter) filter.status = this.statusFilter;
    if (this.outcomeFilter) filter.outcome = this.outcomeFilter;
    if (this.reviewFilter === 'overdue') filter.overdue = true;
    else if (this.reviewFilter) filter.reviewWithinDays = Number(this.reviewFilter) as 30 | 60 | 90;
    if (this.yearGroupFilter) filter.yearGroup = this.yearGroupFilter;
    if (this.subjectFilter) filter.subject = this.subjectFilter;
    if (this.ownerFilter) filter.owner = this.ownerFilter;
    if (this.search.trim()) filter.search = this.search;
    return filter;
  }

  /** The entries the filters let through, sorted; worked out again only when something they depend on changes. */
  private shownEntries(today: string): RegisterEntry[] {
    const filter = this.filter;
    const key = JSON.stringify([filter, this.sortKey, this.sortDirection, today]);
    const cache = this.shownCache;
    if (cache && cache.key === key && cache.entries === this.entries) return cache.result;
    const result = sortEntries(filterEntries(this.entries, filter, today), this.sortKey, this.sortDirection, today);
    this.shownCache = { key, entries: this.entries, result };
    return result;
  }

  /** The year groups, subjects and owners the entries name, for the filters' options. */
  private filterOptions(): FilterOptions {
    if (this.optionsCache?.entries !== this.entries) {
      this.optionsCache = { entries: this.entries, ...optionsOfEntries(this.entries, this.language) };
    }
    return this.optionsCache;
  }

  /** Files of one assessment signed by different keys, for the IT lead to settle; none in the staff view. */
  private get disputesView(): { disputes: SignerDispute[]; view: SignerDisputesView } | undefined {
    if (this.readonly) return undefined;
    const cache = this.disputesCache;
    const disputes =
      cache?.entries === this.entries && cache.trusted === this.trusted
        ? cache.result
        : signerDisputes(
            this.entries,
            this.trusted.map((key) => key.fingerprint),
          );
    this.disputesCache = { entries: this.entries, trusted: this.trusted, result: disputes };
    const format = formats(this.language);
    return {
      disputes,
      view: { trusted: this.trusted, moment: (iso) => format.moment(iso), open: (entry) => void this.openEntry(entry) },
    };
  }

  private setFilter(change: () => void): void {
    change();
    this.page = 1;
  }

  private onSearchInput(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.setFilter(() => (this.search = this.searchText)), SEARCH_DELAY_MS);
  }

  private clearFilters(): void {
    clearTimeout(this.searchTimer);
    this.setFilter(() => {
      this.statusFilter = '';
      this.outcomeFilter = '';
      this.reviewFilter = '';
      this.yearGroupFilter = '';
      this.subjectFilter = '';
      this.ownerFilter = '';
      this.searchText = '';
      this.search = '';
    });
  }

  private sortBy(key: SortKey): void {
    if (this.sortKey === key) {
      this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.sortKey = key;
      this.sortDirection = 'ascending';
    }
    this.page = 1;
  }

  private goToPage(page: number, pages: number): void {
    if (page < 1 || page > pages) return;
    this.page = page;
  }

  // -------------------------------------------------------------------------
  // The detail of an entry

  private async openEntry(listed: RegisterEntry): Promise<void> {
    const entry = await this.withAssessment(listed);
    if (this.selectedId !== entry.id) {
      this.decision = this.blankDecision(entry);
      this.retireReason = '';
      this.trustDraft = { open: false, name: '', role: '' };
    }
    this.selectedId = entry.id;
    this.problems = undefined;
    this.notice = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-heading')?.focus();
  }

  /**
   * The entry with its assessment, read from its own record: the store lists
   * entries without them. Kept in `entries`, so it is read once.
   */
  private async withAssessment(entry: RegisterEntry): Promise<RegisterEntry> {
    if (this.src || this.readonly || entry.assessment !== undefined) return entry;
    let full: RegisterEntry | undefined;
    try {
      full = await this.activeStore.get(entry.id);
    } catch {
      // The detail is shown from the listing; a save still keeps the stored assessment.
    }
    if (full === undefined) return entry;
    this.entries = this.entries.map((each) => (each.id === full.id ? full : each));
    return full;
  }

  private async backToList(): Promise<void> {
    const id = this.selectedId;
    this.selectedId = undefined;
    this.problems = undefined;
    await this.updateComplete;
    const button =
      id === undefined
        ? null
        : this.renderRoot.querySelector<HTMLElement>(`button.tool[data-entry-id="${CSS.escape(id)}"]`);
    (button ?? this.renderRoot.querySelector<HTMLElement>('#register-heading'))?.focus();
  }

  private reviewMonthsFor(entry: RegisterEntry): Scoring['reviewMonths'] {
    return entry.assessment && formOfAssessment(entry.assessment, this.forms)?.scoring.reviewMonths;
  }

  private blankDecision(entry?: RegisterEntry): DecisionDraft {
    const outcome =
      entry?.outcome !== undefined && (DECISIONS as readonly string[]).includes(entry.outcome)
        ? (entry.outcome as DecisionOutcome)
        : '';
    const decisionDate = localIsoDate();
    return {
      outcome,
      conditions: entry?.conditions.join('\n') ?? '',
      approver: '',
      decisionDate,
      reviewDue: entry ? this.defaultReviewDate(entry, decisionDate, outcome) : '',
      reviewDueSet: false,
      reason: '',
    };
  }

  private defaultReviewDate(entry: RegisterEntry, decisionDate: string, outcome: DecisionOutcome | ''): string {
    if (outcome === '' || decisionDate === '') return '';
    try {
      return reviewDueDate(decisionDate, outcome, this.reviewMonthsFor(entry)) ?? '';
    } catch {
      return '';
    }
  }

  private updateDecision(entry: RegisterEntry, change: Partial<DecisionDraft>): void {
    const next = { ...this.decision, ...change };
    if (!next.reviewDueSet && ('outcome' in change || 'decisionDate' in change)) {
      next.reviewDue = this.defaultReviewDate(entry, next.decisionDate, next.outcome);
    }
    this.decision = next;
  }

  /** The problem of a missing name, which every change checks first. */
  private actorProblems(): Problem[] {
    return this.actor.trim()
      ? []
      : [{ field: 'actor', text: msg('Enter your name: it goes in the register’s history with every change.') }];
  }

  private async showProblems(title: string, problems: Problem[]): Promise<void> {
    this.problems = { title, problems };
    this.notice = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  private ruleProblem(error: RegisterRuleError, fields: Partial<Record<RegisterRuleError['rule'], string>>): Problem {
    const field = fields[error.rule];
    return { text: error.message, rule: ruleWords(error.rule), ...(field ? { field } : {}) };
  }

  /** Saves entries through the store, all or none, and says how it went; true when they were saved. */
  private async saveEntries(saved: RegisterEntry[], action: RegisterChangeAction, done: string): Promise<boolean> {
    try {
      await this.activeStore.save(...saved);
    } catch (error) {
      await this.showProblems(msg('Nothing was changed'), [{ text: storeProblemWords(error) }]);
      if (errorName(error) === 'RegisterHistoryError') await this.load();
      return false;
    }
    const byId = new Map(saved.map((entry) => [entry.id, entry]));
    const kept = this.entries.map((entry) => byId.get(entry.id) ?? entry);
    const known = new Set(this.entries.map((entry) => entry.id));
    this.entries = [...kept, ...saved.filter((entry) => !known.has(entry.id))];
    this.problems = undefined;
    this.notice = done;
    this.dispatchEvent(new ProformaRegisterChangeEvent({ action, entries: saved }));
    return true;
  }

  private async onDecide(event: Event, entry: RegisterEntry): Promise<void> {
    event.preventDefault();
    const draft = this.decision;
    const title = msg('The decision was not recorded');
    const problems = this.actorProblems();
    if (draft.outcome === '') problems.push({ field: 'outcome-approved', text: msg('Choose the decision.') });
    if (draft.decisionDate === '') problems.push({ field: 'decision-date', text: msg('Enter the decision date.') });
    if (problems.length > 0) return this.showProblems(title, problems);
    const outcome = draft.outcome as DecisionOutcome;
    const approving = outcome !== 'not-approved';
    let decided: RegisterEntry;
    try {
      decided = recordDecision(
        entry,
        {
          outcome,
          conditions: draft.conditions.split('\n'),
          approver: draft.approver,
          decisionDate: draft.decisionDate,
          ...(approving && draft.reviewDue !== '' ? { reviewDue: draft.reviewDue } : {}),
          by: this.actor,
          at: new Date().toISOString(),
          reason: draft.reason,
        },
        this.reviewMonthsFor(entry),
      );
    } catch (error) {
      if (!(error instanceof RegisterRuleError)) throw error;
      return this.showProblems(title, [
        this.ruleProblem(error, {
          approver: 'approver',
          conditions: 'conditions',
          'account-owners': 'owners',
          date: approving ? 'review-date' : 'decision-date',
          who: 'actor',
        }),
      ]);
    }
    const done = msg(str`Decision recorded for ${entry.tool}: ${statusWords(decided.status)}.`);
    if (!(await this.saveEntries([decided], 'decided', done))) return;
    this.decision = this.blankDecision(decided);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-heading')?.focus();
  }

  private async onMove(entry: RegisterEntry, to: StoredStatus): Promise<void> {
    const title = msg('The status was not changed');
    const problems = this.actorProblems();
    if (problems.length > 0) return this.showProblems(title, problems);
    let moved: RegisterEntry;
    try {
      moved = moveStatus(entry, to, { by: this.actor, at: new Date().toISOString() });
    } catch (error) {
      if (!(error instanceof RegisterRuleError)) throw error;
      return this.showProblems(title, [this.ruleProblem(error, { who: 'actor' })]);
    }
    const done = msg(str`${entry.tool} is now ${statusWords(to).toLowerCase()}.`);
    if (!(await this.saveEntries([moved], 'moved', done))) return;
    this.decision = this.blankDecision(moved);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-heading')?.focus();
  }

  private async onRetire(event: Event, entry: RegisterEntry): Promise<void> {
    event.preventDefault();
    const title = msg('The tool was not retired');
    const problems = this.actorProblems();
    if (this.retireReason.trim() === '') {
      problems.push({ field: 'retire-reason', text: msg('Say why the tool is being retired.') });
    }
    if (problems.length > 0) return this.showProblems(title, problems);
    let retired: RegisterEntry;
    try {
      retired = retire(entry, { by: this.actor, at: new Date().toISOString(), reason: this.retireReason });
    } catch (error) {
      if (!(error instanceof RegisterRuleError)) throw error;
      return this.showProblems(title, [this.ruleProblem(error, { reason: 'retire-reason', who: 'actor' })]);
    }
    if (!(await this.saveEntries([retired], 'retired', msg(str`${entry.tool} is retired.`)))) return;
    this.retireReason = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-heading')?.focus();
  }

  private async toggleTrustForm(): Promise<void> {
    this.trustDraft = { ...this.trustDraft, open: !this.trustDraft.open };
    if (!this.trustDraft.open) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#trust-name')?.focus();
  }

  private async onTrust(event: Event, fingerprint: string): Promise<void> {
    event.preventDefault();
    const title = msg('The key was not trusted');
    const problems = this.actorProblems();
    const name = this.trustDraft.name.trim();
    if (name === '') problems.push({ field: 'trust-name', text: msg('Enter the name of the person whose key it is.') });
    if (problems.length > 0) return this.showProblems(title, problems);
    const key: TrustedKey = {
      name,
      role: this.trustDraft.role.trim(),
      fingerprint: normalFingerprint(fingerprint),
      addedAt: new Date().toISOString(),
    };
    if (!TrustedKeySchema.safeParse(key).success) {
      return this.showProblems(title, [
        { text: msg('This is not a key fingerprint the register can hold: it should be 64 hexadecimal digits.') },
      ]);
    }
    try {
      await this.activeStore.trust(key);
    } catch (error) {
      return this.showProblems(msg('Nothing was changed'), [{ text: storeProblemWords(error) }]);
    }
    this.trusted = [...this.trusted.filter((each) => each.fingerprint !== key.fingerprint), key];
    this.trustDraft = { open: false, name: '', role: '' };
    this.problems = undefined;
    this.notice = msg(str`The key of ${name} is now trusted.`);
    this.dispatchEvent(new ProformaRegisterChangeEvent({ action: 'trusted', entries: [] }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#signer')?.focus();
  }

  // -------------------------------------------------------------------------
  // Chosen files

  private onFilesChosen(event: Event, run: (files: File[]) => Promise<void>): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Cleared, so that choosing the same file again (after fixing it, say) imports it again.
    input.value = '';
    if (files.length > 0) void run(files);
  }

  /** Checks that someone is named and nothing else is running; shows why not, and returns false, otherwise. */
  private async readyToImport(): Promise<boolean> {
    if (this.busy !== undefined) return false;
    const problems = this.actorProblems();
    if (problems.length === 0) return true;
    await this.showProblems(msg('Nothing was imported'), problems);
    return false;
  }

  private async importPdfs(files: File[]): Promise<void> {
    if (!(await this.readyToImport())) return;
    const pdfs: Array<{ name: string; bytes: Uint8Array }> = [];
    const unopenable: string[] = [];
    this.busy = msg('Importing…');
    for (const file of files) {
      try {
        pdfs.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch {
        unopenable.push(file.name);
      }
    }
    let results: PdfImportResult[] = [];
    try {
      if (pdfs.length > 0)
        results = await importSignedPdfs(pdfs, this.activeStore, {
          forms: this.forms,
          by: this.actor,
          locale: this.language,
        });
    } catch (error) {
      this.busy = undefined;
      return this.showProblems(msg('Nothing was imported'), [{ text: storeProblemWords(error) }]);
    }
    const imported = new Set(results.flatMap((result) => (result.entryId ? [result.entryId] : [])));
    await this.finishImport({ kind: 'pdfs', results, unopenable }, imported);
  }

  private async importFile(format: 'CSV' | 'JSON', file: File): Promise<void> {
    if (!(await this.readyToImport())) return;
    this.busy = msg('Importing…');
    let contents: string | Uint8Array;
    try {
      // A CSV goes in as bytes, so that bytes that are not UTF-8 are refused rather than read as U+FFFD.
      contents = format === 'CSV' ? new Uint8Array(await file.arrayBuffer()) : await file.text();
    } catch {
      this.busy = undefined;
      return this.showProblems(msg('Nothing was imported'), [
        { text: msg(str`${file.name} could not be opened. It may have been moved or deleted; choose it again.`) },
      ]);
    }
    const before = new Map(this.entries.map((entry) => [entry.id, entry]));
    let result;
    try {
      const options = { by: this.actor };
      result =
        typeof contents === 'string'
          ? await importRegisterJson(contents, this.activeStore, options)
          : await importRegisterCsv(contents, this.activeStore, options);
    } catch (error) {
      this.busy = undefined;
      return this.showProblems(msg('Nothing was imported'), [{ text: storeProblemWords(error) }]);
    }
    if ('errors' in result) {
      await this.finishImport({ kind: 'file-problems', format, fileName: file.name, problems: result.errors });
      return;
    }
    await this.finishImport({ kind: 'file', format, fileName: file.name, imported: result.imported }, before);
  }

  /**
   * Reads the register again after an import, shows what happened and moves
   * focus to it; fires the change event with the entries the import wrote
   * (the ones named in `imported`, or, given the entries before, every one
   * that is new or different).
   */
  private async finishImport(
    report: ImportReport,
    imported?: ReadonlySet<string> | ReadonlyMap<string, RegisterEntry>,
  ): Promise<void> {
    if (imported !== undefined) await this.load();
    this.busy = undefined;
    this.problems = undefined;
    this.notice = undefined;
    this.importReport = report;
    if (imported !== undefined) {
      const written = this.entries.filter((entry) =>
        imported instanceof Set
          ? imported.has(entry.id)
          : (imported as ReadonlyMap<string, RegisterEntry>).get(entry.id) !== entry,
      );
      if (written.length > 0) {
        this.dispatchEvent(new ProformaRegisterChangeEvent({ action: 'imported', entries: written }));
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#import-report-heading')?.focus();
  }

  private async exportFile(kind: 'csv' | 'json' | 'published'): Promise<void> {
    if (this.busy !== undefined) return;
    if (downloadsBlocked()) {
      return this.showProblems(msg('Nothing was exported'), [
        {
          text: msg(
            'This page may not download files: it is shown in a frame without permission to. Open the register on a page of its own to export it.',
          ),
        },
      ]);
    }
    this.busy = msg('Exporting…');
    try {
      const store = this.activeStore;
      if (kind === 'csv') {
        const text = await exportRegisterCsv(store);
        downloadFile(datedFileName('approved-tools', 'csv'), new Blob([text], { type: 'text/csv;charset=utf-8' }));
      } else {
        const text = await exportRegisterJson(store, { published: kind === 'published' });
        const name = kind === 'published' ? 'approved-tools-for-staff' : 'approved-tools';
        downloadFile(datedFileName(name, 'json'), new Blob([text], { type: 'application/json' }));
      }
      this.problems = undefined;
    } catch (error) {
      await this.showProblems(msg('Nothing was exported'), [
        {
          text:
            errorName(error) === 'StorageUnavailableError'
              ? msg('The register could not be read: this browser is not letting this page use its storage.')
              : msg(str`The register could not be exported: ${error instanceof Error ? error.message : String(error)}`),
        },
      ]);
    } finally {
      this.busy = undefined;
    }
  }

  /** Moves focus to the heading of what is shown: the register's, or the open tool's. */
  override async focus(options?: FocusOptions): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-heading, #register-heading')?.focus(options);
  }

  /** Reads the register again, from `src` or the store: after the host page changed the store, say. */
  async refresh(): Promise<void> {
    await this.load();
  }

  // -------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const entry = this.selected;
    return html`<section aria-labelledby=${entry ? 'detail-heading' : 'register-heading'}>
      ${entry ? this.renderDetail(entry) : this.renderList()}
    </section>`;
  }

  private renderCommon(): TemplateResult {
    return html`${this.renderProblems()}
      <div role="status">${this.notice ? html`<p class="message">${this.notice}</p>` : nothing}</div>`;
  }

  private renderActor(): TemplateResult {
    const error = this.problems?.problems.find((problem) => problem.field === 'actor');
    return html`<div class="field">
      <label for="actor">${msg('Your name')}</label>
      <span class="hint" id="actor-hint">
        ${msg('Recorded in the history with every change you make, for example “J. Evans, IT lead”.')}
      </span>
      ${error ? html`<span class="error-message" id="actor-error">${error.text}</span>` : nothing}
      <input
        id="actor"
        type="text"
        autocomplete="name"
        aria-describedby=${error ? 'actor-hint actor-error' : 'actor-hint'}
        aria-invalid=${error ? 'true' : 'false'}
        .value=${live(this.actor)}
        @input=${(event: Event) => (this.actor = (event.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  private renderProblems(): TemplateResult | typeof nothing {
    const summary = this.problems;
    if (!summary) return nothing;
    return html`<div class="error-summary" role="alert" tabindex="-1">
      <h3>${summary.title}</h3>
      <ul>
        ${summary.problems.map((problem) => {
          const words = html`${problem.rule ? html`<strong>${problem.rule}</strong> ` : nothing}${problem.text}`;
          return html`<li>
            ${
              problem.field
                ? html`<a
                    href=${`#${problem.field}`}
                    @click=${(event: Event) => {
                      event.preventDefault();
                      this.renderRoot.querySelector<HTMLElement>(`#${problem.field}`)?.focus();
                    }}
                    >${words}</a
                  >`
                : words
            }
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderList(): TemplateResult {
    const state = this.loadState;
    return html`<h2 id="register-heading" tabindex="-1">${msg('Approved tools')}</h2>
      ${
        this.src && this.fileExportedAt && state.status === 'ready'
          ? html`<p class="note">
              ${msg(str`The register as published on ${formats(this.language).moment(this.fileExportedAt)}.`)}
            </p>`
          : nothing
      }
      ${this.renderCommon()}
      ${
        state.status === 'loading'
          ? html`<p>${msg('Loading the register…')}</p>`
          : state.status === 'failed'
            ? html`<div class="warning" role="alert">
                <p>${state.text}</p>
                ${
                  state.problems.length === 0
                    ? nothing
                    : html`<ul>
                        ${state.problems.map((problem) => html`<li>${problem}</li>`)}
                      </ul>`
                }
              </div>`
            : this.renderTools()
      }
      ${this.canChange && state.status === 'ready' ? this.renderTransfers() : nothing}`;
  }

  private renderTools(): TemplateResult {
    if (this.entries.length === 0) {
      return html`<p>
        ${
          this.canChange
            ? msg('The register is empty. Import signed PDFs, a CSV or a JSON file to add tools.')
            : msg('The register has no tools yet.')
        }
      </p>`;
    }
    const today = localIsoDate();
    const shown = this.shownEntries(today);
    const pages = Math.max(1, Math.ceil(shown.length / REGISTER_PAGE_SIZE));
    const page = Math.min(this.page, pages);
    const rows = shown.slice((page - 1) * REGISTER_PAGE_SIZE, page * REGISTER_PAGE_SIZE);
    const format = formats(this.language);
    const disputes = this.disputesView;
    return html`${
        this.damagedCount > 0
          ? html`<p class="warning">
              ${plural(this.damagedCount, this.language, {
                one: msg(
                  str`${this.damagedCount} record in this browser’s register cannot be read. It is kept as it is.`,
                  {
                    id: 'register-damaged-records-one',
                  },
                ),
                other: msg(
                  str`${this.damagedCount} records in this browser’s register cannot be read. They are kept as they are.`,
                  { id: 'register-damaged-records-other' },
                ),
              })}
            </p>`
          : nothing
      }
      ${disputes ? renderSignerDisputes(disputes.disputes, disputes.view) : nothing} ${this.renderFilters()}
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
                      ${this.renderSortHeader('tool', msg('Tool'))} ${this.renderSortHeader('status', msg('Status'))}
                      ${this.renderSortHeader('outcome', msg('Outcome'))}
                      ${this.renderSortHeader('readiness', msg('Readiness'))}
                      ${this.renderSortHeader('reviewDue', msg('Review due'))}
                      <th scope="col">${msg('Account owners')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${rows.map((entry) => this.renderRow(entry, today, format))}
                  </tbody>
                </table>
              </div>
              ${this.renderPages(page, pages)}`
      }`;
  }

  private renderFilters(): TemplateResult {
    const { yearGroups, subjects, owners } = this.filterOptions();
    const select = (
      id: string,
      label: string,
      value: string,
      options: ReadonlyArray<readonly [string, string]>,
      set: (value: string) => void,
    ) =>
      html`<div>
        <label for=${id}>${label}</label>
        <select
          id=${id}
          @change=${(event: Event) => this.setFilter(() => set((event.target as HTMLSelectElement).value))}
        >
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
      <div class="search">
        <label for="search">${msg('Search tools, makers, purposes, owners and conditions')}</label>
        <input id="search" type="search" .value=${live(this.searchText)} @input=${this.onSearchInput} />
      </div>
      ${select(
        'filter-status',
        msg('Status'),
        this.statusFilter,
        [['', msg('Any status')], ...STATUS_ORDER.map((status) => [status, statusWords(status)] as const)],
        (value) => (this.statusFilter = value as Status | ''),
      )}
      ${select(
        'filter-outcome',
        msg('Outcome'),
        this.outcomeFilter,
        [['', msg('Any outcome')], ...OUTCOMES.map((outcome) => [outcome, outcomeWords(outcome)] as const)],
        (value) => (this.outcomeFilter = value as Outcome | ''),
      )}
      ${select(
        'filter-review',
        msg('Review due'),
        this.reviewFilter,
        [
          ['', msg('Any time')],
          ['30', msg('Within 30 days')],
          ['60', msg('Within 60 days')],
          ['90', msg('Within 90 days')],
          ['overdue', msg('Overdue')],
        ],
        (value) => (this.reviewFilter = value as ReviewFilter),
      )}
      ${select(
        'filter-year-group',
        msg('Year group'),
        this.yearGroupFilter,
        [['', msg('Any year group')], ...yearGroups.map((group) => [group, group] as const)],
        (value) => (this.yearGroupFilter = value),
      )}
      ${select(
        'filter-subject',
        msg('Subject'),
        this.subjectFilter,
        [['', msg('Any subject')], ...subjects.map((subject) => [subject, subject] as const)],
        (value) => (this.subjectFilter = value),
      )}
      ${select(
        'filter-owner',
        msg('Account owner'),
        this.ownerFilter,
        [['', msg('Any owner')], ...owners.map((owner) => [owner, owner] as const)],
        (value) => (this.ownerFilter = value),
      )}
      <div class="actions">
        <button type="button" @click=${this.clearFilters}>${msg('Clear the filters')}</button>
      </div>
    </div>`;
  }

  private renderSortHeader(key: SortKey, label: string): TemplateResult {
    const sorted = this.sortKey === key ? this.sortDirection : undefined;
    return html`<th scope="col" aria-sort=${ifDefined(sorted)}>
      <button type="button" @click=${() => this.sortBy(key)}>
        ${label}
        <svg class="sort-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          ${SORT_ICONS[sorted ?? 'none']}
        </svg>
      </button>
    </th>`;
  }

  private renderRow(entry: RegisterEntry, today: string, format: Formats): TemplateResult {
    const status = effectiveStatus(entry, today);
    return html`<tr>
      <th scope="row">
        <button type="button" class="tool" data-entry-id=${entry.id} @click=${() => this.openEntry(entry)}>
          ${entry.tool}
        </button>
      </th>
      <td>${this.renderStatus(status)}</td>
      <td>${entry.outcome ? outcomeWords(entry.outcome) : msg('Not assessed')}</td>
      <td>${format.percent(entry.readiness)}</td>
      <td>${entry.reviewDue ? format.day(entry.reviewDue) : msg('Not set')}</td>
      <td>${entry.owners.map((owner) => owner.name).join(', ') || msg('None named')}</td>
    </tr>`;
  }

  private renderStatus(status: Status): TemplateResult {
    return html`<span class=${`status status-${status}`}>
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${STATUS_ICONS[status]}</svg>
      <span>${statusWords(status)}</span>
    </span>`;
  }

  private renderPages(page: number, pages: number): TemplateResult | typeof nothing {
    if (pages <= 1) return nothing;
    // aria-disabled rather than disabled, so that focus stays on the button at the first and last page.
    return html`<nav class="pages" aria-label=${msg('Pages of the list')}>
      <button
        type="button"
        aria-disabled=${page <= 1 ? 'true' : 'false'}
        @click=${() => this.goToPage(page - 1, pages)}
      >
        ${msg('Previous page')}
      </button>
      <p aria-live="polite">${msg(str`Page ${page} of ${pages}`)}</p>
      <button
        type="button"
        aria-disabled=${page >= pages ? 'true' : 'false'}
        @click=${() => this.goToPage(page + 1, pages)}
      >
        ${msg('Next page')}
      </button>
    </nav>`;
  }

  private renderTransfers(): TemplateResult {
    const busy = this.busy !== undefined;
    const fileField = (
      id: string,
      label: string,
      hint: string,
      accept: string,
      multiple: boolean,
      run: (files: File[]) => Promise<void>,
    ) =>
      html`<div class="file-field">
        <label for=${id}>${label}</label>
        <span class="hint" id=${`${id}-hint`}>${hint}</span>
        <input
          id=${id}
          type="file"
          accept=${accept}
          ?multiple=${multiple}
          ?disabled=${busy}
          aria-describedby=${`${id}-hint`}
          @change=${(event: Event) => this.onFilesChosen(event, run)}
        />
      </div>`;
    return html`<section class="panel" aria-labelledby="transfer-heading">
      <h3 id="transfer-heading">${msg('Import and export')}</h3>
      ${this.renderActor()}
      <div class=${this.drop.dragging ? 'drop-zone dragging' : 'drop-zone'} part="drop-zone">
        ${fileField(
          'import-pdfs',
          msg('Import signed PDFs'),
          msg(
            'Choose several at once, or drop them on the register. Each is checked in this browser: nothing is sent anywhere.',
          ),
          'application/pdf,.pdf',
          true,
          (files) => this.importPdfs(files),
        )}
        ${fileField(
          'import-csv',
          msg('Import CSV'),
          msg(
            'The register as Excel saves it (“CSV UTF-8”). All or nothing: if any row is wrong, nothing is imported and every problem is listed.',
          ),
          'text/csv,.csv',
          false,
          (files) => this.importFile('CSV', files[0]!),
        )}
        ${fileField(
          'import-json',
          msg('Import JSON'),
          msg('A register exported as JSON. All or nothing, like the CSV.'),
          'application/json,.json',
          false,
          (files) => this.importFile('JSON', files[0]!),
        )}
      </div>
      <div role="status">${this.busy ? html`<p>${this.busy}</p>` : nothing}</div>
      ${this.renderImportReport()}
      <div class="actions">
        <button type="button" @click=${() => this.exportFile('csv')}>${msg('Export CSV')}</button>
        <button type="button" @click=${() => this.exportFile('json')}>${msg('Export JSON')}</button>
        <button type="button" @click=${() => this.exportFile('published')}>
          ${msg('Export for staff (published)')}
        </button>
      </div>
    </section>`;
  }

  private renderImportReport(): TemplateResult | typeof nothing {
    const report = this.importReport;
    if (!report) return nothing;
    const heading = (words: string) => html`<h4 id="import-report-heading" tabindex="-1">${words}</h4>`;
    switch (report.kind) {
      case 'file':
        return html`<div class="message">
          ${heading(
            plural(report.imported, this.language, {
              one: msg(str`${report.imported} tool imported from ${report.fileName}.`, {
                id: 'register-tools-imported-one',
              }),
              other: msg(str`${report.imported} tools imported from ${report.fileName}.`, {
                id: 'register-tools-imported-other',
              }),
            }),
          )}
        </div>`;
      case 'file-problems':
        return html`<div class="error-summary">
          ${heading(
            plural(report.problems.length, this.language, {
              one: msg(str`Nothing was imported from ${report.fileName}: ${report.problems.length} problem`, {
                id: 'register-import-problems-one',
              }),
              other: msg(str`Nothing was imported from ${report.fileName}: ${report.problems.length} problems`, {
                id: 'register-import-problems-other',
              }),
            }),
          )}
          <ul>
            ${report.problems.map((problem) => html`<li>${this.importProblemWords(problem)}</li>`)}
          </ul>
        </div>`;
      case 'pdfs': {
        const { results, unopenable } = report;
        const added = results.filter((result) => result.result !== 'refused').length;
        const chosen = results.length + unopenable.length;
        return html`<div class="message">
          ${heading(
            plural(chosen, this.language, {
              one: msg(str`${added} of ${chosen} PDF imported`, { id: 'register-pdfs-imported-one' }),
              other: msg(str`${added} of ${chosen} PDFs imported`, { id: 'register-pdfs-imported-other' }),
            }),
          )}
          <ul class="results">
            ${results.map((result) => html`<li>${this.renderPdfResult(result)}</li>`)}
            ${unopenable.map(
              (name) =>
                html`<li>
                  <strong>${name}</strong>:
                  ${msg('Not imported: the file could not be opened. It may have been moved or deleted; choose it again.')}
                </li>`,
            )}
          </ul>
        </div>`;
      }
    }
  }

  private importProblemWords(problem: RegisterImportProblem): string {
    if (problem.row !== undefined && problem.column) {
      return msg(str`Row ${problem.row}, column “${problem.column}”: ${problem.message}`);
    }
    if (problem.row !== undefined) return msg(str`Row ${problem.row}: ${problem.message}`);
    if (problem.path) return msg(str`${problem.path}: ${problem.message}`);
    return problem.message;
  }

  private renderPdfResult(result: PdfImportResult): TemplateResult {
    const tool = result.tool ?? result.fileName;
    const entry = result.entryId === undefined ? undefined : this.entries.find(({ id }) => id === result.entryId);
    const what =
      result.result === 'created'
        ? msg(str`Added “${tool}” to the register.`)
        : result.result === 'updated'
          ? msg(str`Updated “${tool}”: re-assessed, its history kept.`)
          : result.result === 'side-by-side'
            ? msg(
                str`Added “${tool}” beside another file of the same assessment signed by a different key: see “Files that claim the same assessment”.`,
              )
            : result.reason
              ? refusalWords(result.reason)
              : msg('Not imported.');
    const signer = result.signer;
    return html`<strong>${result.fileName}</strong>: ${what}
      ${
        signer && !result.signerRecognised && result.result !== 'refused'
          ? html`<span>
              ${msg(str`Signer not recognised: ${signer.name || msg('someone who gave no name')}, key ${signer.fingerprint}.`)}
            </span>`
          : nothing
      }
      ${
        entry
          ? html`<button type="button" class="tool" @click=${() => this.openEntry(entry)}>
              ${msg(str`Open ${entry.tool}`)}
            </button>`
          : nothing
      }`;
  }

  private renderDetail(entry: RegisterEntry): TemplateResult {
    const today = localIsoDate();
    const status = effectiveStatus(entry, today);
    const format = formats(this.language);
    const disputes = this.disputesView;
    const notSet = msg('Not recorded');
    const fact = (label: string, value: unknown) =>
      html`<dt>${label}</dt>
        <dd>${value === undefined || value === '' ? notSet : value}</dd>`;
    return html`<div class="detail" part="detail">
      <div class="actions">
        <button type="button" class="back" @click=${this.backToList}>${msg('Back to the list')}</button>
      </div>
      <h2 id="detail-heading" tabindex="-1">${entry.tool}</h2>
      ${this.renderCommon()}
      <dl class="facts">
        <dt>${msg('Status')}</dt>
        <dd>${this.renderStatus(status)}</dd>
        ${fact(msg('Made by'), entry.vendor)}
        ${fact(
          msg('Web address'),
          entry.url && linkable(entry.url)
            ? html`<a href=${entry.url} rel="noopener noreferrer" target="_blank">${entry.url}</a>`
            : entry.url,
        )}
        ${fact(msg('Purpose'), entry.purpose)} ${fact(msg('Subjects'), entry.subjects.join(', '))}
        ${fact(msg('Year groups'), entry.yearGroups.join(', '))}
        ${fact(msg('Minimum age'), entry.minimumAge === undefined ? undefined : String(entry.minimumAge))}
        ${fact(msg('Data collected'), entry.dataCollected)} ${fact(msg('DPIA reference'), entry.dpiaReference)}
        ${fact(msg('Outcome of the assessment'), entry.outcome ? outcomeWords(entry.outcome) : undefined)}
        ${fact(msg('Readiness'), format.percent(entry.readiness))} ${fact(msg('Assessor'), entry.assessor)}
        ${fact(msg('Approver'), entry.approver)}
        ${fact(msg('Decision date'), entry.decisionDate ? format.day(entry.decisionDate) : undefined)}
        ${fact(msg('Review due'), entry.reviewDue ? format.day(entry.reviewDue) : undefined)}
      </dl>
      <h3>${msg('Conditions')}</h3>
      ${
        entry.conditions.length === 0
          ? html`<p>${msg('None.')}</p>`
          : html`<ul>
              ${entry.conditions.map((condition) => html`<li>${condition}</li>`)}
            </ul>`
      }
      <h3 id="owners" tabindex="-1">${msg('Account owners')}</h3>
      ${
        entry.owners.length === 0
          ? html`<p>${msg('None named.')}</p>`
          : html`<ul>
              ${entry.owners.map(
                (owner) => html`<li>${owner.role ? msg(str`${owner.name} (${owner.role})`) : owner.name}</li>`,
              )}
            </ul>`
      }
      ${this.renderSigner(entry)} ${disputes ? renderSignerDisputeOf(entry, disputes.disputes, disputes.view) : nothing}
      ${this.readonly ? nothing : this.renderAssessment(entry, format)} ${this.renderHistory(entry, format)}
      ${this.canChange ? this.renderChanges(entry) : nothing}
    </div>`;
  }

  private renderSigner(entry: RegisterEntry): TemplateResult {
    const fingerprint = entry.signerFingerprint;
    const heading = html`<h3 id="signer" tabindex="-1">${msg('Signer’s key')}</h3>`;
    if (!fingerprint) {
      return html`${heading}
        <p>${msg('None: this entry did not come from a signed PDF.')}</p>`;
    }
    const code = html`<p><code class="fingerprint">${fingerprint}</code></p>`;
    // A published register lists no trusted keys, so it says nothing about who holds this one.
    if (this.readonly) return html`${heading}${code}`;
    const key = this.trusted.find((each) => each.fingerprint === normalFingerprint(fingerprint));
    if (key) {
      return html`${heading}${code}
        <p>${key.role ? msg(str`The key of ${key.name} (${key.role}).`) : msg(str`The key of ${key.name}.`)}</p>`;
    }
    return html`${heading}${code}
      <p class="status">
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${WARNING_ICON}</svg>
        <strong>${msg('Signer not recognised')}</strong>
      </p>
      <p class="note">
        ${msg('This key is not one the register trusts. Check the fingerprint with the person who signed before trusting it.')}
      </p>
      ${this.canChange ? this.renderTrustForm(fingerprint) : nothing}`;
  }

  private renderTrustForm(fingerprint: string): TemplateResult {
    const draft = this.trustDraft;
    const error = this.problems?.problems.find((problem) => problem.field === 'trust-name');
    return html`<div class="actions">
        <button
          type="button"
          aria-expanded=${draft.open ? 'true' : 'false'}
          aria-controls="trust-form"
          @click=${this.toggleTrustForm}
        >
          ${msg('Trust this key')}
        </button>
      </div>
      <form
        id="trust-form"
        ?hidden=${!draft.open}
        novalidate
        @submit=${(event: Event) => this.onTrust(event, fingerprint)}
      >
        <div class="field">
          <label for="trust-name">${msg('Name of the person whose key it is')}</label>
          ${error ? html`<span class="error-message" id="trust-name-error">${error.text}</span>` : nothing}
          <input
            id="trust-name"
            type="text"
            aria-describedby=${ifDefined(error ? 'trust-name-error' : undefined)}
            aria-invalid=${error ? 'true' : 'false'}
            .value=${live(draft.name)}
            @input=${(event: Event) =>
              (this.trustDraft = { ...this.trustDraft, name: (event.target as HTMLInputElement).value })}
          />
        </div>
        <div class="field">
          <label for="trust-role">${msg('Their role')}</label>
          <input
            id="trust-role"
            type="text"
            .value=${live(draft.role)}
            @input=${(event: Event) =>
              (this.trustDraft = { ...this.trustDraft, role: (event.target as HTMLInputElement).value })}
          />
        </div>
        <div class="actions">
          <button type="submit" class="primary">${msg('Trust the key')}</button>
        </div>
      </form>`;
  }

  private renderAssessment(entry: RegisterEntry, format: Formats): TemplateResult | typeof nothing {
    const assessment = entry.assessment;
    if (!assessment) return nothing;
    const form = formOfAssessment(assessment, this.forms);
    const formTitle = form ? resolveText(form.title, this.language) : '';
    const { id: formId, version } = assessment.form;
    const answered = Object.keys(assessment.answers).length;
    return html`<h3>${msg('The assessment')}</h3>
      <dl class="facts">
        <dt>${msg('Form')}</dt>
        <dd>
          ${formTitle ? msg(str`${formTitle} (${formId}, version ${version})`) : msg(str`${formId}, version ${version}`)}
        </dd>
        <dt>${msg('Assessment id')}</dt>
        <dd>${assessment.id}</dd>
        <dt>${msg('Revision')}</dt>
        <dd>${assessment.revision}</dd>
        <dt>${msg('Started')}</dt>
        <dd>${format.moment(assessment.createdAt)}</dd>
        <dt>${msg('Last updated')}</dt>
        <dd>${format.moment(assessment.updatedAt)}</dd>
        <dt>${msg('Questions answered')}</dt>
        <dd>${answered}</dd>
      </dl>`;
  }

  private renderHistory(entry: RegisterEntry, format: Formats): TemplateResult {
    // The history is only ever appended to, so its end is the newest.
    const events = [...entry.history].reverse();
    return html`<h3>${msg('History')}</h3>
      ${
        events.length === 0
          ? html`<p>${msg('Nothing recorded yet.')}</p>`
          : html`<ol class="history">
              ${events.map((event) => this.renderEvent(event, format))}
            </ol>`
      }`;
  }

  private renderEvent(event: HistoryEvent, format: Formats): TemplateResult {
    const when = format.moment(event.at);
    return html`<li>
      <p><strong>${actionWords(event.action)}</strong>, ${event.by ? msg(str`${when}, by ${event.by}`) : when}</p>
      ${
        event.changes.length === 0
          ? nothing
          : html`<ul>
              ${event.changes.map(({ field, from, to }) => {
                const name = fieldWords(field);
                const before = from === undefined ? undefined : valueWords(field, from);
                const after = to === undefined ? undefined : valueWords(field, to);
                if (before === undefined && after !== undefined)
                  return html`<li>${msg(str`${name}: set to “${after}”`)}</li>`;
                if (after === undefined && before !== undefined)
                  return html`<li>${msg(str`${name}: “${before}” removed`)}</li>`;
                return html`<li>${msg(str`${name}: from “${before ?? ''}” to “${after ?? ''}”`)}</li>`;
              })}
            </ul>`
      }
      ${event.reason ? html`<p>${msg(str`Why: ${event.reason}`)}</p>` : nothing}
    </li>`;
  }

  private renderChanges(entry: RegisterEntry): TemplateResult {
    const moves = allowedTransitions(entry.status).filter((to) => to === 'submitted' || to === 'under-review');
    return html`<section class="panel" aria-labelledby="changes-heading">
      <h3 id="changes-heading">${msg('Decisions and changes')}</h3>
      ${this.renderActor()}
      ${
        moves.length === 0
          ? nothing
          : html`<div class="actions">
              ${moves.map(
                (to) =>
                  html`<button type="button" @click=${() => this.onMove(entry, to)}>
                    ${to === 'submitted' ? msg('Mark as submitted') : msg('Start a review')}
                  </button>`,
              )}
            </div>`
      }
      ${
        entry.status === 'under-review'
          ? this.renderDecisionForm(entry)
          : html`<p class="note">${msg('A decision can be recorded once the tool is under review.')}</p>`
      }
      ${allowedTransitions(entry.status).includes('retired') ? this.renderRetireForm(entry) : nothing}
    </section>`;
  }

  private fieldError(field: string): string | undefined {
    return this.problems?.problems.find((problem) => problem.field === field)?.text;
  }

  private renderDecisionForm(entry: RegisterEntry): TemplateResult {
    const draft = this.decision;
    const approving = draft.outcome === 'approved' || draft.outcome === 'approved-with-conditions';
    const outcomeError = this.fieldError('outcome-approved');
    const described = (field: string, hint?: string) => {
      const ids = [hint, this.fieldError(field) ? `${field}-error` : undefined].filter(Boolean).join(' ');
      return ifDefined(ids || undefined);
    };
    const errorLine = (field: string) => {
      const error = this.fieldError(field);
      return error ? html`<span class="error-message" id=${`${field}-error`}>${error}</span>` : nothing;
    };
    return html`<form class="decision" novalidate @submit=${(event: Event) => this.onDecide(event, entry)}>
      <h3>${msg('Record a decision')}</h3>
      <fieldset aria-describedby=${described('outcome-approved')}>
        <legend>${msg('Decision')}</legend>
        ${outcomeError ? html`<span class="error-message" id="outcome-approved-error">${outcomeError}</span>` : nothing}
        ${DECISIONS.map(
          (outcome) =>
            html`<label class="choice">
              <input
                type="radio"
                name="outcome"
                id=${`outcome-${outcome}`}
                value=${outcome}
                .checked=${live(draft.outcome === outcome)}
                @change=${() => this.updateDecision(entry, { outcome })}
              />${outcomeWords(outcome)}
            </label>`,
        )}
      </fieldset>
      <div class="field">
        <label for="conditions">${msg('Conditions')}</label>
        <span class="hint" id="conditions-hint">${msg('One per line. Needed for approval with conditions.')}</span>
        ${errorLine('conditions')}
        <textarea
          id="conditions"
          rows="4"
          aria-describedby=${described('conditions', 'conditions-hint')}
          aria-invalid=${this.fieldError('conditions') ? 'true' : 'false'}
          .value=${live(draft.conditions)}
          @input=${(event: Event) =>
            this.updateDecision(entry, { conditions: (event.target as HTMLTextAreaElement).value })}
        ></textarea>
      </div>
      <div class="field">
        <label for="approver">${msg('Approver')}</label>
        <span class="hint" id="approver-hint"
          >${msg('Who made the decision, for example “C. Jones, deputy head”.')}</span
        >
        ${errorLine('approver')}
        <input
          id="approver"
          type="text"
          aria-describedby=${described('approver', 'approver-hint')}
          aria-invalid=${this.fieldError('approver') ? 'true' : 'false'}
          .value=${live(draft.approver)}
          @input=${(event: Event) => this.updateDecision(entry, { approver: (event.target as HTMLInputElement).value })}
        />
      </div>
      <div class="field">
        <label for="decision-date">${msg('Decision date')}</label>
        ${errorLine('decision-date')}
        <input
          id="decision-date"
          type="date"
          aria-describedby=${described('decision-date')}
          aria-invalid=${this.fieldError('decision-date') ? 'true' : 'false'}
          .value=${live(draft.decisionDate)}
          @input=${(event: Event) =>
            this.updateDecision(entry, { decisionDate: (event.target as HTMLInputElement).value })}
        />
      </div>
      ${
        approving
          ? html`<div class="field">
              <label for="review-date">${msg('Review date')}</label>
              <span class="hint" id="review-date-hint">
                ${msg('Filled in from the decision: 12 months after an approval, 6 after one with conditions, unless the form says otherwise.')}
              </span>
              ${errorLine('review-date')}
              <input
                id="review-date"
                type="date"
                aria-describedby=${described('review-date', 'review-date-hint')}
                aria-invalid=${this.fieldError('review-date') ? 'true' : 'false'}
                .value=${live(draft.reviewDue)}
                @input=${(event: Event) =>
                  this.updateDecision(entry, {
                    reviewDue: (event.target as HTMLInputElement).value,
                    reviewDueSet: true,
                  })}
              />
            </div>`
          : nothing
      }
      <div class="field">
        <label for="decision-reason">${msg('Reason (optional)')}</label>
        <textarea
          id="decision-reason"
          rows="3"
          .value=${live(draft.reason)}
          @input=${(event: Event) => this.updateDecision(entry, { reason: (event.target as HTMLTextAreaElement).value })}
        ></textarea>
      </div>
      <div class="actions">
        <button type="submit" class="primary">${msg('Record the decision')}</button>
      </div>
    </form>`;
  }

  private renderRetireForm(entry: RegisterEntry): TemplateResult {
    const error = this.fieldError('retire-reason');
    return html`<form class="retire" novalidate @submit=${(event: Event) => this.onRetire(event, entry)}>
      <h3>${msg('Retire this tool')}</h3>
      <div class="field">
        <label for="retire-reason">${msg('Why is it being retired?')}</label>
        ${error ? html`<span class="error-message" id="retire-reason-error">${error}</span>` : nothing}
        <textarea
          id="retire-reason"
          rows="3"
          required
          aria-describedby=${ifDefined(error ? 'retire-reason-error' : undefined)}
          aria-invalid=${error ? 'true' : 'false'}
          .value=${live(this.retireReason)}
          @input=${(event: Event) => (this.retireReason = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="actions">
        <button type="submit" class="danger">${msg('Retire the tool')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'proforma-register': ProformaRegister;
  }
}
