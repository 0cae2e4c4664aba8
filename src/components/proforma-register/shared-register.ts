import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { CouchRegisterStore, CouchSyncStatus, MoveProgress } from '../../couch.js';
import {
  isApproverOf,
  schoolAddressesOf,
  schoolOfPublished,
  schoolOfRegister,
  type CouchSession,
} from '../../services/register/couch-session.js';
import type { ServerRegisterStore } from '../../services/register/couch-sync-status.js';
import type { PublishedRegisterStore } from '../../services/register/published-register-store.js';
import type { RegisterStore, RegisterView } from '../../services/register/register-store.js';
import type { FormDefinition } from '../../model/form-definition.js';
import type { RegisterChangesController } from './register-changes.js';
import { SubmissionsController } from './submissions.js';
import type { TrustDocuments } from './trust-register.js';

// A register shared through CouchDB (`couch-url`): its store, loaded only when the element is given
// an address, where it stands with its server, signing in and out, and moving this browser's own
// register into it. An address whose database is named `proforma-<school>-published` is the register
// for staff: read and followed live, never written, nothing kept in the browser. The words are
// render-shared.ts's.

export interface SharedRegisterHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The forms assessments may have been made with: to check teachers' submissions. */
  readonly forms: readonly FormDefinition[];
}

/** Where "Move this register to the shared one" stands. */
export type MoveState =
  | { status: 'idle' }
  | { status: 'moving'; progress?: MoveProgress }
  | { status: 'moved'; events: number }
  | { status: 'failed'; reason: string };

/**
 * The school's published database beside its register's (`…/proforma-<school>-register` →
 * `…/proforma-<school>-published`), and the school's id; undefined for an address named otherwise.
 */
export function publishedDatabaseOf(registerUrl: string): { url: string; school: string } | undefined {
  const addresses = schoolAddressesOf(registerUrl);
  return addresses && { url: addresses.published, school: addresses.school };
}

/** Why the register for staff could not be updated, in words. */
function publishFailure(error: unknown): string {
  switch ((error as { problem?: unknown }).problem) {
    case 'sign-in-needed':
      return msg('Sign in again to update the register for staff.');
    case 'not-allowed':
      return msg('Only an approver may update the register for staff.');
    case 'unreachable':
      return msg('The server could not be reached. The register for staff is updated with the next change.');
    case 'not-found':
      return msg('The school’s published register is not on the server: set it up with proforma-couchdb setup.');
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Why a move failed, in words: the register in this browser is unchanged whatever the reason. */
function moveFailure(error: unknown): string {
  const { problem, changes = [] } = error as { problem?: unknown; changes?: Array<{ id: string; reason: string }> };
  switch (problem) {
    case 'sign-in-needed':
      return msg('Sign in to the shared register first.');
    case 'not-an-approver':
      return msg('Only an approver of the shared register may move a register into it.');
    case 'offline':
      return msg('The shared register’s server could not be reached. Try again when the connection is back.');
    case 'refused':
      return msg(str`The server refused changes: ${changes.map(({ reason }) => reason).join('; ')}`);
    case 'missing-on-server':
      return msg('The server does not hold everything that was sent yet. Try again in a moment.');
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export class SharedRegisterController implements ReactiveController {
  /** The shared register's store (or the register for staff's), once its code has loaded; undefined without a `couch-url`. */
  store: ServerRegisterStore | undefined;
  status: CouchSyncStatus | undefined;
  /** Why the shared register's code could not be loaded, or its address is not one. */
  loadProblem: string | undefined;
  signingIn = false;
  signInProblem: string | undefined;
  move: MoveState = { status: 'idle' };
  /** Why the register for staff could not be brought up to date after the last change, if it could not. */
  publishProblem: string | undefined;
  /** Teachers' submissions, taken into the register while an approver is signed in. */
  readonly submissions: SubmissionsController;

  #address = '';
  /** The shared register's store, which a browser's own register may be moved into; not the register for staff's. */
  #registerStore: CouchRegisterStore | undefined;
  /** Who the server takes this browser for, when it has said: their roles say what they may open. */
  #session: CouchSession | undefined;
  #credentials: RequestCredentials = 'include';
  #trust = false;
  #stopWatching: (() => void) | undefined;
  #opening = 0;
  #connected = false;
  /** Whether the person signed in is an approver of this register: only an approver publishes. */
  #approver = false;
  #publishedView: RegisterView | undefined;
  #publishing = false;
  #publishAgain = false;

  /** How many events this browser's own register holds: offered to move when there are some. */
  localEvents = 0;

  constructor(
    private readonly host: SharedRegisterHost,
    private readonly changes: RegisterChangesController,
    private readonly options: {
      /** Called when the store to read changes: the data controller opens it. */
      storeChanged: () => void;
      /** The register kept in this browser, which may be moved into the shared one; undefined for a read-only view. */
      browserStore: () => RegisterStore | undefined;
      /** The shared register as last read: published for staff after each change an approver sees. */
      view: () => RegisterView | undefined;
    },
  ) {
    host.addController(this);
    this.submissions = new SubmissionsController(host, {
      store: () => (this.#approver && options.browserStore() ? this.#registerStore : undefined),
      credentials: () => this.#credentials,
      forms: () => host.forms,
    });
  }

  /** The person signed in to the shared register, as far as this browser knows. */
  get signedInAs(): string | undefined {
    return this.changes.signedInAs;
  }

  /** Whether the element shows a shared register (even while its code loads). */
  get shared(): boolean {
    return this.#address !== '';
  }

  /**
   * Whether the address holds published tools, read-only and live: a school's register for staff
   * (`…/proforma-<school>-published`), or a trust's database of its schools' (`mode="trust"`).
   */
  get published(): boolean {
    return this.#trust || schoolOfPublished(this.#address) !== undefined;
  }

  /** Whether the address is a trust's database (`…/proforma-<trust>-trust`), shown as each tool across its schools. */
  get trust(): boolean {
    return this.#trust;
  }

  /** The trust's documents as they come, once its store is open; undefined but for a trust. */
  get trustDocuments(): TrustDocuments | undefined {
    return this.#trust ? (this.store as PublishedRegisterStore | undefined) : undefined;
  }

  /**
   * Whether the person signed in may not open this register: someone without the school's approver
   * role on its shared register, or anyone the server refuses the register for staff.
   */
  get notAllowed(): boolean {
    if (!this.#session) return false;
    // Published tools: the server refuses them to the person signed in (Apache CouchDB answers 403,
    // PouchDB Server 401), once it has been asked since they signed in.
    return this.published
      ? this.status?.state === 'sign-in-needed' && this.status.httpStatus !== undefined
      : !isApproverOf(this.#session, schoolOfRegister(this.#address));
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#address && !this.store) void this.#open();
  }

  /** Counts the events of this browser's own register, for the offer to move them. */
  async #countBrowserEvents(): Promise<void> {
    const view = await this.options
      .browserStore()
      ?.read()
      .catch(() => undefined);
    this.localEvents = view?.eventCount ?? 0;
    this.host.requestUpdate();
  }

  /** After each update: a register read since the last publishing is published for staff. */
  hostUpdated(): void {
    const view = this.options.view();
    if (!this.store || !this.#approver || !view || view === this.#publishedView) return;
    this.#publishedView = view;
    void this.#publish();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#close();
  }

  /** The database's address and how requests carry cookies: opens the store again when either changed. */
  configure(address: string, credentials: string, trust = false): void {
    const wanted = (['include', 'same-origin', 'omit'] as const).find((each) => each === credentials) ?? 'include';
    if (address === this.#address && wanted === this.#credentials && trust === this.#trust) return;
    this.#address = address;
    this.#credentials = wanted;
    this.#trust = trust;
    this.#close();
    if (this.#connected && address) void this.#open();
    this.options.storeChanged();
  }

  async signIn(name: string, password: string): Promise<boolean> {
    const store = this.store;
    if (!store || this.signingIn) return false;
    this.signingIn = true;
    this.signInProblem = undefined;
    this.host.requestUpdate();
    try {
      const session = await store.signIn(name.trim(), password);
      this.#signedIn(session);
      return true;
    } catch (error) {
      const problem = (error as { problem?: unknown }).problem;
      this.signInProblem =
        problem === 'wrong-name-or-password'
          ? msg('The name or password is not right. Check them and sign in again.')
          : problem === 'offline'
            ? msg('The shared register’s server cannot be reached. Check the connection and sign in again.')
            : msg(str`The server did not let you sign in: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      this.signingIn = false;
      this.host.requestUpdate();
    }
  }

  async signOut(): Promise<void> {
    await this.store?.signOut().catch(() => undefined);
    this.#signedIn(undefined);
    this.host.requestUpdate();
  }

  /**
   * Sends every event and signed PDF of this browser's own register to the shared one, all or
   * nothing; this browser's register is left as it is.
   */
  async moveBrowserRegister(): Promise<void> {
    const store = this.#registerStore;
    const from = this.options.browserStore();
    if (!store || !from || this.move.status === 'moving') return;
    this.#setMove({ status: 'moving' });
    try {
      const { moveRegisterToShared } = await import('../../couch.js');
      const result = await moveRegisterToShared(from, store, {
        onProgress: (progress) => this.#setMove({ status: 'moving', progress }),
      });
      this.#setMove({ status: 'moved', events: result.events });
    } catch (error) {
      this.#setMove({ status: 'failed', reason: moveFailure(error) });
    }
  }

  async #open(): Promise<void> {
    const opening = ++this.#opening;
    this.loadProblem = undefined;
    try {
      const store = await this.#newStore();
      if (opening !== this.#opening) {
        void store.close();
        return;
      }
      this.store = store;
      this.status = store.status;
      void this.#countBrowserEvents();
      this.#stopWatching = store.watchStatus((status) => {
        this.status = status;
        // Signed out, or signed in without a role here: the server's session says which.
        if (status.state === 'sign-in-needed') this.#askSession(store);
        this.host.requestUpdate();
      });
      this.changes.signedInAs = await store.userName();
      // The server may know better: a session that ended, or one begun on another page of the site.
      this.#askSession(store);
    } catch (error) {
      if (opening !== this.#opening) return;
      this.loadProblem = error instanceof Error ? error.message : String(error);
    }
    this.options.storeChanged();
    this.host.requestUpdate();
  }

  /** The store for the address: the register for staff's, or the shared register's, each loaded only now. */
  async #newStore(): Promise<ServerRegisterStore> {
    const options = { credentials: this.#credentials };
    if (this.published) {
      const { PublishedRegisterStore } = await import('../../services/register/published-register-store.js');
      return new PublishedRegisterStore(this.#address, options);
    }
    const { CouchRegisterStore } = await import('../../couch.js');
    return (this.#registerStore = new CouchRegisterStore(this.#address, options));
  }

  #askSession(store: ServerRegisterStore): void {
    void store.session().then(
      (session) => {
        if (this.store !== store) return;
        this.#signedIn(session);
        this.host.requestUpdate();
      },
      () => undefined,
    );
  }

  #signedIn(session: CouchSession | undefined): void {
    this.#session = session;
    this.changes.signedInAs = session?.name;
    this.#approver = session !== undefined && isApproverOf(session, schoolOfRegister(this.#address));
    this.#publishedView = undefined;
  }

  /** Brings the school's published database up to date with the register, one publishing at a time. */
  async #publish(): Promise<void> {
    const target = this.published ? undefined : publishedDatabaseOf(this.#address);
    if (!target) return;
    if (this.#publishing) {
      this.#publishAgain = true;
      return;
    }
    this.#publishing = true;
    try {
      do {
        this.#publishAgain = false;
        const view = this.options.view();
        if (!view) break;
        try {
          const { publishRegister } = await import('../../services/register/publish-register.js');
          await publishRegister(target.url, target.school, view.entries, { credentials: this.#credentials });
          this.publishProblem = undefined;
        } catch (error) {
          this.publishProblem = publishFailure(error);
        }
        this.host.requestUpdate();
      } while (this.#publishAgain);
    } finally {
      this.#publishing = false;
    }
  }

  #close(): void {
    this.#opening += 1;
    this.#stopWatching?.();
    this.#stopWatching = undefined;
    void this.store?.close();
    this.store = undefined;
    this.#registerStore = undefined;
    this.status = undefined;
    this.#signedIn(undefined);
  }

  #setMove(move: MoveState): void {
    this.move = move;
    this.host.requestUpdate();
  }
}
