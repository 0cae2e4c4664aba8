import { html, nothing } from 'lit';
import { answerValue } from '../../../model/answers.js';
import { helpId, inputValue, singleField } from './parts.js';
import type { QuestionRenderer } from './view.js';

export const renderText: QuestionRenderer<'text'> = (view) =>
  singleField(
    view,
    html`<input
      id=${`${view.id}-input`}
      type="text"
      maxlength=${view.question.maxLength ?? nothing}
      aria-describedby=${helpId(view) ?? nothing}
      ?required=${view.required}
      .value=${answerValue(view.question, view.answer) ?? ''}
      @input=${(event: Event) => view.setValue(inputValue(event))}
    />`,
  );
