import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { AutosaveController } from '../../controllers/autosave-controller.js';
import type { Answers } from '../../model/answers.js';
import type { FormDefinition } from '../../model/form-definition.js';
import { answersNoLongerAsked } from '../../model/draft.js';
import { clockTime } from '../../internal/ids.js';

export interface DraftStatusActions {
  downloadBackup(): void;
  takeTheirs(): void;
  keepMine(): void;
}

/** The one-line save status, read out politely as it changes. */
export function renderSaveStatus(
  autosave: AutosaveController,
  storage: { memoryOnly: boolean; persisted: boolean | undefined },
  locale: string,
): TemplateResult {
  const { memoryOnly, persisted } = storage;
  const status = autosave.status;
  const text = (() => {
    switch (status.state) {
      case 'idle':
        return memoryOnly ? msg('Kept on this page only') : msg('Your answers are saved as you type');
      case 'opening':
        return msg('Opening your draft…');
      case 'saving':
        return msg('Saving…');
      case 'saved':
        return memoryOnly
          ? msg(str`Kept on this page only, ${clockTime(status.at, locale)}`)
          : msg(str`Saved ${clockTime(status.at, locale)}`);
      case 'updated-elsewhere':
        return msg(str`Updated from another tab ${clockTime(status.at, locale)}`);
      case 'conflict':
        return msg('Not saved: changed in another tab');
      case 'failed':
        return status.reason === 'full'
          ? msg('Not saved: this browser’s storage is full')
          : status.reason === 'damaged'
            ? msg('Not saved: a damaged draft is kept under this id')
            : msg('Not saved: this browser is not letting us store data');
    }
  })();
  const persistence =
    memoryOnly || persisted === undefined
      ? nothing
      : html`<span class="hint">
          ${
            persisted
              ? msg('Drafts stay in this browser until you delete them.')
              : msg('The browser may clear drafts if it runs short of space: download a backup now and then.')
          }
        </span>`;
  return html`<p class="save-status" role="status">${text}</p>
    ${persistence}`;
}

/** Warnings that need the person to act: storage refused or full, or a newer version from another tab. */
export function renderDraftAlerts(
  autosave: AutosaveController,
  locale: string,
  memoryOnly: boolean,
  actions: DraftStatusActions,
): TemplateResult | typeof nothing {
  const status = autosave.status;
  const backupButton = html`<button type="button" class="primary" @click=${actions.downloadBackup}>
    ${msg('Download a backup of your answers')}
  </button>`;
  if (status.state === 'conflict') {
    const at = clockTime(new Date(status.theirs.assessment.updatedAt), locale);
    return html`<div class="error-summary" role="alert">
      <p>
        ${msg(
          str`This draft was changed in another tab or window at ${at}. Choose which version to keep; the other is replaced.`,
        )}
      </p>
      <div class="actions">
        <button type="button" class="primary" @click=${actions.keepMine}>${msg('Keep my version')}</button>
        <button type="button" @click=${actions.takeTheirs}>${msg('Use the other version')}</button>
        ${backupButton}
      </div>
    </div>`;
  }
  if (status.state === 'failed') {
    return html`<div class="error-summary" role="alert">
      <p>
        ${
          status.reason === 'full'
            ? msg(
                'Your latest answers are not saved: this browser’s storage is full. Download a backup now, then delete drafts you no longer need.',
              )
            : status.reason === 'damaged'
              ? msg(
                  'Your latest answers are not saved: the draft stored under this id is damaged, and it is kept as it is. Download a backup of your answers, then start a new assessment from it.',
                )
              : msg(
                  'Your latest answers are not saved: this browser is not letting us store data. Download a backup now so nothing is lost.',
                )
        }
      </p>
      ${backupButton}
    </div>`;
  }
  if (memoryOnly) {
    return html`<div class="error-summary" role="alert">
      <p>
        ${msg(
          'This browser is not letting us store data (it may be a private window, or storage is blocked), so your answers are kept only while this page is open. Download a backup before you close it.',
        )}
      </p>
      ${backupButton}
    </div>`;
  }
  return nothing;
}

/** Notes about the draft that was opened: missing, damaged, or made with another form or version. */
export function renderDraftNotices(
  draftId: string,
  requested: 'opened' | 'missing' | 'damaged',
  madeWith: { id: string; version: string } | undefined,
  form: FormDefinition,
): TemplateResult | typeof nothing {
  if (requested === 'damaged') {
    return html`<p class="warning" role="alert">
      ${msg(
        str`The draft ${draftId} saved in this browser is damaged and cannot be opened. It is kept as it is: your list of drafts shows it, with its data to download. What you answer here is saved as a new draft.`,
      )}
    </p>`;
  }
  if (requested === 'missing') {
    return html`<p class="warning">
      ${msg(
        str`There is no saved draft ${draftId} in this browser: it may have been deleted, or made in another browser. What you answer here is saved as a new draft.`,
      )}
    </p>`;
  }
  if (madeWith && madeWith.id && madeWith.id !== form.id) {
    return html`<p class="warning">
      ${msg(
        str`This draft was made with the form "${madeWith.id}", not "${form.id}": answers that do not fit are kept below.`,
      )}
    </p>`;
  }
  if (madeWith && madeWith.version !== form.version) {
    return html`<p class="warning">
      ${msg(str`This draft was made with version ${madeWith.version} of the form; this is version ${form.version}.`)}
    </p>`;
  }
  return nothing;
}

/** Answers the draft holds for questions this form no longer asks: shown, kept, not scored. */
export function renderNoLongerAsked(form: FormDefinition, answers: Answers): TemplateResult | typeof nothing {
  const kept = answersNoLongerAsked(form, answers);
  if (kept.length === 0) return nothing;
  return html`<section class="section no-longer-asked" aria-labelledby="no-longer-asked">
    <h2 id="no-longer-asked">${msg('Answers to questions no longer asked')}</h2>
    <p class="description">
      ${msg('This form no longer asks these questions. Their answers are kept with the draft and are not scored.')}
    </p>
    <dl>
      ${kept.map(
        ([id, answer]) =>
          html`<dt>${id}</dt>
            <dd>
              ${typeof answer.value === 'string' ? answer.value : JSON.stringify(answer.value ?? null)}
              ${answer.notes ? html`<br />${msg('Notes:')} ${answer.notes}` : nothing}
            </dd>`,
      )}
    </dl>
  </section>`;
}
