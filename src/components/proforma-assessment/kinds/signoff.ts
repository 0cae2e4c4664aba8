import { html } from 'lit';
import { msg } from '@lit/localize';
import { answerValue } from '../../../model/answers.js';
import { resolveText } from '../../../model/text.js';
import { helpText, inputValue, requiredWords } from './parts.js';
import type { QuestionRenderer } from './view.js';

/** Sign-off by a named role: the person's name and the date. */
export const renderSignOff: QuestionRenderer<'signoff'> = (view) => {
  const signOff = answerValue(view.question, view.answer) ?? {};
  return html`<fieldset>
    <legend class="title">
      ${resolveText(view.question.title, view.locale)}<span class="required">${requiredWords(view)}</span>
    </legend>
    <p class="role">${msg('Role:')} ${resolveText(view.question.role, view.locale)}</p>
    ${helpText(view)}
    <span class="person-field">
      <label for=${`${view.id}-name`}>${msg('Full name')}</label>
      <input
        id=${`${view.id}-name`}
        type="text"
        autocomplete="name"
        ?required=${view.required}
        .value=${signOff.name ?? ''}
        @input=${(event: Event) => view.setValue({ ...answerValue(view.question, view.answer), name: inputValue(event) })}
      />
    </span>
    <span class="person-field">
      <label for=${`${view.id}-date`}>${msg('Date')}</label>
      <input
        id=${`${view.id}-date`}
        type="date"
        ?required=${view.required}
        .value=${signOff.date ?? ''}
        @input=${(event: Event) => view.setValue({ ...answerValue(view.question, view.answer), date: inputValue(event) || undefined })}
      />
    </span>
  </fieldset>`;
};
