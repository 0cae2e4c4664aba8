import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { resolveText } from '../../../model/text.js';
import type { QuestionView } from './view.js';

/** The question's title followed by a required mark that screen readers hear as words. */
export function titleText(view: QuestionView): TemplateResult {
  return html`${resolveText(view.question.title, view.locale)}${
    view.required
      ? html`<span class="required-mark" aria-hidden="true"> *</span
          ><span class="visually-hidden"> (${msg('required')})</span>`
      : nothing
  }`;
}

export function helpId(view: QuestionView): string | undefined {
  return view.question.help === undefined ? undefined : `${view.id}-help`;
}

export function helpText(view: QuestionView): TemplateResult | typeof nothing {
  if (view.question.help === undefined) return nothing;
  return html`<p class="help" id=${`${view.id}-help`}>${resolveText(view.question.help, view.locale)}</p>`;
}

/** A question answered with one control, labelled by the title. */
export function singleField(view: QuestionView, control: TemplateResult): TemplateResult {
  return html`<label class="title" for=${`${view.id}-input`}>${titleText(view)}</label> ${helpText(view)} ${control}`;
}

/** A question answered with a group of controls, named by a legend. */
export function groupField(
  view: QuestionView,
  controls: TemplateResult,
  badge: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  return html`<fieldset aria-describedby=${helpId(view) ?? nothing}>
    <legend class="title">${titleText(view)}${badge}</legend>
    ${helpText(view)} ${controls}
  </fieldset>`;
}

/** A row of radio buttons for one value. */
export function radioGroup(
  view: QuestionView,
  options: ReadonlyArray<{ value: string; label: string }>,
  current: unknown,
): TemplateResult {
  return html`<div class="options">
    ${options.map(
      (option) =>
        html`<label class="option">
          <input
            type="radio"
            name=${view.id}
            value=${option.value}
            .checked=${current === option.value}
            ?required=${view.required}
            @change=${() => view.setValue(option.value)}
          />
          <span>${option.label}</span>
        </label>`,
    )}
  </div>`;
}

export const inputValue = (event: Event): string => (event.target as HTMLInputElement).value;
