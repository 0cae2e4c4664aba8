import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { dateFormat } from '../../internal/dates.js';
import { languageOf, localized } from '../../internal/localization.js';
import {
  BackupFileError,
  makeBackup,
  mergeBackup,
  type BackupMerge,
  type DamagedDraft,
  type Draft,
  type DraftSummary,
} from '../../model/draft.js';
import { draftChannelName, DraftStoreController } from '../../controllers/draft-store-controller.js';
import { ProformaOpenDraftEvent } from '../../events/open-draft.js';
import type { DraftListing, DraftStore } from '../../services/draft-store.js';
import { datedFileName, downloadFile } from '../../internal/download.js';
import { newId } from '../../internal/ids.js';
import { BUILT_IN_FORM_IDS } from '../../internal/form-list.js';
import { outcomeWords } from '../../internal/words.js';
import { baseStyles } from '../../styles/base.styles.js';
import { factsStyles } from '../../styles/facts.styles.js';
import { messageStyles } from '../../styles/messages.styles.js';
import { dangerButtonStyles } from '../../styles/danger-button.styles.js';
import { styles } from './proforma-drafts.styles.js';

/** What a draft is called: the tool's name. */
const draftTitle = (draft: Draft | DraftSummary): string =>
  ('toolName' in draft ? draft.toolName : draft.assessment.tool.name) || msg('Untitled assessment');

/** Drafts shown at first, newest first; the rest are a button away, so a long history stays quick. */
const SHOWN_AT_FIRST = 20;

/** The forms this library ships, known unless the host page says otherwise. */
const BUILT_IN_FORMS = BUILT_IN_FORM_IDS.join(' ');

type Message =
  | { kind: 'deleted'; draft: Draft }
  | { kind: 'imported'; merge: BackupMerge }
  | { kind: 'error'; text: string }
  | { kind: 'done'; text: string };

/**
 * The drafts kept in this browser: open one, duplicate it to re-assess a tool,
 * delete it (with undo), and back them all up to a file or restore them.
 *
 * @summary A teacher's saved drafts, with backup and restore.
 *
 * @tag proforma-drafts
 *
 * @fires {ProformaOpenDraftEvent} proforma-open-draft - The person chose to open a draft; `detail` has `draftId` and `formId`.
 *
 * @csspart list - The list of drafts.
 *
 * @cssprop [--proforma-font-family=system-ui, sans-serif] - Font of the whole element.
 * @cssprop [--proforma-color-text=#0b0c0c] - Main text colour.
 * @cssprop [--proforma-color-muted=#505a5f] - Dates and hint text.
 * @cssprop [--proforma-color-background=#ffffff] - Background of the element and its fields.
 * @cssprop [--proforma-color-border=#6f777b] - Lines between drafts and borders of fields.
 * @cssprop [--proforma-color-accent=#1d4f91] - Buttons, links and the border of messages.
 * @cssprop [--proforma-color-focus=#b35c00] - Focus outline colour.
 * @cssprop [--proforma-color-conditions=#7a4b00] - Border of a warning.
 * @cssprop [--proforma-color-not-approved=#b10e1e] - The delete button, "not approved" outcomes and errors.
 * @cssprop [--proforma-radius=4px] - Corner radius of buttons, fields and boxes.
 */
@localized()
export class ProformaDrafts extends LitElement {
  static override styles = [baseStyles, factsStyles, messageStyles, dangerButtonStyles, styles];

  private readonly storage = new DraftStoreController(this, (store) => {
    this.listenForSaves();
    void this.refresh(store);
  });

  @state() private drafts: DraftSummary[] = [];
  @state() private showAll = false;
  @state() private damaged: DamagedDraft[] = [];
  @state() private loaded = false;
  @state() private message: Message | undefined;

  /** Keeps this page's drafts apart from other embeds on the same site. */
  @property() namespace = 'default';

  /** Ids of the forms this page can open, space-separated; drafts of other forms are marked. */
  @property() forms = BUILT_IN_FORMS;

  /** Where "Open" goes, with `{id}` for the draft id, e.g. `assess.html?draft={id}`; without it, "Open" fires an event. */
  @property({ attribute: 'open-href' }) openHref = '';

  /** Language of the words and dates; defaults to the nearest `lang`, then the page's. */
  @property() locale = '';

  /** Where drafts are kept; usually left unset (see `draftStoreContext`). */
  @property({ attribute: false }) draftStore: DraftStore | undefined;

  private channel: BroadcastChannel | undefined;
  /** The list as the summaries last gave it. */
  private listing: DraftListing<DraftSummary> = { drafts: [], damaged: [] };
  /** Records the last check of every record found unreadable: kept apart from the list until checked again. */
  private unreadable = new Map<string, DamagedDraft>();
  /** Goes up with every check of the records, so that a slow one never overwrites a later one. */
  private checks = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.storage.store && !this.channel) this.listenForSaves();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.channel?.close();
    this.channel = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('namespace') || changed.has('draftStore')) void this.storage.resolve();
  }

  /**
   * Reads the list again from the store: at once from the summaries, then
   * (unless `checkRecords` is false) from every record in full, so that a
   * record overwritten since its summary was written is listed as damaged
   * rather than offered to open under its old summary.
   */
  async refresh(store = this.storage.store, checkRecords = true): Promise<void> {
    if (!store) return;
    try {
      this.listing = await store.summaries();
      this.showListing();
    } catch {
      this.message = {
        kind: 'error',
        text: msg('Your drafts could not be read: this browser is not letting us use its storage.'),
      };
    }
    this.loaded = true;
    if (checkRecords) await this.checkRecords(store);
  }

  private async checkRecords(store: DraftStore): Promise<void> {
    const check = ++this.checks;
    let damaged: DamagedDraft[];
    try {
      damaged = (await store.list()).damaged;
    } catch {
      return;
    }
    if (check !== this.checks) return;
    this.unreadable = new Map(damaged.map((record) => [record.id, record]));
    this.showListing();
  }

  /** The list as the summaries give it, less the records the last check found unreadable, which join the damaged. */
  private showListing(): void {
    const { drafts, damaged } = this.listing;
    this.drafts = drafts
      .filter((summary) => !this.unreadable.has(summary.id))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    // An unreadable record that the summaries no longer list was deleted since.
    const listed = new Set(drafts.map(({ id }) => id));
    this.damaged = [
      ...damaged,
      ...[...this.unreadable.values()].filter(
        ({ id }) => listed.has(id) && !damaged.some((record) => record.id === id),
      ),
    ];
  }

  private listenForSaves(): void {
    this.channel?.close();
    this.channel = undefined;
    if (!this.isConnected) return;
    this.channel =
      typeof BroadcastChannel === 'function' ? new BroadcastChannel(draftChannelName(this.namespace)) : undefined;
    // A save elsewhere never writes over an unreadable record, so the list is read from the summaries only.
    this.channel?.addEventListener('message', () => void this.refresh(undefined, this.unreadable.size > 0));
  }

  private announceChange(): void {
    this.channel?.postMessage({ id: '', revision: 0 });
  }

  private get language(): string {
    return languageOf(this);
  }

  private openDraft(draft: DraftSummary): void {
    this.dispatchEvent(new ProformaOpenDraftEvent({ draftId: draft.id, formId: draft.formId }));
  }

  /** The whole draft behind a summary, or a message saying it cannot be read. */
  private async fullDraft(summary: DraftSummary): Promise<Draft | undefined> {
    const draft = await this.storage.store?.get(summary.id).catch(() => undefined);
    if (!draft) {
      this.message = {
        kind: 'error',
        text: msg(str`“${draftTitle(summary)}” could not be read. Download a backup to keep what can be kept.`),
      };
    }
    return draft;
  }

  private async duplicate(summary: DraftSummary): Promise<void> {
    const draft = await this.fullDraft(summary);
    if (!draft) return;
    const now = new Date().toISOString();
    const copy: Draft = {
      ...draft,
      assessment: { ...draft.assessment, id: newId(), createdAt: now, updatedAt: now, revision: 1 },
    };
    await this.write(
      () => this.storage.store!.save(copy, undefined),
      msg(str`Made a copy of “${draftTitle(draft)}” to re-assess.`),
    );
  }

  private async deleteDraft(summary: DraftSummary): Promise<void> {
    // Kept whole, so that Undo puts back exactly what was there.
    const draft = await this.fullDraft(summary);
    if (!draft) return;
    if (!(await this.write(() => this.storage.store!.delete(summary.id)))) return;
    this.message = { kind: 'deleted', draft };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#undo')?.focus();
  }

  private async undoDelete(draft: Draft): Promise<void> {
    const restored = await this.write(
      () => this.storage.store!.restore([draft]),
      msg(str`“${draftTitle(draft)}” is back.`),
    );
    if (!restored) return;
    // The Undo button is gone: carry focus to the draft that came back.
    this.showAll ||= this.drafts.findIndex((summary) => summary.id === draft.assessment.id) >= SHOWN_AT_FIRST;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#draft-${CSS.escape(draft.assessment.id)}`)?.focus();
  }

  /** Runs a change to the store, says how it went, and re-reads the list; true when it was made. */
  private async write(change: () => Promise<void>, done?: string): Promise<boolean> {
    let made = false;
    try {
      await change();
      made = true;
      if (done) this.message = { kind: 'done', text: done };
      this.announceChange();
    } catch (error) {
      const full = (error as Error).name === 'StorageFullError';
      this.message = {
        kind: 'error',
        text: full
          ? msg(
              'Nothing was changed: this browser’s storage is full. Download a backup, then delete drafts you no longer need.',
            )
          : msg('Nothing was changed: this browser is not letting us store data.'),
      };
    }
    await this.refresh();
    return made;
  }

  private async downloadBackup(): Promise<void> {
    const store = this.storage.store;
    if (!store) return;
    let listing;
    try {
      listing = await store.list();
    } catch {
      this.message = {
        kind: 'error',
        text: msg('Your drafts could not be read: this browser is not letting us use its storage.'),
      };
      return;
    }
    const backup = makeBackup([...listing.drafts, ...listing.damaged]);
    downloadFile(
      datedFileName('proforma-drafts-backup', 'json'),
      new Blob([JSON.stringify(backup, null, 2)], { type: 'application/json' }),
    );
  }

  private downloadDamaged(record: DamagedDraft): void {
    downloadFile(
      datedFileName(`damaged-draft-${record.id}`, 'json'),
      new Blob([JSON.stringify(record.raw, null, 2) ?? 'undefined'], { type: 'application/json' }),
    );
  }

  /** Restores drafts from a backup file: all valid ones, never over a newer draft already here. */
  async importBackup(file: Blob): Promise<void> {
    const store = await this.storage.ready;
    await this.refresh(store);
    let merge: BackupMerge;
    try {
      const text = await file.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new BackupFileError(msg('This file is not a backup: it is not readable JSON.'));
      }
      merge = mergeBackup(this.drafts, json);
    } catch (error) {
      this.message = {
        kind: 'error',
        text:
          error instanceof BackupFileError
            ? msg(str`Nothing was restored. ${error.message}`)
            : msg('Nothing was restored: the file could not be read.'),
      };
      return;
    }
    if (merge.toWrite.length > 0 && !(await this.write(() => store.restore(merge.toWrite)))) return;
    this.message = { kind: 'imported', merge };
  }

  private async showAllDrafts(): Promise<void> {
    this.showAll = true;
    await this.updateComplete;
    // Focus the first draft that was not shown before, so the keyboard carries on from there.
    this.renderRoot.querySelectorAll<HTMLElement>('.draft h3')[SHOWN_AT_FIRST]?.focus();
  }

  private onFileChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.importBackup(file);
  }

  override render(): TemplateResult {
    const known = new Set(this.forms.split(/\s+/).filter(Boolean));
    const date = dateFormat(this.language, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<section aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">${msg('Your drafts')}</h2>
      ${
        this.storage.memoryOnly
          ? html`<p class="warning">
              ${msg('This browser is not letting us store data, so drafts last only while this page is open.')}
            </p>`
          : nothing
      }
      <div class="toolbar">
        <button type="button" @click=${this.downloadBackup} ?disabled=${this.drafts.length + this.damaged.length === 0}>
          ${msg('Download a backup of all drafts')}
        </button>
        <label class="file-button">
          ${msg('Restore drafts from a backup')}
          <input type="file" accept="application/json,.json" @change=${this.onFileChosen} />
        </label>
      </div>
      <div role="status">${this.renderMessage()}</div>
      ${
        !this.loaded
          ? html`<p>${msg('Loading your drafts…')}</p>`
          : this.drafts.length === 0
            ? html`<p>${msg('No drafts yet. A draft is saved as soon as you start answering a form.')}</p>`
            : html`<ul class="drafts" part="list">
                ${(this.showAll ? this.drafts : this.drafts.slice(0, SHOWN_AT_FIRST)).map((draft) =>
                  this.renderDraft(draft, known.has(draft.formId), date),
                )}
              </ul>`
      }
      ${
        !this.showAll && this.drafts.length > SHOWN_AT_FIRST
          ? html`<button type="button" @click=${this.showAllDrafts}>
              ${msg(str`Show all ${this.drafts.length} drafts`)}
            </button>`
          : nothing
      }
      ${this.damaged.length === 0 ? nothing : this.renderDamaged()}
    </section>`;
  }

  private renderDraft(draft: DraftSummary, formKnown: boolean, date: { format(date: Date): string }): TemplateResult {
    const title = draftTitle(draft);
    const headingId = `draft-${draft.id}`;
    return html`<li class="draft" aria-labelledby=${headingId}>
      <h3 id=${headingId} tabindex="-1">${title}</h3>
      <dl class="facts">
        <dt>${msg('Form')}</dt>
        <dd>${draft.formTitle ?? draft.formId} (${msg(str`version ${draft.formVersion}`)})</dd>
        <dt>${msg('Last edited')}</dt>
        <dd>${date.format(new Date(draft.updatedAt))}</dd>
        <dt>${msg('Outcome')}</dt>
        <dd class=${`outcome-${draft.outcome ?? 'incomplete'}`}>${outcomeWords(draft.outcome ?? 'incomplete')}</dd>
      </dl>
      ${
        formKnown
          ? nothing
          : html`<p class="note">
              ${msg(str`This page does not have the form “${draft.formId}”, so this draft cannot be opened here. It is kept, and it is in the backup.`)}
            </p>`
      }
      <div class="actions">
        ${formKnown ? this.renderOpen(draft, title) : nothing}
        <button type="button" @click=${() => this.duplicate(draft)} aria-describedby=${headingId}>
          ${msg('Duplicate to re-assess')}
        </button>
        <button type="button" class="danger" @click=${() => this.deleteDraft(draft)} aria-describedby=${headingId}>
          ${msg('Delete')}
        </button>
      </div>
    </li>`;
  }

  private renderOpen(draft: DraftSummary, title: string): TemplateResult {
    if (this.openHref) {
      const href = this.openHref.replace('{id}', encodeURIComponent(draft.id));
      return html`<a class="file-button" href=${href}>${msg(str`Open ${title}`)}</a>`;
    }
    return html`<button type="button" class="primary" @click=${() => this.openDraft(draft)}>
      ${msg(str`Open ${title}`)}
    </button>`;
  }

  private renderDamaged(): TemplateResult {
    return html`<section class="warning" aria-labelledby="damaged-heading">
      <h3 id="damaged-heading">${msg('Damaged drafts')}</h3>
      <p>
        ${msg('These saved records cannot be read as drafts. Their data is kept; download it to recover what you can.')}
      </p>
      <ul>
        ${this.damaged.map(
          (record) =>
            html`<li>
              ${record.id}${this.formerTitle(record.id)}: ${record.problem}
              <button type="button" @click=${() => this.downloadDamaged(record)}>
                ${msg(str`Download the data of ${record.id}`)}
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  /** The tool a damaged record was a draft of, as its summary last said, for the teacher to know it by. */
  private formerTitle(id: string): string {
    const summary = this.listing.drafts.find((each) => each.id === id);
    return summary ? ` (${msg(str`last saved as “${draftTitle(summary)}”`)})` : '';
  }

  private renderMessage(): TemplateResult | typeof nothing {
    const message = this.message;
    if (!message) return nothing;
    switch (message.kind) {
      case 'deleted':
        return html`<p class="message">
          ${msg(str`Deleted “${draftTitle(message.draft)}”.`)}
          <button type="button" id="undo" @click=${() => this.undoDelete(message.draft)}>${msg('Undo')}</button>
        </p>`;
      case 'error':
        return html`<p class="message warning">${message.text}</p>`;
      case 'done':
        return html`<p class="message">${message.text}</p>`;
      case 'imported': {
        const { toWrite, keptNewer, rejected } = message.merge;
        return html`<div class="message">
          <p>
            ${msg(str`Restored ${toWrite.length} draft(s).`)}
            ${
              keptNewer.length > 0
                ? msg(str`Kept ${keptNewer.length} draft(s) already here, which were as new or newer.`)
                : nothing
            }
          </p>
          ${
            rejected.length === 0
              ? nothing
              : html`<p>${msg(str`${rejected.length} record(s) in the file could not be used:`)}</p>
                  <ul>
                    ${rejected.map(
                      (record) =>
                        html`<li>
                          ${msg(str`Record ${record.position}`)}${record.id ? ` (${record.id})` : ''}: ${record.reason}
                        </li>`,
                    )}
                  </ul>`
          }
        </div>`;
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'proforma-drafts': ProformaDrafts;
  }
}
