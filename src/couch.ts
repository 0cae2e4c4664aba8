// The shared register on CouchDB: the store that keeps a replica of the school's register in this
// browser in live sync with its server, signing in, and moving a browser's own register into it.
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
export type { ServerRegisterStore } from './services/register/couch-sync-status.js';
