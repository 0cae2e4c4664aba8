import type { RegisterEvent } from '../../model/register/events.js';
import {
  NO_CLOCK,
  continueFold,
  foldEvents,
  foldHoldsAt,
  registerFromEvents,
  registerStateOf,
  type RegisterFold,
} from '../../model/register/fold.js';
import { checkEvidence, eventsToWrite } from './log-records.js';
import type { RegisterEntryDetail, RegisterEvidence, RegisterStore, RegisterView } from './register-store.js';

/**
 * A register kept only while the page is open: for tests, for a page that
 * shows a register it was handed, and where the browser refuses storage.
 */
export class MemoryRegisterStore implements RegisterStore {
  readonly persistent = false;
  private readonly log: RegisterEvent[] = [];
  private readonly byId = new Map<string, RegisterEvent>();
  private readonly files = new Map<string, RegisterEvidence>();
  private readonly listeners = new Set<() => void>();
  /** The log folded, kept and folded on as events come; made again when it cannot be. */
  private fold?: RegisterFold;

  constructor(events: readonly RegisterEvent[] = []) {
    for (const event of eventsToWrite(events, this.byId)) this.keep(event);
  }

  async read(now = new Date()): Promise<RegisterView> {
    this.fold ??= foldEvents(this.log, NO_CLOCK);
    // An event dated later than now: folded again, with the clock.
    const state = foldHoldsAt(this.fold, { now }) ? registerStateOf(this.fold) : registerFromEvents(this.log, { now });
    return { ...state, damaged: [], eventCount: this.log.length };
  }

  async events(): Promise<RegisterEvent[]> {
    return structuredClone(this.log);
  }

  async entry(id: string, now = new Date()): Promise<RegisterEntryDetail | undefined> {
    const entry = (await this.read(now)).entries.find((each) => each.id === id);
    if (!entry) return undefined;
    const evidence = entry.log.flatMap((event) =>
      (event.type === 'imported' || event.type === 're-assessed') &&
      event.evidence &&
      this.files.has(event.evidence.sha256)
        ? [event.evidence]
        : [],
    );
    return { entry, evidence };
  }

  async append(events: readonly RegisterEvent[], evidence: readonly RegisterEvidence[] = []): Promise<void> {
    const writing = eventsToWrite(events, this.byId);
    await checkEvidence(evidence);
    if (writing.length === 0 && evidence.every((file) => this.files.has(file.sha256))) return;
    for (const event of writing) this.keep(event);
    if (writing.length > 0) {
      // Folded on as kept: copies, which no caller can change.
      this.fold = this.fold && continueFold(this.fold, this.log.slice(-writing.length), { newIds: true });
    }
    for (const file of evidence) this.files.set(file.sha256, { ...file, bytes: file.bytes.slice() });
    for (const listener of [...this.listeners]) listener();
  }

  async evidence(sha256: string): Promise<RegisterEvidence | undefined> {
    const file = this.files.get(sha256);
    return file && { ...file, bytes: file.bytes.slice() };
  }

  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private keep(event: RegisterEvent): void {
    const copy = structuredClone(event);
    this.log.push(copy);
    this.byId.set(copy.id, copy);
  }
}
