import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { ProformaAssessment } from '../../src/components/proforma-assessment/proforma-assessment.js';
import type { FormDefinition } from '../../src/model/index.js';

export const SOCIAL_FORM_URL = '/forms/social-tool-risk-assessment.json';

/** A small form with one question of each kind, for tests of the element. */
export function kindsForm(): FormDefinition {
  return {
    format: '1.0',
    id: 'kinds',
    version: '1.0.0',
    title: 'Every kind',
    toolQuestions: { name: 'tool-name' },
    scoring: {
      readiness: { approved: 80, approvedWithConditions: 60 },
      riskBands: { green: 4, amber: 9, red: 16 },
      residualRisk: { approved: 'green', approvedWithConditions: 'red' },
    },
    sections: [
      {
        id: 'first',
        title: 'First section',
        questions: [
          { id: 'tool-name', kind: 'text', title: 'Name of the tool' },
          {
            id: 'privacy',
            kind: 'item',
            title: 'Pupil content can be private',
            critical: true,
            help: 'Look in settings.',
          },
          { id: 'moderation', kind: 'item', title: 'Comments are moderated', condition: 'Turn on moderation.' },
          { id: 'under-13', kind: 'yesno', title: 'Will pupils under 13 use it?' },
          {
            id: 'consent',
            kind: 'item',
            title: 'Parents have consented',
            visibleWhen: { question: 'under-13', answers: ['yes'] },
          },
        ],
      },
      {
        id: 'second',
        title: 'Second section',
        questions: [
          {
            id: 'platform',
            kind: 'choice',
            title: 'Platform',
            options: [
              { value: 'web', label: 'Web' },
              { value: 'app', label: 'App' },
            ],
          },
          {
            id: 'data',
            kind: 'multichoice',
            title: 'Data collected',
            required: false,
            options: [
              { value: 'name', label: 'Names' },
              { value: 'email', label: 'Email addresses' },
            ],
          },
          { id: 'aim', kind: 'longtext', title: 'Aim', required: false },
          { id: 'start', kind: 'date', title: 'Start date', required: false },
          { id: 'age', kind: 'number', title: 'Minimum age', min: 0, max: 21, unit: 'years', required: false },
          { id: 'terms', kind: 'url', title: 'Terms of service', required: false },
          { id: 'owners', kind: 'people', title: 'Named staff', minimum: 2 },
          {
            id: 'contact',
            kind: 'hazard',
            title: 'Strangers contact pupils',
            suggestedControls: 'Turn off messaging.',
          },
          { id: 'head', kind: 'signoff', title: 'Senior leader', role: 'Headteacher', required: false },
        ],
      },
    ],
  };
}

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
