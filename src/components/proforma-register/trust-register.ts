import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SearchBoxController } from '../../controllers/search-box.js';
import type { PublishedDocument } from '../../model/register/published-documents.js';
import { localIsoDate } from '../../model/register/review-dates.js';
import type { Formats } from './render-common.js';
import type { TrustView } from './render-trust.js';
import { FIRST_TRUST_LIST_STATE, trustPager, withTrustFilters, type TrustListState } from './trust-list.js';

// The trust's view of its schools' registers (`mode="trust"`): the documents of the trust's
// database as they come and change, and the list's search, filters and page. The store that reads
// them, signs in and says where it stands is the shared register's (shared-register.ts).

/** Where the trust's documents come from: the database read and followed live. */
export interface TrustDocuments {
  /** Every published tool the database holds now; a new list whenever it changes. */
  documents(): readonly PublishedDocument[];
  /** Calls `listener` after every change; returns the way to stop. */
  watch(listener: () => void): () => void;
}

export class TrustRegisterController implements ReactiveController {
  state: TrustListState = FIRST_TRUST_LIST_STATE;
  #documents: readonly PublishedDocument[] = [];
  #source: TrustDocuments | undefined;
  #stop: (() => void) | undefined;
  readonly #pager = trustPager();
  /** The tools opened, by key. */
  readonly #opened = new Set<string>();
  readonly #searchBox: SearchBoxController;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The store reading the trust's database, once it is open; undefined before, or in another mode. */
    private readonly source: () => TrustDocuments | undefined,
  ) {
    host.addController(this);
    this.#searchBox = new SearchBoxController(host, (search) => this.#set(withTrustFilters(this.state, { search })));
  }

  hostUpdate(): void {
    const source = this.source();
    if (source === this.#source) return;
    this.#stop?.();
    this.#source = source;
    this.#documents = source?.documents() ?? [];
    this.#stop = source?.watch(() => {
      this.#documents = source.documents();
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#source = undefined;
  }

  /** The list as the trust view shows it, in the element's language. */
  view(language: string, format: Formats): TrustView {
    const today = localIsoDate();
    return {
      list: { state: this.state, page: this.#pager(this.#documents, this.state, today) },
      searchText: this.#searchBox.text,
      today,
      language,
      format,
      search: (text) => this.#searchBox.type(text),
      filter: (change) => this.#set(withTrustFilters(this.state, change)),
      clear: () => {
        this.#searchBox.clear();
        this.#set(FIRST_TRUST_LIST_STATE);
      },
      goTo: (page) => this.#set({ ...this.state, page }),
      isOpen: (key) => this.#opened.has(key),
      toggle: (key, open) => {
        if (open === this.#opened.has(key)) return;
        if (open) this.#opened.add(key);
        else this.#opened.delete(key);
        this.host.requestUpdate();
      },
    };
  }

  #set(state: TrustListState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
