import { html, nothing } from 'lit';
import { answerValue } from '../../../model/answers.js';
import { helpId, inputValue, singleField } from './parts.js';
import type { QuestionRenderer } from './view.js';

export const renderDate: QuestionRenderer<'date'> = (view) =>
  singleField(
    view,
    html`<input
      id=${`${view.id}-input`}
      type="date"
      class="short"
      aria-describedby=${helpId(view) ?? nothing}
      ?required=${view.required}
      .value=${answerValue(view.question, view.answer) ?? ''}
      @input=${(event: Event) => view.setValue(inputValue(event) || undefined)}
    />`,
  );
