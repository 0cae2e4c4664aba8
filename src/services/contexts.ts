import { createContext } from '@lit/context';
import type { DraftStore } from './draft-store.js';
import type { RegisterStore } from './register/register-store.js';

/**
 * The draft store elements use. A host page or test provides one with
 * `ContextProvider`; without a provider each element opens the browser's
 * store for its `namespace`.
 */
export const draftStoreContext = createContext<DraftStore | undefined>('proforma-draft-store');

/**
 * The register store `<proforma-register>` uses. A host page provides one
 * (a `MemoryRegisterStore`, or a shared register's) with `ContextProvider`;
 * without a provider the element opens an `IndexedDbRegisterStore` for its
 * `namespace`.
 */
export const registerStoreContext = createContext<RegisterStore | undefined>('proforma-register-store');
