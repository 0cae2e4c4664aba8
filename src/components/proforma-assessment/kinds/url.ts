import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { answerValue } from '../../../model/answers.js';
import { helpId, inputValue, singleField } from './parts.js';
import type { QuestionRenderer } from './view.js';

/** Whether text looks like a full web address a colleague could open. */
export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export const renderUrl: QuestionRenderer<'url'> = (view) => {
  const value = answerValue(view.question, view.answer) ?? '';
  const invalid = value.trim() !== '' && !isWebAddress(value.trim());
  const errorId = `${view.id}-error`;
  const describedBy = [helpId(view), invalid ? errorId : undefined].filter(Boolean).join(' ');
  return singleField(
    view,
    html`${
        invalid
          ? html`<p class="field-error" id=${errorId}>${msg('Enter a full web address, starting with https://')}</p>`
          : nothing
      }
      <input
        id=${`${view.id}-input`}
        type="url"
        inputmode="url"
        autocomplete="url"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        ?required=${view.required}
        .value=${value}
        @input=${(event: Event) => view.setValue(inputValue(event))}
      />`,
  );
};
