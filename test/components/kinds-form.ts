// Apart from helpers.ts, which registers every element: a test of one element alone can use it too.
import type { FormDefinition } from '../../src/model/index.js';

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
