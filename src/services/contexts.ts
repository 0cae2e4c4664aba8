import { createContext } from '@lit/context';
import type { DraftStore } from './draft-store.js';

/**
 * The draft store elements use. A host page or test provides one with
 * `ContextProvider`; without a provider each element opens the browser's
 * store for its `namespace`.
 */
export const draftStoreContext = createContext<DraftStore | undefined>('proforma-draft-store');
