import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { resolveText } from '../../../model/text.js';
import type { QuestionView } from './view.js';

/**
 * Words after a required question's title that screen readers hear; sighted
 * readers see a star from CSS instead, which is not read out.
 */
export function requiredWords(view: QuestionView): string {
  return view.required ? ` (${msg('required')})` : '';
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
  return html`<label class="title" for=${`${view.id}-input`}
      >${resolveText(view.question.title, view.locale)}<span class="required">${requiredWords(view)}</span></label
    >
    ${helpText(view)} ${control}`;
}

/** A question answered with a group of controls, named by a legend. */
export function groupField(
  view: QuestionView,
  controls: TemplateResult,
  badge: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  return html`<fieldset aria-describedby=${helpId(view) ?? nothing}>
    <legend class="title">
      ${resolveText(view.question.title, view.locale)}<span class="required">${requiredWords(view)}</span>${badge}
    </legend>
    ${helpText(view)} ${controls}
  </fieldset>`;
}

/** A row of radio buttons for one value. */
export function radioGroup(
  view: QuestionView,
  options: ReadonlyArray<{ value: string; label: string }>,
  current: unknown,
): TemplateResult {
  // One listener for the group rather than one per button keeps a long form quick to render.
  return html`<div class="options" @change=${(event: Event) => view.setValue(inputValue(event))}>
    ${options.map(
      (option) =>
        html`<label class="option">
          <input type="radio" name=${view.id} value=${option.value} .checked=${current === option.value} />
          ${option.label}
        </label>`,
    )}
  </div>`;
}

export const inputValue = (event: Event): string => (event.target as HTMLInputElement).value;
