// The approved-tools register's rules as plain functions: which status may
// follow which, when a review falls due, what a decision needs, and how an
// imported assessment becomes (or updates) an entry. Every function returns a
// new entry and leaves the one it was given alone, so the history of an entry
// is only ever appended to.

export { RegisterRuleError, type ChangeBy, type RegisterRule } from './rule-error.js';
export { allowedTransitions, canMove, moveStatus, retire } from './statuses.js';
export {
  REVIEW_DUE_WINDOW_DAYS,
  daysUntilReview,
  effectiveStatus,
  localIsoDate,
  reviewDueDate,
} from './review-dates.js';
export { MINIMUM_ACCOUNT_OWNERS, recordDecision, type Decision, type DecisionOutcome } from './decisions.js';
export {
  ENTRY_FIELD_QUESTIONS,
  entryFromAssessment,
  findEntryForTool,
  isSameTool,
  reassess,
  type ImportOptions,
} from './entries.js';
export {
  SORT_KEYS,
  STATUS_ORDER,
  filterEntries,
  sortEntries,
  type RegisterFilter,
  type SortDirection,
  type SortKey,
} from './filter-sort.js';
export { changedFields } from './history.js';
export {
  entryForImport,
  placeImport,
  signerDisputes,
  type ImportPlacement,
  type SignerDispute,
} from './signer-disputes.js';
