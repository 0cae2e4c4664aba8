import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { CouchFetch } from '../../services/register/couch-session.js';
import type { OutboxStatus, OutgoingSubmission, SubmissionOutbox } from '../../services/register/submission-outbox.js';
import type { Submission } from '../../model/register/submissions.js';
import { dateFormat } from '../../internal/dates.js';
import { languageOf, localized } from '../../internal/localization.js';
import { baseStyles } from '../../styles/base.styles.js';
import { fieldStyles } from '../../styles/field.styles.js';
import { messageStyles } from '../../styles/messages.styles.js';
import { styles } from './proforma-submissions.styles.js';
import { connectionWords, progressWords, signInFailure } from './submissions-words.js';
import { renderSignInForm } from '../render-sign-in.js';

/** Sending the signed PDF this element was given: not yet, under way, done (its id), or why not. */
type SendState =
  { status: 'idle' } | { status: 'sending' } | { status: 'kept'; id: string } | { status: 'failed'; reason: string };

/**
 * A teacher's assessments sent to the school's IT lead through its CouchDB server: "Send to the IT
 * lead" for a signed PDF, a sign-in form when the server asks for one, and each assessment sent from
 * this browser with where it stands (waiting to be sent, sent, a decision recorded, refused). What is
 * sent offline waits in this browser and goes when the connection is back. The CouchDB code loads
 * only when `couch-url` is set.
 *
 * @summary Send a signed assessment to the IT lead, and follow what became of it.
 *
 * @tag proforma-submissions
 *
 * @cssprop [--proforma-font-family=system-ui, sans-serif] - Font of the whole element.
 * @cssprop [--proforma-color-text=#0b0c0c] - Main text colour.
 * @cssprop [--proforma-color-muted=#505a5f] - Hint text and times.
 * @cssprop [--proforma-color-background=#ffffff] - Background of the fields and buttons.
 * @cssprop [--proforma-color-border=#6f777b] - Borders of the fields, and lines between assessments sent.
 * @cssprop [--proforma-color-accent=#1d4f91] - Buttons and messages.
 * @cssprop [--proforma-color-focus=#b35c00] - Focus outline colour.
 * @cssprop [--proforma-color-conditions=#7a4b00] - Border of a warning.
 * @cssprop [--proforma-color-not-approved=#b10e1e] - Problems, and refused assessments.
 * @cssprop [--proforma-radius=4px] - Corner radius of fields, buttons and messages.
 */
@localized()
export class ProformaSubmissions extends LitElement {
  static override styles = [baseStyles, fieldStyles, messageStyles, styles];

  @state() private outboxStatus: OutboxStatus | undefined;
  @state() private loadProblem: string | undefined;
  /** Whether the server said no one is signed in, when asked as the element opened. */
  @state() private signedOut = false;
  @state() private signingIn = false;
  @state() private signInProblem: string | undefined;
  @state() private sending: SendState = { status: 'idle' };

  /** The school's shared register (`…/proforma-<school>-register`): its submissions and published databases are beside it. */
  @property({ attribute: 'couch-url' }) couchUrl = '';

  /** Whether requests carry cookies: `include` (the default), or `same-origin`/`omit` behind a site's own sign-in. */
  @property() credentials = 'include';

  /** Sends every request to the server in place of the browser's `fetch` (a site's own sign-in adds its header here). */
  @property({ attribute: false }) fetch: CouchFetch | undefined;

  /** The signed PDF to offer to send, with the name it is signed in and its tool; none shows the list alone. */
  @property({ attribute: false }) signed: OutgoingSubmission | undefined;

  /** Language of the words; defaults to the nearest `lang`, then the page's. */
  @property() locale = '';

  #outbox: SubmissionOutbox | undefined;
  #stopWatching: (() => void) | undefined;
  #opening = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.couchUrl && !this.#outbox) void this.#open();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('signed')) this.sending = { status: 'idle' };
    if ((changed.has('couchUrl') || changed.has('credentials') || changed.has('fetch')) && this.isConnected) {
      this.#close();
      if (this.couchUrl) void this.#open();
    }
  }

  async #open(): Promise<void> {
    const opening = ++this.#opening;
    this.loadProblem = undefined;
    try {
      // The outbox alone, not the whole of couch.js: a form page that sends PDFs shares nothing with the register's code.
      const { SubmissionOutbox } = await import('../../services/register/submission-outbox.js');
      if (opening !== this.#opening) return;
      const credentials = (['include', 'same-origin', 'omit'] as const).find((each) => each === this.credentials);
      const outbox = new SubmissionOutbox(this.couchUrl, {
        credentials: credentials ?? 'include',
        ...(this.fetch ? { fetch: this.fetch } : {}),
      });
      this.#outbox = outbox;
      this.outboxStatus = outbox.status;
      this.#stopWatching = outbox.watch((status) => (this.outboxStatus = status));
      // Who the server takes this browser for: a session begun on another page, or one that ended.
      outbox.session().then(
        (session) => {
          if (this.#outbox === outbox) this.signedOut = session === undefined;
        },
        () => undefined,
      );
    } catch (error) {
      if (opening === this.#opening) this.loadProblem = error instanceof Error ? error.message : String(error);
    }
  }

  #close(): void {
    this.#opening += 1;
    this.#stopWatching?.();
    this.#stopWatching = undefined;
    void this.#outbox?.close();
    this.#outbox = undefined;
    this.outboxStatus = undefined;
    this.signedOut = false;
  }

  get #needsSignIn(): boolean {
    const status = this.outboxStatus;
    return status !== undefined && (status.connection === 'sign-in-needed' || this.signedOut);
  }

  async #signIn(name: string, password: string): Promise<boolean> {
    const outbox = this.#outbox;
    if (!outbox || this.signingIn) return false;
    this.signingIn = true;
    this.signInProblem = undefined;
    try {
      await outbox.signIn(name, password);
      this.signedOut = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(this.signed ? '#send' : '#submissions-heading')?.focus();
      return true;
    } catch (error) {
      this.signInProblem = signInFailure(error);
      return false;
    } finally {
      this.signingIn = false;
    }
  }

  async #onSignOut(): Promise<void> {
    await this.#outbox?.signOut().catch(() => undefined);
    this.signedOut = true;
  }

  async #onSend(): Promise<void> {
    const outbox = this.#outbox;
    const signed = this.signed;
    if (!outbox || !signed || this.sending.status === 'sending') return;
    this.sending = { status: 'sending' };
    try {
      const submission = await outbox.send(signed);
      this.sending = { status: 'kept', id: submission.id };
      // The button is gone: focus moves to what became of the assessment, rather than to the page.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#sent')?.focus();
    } catch (error) {
      const problem = (error as { problem?: unknown }).problem;
      this.sending = {
        status: 'failed',
        reason:
          problem === 'sign-in-needed'
            ? msg('Sign in first: the assessment is sent in your name.')
            : msg(str`The assessment could not be kept in this browser to send: ${(error as Error).message}`),
      };
      if (problem === 'sign-in-needed') this.signedOut = true;
    }
  }

  override render(): TemplateResult {
    if (this.loadProblem) {
      return html`<p class="problem" role="alert">
        ${msg(str`Your sent assessments could not be opened: ${this.loadProblem}`)}
      </p>`;
    }
    const status = this.outboxStatus;
    const connection = connectionWords(status);
    return html`${this.signed ? this.#renderSend(status) : nothing}
      <div class="connection">
        <p role="status">${connection ?? this.#signedInWords(status)}</p>
        ${connection === undefined && this.#signedInWords(status) ? html`<button type="button" @click=${this.#onSignOut}>${msg('Sign out')}</button>` : nothing}
      </div>
      ${this.#needsSignIn ? this.#renderSignIn() : nothing} ${this.#renderList(status)}`;
  }

  #renderSend(status: OutboxStatus | undefined): TemplateResult {
    const sending = this.sending;
    const kept =
      sending.status === 'kept'
        ? status?.submissions.find(({ submission }) => submission.id === sending.id)
        : undefined;
    return html`<div class="send">
      <p class="hint">${msg('Send the signed PDF to your school’s IT lead, who records a decision on the tool.')}</p>
      ${
        sending.status === 'kept'
          ? html`<p class="message" id="sent" role="status" tabindex="-1">
              ${kept ? progressWords(kept.progress) : msg('Kept in this browser to send.')}
            </p>`
          : html`<button
              id="send"
              class="primary"
              type="button"
              aria-disabled=${sending.status === 'sending' || !status ? 'true' : 'false'}
              @click=${this.#onSend}
            >
              ${msg('Send to the IT lead')}
            </button>`
      }
      ${sending.status === 'failed' ? html`<p class="problem" role="alert">${sending.reason}</p>` : nothing}
    </div>`;
  }

  #signedInWords(status: OutboxStatus | undefined): string {
    const name = status?.userName;
    return name && !this.signedOut ? msg(str`Signed in as ${name}.`) : '';
  }

  #renderSignIn(): TemplateResult {
    return renderSignInForm({
      heading: msg('Sign in to the school’s server'),
      problem: this.signInProblem,
      signingIn: this.signingIn,
      signIn: (name, password) => this.#signIn(name, password),
    });
  }

  #renderList(status: OutboxStatus | undefined): TemplateResult {
    const submissions = status?.submissions ?? [];
    const when = dateFormat(languageOf(this), { dateStyle: 'medium', timeStyle: 'short' });
    return html`<section aria-labelledby="submissions-heading">
      <h3 id="submissions-heading" tabindex="-1">${msg('Sent to the IT lead')}</h3>
      ${
        submissions.length === 0
          ? html`<p class="hint">${msg('Nothing sent from this browser yet.')}</p>`
          : html`<ul class="submissions">
              ${submissions.map(({ submission, progress }) => this.#renderItem(submission, when, progress))}
            </ul>`
      }
    </section>`;
  }

  #renderItem(
    submission: Submission,
    when: { format(date: Date): string },
    progress: OutboxStatus['submissions'][number]['progress'],
  ): TemplateResult {
    return html`<li class=${`progress-${progress.state}`}>
      <span class="tool">${submission.tool.name}</span>
      <time class="when" datetime=${submission.submittedAt}>${when.format(new Date(submission.submittedAt))}</time>
      <span class="state">${progressWords(progress)}</span>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'proforma-submissions': ProformaSubmissions;
  }
}
