import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CarryOver } from '../../model/register/carry-over.js';
import type { RegisterEvent } from '../../model/register/events.js';
import {
  CarryOverError,
  carryOverEarlierRegister,
  type CarriedOverNote,
} from '../../services/register/carry-over-register.js';
import { IndexedDbRegisterStore } from '../../services/register/indexeddb-register-store.js';
import type { RegisterEvidence, RegisterStore, RegisterView } from '../../services/register/register-store.js';

/** Where the register's data stands: read, being read, or not readable, with why. */
export type RegisterData =
  { status: 'loading' } | { status: 'ready'; view: RegisterView } | { status: 'failed'; error: unknown };

/**
 * The register's data for an element: opens its store, carries a register
 * kept by the earlier version over once, reads the register and reads it
 * again whenever the log changes (here or in another tab), and appends the
 * events the person's changes write. The newest read wins: one started
 * before another that has finished is dropped.
 */
export class RegisterDataController implements ReactiveController {
  data: RegisterData = { status: 'loading' };
  /** Set once a register kept by the earlier version has been carried over in this page. */
  carriedOver: CarriedOverNote | undefined;
  /** Why an earlier register could not be carried over; it is still there, as it was. */
  carryOverProblem: string | undefined;

  private store: RegisterStore | undefined;
  private stopWatching: (() => void) | undefined;
  private reads = 0;
  private connected = false;
  /** Stores whose earlier register has been looked for in this page. */
  private readonly carryOverChecked = new WeakSet<RegisterStore>();

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The store to read: undefined while the element shows something else (a file at a web address). */
    private readonly storeOf: () => RegisterStore | undefined,
    /** Who carries an earlier register over, and when. */
    private readonly carryOver: () => CarryOver,
  ) {
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
    this.store = undefined;
    this.reads += 1;
  }

  /** The store in use. */
  get current(): RegisterStore | undefined {
    return this.store;
  }

  /** Call when the store the element should use may have changed: reads it when it has. */
  open(): void {
    if (!this.connected) return;
    const store = this.storeOf();
    if (store === this.store) return;
    this.stopWatching?.();
    this.store = store;
    this.stopWatching = store?.watch(() => void this.read());
    if (store) void this.read();
  }

  /** Reads the register again; the newest read wins. */
  async read(): Promise<RegisterData> {
    const store = this.store;
    if (!store) return this.data;
    const read = ++this.reads;
    if (this.data.status === 'failed') this.set({ status: 'loading' });
    try {
      if (store instanceof IndexedDbRegisterStore && !this.carryOverChecked.has(store)) await this.carryOverInto(store);
      const view = await store.read();
      if (read === this.reads) this.set({ status: 'ready', view });
    } catch (error) {
      if (read === this.reads) this.set({ status: 'failed', error });
    }
    return this.data;
  }

  /** Writes events (and the PDFs they name) all or none, then reads the register again. Throws what the store throws. */
  async append(
    events: readonly RegisterEvent[],
    evidence?: readonly RegisterEvidence[],
  ): Promise<RegisterView | undefined> {
    const store = this.store;
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
