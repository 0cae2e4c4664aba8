import { expect } from '@open-wc/testing';
import { isAnswered } from '../../src/model/index.js';
import { choice, hazard, item, multichoice, parsedQuestion, question, risk, yesno, type Json } from './forms.js';

const people = (minimum?: number) => question('people', 'staff', minimum === undefined ? {} : { minimum });
const label = (value: unknown) => (typeof value === 'number' ? String(value) : JSON.stringify(value));
const signoff = question('signoff', 'dsl', { role: 'Designated safeguarding lead' });

describe('isAnswered', () => {
  const cases: Array<{ kind: string; question: Json; value: unknown; answered: boolean }> = [
    { kind: 'item', question: item('q'), value: 'met', answered: true },
    { kind: 'item', question: item('q'), value: 'not-met', answered: true },
    { kind: 'item', question: item('q'), value: 'not-applicable', answered: true },
    { kind: 'item', question: item('q'), value: 'maybe', answered: false },
    { kind: 'item', question: item('q'), value: 2, answered: false },
    { kind: 'yesno', question: yesno('q'), value: 'yes', answered: true },
    { kind: 'yesno', question: yesno('q'), value: 'no', answered: true },
    { kind: 'yesno', question: yesno('q'), value: true, answered: false },
    { kind: 'choice', question: choice('q', ['a', 'b']), value: 'b', answered: true },
    { kind: 'choice', question: choice('q', ['a', 'b']), value: 'z', answered: false },
    { kind: 'choice', question: choice('q', ['a', 'b']), value: ['a'], answered: false },
    { kind: 'multichoice', question: multichoice('q', ['a', 'b']), value: ['a', 'b'], answered: true },
    { kind: 'multichoice', question: multichoice('q', ['a', 'b']), value: [], answered: false },
    { kind: 'multichoice', question: multichoice('q', ['a', 'b']), value: 'a', answered: false },
    // Like choice: a value the question does not offer (e.g. left from an older form version) is no answer.
    { kind: 'multichoice', question: multichoice('q', ['a', 'b']), value: ['z'], answered: false },
    { kind: 'text', question: question('text', 'q'), value: 'Padlet', answered: true },
    { kind: 'text', question: question('text', 'q'), value: '   ', answered: false },
    { kind: 'text', question: question('text', 'q'), value: 42, answered: false },
    { kind: 'longtext', question: question('longtext', 'q'), value: 'Line one\nLine two', answered: true },
    { kind: 'longtext', question: question('longtext', 'q'), value: '\n\t', answered: false },
    { kind: 'url', question: question('url', 'q'), value: 'https://padlet.com', answered: true },
    { kind: 'url', question: question('url', 'q'), value: '', answered: false },
    { kind: 'date', question: question('date', 'q'), value: '2025-09-01', answered: true },
    { kind: 'date', question: question('date', 'q'), value: '01/09/2025', answered: false },
    { kind: 'date', question: question('date', 'q'), value: '', answered: false },
    { kind: 'number', question: question('number', 'q'), value: 0, answered: true },
    { kind: 'number', question: question('number', 'q'), value: 13.5, answered: true },
    { kind: 'number', question: question('number', 'q'), value: Number.NaN, answered: false },
    { kind: 'number', question: question('number', 'q'), value: Number.POSITIVE_INFINITY, answered: false },
    { kind: 'number', question: question('number', 'q'), value: '13', answered: false },
    { kind: 'people', question: people(), value: [{ name: 'Ann Jones' }], answered: true },
    { kind: 'people', question: people(), value: [], answered: false },
    { kind: 'people', question: people(), value: [{ name: '  ', role: 'DSL' }], answered: false },
    { kind: 'people', question: people(2), value: [{ name: 'Ann' }, { name: 'Bob', role: 'Head' }], answered: true },
    { kind: 'people', question: people(2), value: [{ name: 'Ann' }], answered: false },
    { kind: 'people', question: people(2), value: [{ name: 'Ann' }, { name: '' }], answered: false },
    { kind: 'people', question: people(2), value: [{ name: 'Ann' }, { role: 'Head' }], answered: false },
    { kind: 'people', question: people(), value: 'Ann Jones', answered: false },
    { kind: 'hazard', question: hazard('q'), value: risk([4, 4], [2, 1]), answered: true },
    { kind: 'hazard', question: hazard('q'), value: risk([4, 4], undefined), answered: false },
    { kind: 'hazard', question: hazard('q'), value: risk(undefined, [2, 1]), answered: false },
    {
      kind: 'hazard',
      question: hazard('q'),
      value: { before: { likelihood: 4, impact: 4 }, after: { likelihood: 2 } },
      answered: false,
    },
    { kind: 'hazard', question: hazard('q'), value: risk([6, 4], [2, 1]), answered: false },
    { kind: 'hazard', question: hazard('q'), value: risk([4, 4], [0, 1]), answered: false },
    { kind: 'hazard', question: hazard('q'), value: risk([4, 4], [2.5, 1]), answered: false },
    { kind: 'signoff', question: signoff, value: { name: 'Ann Jones', date: '2025-09-01' }, answered: true },
    { kind: 'signoff', question: signoff, value: { name: 'Ann Jones' }, answered: false },
    { kind: 'signoff', question: signoff, value: { name: 'Ann Jones', date: '' }, answered: false },
    { kind: 'signoff', question: signoff, value: { name: ' ', date: '2025-09-01' }, answered: false },
    { kind: 'signoff', question: signoff, value: 'Ann Jones', answered: false },
  ];
  for (const { kind, question: json, value, answered } of cases) {
    const minimum = json.minimum === undefined ? '' : ` (minimum ${String(json.minimum)})`;
    it(`${kind}${minimum}: ${label(value)} is ${answered ? '' : 'not '}answered`, () => {
      const parsed = parsedQuestion(json);

      expect(isAnswered(parsed, { value })).to.equal(answered);
    });
  }

  const everyKind = [
    item('q'),
    yesno('q'),
    choice('q', ['a', 'b']),
    multichoice('q', ['a', 'b']),
    question('text', 'q'),
    question('longtext', 'q'),
    question('url', 'q'),
    question('date', 'q'),
    question('number', 'q'),
    people(),
    hazard('q'),
    signoff,
  ];
  for (const json of everyKind) {
    it(`${String(json.kind)}: no answer, or an answer without a value, is not answered`, () => {
      const parsed = parsedQuestion(json);

      expect(isAnswered(parsed, undefined), 'no answer').to.equal(false);
      expect(isAnswered(parsed, { notes: 'Asked the vendor' }), 'notes only').to.equal(false);
    });
  }
});
