import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a load stands: none asked for, under way (with what it has shown so far), done, or failed. */
export type LoadState<T> =
  | { status: 'initial' }
  | { status: 'pending'; value?: T }
  | { status: 'complete'; value: T }
  | { status: 'error'; error: unknown };

/**
 * One load: gives its value, at once or as a promise, or throws. `signal` is aborted once the load
 * no longer counts; `show` shows a value before the end (files checked one by one, say).
 */
export type Load<T> = (signal: AbortSignal, show: (value: T) => void) => T | Promise<T>;

/**
 * Loads what an element shows, the latest request winning: a new load aborts the one before, whose
 * result is then dropped; a load under way when the element leaves the page is aborted, and starts
 * again if the element comes back. The element renders `state` and updates whenever it changes;
 * `changed` hears each change once the update is asked for, to fire an event, say.
 */
export class LatestLoad<T> implements ReactiveController {
  state: LoadState<T> = { status: 'initial' };
  #aborter = new AbortController();
  #load: Load<T> | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #changed: ((state: LoadState<T>) => void) | undefined;

  constructor(host: ReactiveControllerHost, changed?: (state: LoadState<T>) => void) {
    this.#host = host;
    this.#changed = changed;
    host.addController(this);
  }

  /**
   * Starts `load` (or, without one, goes back to `initial`), aborting the load before. A value
   * given at once is taken at once, so that a host calling this from `willUpdate` renders it in the
   * same update. Settles when this load does, or is dropped.
   */
  async run(load?: Load<T>): Promise<void> {
    this.#aborter.abort();
    const { signal } = (this.#aborter = new AbortController());
    const set = (state: LoadState<T>) => {
      if (signal.aborted) return;
      this.state = state;
      this.#host.requestUpdate();
      this.#changed?.(state);
    };
    this.#load = load;
    if (!load) return set({ status: 'initial' });
    set({ status: 'pending' });
    try {
      const result = load(signal, (value) => set({ status: 'pending', value }));
      // A value given at once is not awaited: it is there for the update under way.
      set({ status: 'complete', value: result instanceof Promise ? await result : result });
    } catch (error) {
      set({ status: 'error', error });
    }
  }

  hostConnected(): void {
    // Aborted when the element left the page part way: moved, not removed, so load it again.
    if (this.state.status === 'pending' && this.#aborter.signal.aborted) void this.run(this.#load);
  }

  hostDisconnected(): void {
    this.#aborter.abort();
  }
}
