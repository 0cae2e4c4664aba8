import { html } from 'lit';
import { answerValue } from '../../../model/answers.js';
import { resolveText } from '../../../model/text.js';
import { groupField } from './parts.js';
import type { QuestionRenderer } from './view.js';

export const renderMultipleChoice: QuestionRenderer<'multichoice'> = (view) => {
  const chosen = answerValue(view.question, view.answer) ?? [];
  const toggle = (value: string, checked: boolean) => {
    const others = (answerValue(view.question, view.answer) ?? []).filter((v) => v !== value);
    // Keep the definition's order so that answers read the same everywhere.
    const next = view.question.options
      .map((o) => o.value)
      .filter((v) => others.includes(v) || (checked && v === value));
    view.setValue(next);
  };
  return groupField(
    view,
    html`<div class="options">
      ${view.question.options.map(
        (option) =>
          html`<label class="option">
            <input
              type="checkbox"
              value=${option.value}
              .checked=${chosen.includes(option.value)}
              @change=${(event: Event) => toggle(option.value, (event.target as HTMLInputElement).checked)}
            />
            ${resolveText(option.label, view.locale)}
          </label>`,
      )}
    </div>`,
  );
};
