import { expect } from '@open-wc/testing';
import { visibleQuestionIds } from '../../src/model/index.js';
import { answersOf, choice, form, formOf, item, multichoice, section, shownWhen, yesno, type Json } from './forms.js';

describe('visibleQuestionIds', () => {
  const byYesNo = [yesno('uses-chat'), item('chat-moderated', shownWhen('uses-chat', 'yes'))];
  const byChoice = [
    choice('audience', ['pupils', 'staff', 'parents']),
    item('age-check', shownWhen('audience', 'pupils', 'parents')),
  ];
  const byMultichoice = [
    multichoice('data', ['name', 'photo', 'location']),
    item('photo-consent', shownWhen('data', 'photo', 'location')),
  ];
  // chat-moderated → moderator-named: the second depends on the first, which depends on uses-chat.
  const chained = [
    yesno('uses-chat'),
    yesno('chat-moderated', shownWhen('uses-chat', 'yes')),
    item('moderator-named', shownWhen('chat-moderated', 'yes')),
  ];

  const cases: Array<{
    name: string;
    questions: Json[];
    answers: Record<string, unknown>;
    id: string;
    shown: boolean;
  }> = [
    { name: 'no rule, nothing answered', questions: [item('q1')], answers: {}, id: 'q1', shown: true },
    {
      name: 'yes/no answered with the listed answer',
      questions: byYesNo,
      answers: { 'uses-chat': 'yes' },
      id: 'chat-moderated',
      shown: true,
    },
    {
      name: 'yes/no answered otherwise',
      questions: byYesNo,
      answers: { 'uses-chat': 'no' },
      id: 'chat-moderated',
      shown: false,
    },
    { name: 'yes/no not answered', questions: byYesNo, answers: {}, id: 'chat-moderated', shown: false },
    {
      name: 'choice answered with the first listed answer',
      questions: byChoice,
      answers: { audience: 'pupils' },
      id: 'age-check',
      shown: true,
    },
    {
      name: 'choice answered with the second listed answer',
      questions: byChoice,
      answers: { audience: 'parents' },
      id: 'age-check',
      shown: true,
    },
    {
      name: 'choice answered otherwise',
      questions: byChoice,
      answers: { audience: 'staff' },
      id: 'age-check',
      shown: false,
    },
    {
      name: 'multichoice with one listed answer among others',
      questions: byMultichoice,
      answers: { data: ['name', 'location'] },
      id: 'photo-consent',
      shown: true,
    },
    {
      name: 'multichoice with only unlisted answers',
      questions: byMultichoice,
      answers: { data: ['name'] },
      id: 'photo-consent',
      shown: false,
    },
    {
      name: 'multichoice with nothing selected',
      questions: byMultichoice,
      answers: { data: [] },
      id: 'photo-consent',
      shown: false,
    },
    {
      name: 'chain fully switched on',
      questions: chained,
      answers: { 'uses-chat': 'yes', 'chat-moderated': 'yes' },
      id: 'moderator-named',
      shown: true,
    },
    {
      name: 'chain whose middle question is hidden, despite its stale matching answer',
      questions: chained,
      answers: { 'uses-chat': 'no', 'chat-moderated': 'yes' },
      id: 'moderator-named',
      shown: false,
    },
    // A value of the wrong shape is no answer (scoreAssessment counts it as unanswered), so it shows nothing.
    {
      name: 'yes/no answered with a value of the wrong shape',
      questions: byYesNo,
      answers: { 'uses-chat': ['yes'] },
      id: 'chat-moderated',
      shown: false,
    },
    {
      name: 'controller itself, which has no rule',
      questions: byYesNo,
      answers: { 'uses-chat': 'no' },
      id: 'uses-chat',
      shown: true,
    },
  ];
  for (const { name, questions, answers, id, shown } of cases) {
    it(`${shown ? 'shows' : 'hides'} "${id}": ${name}`, () => {
      const form = formOf(...questions);

      const visible = visibleQuestionIds(form, answersOf(answers));

      expect(visible.has(id), [...visible].join(', ')).to.equal(shown);
    });
  }

  it('lists every question of every section when there are no rules', () => {
    const twoSections = form({
      sections: [section('one', [item('a'), yesno('b')]), section('two', [choice('c', ['x', 'y'])])],
    });

    expect([...visibleQuestionIds(twoSections, {})]).to.have.members(['a', 'b', 'c']);
  });
});
