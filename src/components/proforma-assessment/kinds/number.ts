import { html, nothing } from 'lit';
import { answerValue } from '../../../model/answers.js';
import { resolveText } from '../../../model/text.js';
import { helpId, singleField } from './parts.js';
import type { QuestionRenderer } from './view.js';

export const renderNumber: QuestionRenderer<'number'> = (view) => {
  const { question } = view;
  const value = answerValue(question, view.answer);
  const unitId = `${view.id}-unit`;
  const describedBy = [helpId(view), question.unit ? unitId : undefined].filter(Boolean).join(' ');
  return singleField(
    view,
    html`<span class="with-unit">
      <input
        id=${`${view.id}-input`}
        type="number"
        class="short"
        inputmode="decimal"
        min=${question.min ?? nothing}
        max=${question.max ?? nothing}
        aria-describedby=${describedBy || nothing}
        ?required=${view.required}
        .value=${value === undefined ? '' : String(value)}
        @input=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          view.setValue(input.value === '' || Number.isNaN(input.valueAsNumber) ? undefined : input.valueAsNumber);
        }}
      />
      ${question.unit ? html`<span id=${unitId}>${resolveText(question.unit, view.locale)}</span>` : nothing}
    </span>`,
  );
};
