import type { RegisterEntry } from '../register-entry.js';

/** An entry as the fold keeps it: its fields, without a history array. */
export type EntryState = Omit<RegisterEntry, 'history'>;
