import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long typing in a search box rests before the list is searched again. */
export const SEARCH_DELAY_MS = 150;

/**
 * What a list's search box holds: shown as typed, and searched for once typing has rested, so that
 * a long list is not filtered again at every key.
 */
export class SearchBoxController implements ReactiveController {
  /** What the box holds now. */
  text = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Searches the list for `text`. */
    private readonly search: (text: string) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** The box now holds `text`; the list is searched for it once typing rests. */
  type(text: string): void {
    this.text = text;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.search(text), SEARCH_DELAY_MS);
    this.host.requestUpdate();
  }

  /** Empties the box, with no search left to come: the list's own filters are cleared by whoever clears it. */
  clear(): void {
    clearTimeout(this.#timer);
    this.text = '';
    this.host.requestUpdate();
  }
}
