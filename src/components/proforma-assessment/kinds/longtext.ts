import { html, nothing } from 'lit';
import { answerValue } from '../../../model/answers.js';
import { helpId, inputValue, singleField } from './parts.js';
import type { QuestionRenderer } from './view.js';

export const renderLongText: QuestionRenderer<'longtext'> = (view) =>
  singleField(
    view,
    html`<textarea
      id=${`${view.id}-input`}
      rows="4"
      maxlength=${view.question.maxLength ?? nothing}
      aria-describedby=${helpId(view) ?? nothing}
      ?required=${view.required}
      .value=${answerValue(view.question, view.answer) ?? ''}
      @input=${(event: Event) => view.setValue(inputValue(event))}
    ></textarea>`,
  );
