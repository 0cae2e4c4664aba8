import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { ProformaAssessment } from '../../src/components/proforma-assessment/proforma-assessment.js';
import { kindsForm } from './kinds-form.js';

export { kindsForm } from './kinds-form.js';

export const SOCIAL_FORM_URL = '/forms/social-tool-risk-assessment.json';

export async function renderAssessment(form: unknown = kindsForm()): Promise<ProformaAssessment> {
  const element = await fixture<ProformaAssessment>(html`<proforma-assessment .form=${form}></proforma-assessment>`);
  await element.updateComplete;
  return element;
}

export async function renderFromUrl(url: string): Promise<ProformaAssessment> {
  const element = await fixture<ProformaAssessment>(html`<proforma-assessment form-src=${url}></proforma-assessment>`);
  await waitUntil(() => !element.shadowRoot!.querySelector('[role="status"].notice'), 'the form did not load', {
    timeout: 5000,
  });
  await element.updateComplete;
  return element;
}

export const root = (element: Element) => element.shadowRoot!;

/** The control whose label (or fieldset legend) contains `text`, as a user finds it. */
export function controlLabelled<T extends HTMLElement = HTMLInputElement>(scope: ParentNode, text: string): T {
  for (const label of scope.querySelectorAll('label')) {
    if (label.textContent?.replace(/\s+/g, ' ').includes(text)) {
      const control = label.control ?? label.querySelector('input, select, textarea');
      if (control) return control as unknown as T;
    }
  }
  throw new Error(`no control labelled "${text}"`);
}

/** The fieldset or field of a question, found by its title. */
export function questionTitled(element: Element, title: string): HTMLElement {
  for (const question of root(element).querySelectorAll<HTMLElement>('.question')) {
    const heading = question.querySelector('legend, label.title');
    if (heading?.textContent?.includes(title)) return question;
  }
  throw new Error(`no question titled "${title}"`);
}

export const outcomeText = (element: Element) =>
  root(element).querySelector('[part="outcome"]')!.textContent!.replace(/\s+/g, ' ').trim();
