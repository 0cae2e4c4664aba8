import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { answerValue } from '../../../model/answers.js';
import { ITEM_RATINGS } from '../../../model/form-definition.js';
import { ratingWords } from '../../../internal/words.js';
import { groupField, inputValue, radioGroup } from './parts.js';
import type { QuestionRenderer, QuestionView } from './view.js';
import type { ItemQuestion } from '../../../model/form-definition.js';

/** Assessment item: met, partly met, not met or not applicable, with notes and an evidence link. */
export const renderItem: QuestionRenderer<'item'> = (view) => {
  const { answer } = view;
  const rating = answerValue(view.question, answer);
  // Notes are rendered only once wanted: most items never have any, and a
  // long form renders much faster without ninety hidden fields.
  const open = view.notesOpen || Boolean(answer?.notes || answer?.evidence?.[0]);
  const badge = view.question.critical ? html` <span class="badge critical">${msg('Critical')}</span>` : nothing;
  return groupField(
    view,
    html`${radioGroup(
        view,
        ITEM_RATINGS.map((value) => ({ value, label: ratingWords(value) })),
        rating,
      )}
      <details
        class="notes"
        ?open=${open}
        @toggle=${(event: Event) => (event.target as HTMLDetailsElement).open && view.openNotes()}
      >
        <summary>${msg('Notes and evidence')}</summary>
        ${open ? renderNotes(view) : nothing}
      </details>`,
    badge,
  );
};

function renderNotes(view: QuestionView<ItemQuestion>) {
  const { answer } = view;
  return html`<label for=${`${view.id}-notes`}>${msg('Notes')}</label>
    <textarea
      id=${`${view.id}-notes`}
      rows="2"
      .value=${answer?.notes ?? ''}
      @input=${(event: Event) => view.setAnswer({ ...view.answer, notes: inputValue(event) })}
    ></textarea>
    <label for=${`${view.id}-evidence`}>${msg('Evidence link (for example the privacy policy page)')}</label>
    <input
      id=${`${view.id}-evidence`}
      type="url"
      inputmode="url"
      autocomplete="url"
      .value=${answer?.evidence?.[0] ?? ''}
      @input=${(event: Event) => {
        const link = inputValue(event);
        view.setAnswer({ ...view.answer, evidence: link.trim() ? [link] : [] });
      }}
    />`;
}
