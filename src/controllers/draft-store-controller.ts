import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { draftStoreContext } from '../services/contexts.js';
import type { DraftStore } from '../services/draft-store.js';
import { askForPersistentStorage, openDraftStore } from '../services/open-draft-store.js';

export interface DraftStoreHost extends ReactiveControllerHost, HTMLElement {
  /** Keeps one embed's drafts apart from another's on the same site. */
  namespace: string;
  /** A store given directly, which wins over one from context. */
  draftStore: DraftStore | undefined;
}

/** The channel on which every tab of a namespace hears of each saved or changed draft. */
export function draftChannelName(namespace: string): string {
  return `proforma-${namespace || 'default'}-drafts`;
}

/**
 * Finds the draft store an element should use: the one it was given, else
 * one provided through `draftStoreContext`, else the browser's own for its
 * namespace (or one in memory when the browser refuses storage).
 */
export class DraftStoreController implements ReactiveController {
  store: DraftStore | undefined;
  /** True when drafts last only while the page is open. */
  memoryOnly = false;
  /** Whether the browser agreed to keep this site's data under storage pressure. */
  persisted: boolean | undefined;

  private contextStore: DraftStore | undefined;
  private key: unknown;
  private markReady: (store: DraftStore) => void = () => {};
  /** Resolves with the first store found. */
  readonly ready = new Promise<DraftStore>((resolve) => (this.markReady = resolve));

  constructor(
    private readonly host: DraftStoreHost,
    /** Called whenever the store in use changes. */
    private readonly onStore: (store: DraftStore) => void,
  ) {
    // Asked first, so that a store from context is known before any other is opened.
    new ContextConsumer(host, {
      context: draftStoreContext,
      subscribe: true,
      callback: (store) => {
        this.contextStore = store;
        void this.resolve();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    void this.resolve();
  }

  /** Call when the host's `namespace` or `draftStore` may have changed. */
  async resolve(): Promise<void> {
    const host = this.host;
    const given = host.draftStore ?? this.contextStore;
    const key = given ?? host.namespace;
    if (key === this.key) return;
    this.key = key;
    let store = given;
    if (store) {
      this.memoryOnly = !store.persistent;
    } else {
      const opened = await openDraftStore(host.namespace);
      if (key !== this.key) return;
      store = opened.store;
      this.memoryOnly = opened.unavailable !== undefined;
      if (!this.memoryOnly) {
        void askForPersistentStorage().then((granted) => {
          this.persisted = granted;
          host.requestUpdate();
        });
      }
    }
    this.store = store;
    this.markReady(store);
    this.onStore(store);
    host.requestUpdate();
  }
}
