import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Draft } from '../model/draft.js';
import type { DraftStore } from '../services/draft-store.js';

/** How long after the last change a draft is saved. */
export const AUTOSAVE_DELAY_MS = 500;

export type SaveStatus =
  /** Nothing typed yet, so nothing to save. */
  | { state: 'idle' }
  | { state: 'opening' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  /** Another tab or window saved a newer version of this draft. */
  | { state: 'conflict'; theirs: Draft }
  /** Another tab saved a newer version and this one had no unsaved changes, so it took it. */
  | { state: 'updated-elsewhere'; at: Date }
  | { state: 'failed'; reason: 'full' | 'unavailable' | 'damaged' };

/** Message posted on a namespace's channel after every save, so other tabs can catch up. */
interface SavedMessage {
  id: string;
  revision: number;
}

/** How the controller reads the draft being edited, and shows one saved elsewhere. */
export interface AutosaveDraftAccess {
  /** The draft as it stands now, built from the current answers (revision not yet raised). */
  currentDraft(): Draft;
  /** Replaces the answers with those of a saved draft. */
  showDraft(draft: Draft): void;
}

/**
 * Keeps a draft saved: within `AUTOSAVE_DELAY_MS` of the last change, and at
 * once when the page is hidden or closed. A save never overwrites a newer
 * version saved from another tab; other tabs hear of every save and either
 * take the new version or, with unsaved changes of their own, offer a choice.
 */
export class AutosaveController implements ReactiveController {
  status: SaveStatus = { state: 'idle' };
  private store: DraftStore | undefined;
  /** The revision this copy is based on; `undefined` until first saved or opened. */
  private baseRevision: number | undefined;

  /** The revision last saved or opened, 0 before the first save. */
  get savedRevision(): number {
    return this.baseRevision ?? 0;
  }
  private draftId: string | undefined;
  private unsaved = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private channel: BroadcastChannel | undefined;
  private channelName = '';
  private connected = false;
  private markStoreReady: () => void = () => {};
  /** Resolves once a store is known, so that a save asked for before then is not dropped. */
  private readonly storeReady = new Promise<void>((resolve) => (this.markStoreReady = resolve));

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly drafts: AutosaveDraftAccess,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.channelName && !this.channel) this.openChannel();
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    window.addEventListener('pagehide', this.onPageHide);
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    window.removeEventListener('pagehide', this.onPageHide);
    // The channel stays open until this last save is announced to other tabs.
    void this.flush().finally(() => {
      if (this.connected) return;
      this.channel?.close();
      this.channel = undefined;
    });
  }

  /** Whether a store has been given. */
  get hasStore(): boolean {
    return this.store !== undefined;
  }

  /** True while there are changes not yet written. */
  get hasUnsavedChanges(): boolean {
    return this.unsaved;
  }

  /** Uses `store` for drafts of this namespace; `channelName` links the tabs that share it. */
  useStore(store: DraftStore, channelName: string): void {
    this.store = store;
    this.markStoreReady();
    if (channelName !== this.channelName) {
      this.channel?.close();
      this.channel = undefined;
      this.channelName = channelName;
      if (this.connected) this.openChannel();
    }
  }

  private openChannel(): void {
    if (typeof BroadcastChannel !== 'function') return;
    this.channel = new BroadcastChannel(this.channelName);
    this.channel.addEventListener('message', this.onMessage);
  }

  /** Opens a saved draft, first saving the one open now; resolves to `undefined` when there is none under that id. */
  async open(id: string): Promise<Draft | undefined> {
    await this.flush();
    this.draftId = id;
    this.baseRevision = undefined;
    this.unsaved = false;
    this.setStatus({ state: 'opening' });
    const draft = await this.store?.get(id);
    if (draft) this.baseRevision = draft.assessment.revision;
    this.setStatus({ state: 'idle' });
    return draft;
  }

  /** Starts a new draft under `id` (nothing is written until the first change). */
  startNew(id: string): void {
    this.draftId = id;
    this.baseRevision = undefined;
    this.unsaved = false;
    this.setStatus({ state: 'idle' });
  }

  /** Call after every change the person makes. */
  changed(): void {
    this.unsaved = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
  }

  /** Saves now if anything is unsaved; resolves once it is written (or has failed). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.unsaved && !this.store) await this.storeReady;
    while (this.saving) await this.saving;
    if (!this.unsaved || !this.store || this.status.state === 'conflict') return;
    this.saving = this.save(this.store).finally(() => (this.saving = undefined));
    await this.saving;
  }

  /** Resolves the conflict by taking the other tab's version; this tab's unsaved changes are dropped. */
  takeTheirs(): void {
    if (this.status.state !== 'conflict') return;
    const theirs = this.status.theirs;
    this.baseRevision = theirs.assessment.revision;
    this.unsaved = false;
    this.drafts.showDraft(theirs);
    this.setStatus({ state: 'saved', at: new Date(theirs.assessment.updatedAt) });
  }

  /** Resolves the conflict by saving this tab's version over the other. */
  async keepMine(): Promise<void> {
    if (this.status.state !== 'conflict') return;
    this.baseRevision = this.status.theirs.assessment.revision;
    this.unsaved = true;
    this.setStatus({ state: 'saving' });
    await this.flush();
  }

  private async save(store: DraftStore): Promise<void> {
    const draft = this.drafts.currentDraft();
    const revision = (this.baseRevision ?? 0) + 1;
    // Saved under the draft this controller has open, even if the host has
    // already been asked to open another.
    const id = this.draftId ?? draft.assessment.id;
    const next: Draft = { ...draft, assessment: { ...draft.assessment, id, revision } };
    this.unsaved = false;
    this.setStatus({ state: 'saving' });
    try {
      await store.save(next, this.baseRevision);
      this.baseRevision = revision;
      this.draftId = id;
      this.setStatus({ state: 'saved', at: new Date() });
      this.channel?.postMessage({ id: next.assessment.id, revision } satisfies SavedMessage);
    } catch (error) {
      // Nothing was written: keep the changes marked unsaved so they are
      // tried again, and say why.
      this.unsaved = true;
      const name = (error as Error).name;
      if (name === 'DraftConflictError') {
        this.setStatus({ state: 'conflict', theirs: (error as { stored: Draft }).stored });
      } else {
        const reason = name === 'StorageFullError' ? 'full' : name === 'DraftDamagedError' ? 'damaged' : 'unavailable';
        this.setStatus({ state: 'failed', reason });
      }
    }
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') void this.flush();
  };

  private readonly onPageHide = (): void => {
    void this.flush();
  };

  private readonly onMessage = async (event: MessageEvent<SavedMessage>): Promise<void> => {
    const { id, revision } = event.data;
    if (id !== this.draftId || !this.store) return;
    if (this.baseRevision !== undefined && revision <= this.baseRevision) return;
    const theirs = await this.store.get(id);
    // The person may have opened another draft meanwhile.
    if (id !== this.draftId) return;
    if (!theirs || (this.baseRevision !== undefined && theirs.assessment.revision <= this.baseRevision)) return;
    if (this.unsaved || this.saving) {
      this.setStatus({ state: 'conflict', theirs });
      return;
    }
    this.baseRevision = theirs.assessment.revision;
    this.drafts.showDraft(theirs);
    this.setStatus({ state: 'updated-elsewhere', at: new Date() });
  };
}
