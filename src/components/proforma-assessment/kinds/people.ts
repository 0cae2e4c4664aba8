import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { answerValue, type Person } from '../../../model/answers.js';
import { groupField, inputValue } from './parts.js';
import type { QuestionRenderer } from './view.js';

/** Named people, e.g. the staff who run an account, with a minimum number. */
export const renderPeople: QuestionRenderer<'people'> = (view) => {
  const minimum = view.question.minimum ?? 1;
  const saved = answerValue(view.question, view.answer) ?? [];
  const rows: Person[] = saved.length > 0 ? saved : Array.from({ length: minimum }, () => ({ name: '' }));
  const named = rows.filter((person) => person.name.trim() !== '').length;
  const latestRows = (): Person[] => {
    const latest = answerValue(view.question, view.answer) ?? [];
    return latest.length > 0 ? latest : rows;
  };
  const change = (index: number, field: keyof Person, text: string) =>
    view.setValue(latestRows().map((p, i) => (i === index ? { ...p, [field]: text } : p)));
  const add = () => {
    const current = latestRows();
    view.setValue([...current, { name: '' }]);
    view.focusAfterRender(`${view.id}-name-${current.length}`);
  };
  const remove = (index: number) => {
    view.setValue(latestRows().filter((_, i) => i !== index));
    view.focusAfterRender(`${view.id}-add`);
  };
  return groupField(
    view,
    html`<p class="hint" id=${`${view.id}-count`}>${msg(str`At least ${minimum} needed; ${named} named so far.`)}</p>
      <ol class="people">
        ${rows.map(
          (person, index) =>
            html`<li>
              <span class="person-field">
                <label for=${`${view.id}-name-${index}`}>${msg(str`Name of person ${index + 1}`)}</label>
                <input
                  id=${`${view.id}-name-${index}`}
                  type="text"
                  autocomplete="off"
                  .value=${person.name}
                  @input=${(event: Event) => change(index, 'name', inputValue(event))}
                />
              </span>
              <span class="person-field">
                <label for=${`${view.id}-role-${index}`}>${msg(str`Role of person ${index + 1}`)}</label>
                <input
                  id=${`${view.id}-role-${index}`}
                  type="text"
                  autocomplete="off"
                  .value=${person.role ?? ''}
                  @input=${(event: Event) => change(index, 'role', inputValue(event))}
                />
              </span>
              ${
                rows.length > 1
                  ? html`<button type="button" @click=${() => remove(index)}>
                      ${msg(str`Remove person ${index + 1}`)}
                    </button>`
                  : ''
              }
            </li>`,
        )}
      </ol>
      <button type="button" id=${`${view.id}-add`} @click=${add}>${msg('Add a person')}</button>`,
  );
};
