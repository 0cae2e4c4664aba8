import { set, createStore } from 'idb-keyval';
import type { Draft } from '../../src/model/draft.js';
import { draftDatabaseName } from '../../src/services/indexeddb-draft-store.js';

/** A namespace of its own for each test, so that tests never see each other's drafts. */
export const freshNamespace = () => `test-${Math.random().toString(36).slice(2)}`;

export function makeDraft(id: string, changes: Partial<Draft['assessment']> = {}, extra: Partial<Draft> = {}): Draft {
  return {
    assessment: {
      id,
      form: { id: 'kinds', version: '1.0.0' },
      tool: { name: `Tool ${id}` },
      answers: { 'tool-name': { value: `Tool ${id}` } },
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-02T09:00:00.000Z',
      revision: 1,
      ...changes,
    },
    formTitle: 'Every kind',
    outcome: 'incomplete',
    ...extra,
  };
}

/** Writes a raw record straight into a namespace's IndexedDB store, as a damaged one might be. */
export function putRawRecord(namespace: string, id: string, raw: unknown): Promise<void> {
  return set(id, raw, createStore(draftDatabaseName(namespace), 'drafts'));
}

export const textOf = (element: Element) => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
