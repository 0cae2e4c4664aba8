import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { toLocalizable, toSurveyJs, toSurveyJsQuestion, toVisibleIf } from './to-surveyjs.mjs';

const form = JSON.parse(await readFile(new URL('../forms/social-tool-risk-assessment.json', import.meta.url), 'utf8'));

test('every question of the social-tool form becomes one SurveyJS question, in a panel per section', () => {
  const survey = toSurveyJs(form);
  const panels = survey.pages[0].elements;
  assert.deepEqual(
    panels.map((panel) => panel.name),
    form.sections.map((section) => `section-${section.id}`),
  );
  assert.deepEqual(
    panels.flatMap((panel) => panel.elements.map((question) => question.name)),
    form.sections.flatMap((section) => section.questions.map((question) => question.id)),
  );
});

test('kinds map to SurveyJS question types', () => {
  const cases = [
    [{ kind: 'item' }, 'radiogroup'],
    [{ kind: 'yesno' }, 'radiogroup'],
    [{ kind: 'choice', options: [] }, 'radiogroup'],
    [{ kind: 'multichoice', options: [] }, 'checkbox'],
    [{ kind: 'text' }, 'text'],
    [{ kind: 'longtext' }, 'comment'],
    [{ kind: 'url' }, 'text'],
    [{ kind: 'date' }, 'text'],
    [{ kind: 'number' }, 'text'],
    [{ kind: 'people' }, 'matrixdynamic'],
    [{ kind: 'hazard' }, 'matrixdropdown'],
    [{ kind: 'signoff', role: 'DSL' }, 'multipletext'],
  ];
  for (const [question, type] of cases) {
    const converted = toSurveyJsQuestion({ id: 'q', title: 'Q', ...question });
    assert.equal(converted.type, type, question.kind);
  }
  assert.equal(toSurveyJsQuestion({ id: 'q', title: 'Q', kind: 'item' }).choices.length, 4);
  assert.equal(toSurveyJsQuestion({ id: 'q', title: 'Q', kind: 'date' }).inputType, 'date');
  assert.throws(() => toSurveyJsQuestion({ id: 'q', title: 'Q', kind: 'nonsense' }), /no SurveyJS mapping/);
});

test('required, help and visibleWhen carry over', () => {
  const question = toSurveyJsQuestion({
    id: 'consent',
    kind: 'yesno',
    title: 'Consent?',
    help: 'Ask parents.',
    visibleWhen: { question: 'under-13', answers: ['yes'] },
  });
  assert.equal(question.isRequired, true);
  assert.equal(question.description, 'Ask parents.');
  assert.equal(question.visibleIf, "{under-13} anyof ['yes']");
  assert.equal(toSurveyJsQuestion({ id: 'q', kind: 'text', title: 'Q', required: false }).isRequired, false);
  assert.equal(toVisibleIf({ question: 'n', answers: [1, true, "it's"] }), "{n} anyof [1, true, 'it\\'s']");
});

test('texts in several languages become SurveyJS localizable strings', () => {
  assert.equal(toLocalizable('Hello'), 'Hello');
  assert.deepEqual(toLocalizable({ cy: 'Helo', en: 'Hello' }), { default: 'Hello', cy: 'Helo' });
});
