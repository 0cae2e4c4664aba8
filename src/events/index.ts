// Every event the elements fire, one module each. An element imports its events from their own
// modules, never from this one, so that a page carries the code of only the events of the elements
// it loads (the drafts' events load with the draft code, the verifier's with the verifier).
export * from './change.js';
export * from './form-error.js';
export * from './draft-created.js';
export * from './open-draft.js';
export * from './pdf-exported.js';
export * from './verified.js';
export * from './signature-change.js';
export * from './register-change.js';
