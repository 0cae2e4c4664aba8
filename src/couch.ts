// The shared register on CouchDB: the store that keeps a replica of the school's register in this
// browser in live sync with its server, signing in, moving a browser's own register into it, and a
// teacher's outbox of signed assessments sent to the school's approvers.
// (The register for staff, which needs no PouchDB, is read by a chunk of its own that the register
// element loads: src/services/register/published-register-store.ts.)
// Kept out of the main entry because PouchDB is large; a page loads it only when a shared register
// is configured.
export {
  CouchRegisterStore,
  replicaNameOf,
  type CouchRegisterStoreOptions,
} from './services/register/couch-register-store.js';
export {
  CouchSignInError,
  type CouchFetch,
  type CouchSession,
  type CouchSignInProblem,
} from './services/register/couch-session.js';
export type {
  CouchRegisterView,
  CouchSyncState,
  CouchSyncStatus,
  RefusedChange,
  RefusedEvent,
} from './services/register/couch-sync-status.js';
export {
  moveRegisterToShared,
  MoveRegisterError,
  type MoveProblem,
  type MoveProgress,
  type MoveResult,
  type MoveStep,
} from './services/register/move-register-to-shared.js';
export { CouchSubmissions, type CouchSubmissionsOptions } from './services/register/couch-submissions.js';
export {
  SubmissionApprover,
  type RefusedSubmission,
  type SubmissionApproverOptions,
} from './services/register/approve-submissions.js';
export { schoolAddressesOf, type SchoolAddresses } from './services/register/couch-session.js';
export {
  outboxNameOf,
  SendSubmissionError,
  SubmissionOutbox,
  type OutboxConnection,
  type OutboxStatus,
  type OutgoingSubmission,
  type SendProblem,
  type SubmissionOutboxOptions,
  type SubmissionProgress,
  type SubmissionWithProgress,
} from './services/register/submission-outbox.js';
export type { ServerRegisterStore } from './services/register/couch-sync-status.js';
