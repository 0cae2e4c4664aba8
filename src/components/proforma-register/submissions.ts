import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CouchRegisterStore, CouchSubmissions, RefusedSubmission, SubmissionApprover } from '../../couch.js';
import type { FormDefinition } from '../../model/form-definition.js';

// Teachers' submissions in an approver's register (`couch-url`, signed in as an approver): the
// school's submissions database watched, each signed PDF checked here and taken into the register
// as an import, and those refused kept to list. The code loads only for an approver.

export interface SubmissionsOptions {
  /** The shared register's store while an approver is signed in to it and the view may change it; else undefined. */
  store: () => CouchRegisterStore | undefined;
  credentials: () => RequestCredentials;
  /** The forms assessments may have been made with. */
  forms: () => readonly FormDefinition[];
}

export class SubmissionsController implements ReactiveController {
  /** The submissions refused and not dismissed, oldest first. */
  refused: RefusedSubmission[] = [];
  /** Why the submissions could not be watched, if they could not. */
  problem: string | undefined;
  #store: CouchRegisterStore | undefined;
  #submissions: CouchSubmissions | undefined;
  #approver: SubmissionApprover | undefined;
  #forms: readonly FormDefinition[] | undefined;
  #opening = 0;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly options: SubmissionsOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const store = this.options.store();
    if (store !== this.#store) {
      this.#close();
      this.#store = store;
      if (store) void this.#open(store);
    }
    const forms = this.options.forms();
    if (forms !== this.#forms) {
      this.#forms = forms;
      void this.#approver?.retry();
    }
  }

  hostDisconnected(): void {
    this.#close();
    this.#store = undefined;
  }

  /** Stops listing a refused submission in this browser. */
  async dismiss(id: string): Promise<void> {
    await this.#approver?.dismiss(id);
  }

  /** After a dismissal: focus on the list of refused submissions, or on the register's heading once it is empty. */
  async focusAfterDismissal(): Promise<void> {
    await this.host.updateComplete;
    const root = this.host.renderRoot;
    root.querySelector<HTMLElement>('#submissions-refused-heading, #register-heading')?.focus();
  }

  async #open(store: CouchRegisterStore): Promise<void> {
    const opening = ++this.#opening;
    try {
      const { CouchSubmissions, SubmissionApprover, schoolAddressesOf } = await import('../../couch.js');
      const url = schoolAddressesOf(store.url)?.submissions;
      if (opening !== this.#opening || url === undefined) return;
      this.#submissions = new CouchSubmissions(url, { credentials: this.options.credentials() });
      this.#approver = new SubmissionApprover(store, this.#submissions, {
        forms: this.options.forms,
        onChange: () => {
          this.refused = this.#approver?.refused ?? [];
          this.host.requestUpdate();
        },
      });
    } catch (error) {
      if (opening !== this.#opening) return;
      this.problem = error instanceof Error ? error.message : String(error);
      this.host.requestUpdate();
    }
  }

  #close(): void {
    this.#opening += 1;
    this.#approver?.stop();
    void this.#submissions?.close();
    this.#approver = undefined;
    this.#submissions = undefined;
    this.problem = undefined;
    if (this.refused.length > 0) {
      this.refused = [];
      this.host.requestUpdate();
    }
  }
}
