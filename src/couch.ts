// The shared register on CouchDB: the store that keeps a replica of the school's register in this
// browser in live sync with its server, signing in, and moving a browser's own register into it;
// and the register for staff, read and followed live (no PouchDB there).
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
export { submissionsDatabaseOf } from './services/register/couch-session.js';
export {
  PublishedRegisterStore,
  type PublishedRegisterStoreOptions,
} from './services/register/published-register-store.js';
export {
  readPublishedRegister,
  watchPublishedRegister,
  type PublishedRegisterChange,
  type PublishedRegisterRead,
} from './services/register/read-published-register.js';
export { PublishedRegisterError, type PublishedRegisterProblem } from './services/register/published-requests.js';
export type { ServerRegisterStore } from './services/register/couch-sync-status.js';
