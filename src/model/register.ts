import type { Person } from './answers.js';
import type { Assessment } from './assessment.js';
import type { FormDefinition, Scoring } from './form-definition.js';
import type { HistoryEvent, RegisterEntry, Status, StoredStatus } from './register-entry.js';
import { buildReport, type ReportAnswer } from './report.js';
import type { Outcome } from './scoring.js';
import { resolveText } from './text.js';

// The approved-tools register's rules as plain functions: which status may
// follow which, when a review falls due, what a decision needs, and how an
// imported assessment becomes (or updates) an entry. Every function returns a
// new entry and leaves the one it was given alone, so the history of an entry
// is only ever appended to.

/** Why the register refused a change; `rule` says which rule, for a page that words it itself. */
export type RegisterRule =
  | 'transition'
  | 'decision-by-status'
  | 'account-owners'
  | 'conditions'
  | 'approver'
  | 'date'
  | 'reason'
  | 'who'
  | 'tool-name'
  | 'form'
  | 'different-tool'
  | 'stale-assessment';

/** A change the register's rules do not allow; the message says why, in plain words. */
export class RegisterRuleError extends Error {
  readonly rule: RegisterRule;

  constructor(rule: RegisterRule, message: string) {
    super(message);
    this.name = 'RegisterRuleError';
    this.rule = rule;
  }
}

/** Who makes a change, when (`toISOString()`), and why. */
export interface ChangeBy {
  by: string;
  at: string;
  reason?: string;
}

// ---------------------------------------------------------------------------
// Statuses

const DECIDED: readonly StoredStatus[] = ['approved', 'approved-with-conditions', 'not-approved'];
const APPROVED: readonly StoredStatus[] = ['approved', 'approved-with-conditions'];

const TRANSITIONS: Readonly<Record<StoredStatus, readonly StoredStatus[]>> = {
  draft: ['submitted', 'retired'],
  submitted: ['under-review', 'retired'],
  'under-review': [...DECIDED, 'retired'],
  // A decision is reopened by a re-assessment (at review time, or when the tool changes).
  approved: ['under-review', 'retired'],
  'approved-with-conditions': ['under-review', 'retired'],
  'not-approved': ['under-review', 'retired'],
  // A retired tool comes back only through a fresh review.
  retired: ['under-review'],
};

const STATUS_LABELS: Readonly<Record<Status, string>> = {
  draft: 'draft',
  submitted: 'submitted',
  'under-review': 'under review',
  approved: 'approved',
  'approved-with-conditions': 'approved with conditions',
  'not-approved': 'not approved',
  retired: 'retired',
  'review-due': 'review due',
  expired: 'expired',
};

/** The statuses an entry in status `from` may move to. */
export function allowedTransitions(from: StoredStatus): readonly StoredStatus[] {
  return TRANSITIONS[from];
}

/** Whether an entry may move from one status to another (never to the status it has). */
export function canMove(from: StoredStatus, to: StoredStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * The entry moved to status `to`, with the move in its history. A decision
 * (approved, approved with conditions, not approved) is refused here: it
 * carries an approver, a date and conditions, so it goes through
 * `recordDecision`. Retiring needs a reason.
 */
export function moveStatus(entry: RegisterEntry, to: StoredStatus, change: ChangeBy): RegisterEntry {
  return moveWith('status', entry, to, change);
}

/** The entry retired, with the reason in its history. */
export function retire(entry: RegisterEntry, change: ChangeBy & { reason: string }): RegisterEntry {
  return moveWith('retired', entry, 'retired', change);
}

function moveWith(action: string, entry: RegisterEntry, to: StoredStatus, change: ChangeBy): RegisterEntry {
  assertCanMove(entry.status, to);
  if (DECIDED.includes(to)) {
    throw new RegisterRuleError(
      'decision-by-status',
      `To mark a tool ${STATUS_LABELS[to]}, record the decision: it needs the approver, the decision date and any conditions.`,
    );
  }
  if (to === 'retired' && (change.reason ?? '').trim() === '') {
    throw new RegisterRuleError('reason', 'Say why the tool is being retired.');
  }
  const event = historyEvent(action, change, [{ field: 'status', from: entry.status, to }]);
  return { ...entry, status: to, history: [...entry.history, event] };
}

function assertCanMove(from: StoredStatus, to: StoredStatus): void {
  if (canMove(from, to)) return;
  const allowed = TRANSITIONS[from].map((status) => STATUS_LABELS[status]);
  throw new RegisterRuleError(
    'transition',
    from === to
      ? `The tool is already ${STATUS_LABELS[from]}.`
      : `A tool that is ${STATUS_LABELS[from]} cannot become ${STATUS_LABELS[to]}; it can become ${listInWords(allowed)}.`,
  );
}

// ---------------------------------------------------------------------------
// Review dates

/** How long before its review date a tool shows as "review due". */
export const REVIEW_DUE_WINDOW_DAYS = 30;

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
export function effectiveStatus(entry: RegisterEntry, today: string): Status {
  return statusOn(entry, dayNumber(parseDateOrThrow(today, 'Today')));
}

/**
 * Days from `today` to an approved tool's review date: 0 on the day, negative
 * once it has passed. `undefined` when the entry is not approved or has no
 * review date.
 */
export function daysUntilReview(entry: RegisterEntry, today: string): number | undefined {
  return daysUntilReviewOn(entry, dayNumber(parseDateOrThrow(today, 'Today')));
}

/** A moment's date in the browser's time zone, as `yyyy-mm-dd`: "today" for the functions above. */
export function localIsoDate(moment: Date = new Date()): string {
  return formatDate({ year: moment.getFullYear(), month: moment.getMonth() + 1, day: moment.getDate() });
}

function daysUntilReviewOn(entry: RegisterEntry, today: number): number | undefined {
  if (!APPROVED.includes(entry.status) || entry.reviewDue === undefined) return undefined;
  const due = parseDate(entry.reviewDue);
  return due === undefined ? undefined : dayNumber(due) - today;
}

function statusOn(entry: RegisterEntry, today: number): Status {
  const days = daysUntilReviewOn(entry, today);
  if (days === undefined || days > REVIEW_DUE_WINDOW_DAYS) return entry.status;
  return days < 0 ? 'expired' : 'review-due';
}

// ---------------------------------------------------------------------------
// Decisions

export type DecisionOutcome = 'approved' | 'approved-with-conditions' | 'not-approved';

/** What the IT lead, DSL or senior leader decided, and who is recording it. */
export interface Decision extends ChangeBy {
  outcome: DecisionOutcome;
  /** What must happen for the tool to be used; blanks are left out. Needed for approval with conditions. */
  conditions: readonly string[];
  /** Who made the decision, e.g. "C. Jones, deputy head". */
  approver: string;
  decisionDate: string;
  /** Overrides the review date worked out from the outcome; ignored for "not approved". */
  reviewDue?: string;
}

/** Fewest named account owners an approved tool needs, so that its accounts never depend on one person. */
export const MINIMUM_ACCOUNT_OWNERS = 2;

/**
 * The entry with a decision recorded: its status, conditions, approver,
 * decision date and review date set, and one history event listing every
 * field that changed. Only an entry under review can be decided. Either
 * approval needs at least two named account owners; approval with
 * conditions needs at least one condition. The entry's `outcome` stays what
 * the assessment's score gave.
 */
export function recordDecision(
  entry: RegisterEntry,
  decision: Decision,
  reviewMonths?: Scoring['reviewMonths'],
): RegisterEntry {
  if (entry.status !== 'under-review') {
    throw new RegisterRuleError(
      'transition',
      `Only a tool under review can be decided; this one is ${STATUS_LABELS[entry.status]}.`,
    );
  }
  const approver = decision.approver.trim();
  if (approver === '') throw new RegisterRuleError('approver', 'Name the person who made the decision.');
  parseDateOrThrow(decision.decisionDate, 'The decision date');
  const approving = APPROVED.includes(decision.outcome);
  const owners = namedPeopleCount(entry.owners);
  if (approving && owners < MINIMUM_ACCOUNT_OWNERS) {
    throw new RegisterRuleError(
      'account-owners',
      `A tool can only be approved with at least ${MINIMUM_ACCOUNT_OWNERS} named account owners, so that its ` +
        `accounts never depend on one person; this entry names ${owners}.`,
    );
  }
  const conditions = decision.conditions.map((condition) => condition.trim()).filter((condition) => condition !== '');
  if (decision.outcome === 'approved-with-conditions' && conditions.length === 0) {
    throw new RegisterRuleError('conditions', 'Approval with conditions needs at least one condition.');
  }
  let reviewDue: string | undefined;
  if (approving && decision.reviewDue !== undefined) {
    parseDateOrThrow(decision.reviewDue, 'The review date');
    if (decision.reviewDue <= decision.decisionDate) {
      throw new RegisterRuleError('date', 'The review date must come after the decision date.');
    }
    reviewDue = decision.reviewDue;
  } else {
    reviewDue = reviewDueDate(decision.decisionDate, decision.outcome, reviewMonths);
  }

  const decided = withoutUndefined<RegisterEntry>({
    ...entry,
    status: decision.outcome,
    conditions,
    approver,
    decisionDate: decision.decisionDate,
    reviewDue,
  });
  const changes = changedFields(entry, decided, ['status', 'conditions', 'approver', 'decisionDate', 'reviewDue']);
  return { ...decided, history: [...entry.history, historyEvent('decided', decision, changes)] };
}

// ---------------------------------------------------------------------------
// Entries from assessments

/**
 * Which answers fill which entry fields: the first of the ids that the form has, and
 * that the answers show, wins.
 * In the shipped forms:
 * - purpose ← `educational-objectives` (social-tool form) or `aim` (social-media form)
 * - subjects ← `subjects`, free text split at commas, semicolons and new lines
 * - yearGroups ← `year-groups`, the chosen options' labels
 * - minimumAge ← `service-minimum-age`, the minimum age in the service's terms
 *   (not the youngest pupil's age), when a whole number
 * - dataCollected ← `personal-data-collected`, the chosen options' labels joined with
 *   semicolons (the labels hold commas)
 * - dpiaReference ← `dpia-reference`
 * The first ids of each list are the plain names a new form would use.
 */
export const ENTRY_FIELD_QUESTIONS = {
  purpose: ['purpose', 'educational-objectives', 'aim'],
  subjects: ['subjects'],
  yearGroups: ['year-groups'],
  minimumAge: ['minimum-age', 'service-minimum-age'],
  dataCollected: ['data-collected', 'personal-data-collected'],
  dpiaReference: ['dpia-reference'],
} as const satisfies Record<string, readonly string[]>;

export interface ImportOptions {
  /** The fingerprint of the key that signed the imported PDF, when it was signed. */
  signerFingerprint?: string;
  /** Who imported it, and when. */
  by: string;
  at: string;
  /** The entry's id; the assessment's id unless given. */
  id?: string;
  /** The language option labels and conditions are taken in; English unless given. */
  locale?: string;
}

/**
 * A new register entry, status "submitted", from a verified assessment: the
 * tool, its score's outcome and readiness, the conditions of the items shown
 * and only partly met or not met, the account owners (the first "people"
 * question whose id contains "owner"), the assessor (the name on the first
 * signed sign-off) and the fields of `ENTRY_FIELD_QUESTIONS`. Questions hidden
 * by the answers are read as unanswered.
 */
export function entryFromAssessment(
  assessment: Assessment,
  form: FormDefinition,
  options: ImportOptions,
): RegisterEntry {
  if (assessment.form.id !== form.id) {
    throw new RegisterRuleError(
      'form',
      `This assessment was made with the form "${assessment.form.id}", not "${form.id}".`,
    );
  }
  const tool = assessment.tool.name.trim();
  if (tool === '') throw new RegisterRuleError('tool-name', 'The assessment does not name the tool.');

  const imported = historyEvent('imported', options, [{ field: 'status', to: 'submitted' }]);
  const locale = options.locale ?? 'en';
  const report = buildReport(assessment, form);
  const shown = new Map<string, { answered: boolean; answer: ReportAnswer }>();
  for (const section of report.sections) {
    for (const question of section.questions) shown.set(question.id, question);
  }
  const answerFor = (ids: readonly string[]) => {
    const id = ids.find((candidate) => shown.has(candidate));
    return id === undefined ? undefined : shown.get(id)?.answer;
  };
  const ownersQuestion = [...shown].find(([id, { answer }]) => answer.kind === 'people' && id.includes('owner'));
  const assessor = [...shown.values()].find(({ answered, answer }) => answered && answer.kind === 'signoff');
  const age = answerFor(ENTRY_FIELD_QUESTIONS.minimumAge);
  const minimumAge = age?.kind === 'number' ? age.value : null;

  return withoutUndefined<RegisterEntry>({
    id: options.id ?? assessment.id,
    tool,
    vendor: blankToUndefined(assessment.tool.vendor),
    url: blankToUndefined(assessment.tool.url),
    purpose: answerText(answerFor(ENTRY_FIELD_QUESTIONS.purpose), locale),
    subjects: answerList(answerFor(ENTRY_FIELD_QUESTIONS.subjects), locale),
    yearGroups: answerList(answerFor(ENTRY_FIELD_QUESTIONS.yearGroups), locale),
    minimumAge: minimumAge !== null && Number.isInteger(minimumAge) && minimumAge >= 0 ? minimumAge : undefined,
    dataCollected: answerText(answerFor(ENTRY_FIELD_QUESTIONS.dataCollected), locale),
    dpiaReference: answerText(answerFor(ENTRY_FIELD_QUESTIONS.dpiaReference), locale),
    status: 'submitted',
    outcome: report.score.outcome,
    readiness: report.score.readiness,
    conditions: unique(report.conditions.map((condition) => resolveText(condition.condition, locale).trim())),
    owners: ownersQuestion?.[1].answer.kind === 'people' ? ownersQuestion[1].answer.people : [],
    assessor: assessor?.answer.kind === 'signoff' ? (assessor.answer.name ?? undefined) : undefined,
    signerFingerprint: blankToUndefined(options.signerFingerprint),
    assessment: structuredClone(assessment),
    history: [imported],
  });
}

/** Whether two entries are of the same tool: the same name (ignoring case and accents) or the same web address. */
export function isSameTool(a: Pick<RegisterEntry, 'tool' | 'url'>, b: Pick<RegisterEntry, 'tool' | 'url'>): boolean {
  const nameA = foldText(a.tool.trim().replace(/\s+/g, ' '));
  if (nameA !== '' && nameA === foldText(b.tool.trim().replace(/\s+/g, ' '))) return true;
  const urlA = normalizeUrl(a.url);
  return urlA !== '' && urlA === normalizeUrl(b.url);
}

/** The entry already in the register for the tool of `fresh`, if there is one. */
export function findEntryForTool(
  entries: readonly RegisterEntry[],
  fresh: Pick<RegisterEntry, 'tool' | 'url'>,
): RegisterEntry | undefined {
  return entries.find((entry) => isSameTool(entry, fresh));
}

/** The fields an assessment fills, compared when a tool is re-assessed. */
const ASSESSED_FIELDS = [
  'tool',
  'vendor',
  'url',
  'purpose',
  'subjects',
  'yearGroups',
  'minimumAge',
  'dataCollected',
  'dpiaReference',
  'status',
  'outcome',
  'readiness',
  'conditions',
  'owners',
  'assessor',
  'signerFingerprint',
  'assessment',
] as const satisfies ReadonlyArray<keyof RegisterEntry>;

/**
 * The existing entry updated from a fresh import of the same tool (see
 * `isSameTool`): everything the assessment fills is replaced, the status goes
 * back to "submitted" whatever it was, and a "reassessed" event lists what
 * changed. The id, history and the last decision (approver, decision date,
 * review date) are kept until a new decision replaces them. A copy of the
 * same assessment that is not newer than the one held is refused.
 */
export function reassess(existing: RegisterEntry, fresh: RegisterEntry, change: ChangeBy): RegisterEntry {
  if (!isSameTool(existing, fresh)) {
    throw new RegisterRuleError(
      'different-tool',
      `"${fresh.tool}" is not the tool of this entry ("${existing.tool}"): it has another name and web address.`,
    );
  }
  if (
    existing.assessment !== undefined &&
    fresh.assessment !== undefined &&
    existing.assessment.id === fresh.assessment.id &&
    fresh.assessment.revision <= existing.assessment.revision
  ) {
    throw new RegisterRuleError(
      'stale-assessment',
      `The register already holds this assessment at revision ${existing.assessment.revision}; ` +
        `this copy is revision ${fresh.assessment.revision}.`,
    );
  }
  const updated = withoutUndefined<RegisterEntry>({
    ...fresh,
    id: existing.id,
    status: 'submitted',
    approver: existing.approver,
    decisionDate: existing.decisionDate,
    reviewDue: existing.reviewDue,
    history: existing.history,
  });
  const changes = changedFields(existing, updated, ASSESSED_FIELDS);
  return { ...updated, history: [...existing.history, historyEvent('reassessed', change, changes)] };
}

// ---------------------------------------------------------------------------
// Filtering and sorting

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
export function filterEntries(
  entries: readonly RegisterEntry[],
  filter: RegisterFilter,
  today: string,
): RegisterEntry[] {
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
export function sortEntries(
  entries: readonly RegisterEntry[],
  key: SortKey,
  direction: SortDirection = 'ascending',
  today?: string,
): RegisterEntry[] {
  const day = today === undefined ? undefined : dayNumber(parseDateOrThrow(today, 'Today'));
  const sortValue = (entry: RegisterEntry): string | number | undefined => {
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

// ---------------------------------------------------------------------------
// Internals

const searchTexts = new WeakMap<RegisterEntry, string>();

/** The searchable text of an entry, folded; kept per entry, which is never changed in place. */
function searchText(entry: RegisterEntry): string {
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

/** Letters that keep their stroke or ligature through NFD, with what a person would type instead. */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

/** Lower case without accents, so "sian" finds "Siân" and "lukasz" finds "Łukasz". */
function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđßæœı]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
}

/** A web address without its scheme, "www.", case or trailing slash, for telling whether two name one tool. */
function normalizeUrl(url: string | undefined): string {
  return (url ?? '')
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function historyEvent(action: string, change: ChangeBy, changes: HistoryEvent['changes']): HistoryEvent {
  const by = change.by.trim();
  if (by === '') throw new RegisterRuleError('who', 'Every change to the register needs the name of who made it.');
  const event: HistoryEvent = { at: change.at, by, action, changes };
  const reason = change.reason?.trim();
  if (reason) event.reason = reason;
  return event;
}

/** Each field whose value, as text, differs between two versions of an entry: what a history event lists. */
export function changedFields(
  before: RegisterEntry,
  after: RegisterEntry,
  fields: ReadonlyArray<keyof RegisterEntry>,
): HistoryEvent['changes'] {
  const changes: HistoryEvent['changes'] = [];
  for (const field of fields) {
    const from = fieldText(before, field);
    const to = fieldText(after, field);
    if (from === to) continue;
    changes.push(withoutUndefined({ field, from, to }));
  }
  return changes;
}

/** A field's value as the history shows it; `undefined` when the field is empty. */
function fieldText(entry: RegisterEntry, field: keyof RegisterEntry): string | undefined {
  if (field === 'assessment') {
    const { assessment } = entry;
    return assessment === undefined ? undefined : `${assessment.id} (revision ${assessment.revision})`;
  }
  if (field === 'owners') return joinedOrUndefined(entry.owners.map(personText));
  const value: unknown = entry[field];
  if (Array.isArray(value)) return joinedOrUndefined(value.map(String));
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return undefined;
}

function personText(person: Person): string {
  const role = person.role?.trim();
  return role ? `${person.name} (${role})` : person.name;
}

function joinedOrUndefined(values: string[]): string | undefined {
  return values.length === 0 ? undefined : values.join('; ');
}

/** An answer as one line of text: a choice's label, several labels joined with semicolons. */
function answerText(answer: ReportAnswer | undefined, locale: string): string | undefined {
  if (answer === undefined) return undefined;
  switch (answer.kind) {
    case 'text':
    case 'longtext':
    case 'url':
      return answer.text ?? undefined;
    case 'choice':
      return answer.option === null ? undefined : resolveText(answer.option.label, locale);
    case 'multichoice':
      return answer.options.length === 0
        ? undefined
        : answer.options.map((option) => resolveText(option.label, locale)).join('; ');
    case 'number':
      return answer.value === null ? undefined : String(answer.value);
    case 'date':
      return answer.date ?? undefined;
    default:
      return undefined;
  }
}

/** An answer as a list: chosen options' labels, or free text split at commas, semicolons and new lines. */
function answerList(answer: ReportAnswer | undefined, locale: string): string[] {
  if (answer?.kind === 'multichoice') return answer.options.map((option) => resolveText(option.label, locale));
  const text = answerText(answer, locale);
  if (text === undefined) return [];
  if (answer?.kind === 'choice') return [text];
  return unique(text.split(/[,;\n]/).map((part) => part.trim()));
}

/** Distinct non-blank values in their first order. */
function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

function namedPeopleCount(people: readonly Person[]): number {
  return new Set(people.map((person) => foldText(person.name.trim())).filter((name) => name !== '')).size;
}

function blankToUndefined(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** The object without its `undefined` properties, so that entries compare and serialise cleanly. */
function withoutUndefined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

// Calendar dates as plain numbers: no Date, so no time zone can move a day.

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function parseDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function parseDateOrThrow(text: string, what: string): CalendarDate {
  const date = parseDate(text);
  if (date === undefined)
    throw new RegisterRuleError('date', `${what} must be a real date as yyyy-mm-dd, not "${text}".`);
  return date;
}

function formatDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whole months later, on the same day or the month's last day when it is shorter. */
function addMonths(date: CalendarDate, months: number): CalendarDate {
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
function dayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
