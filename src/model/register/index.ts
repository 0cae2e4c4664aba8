// The approved-tools register's rules as plain functions: which status may
// follow which, when a review falls due, what a decision needs, and how an
// imported assessment becomes (or updates) an entry. Every function returns a
// new entry and leaves the one it was given alone, so the history of an entry
// is only ever appended to. Shared, the register is a log of events
// (events.ts) that only grows, and what people see is folded from it
// (fold.ts), each event checked by the same rules.

export { RegisterRuleError, type ChangeBy, type RegisterProblem, type RegisterRule } from './rule-error.js';
export * from './events.js';
export {
  DEFAULT_CLOCK_SKEW_MS,
  decisionBasis,
  registerFromEvents,
  type DecisionConflict,
  type EntryState,
  type EventProblem,
  type FoldOptions,
  type RegisterEntryState,
  type RegisterEventRule,
  type RegisterState,
  type RejectedEvent,
} from './fold.js';
export { disputedAssessments, type DisputedAssessment } from './disputes.js';
export { entryWithHistory, eventsFromEntry, eventsFromRegister, historyOf, type CarryOver } from './carry-over.js';
export { decisionEvent, distrustEvent, moveEvent, newEventId, trustEvent, type Change } from './changes.js';
export { allowedTransitions, canMove } from './statuses.js';
export {
  REVIEW_DUE_WINDOW_DAYS,
  daysUntilReview,
  effectiveStatus,
  localIsoDate,
  reviewDueDate,
} from './review-dates.js';
export {
  MINIMUM_ACCOUNT_OWNERS,
  checkDecision,
  type CheckedDecision,
  type DecisionCheck,
  type DecisionDraft,
  type DecisionOutcome,
} from './decisions.js';
export {
  ENTRY_FIELD_QUESTIONS,
  entryFromAssessment,
  freeEntryId,
  findEntryForTool,
  isSameTool,
  type ImportOptions,
} from './entries.js';
export {
  SORT_KEYS,
  STATUS_ORDER,
  filterEntries,
  sortEntries,
  type ListedEntry,
  type RegisterFilter,
  type SortDirection,
  type SortKey,
} from './filter-sort.js';
export { changedFields } from './history.js';
export { entryRecord, eventsFromFileEntries } from './file-events.js';
export { entryForImport } from './signer-disputes.js';
export {
  REMINDER_MONTHS_BEFORE_REVIEW,
  reminderDate,
  remindedEntries,
  reviewRemindersCalendar,
  type RemindedEntry,
  type ReviewReminderOptions,
  type ReviewReminderWords,
} from './review-reminders.js';
