import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LatestLoad, type LoadState } from '../../controllers/latest-load.js';
import type { CarryOver } from '../../model/register/carry-over.js';
import type { RegisterEvent } from '../../model/register/events.js';
import {
  CarryOverError,
  carryOverEarlierRegister,
  type CarriedOverNote,
} from '../../services/register/carry-over-register.js';
import { IndexedDbRegisterStore } from '../../services/register/indexeddb-register-store.js';
import type { RegisterEvidence, RegisterStore, RegisterView } from '../../services/register/register-store.js';
import { readRegisterAt } from './register-file.js';

/** Where the register's data stands: read (with when its file was written, for a file), being read, or not readable, with why. */
export type RegisterData =
  | { status: 'loading' }
  | { status: 'ready'; view: RegisterView; exportedAt?: string }
  | { status: 'failed'; error: unknown };

/**
 * The register's data for an element: opens its store, carries a register
 * kept by the earlier version over once, reads the register and reads it
 * again whenever the log changes (here or in another tab), and appends the
 * events the person's changes write; or reads a register file at a web
 * address. The newest read wins: one started before another that has
 * finished is dropped.
 */
export class RegisterDataController implements ReactiveController {
  data: RegisterData = { status: 'loading' };
  /** Set once a register kept by the earlier version has been carried over in this page. */
  carriedOver: CarriedOverNote | undefined;
  /** Why an earlier register could not be carried over; it is still there, as it was. */
  carryOverProblem: string | undefined;

  private source: RegisterStore | string | undefined;
  private stopWatching: (() => void) | undefined;
  private connected = false;
  /** The reads of the register: each aborts the one before, so that a slow earlier read never overwrites a later one. */
  private readonly reading: LatestLoad<{ view: RegisterView; exportedAt?: string }>;
  /** Stores whose earlier register has been looked for in this page. */
  private readonly carryOverChecked = new WeakSet<RegisterStore>();

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The store to read, or the web address of a register file to show. */
    private readonly sourceOf: () => RegisterStore | string | undefined,
    /** Who carries an earlier register over, and when. */
    private readonly carryOver: () => CarryOver,
  ) {
    this.reading = new LatestLoad(host, (state) => this.follow(state));
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.open();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.source = undefined;
  }

  /** The register as last read; undefined while it is being read, or could not be. */
  get view(): RegisterView | undefined {
    return this.data.status === 'ready' ? this.data.view : undefined;
  }

  /** The store in use; undefined while a file is shown. */
  get current(): RegisterStore | undefined {
    return typeof this.source === 'string' ? undefined : this.source;
  }

  /** Call when the store or file the element should show may have changed: reads it when it has. */
  open(): void {
    if (!this.connected) return;
    const source = this.sourceOf();
    if (source === this.source) return;
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.source = source;
    // What was shown belongs to the store or file before.
    this.set({ status: 'loading' });
    if (typeof source === 'object') this.stopWatching = source.watch(() => void this.read());
    if (source) void this.read();
  }

  /** Reads the register again; the newest read wins. */
  async read(): Promise<RegisterData> {
    const source = this.source;
    if (!source) return this.data;
    await this.reading.run(async () => {
      if (typeof source === 'string') return readRegisterAt(source, new Date());
      if (source instanceof IndexedDbRegisterStore && !this.carryOverChecked.has(source)) {
        await this.carryOverInto(source);
      }
      return { view: await source.read() };
    });
    return this.data;
  }

  /** What a read's state means for what is shown: a register read again stays shown while it is. */
  private follow(state: LoadState<{ view: RegisterView; exportedAt?: string }>): void {
    if (state.status === 'complete') this.data = { status: 'ready', ...state.value };
    else if (state.status === 'error') this.data = { status: 'failed', error: state.error };
    else if (state.status === 'initial' || this.data.status === 'failed') this.data = { status: 'loading' };
  }

  /** Writes events (and the PDFs they name) all or none, then reads the register again. Throws what the store throws. */
  async append(
    events: readonly RegisterEvent[],
    evidence?: readonly RegisterEvidence[],
  ): Promise<RegisterView | undefined> {
    const store = this.current;
    if (!store) throw new Error('The register is not open.');
    await store.append(events, evidence);
    const data = await this.read();
    return data.status === 'ready' ? data.view : undefined;
  }

  private async carryOverInto(store: IndexedDbRegisterStore): Promise<void> {
    try {
      const note = await carryOverEarlierRegister(store, this.carryOver());
      if (note) this.carriedOver = note;
      this.carryOverProblem = undefined;
      this.carryOverChecked.add(store);
    } catch (error) {
      // The register is read all the same; the earlier one stays, and the element says why it was not moved.
      this.carryOverProblem = error instanceof CarryOverError ? error.message : String(error);
    }
  }

  private set(data: RegisterData): void {
    this.data = data;
    this.host.requestUpdate();
  }
}
