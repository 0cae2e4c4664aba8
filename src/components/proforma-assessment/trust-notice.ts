import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Answers } from '../../model/answers.js';
import { toolFromAnswers, type CopiedFrom } from '../../model/assessment.js';
import type { FormDefinition } from '../../model/form-definition.js';
import { copiedAnswers, copiedFrom } from '../../model/register/published-assessment.js';
import { trustCopiesFor, type TrustCopy, type TrustDocument } from '../../model/register/trust-copies.js';
import type { Status } from '../../model/register-entry.js';
import { readTrustDocuments } from '../../services/register/read-trust-documents.js';
import { PublishedRegisterError } from '../../services/register/published-requests.js';
import { dateFormat } from '../../internal/dates.js';
import { outcomeWords } from '../../internal/words.js';
import { messageStyles } from '../../styles/messages.styles.js';
import { trustNoticeStyles } from './trust-notice.styles.js';

/** What the notice reads of `<proforma-assessment>`. */
export interface TrustNoticeHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly answers: Answers;
  /** The trust's register (`…/proforma-<trust>-trust`); blank when there is none. */
  readonly trustUrl: string;
  /** Where the answers were copied from, when they were. */
  copiedFrom: CopiedFrom | undefined;
  readonly language: string;
}

/** The trust's documents, or why they could not be read. */
type TrustRead = { documents: TrustDocument[] } | { problem: 'sign-in-needed' | 'unreachable' | 'other' };

/**
 * Each trust's register is read once per page, for every form on it, and the read reused; a read
 * that failed (offline, not signed in) is tried again by the next form that asks.
 */
const reads = new Map<string, Promise<TrustRead>>();

function readTrust(trustUrl: string): Promise<TrustRead> {
  let read = reads.get(trustUrl);
  if (!read) {
    read = readTrustDocuments(trustUrl).then(
      (documents): TrustRead => ({ documents }),
      (error: unknown): TrustRead => {
        reads.delete(trustUrl);
        return {
          problem:
            error instanceof PublishedRegisterError &&
            (error.problem === 'sign-in-needed' || error.problem === 'unreachable')
              ? error.problem
              : 'other',
        };
      },
    );
    reads.set(trustUrl, read);
  }
  return read;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Where a school stands on the tool, in a word or two. */
function decisionWords(status: Status): string {
  switch (status) {
    case 'approved':
    case 'approved-with-conditions':
    case 'not-approved':
      return outcomeWords(status);
    case 'review-due':
      return msg('Review due');
    case 'expired':
      return msg('Expired');
    case 'retired':
      return msg('Retired');
    default:
      return msg('No decision yet');
  }
}

/**
 * What `<proforma-assessment trust-url>` shows at the top of the form: once the tool is named, the
 * schools of the trust that published an assessment of it with the same form, each with a button
 * to start from its answers; and, once the answers are a copy, where from. Loaded on demand, so
 * that none of it (nor the reading of the trust's register) delays the first render.
 */
export class TrustNotice {
  /** The trust's documents once read, or why not; `undefined` until then. */
  private read: TrustRead | undefined;
  private readUrl = '';
  /** The last lookup, kept while the tool, the form and the documents stay the same. */
  private lookup: { key: string; documents: TrustDocument[]; copies: TrustCopy[] } | undefined;
  /** The copy waiting for the teacher to confirm that it replaces their answers. */
  private confirming: TrustCopy | undefined;

  constructor(
    private readonly host: TrustNoticeHost,
    /** Replaces the answers as the person's own change: saved, scored and announced. */
    private readonly replaceAnswers: (answers: Answers) => void,
  ) {
    const root = host.shadowRoot;
    const sheets = [messageStyles, trustNoticeStyles].flatMap(({ styleSheet }) => (styleSheet ? [styleSheet] : []));
    if (root) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
    host.requestUpdate();
  }

  /** The copies of the tool named so far, reading the trust's register the first time one is named. */
  private copiesFor(form: FormDefinition, answers: Answers): TrustCopy[] {
    const { host } = this;
    if (!host.trustUrl) return [];
    const tool = toolFromAnswers(form.toolQuestions, answers);
    if (tool.name === '' && tool.url === undefined) return [];
    if (this.readUrl !== host.trustUrl) {
      const url = (this.readUrl = host.trustUrl);
      this.read = undefined;
      void readTrust(url).then((read) => {
        if (url !== this.readUrl) return;
        this.read = read;
        host.requestUpdate();
      });
    }
    if (!this.read || !('documents' in this.read)) return [];
    const { documents } = this.read;
    const key = JSON.stringify([tool.name, tool.url, form.id]);
    if (this.lookup?.key !== key || this.lookup.documents !== documents) {
      this.lookup = { key, documents, copies: trustCopiesFor(documents, tool, form.id, today()) };
    }
    return this.lookup.copies;
  }

  /** Whether the draft holds answers of its own beyond the tool's name and web address. */
  private hasOtherAnswers(form: FormDefinition): boolean {
    const { name, url } = form.toolQuestions ?? {};
    return Object.entries(this.host.answers).some(
      ([id, answer]) =>
        id !== name && id !== url && (answer.value !== undefined || !!answer.notes || !!answer.evidence?.length),
    );
  }

  private choose(form: FormDefinition, copy: TrustCopy): void {
    if (this.hasOtherAnswers(form) && this.confirming !== copy) {
      this.confirming = copy;
      this.host.requestUpdate();
      this.focusAfterUpdate('#trust-confirm');
      return;
    }
    this.confirming = undefined;
    const { host } = this;
    host.copiedFrom = copiedFrom(copy.school, copy.assessment, new Date());
    this.replaceAnswers(copiedAnswers(form, copy.assessment, host.answers));
    this.focusAfterUpdate('#trust-copied');
  }

  private cancel(): void {
    this.confirming = undefined;
    this.host.requestUpdate();
    this.focusAfterUpdate('#trust-copies button');
  }

  private focusAfterUpdate(selector: string): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private date(isoDate: string): string {
    return dateFormat(this.host.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(isoDate));
  }

  render(form: FormDefinition): TemplateResult | typeof nothing {
    const { copiedFrom: copied } = this.host;
    if (copied) {
      return html`<p class="message" id="trust-copied" tabindex="-1">
        ${msg(
          str`Copied from ${copied.school}'s assessment (revision ${copied.revision}): check and change every answer before you sign.`,
        )}
      </p>`;
    }
    const copies = this.copiesFor(form, this.host.answers);
    const read = this.read;
    if (read && 'problem' in read && this.host.trustUrl) return this.renderProblem(read.problem);
    if (copies.length === 0) return nothing;
    const tool = copies[0]!.tool;
    const schools = new Set(copies.map(({ school }) => school)).size;
    const confirming = this.confirming && copies.includes(this.confirming) ? this.confirming : undefined;
    return html`<section class="message trust-copies" id="trust-copies" aria-labelledby="trust-copies-heading">
      <h2 id="trust-copies-heading">
        ${
          schools === 1
            ? msg(str`${tool} has been assessed at 1 school in the trust`)
            : msg(str`${tool} has been assessed at ${schools} schools in the trust`)
        }
      </h2>
      <p>${msg('You may start from one of their answers, then check and change each before you sign.')}</p>
      <ul>
        ${copies.map((copy) => this.renderCopy(form, copy))}
      </ul>
      ${confirming ? this.renderConfirm(form, confirming) : nothing}
    </section>`;
  }

  private renderCopy(form: FormDefinition, copy: TrustCopy): TemplateResult {
    const decided = copy.decisionDate
      ? msg(str`${decisionWords(copy.status)}, ${this.date(copy.decisionDate)}`)
      : decisionWords(copy.status);
    return html`<li>
      <button type="button" @click=${() => this.choose(form, copy)}>
        ${msg(str`Start from ${copy.school}'s answers`)}
      </button>
      <span>${decided}</span>
    </li>`;
  }

  private renderConfirm(form: FormDefinition, copy: TrustCopy): TemplateResult {
    return html`<div
      class="warning"
      id="trust-confirm"
      tabindex="-1"
      role="group"
      aria-labelledby="trust-confirm-words"
    >
      <p id="trust-confirm-words">
        ${msg(str`Replace your answers with ${copy.school}'s? The tool's name and web address stay as you typed them.`)}
      </p>
      <div class="actions">
        <button type="button" class="primary" @click=${() => this.choose(form, copy)}>
          ${msg('Replace my answers')}
        </button>
        <button type="button" @click=${() => this.cancel()}>${msg('Keep my answers')}</button>
      </div>
    </div>`;
  }

  private renderProblem(problem: 'sign-in-needed' | 'unreachable' | 'other'): TemplateResult {
    const words =
      problem === 'sign-in-needed'
        ? msg(
            "Sign in to the trust's register to see whether other schools assessed this tool. Nothing else waits on it.",
          )
        : problem === 'unreachable'
          ? msg("The trust's register cannot be reached (offline?). Carry on: nothing waits on it.")
          : msg("The trust's register could not be read. Carry on: nothing waits on it.");
    return html`<p class="hint trust-problem">${words}</p>`;
  }
}
