import { expect } from '@open-wc/testing';
import { FormDefinitionError, parseFormDefinition } from '../../src/model/index.js';
import { choice, defaultScoring, formJson, item, question, section, shownWhen, yesno, type Json } from './forms.js';

function parseError(input: unknown): FormDefinitionError {
  try {
    parseFormDefinition(input);
  } catch (error) {
    expect(error).to.be.instanceOf(FormDefinitionError);
    return error as FormDefinitionError;
  }
  return expect.fail('parseFormDefinition accepted an invalid definition');
}

const withScoring = (changes: Json) => formJson({ scoring: { ...defaultScoring(), ...changes } });
const withQuestions = (...questions: Json[]) => formJson({ sections: [section('main', questions)] });

describe('parseFormDefinition', () => {
  const validCases: Array<{ name: string; input: Json }> = [
    { name: 'a minimal definition', input: formJson() },
    { name: 'a newer minor format (1.7)', input: formJson({ format: '1.7' }) },
    { name: 'titles by language', input: formJson({ title: { en: 'Tool check', cy: 'Gwiriad offeryn' } }) },
    {
      name: 'equal readiness thresholds',
      input: withScoring({ readiness: { approved: 70, approvedWithConditions: 70 } }),
    },
  ];
  for (const { name, input } of validCases) {
    it(`accepts ${name}`, () => {
      const form = parseFormDefinition(input);

      expect(form.id).to.equal('test-form');
      expect(form.sections[0].questions[0].id).to.equal('q1');
    });
  }

  const problemCases: Array<{ name: string; input: unknown; path: string; message: string }> = [
    {
      name: 'an unknown question kind',
      input: formJson({
        sections: [
          section('one', [item('q1')]),
          section('two', [item('q2')]),
          section('three', [question('yesnoo', 'q3')]),
        ],
      }),
      path: 'sections[2].questions[0].kind',
      message: 'unknown kind "yesnoo"',
    },
    {
      name: 'a missing question kind',
      input: withQuestions({ id: 'q1', title: 'No kind' }),
      path: 'sections[0].questions[0].kind',
      message: 'is required: one of "item", "yesno"',
    },
    {
      name: 'a missing form title',
      input: { ...formJson(), title: undefined },
      path: 'title',
      message: 'is required',
    },
    {
      name: 'a missing question title',
      input: withQuestions({ id: 'q1', kind: 'item' }),
      path: 'sections[0].questions[0].title',
      message: 'is required',
    },
    {
      name: 'an empty title',
      input: formJson({ title: '' }),
      path: 'title',
      message: 'must not be empty',
    },
    {
      name: 'a section weight of the wrong type',
      input: formJson({ sections: [section('main', [item('q1')], { weight: 'heavy' })] }),
      path: 'sections[0].weight',
      message: 'should be a number, not "heavy"',
    },
    {
      name: 'required given as text',
      input: withQuestions(item('q1', { required: 'yes' })),
      path: 'sections[0].questions[0].required',
      message: 'should be a boolean, not "yes"',
    },
    {
      name: 'an id with capitals and spaces',
      input: formJson({ id: 'My Form' }),
      path: 'id',
      message: 'must be lower-case letters, digits and hyphens',
    },
    {
      name: 'an unknown field on a question',
      input: withQuestions(item('q1', { colour: 'red' })),
      path: 'sections[0].questions[0]',
      message: 'unknown field "colour"',
    },
    {
      name: 'an unknown field on the form',
      input: formJson({ author: 'Ms Jones' }),
      path: '',
      message: 'unknown field "author"',
    },
    {
      name: 'no sections',
      input: formJson({ sections: [] }),
      path: 'sections',
      message: 'needs at least 1 entry',
    },
    {
      name: 'a choice with one option',
      input: withQuestions(item('q1'), choice('c', ['only'])),
      path: 'sections[0].questions[1].options',
      message: 'needs at least 2 entries',
    },
    {
      name: 'a readiness threshold above 100',
      input: withScoring({ readiness: { approved: 120, approvedWithConditions: 60 } }),
      path: 'scoring.readiness.approved',
      message: 'should be at most 100',
    },
    {
      name: 'an unknown residual-risk band',
      input: withScoring({ residualRisk: { approved: 'purple', approvedWithConditions: 'red' } }),
      path: 'scoring.residualRisk.approved',
      message: 'should be one of "green", "amber", "red", "stop", not "purple"',
    },
    {
      name: 'a question id used in two sections',
      input: formJson({ sections: [section('one', [item('q1')]), section('two', [item('q1')])] }),
      path: 'sections[1].questions[0].id',
      message: 'question id "q1" is already used by sections[0].questions[0]',
    },
    {
      name: 'a section id used twice',
      input: formJson({ sections: [section('same', [item('q1')]), section('same', [item('q2')])] }),
      path: 'sections[1].id',
      message: 'section id "same" is already used by sections[0]',
    },
    {
      name: 'an option value used twice',
      input: withQuestions(item('q1'), choice('c', ['a', 'b', 'a'])),
      path: 'sections[0].questions[1].options[2].value',
      message: 'option "a" appears twice',
    },
    {
      name: 'a number question with min above max',
      input: withQuestions(question('number', 'n', { min: 10, max: 5 })),
      path: 'sections[0].questions[0].min',
      message: 'min 10 is above max 5',
    },
    {
      name: 'visibleWhen naming a question not in the form',
      input: withQuestions(item('q1', shownWhen('ghost', 'yes'))),
      path: 'sections[0].questions[0].visibleWhen.question',
      message: 'names question "ghost", which is not in this form',
    },
    {
      name: 'visibleWhen naming the question itself',
      input: withQuestions(yesno('q1', shownWhen('q1', 'yes'))),
      path: 'sections[0].questions[0].visibleWhen.question',
      message: 'question "q1" cannot depend on itself',
    },
    {
      name: 'a visibleWhen cycle of two questions',
      input: withQuestions(yesno('a', shownWhen('b', 'yes')), yesno('b', shownWhen('a', 'yes'))),
      path: 'sections[0].questions[0].visibleWhen',
      message: 'visibleWhen forms a cycle: "a" → "b" → "a"',
    },
    {
      name: 'a visibleWhen cycle of three questions across sections',
      input: formJson({
        sections: [
          section('one', [yesno('a', shownWhen('b', 'yes'))]),
          section('two', [yesno('b', shownWhen('c', 'yes')), yesno('c', shownWhen('a', 'yes'))]),
        ],
      }),
      path: 'sections[0].questions[0].visibleWhen',
      message: 'visibleWhen forms a cycle: "a" → "b" → "c" → "a"',
    },
    {
      name: 'readiness thresholds out of order',
      input: withScoring({ readiness: { approved: 60, approvedWithConditions: 80 } }),
      path: 'scoring.readiness.approvedWithConditions',
      message: '80% is above the 60% needed for approval',
    },
    {
      name: 'risk bands out of order',
      input: withScoring({ riskBands: { green: 9, amber: 4, red: 16 } }),
      path: 'scoring.riskBands',
      message: 'bands must rise: green (9) < amber (4) < red (16)',
    },
    {
      name: 'two risk bands with the same top',
      input: withScoring({ riskBands: { green: 4, amber: 16, red: 16 } }),
      path: 'scoring.riskBands',
      message: 'bands must rise',
    },
    {
      name: 'residual-risk bands out of order',
      input: withScoring({ residualRisk: { approved: 'red', approvedWithConditions: 'amber' } }),
      path: 'scoring.residualRisk.approved',
      message: 'approval allows "red" risk, more than approval with conditions ("amber")',
    },
    {
      name: 'review months out of order',
      input: withScoring({ reviewMonths: { approved: 6, approvedWithConditions: 12 } }),
      path: 'scoring.reviewMonths.approvedWithConditions',
      message: 'a review 12 months after approval with conditions is later than after approval (6)',
    },
    { name: 'null', input: null, path: '', message: 'should be an object, not null' },
    { name: 'a string', input: 'my form', path: '', message: 'should be an object, not "my form"' },
    { name: 'an array', input: [formJson()], path: '', message: 'should be an object, not a list' },
  ];
  for (const { name, input, path, message } of problemCases) {
    it(`reports ${name} at "${path}"`, () => {
      const error = parseError(input);

      expect(error.issues, JSON.stringify(error.issues)).to.have.lengthOf(1);
      expect(error.issues[0].path).to.equal(path);
      expect(error.issues[0].message).to.contain(message);
      expect(error.issues[0].message, 'a readable message never says "undefined"').not.to.contain('undefined');
      expect(error.newerFormat).to.equal(false);
    });
  }

  it('reports a newer major format as one clear issue, whatever else is wrong', () => {
    const error = parseError(formJson({ format: '2.0', sections: [], colour: 'red' }));

    expect(error.newerFormat).to.equal(true);
    expect(error.issues).to.have.lengthOf(1);
    expect(error.issues[0].path).to.equal('format');
    expect(error.issues[0].message).to.contain('format 2.0').and.to.contain('update proforma');
  });

  it('reports every schema problem at once', () => {
    const input = formJson({
      title: 7,
      extra: true,
      sections: [section('one', [item('q1', { required: 'no' })]), section('two', [question('yesnoo', 'q2')])],
    });

    const error = parseError(input);

    expect(error.issues.map((issue) => issue.path)).to.have.members([
      '',
      'title',
      'sections[0].questions[0].required',
      'sections[1].questions[0].kind',
    ]);
    expect(error.message.split('\n'), 'one line per problem').to.have.lengthOf(4);
  });

  it('reports every rule problem at once', () => {
    const input = formJson({
      scoring: { ...defaultScoring(), readiness: { approved: 50, approvedWithConditions: 70 } },
      sections: [
        section('one', [item('q1'), choice('c', ['x', 'x'])]),
        section('two', [item('q1', shownWhen('ghost', 'yes'))]),
      ],
    });

    const error = parseError(input);

    expect(error.issues.map((issue) => issue.path)).to.have.members([
      'sections[0].questions[1].options[1].value',
      'sections[1].questions[0].id',
      'sections[1].questions[0].visibleWhen.question',
      'scoring.readiness.approvedWithConditions',
    ]);
    expect(error.message.split('\n'), 'one line per problem').to.have.lengthOf(4);
  });

  it('reports schema and rule problems together', () => {
    const input = formJson({
      title: 7,
      sections: [section('one', [item('q1'), item('q1')]), section('two', [item('q3', { required: 'no' })])],
    });

    const error = parseError(input);

    expect(error.issues.map((issue) => issue.path)).to.have.members([
      'title',
      'sections[1].questions[0].required',
      'sections[0].questions[1].id',
    ]);
  });

  const answerCases: Array<{ name: string; controller: Json; answers: unknown[]; bad: string }> = [
    { name: 'a yes/no', controller: yesno('c'), answers: ['yes', 'yse'], bad: '"yse"' },
    { name: 'a yes/no given a boolean', controller: yesno('c'), answers: [true], bad: 'true' },
    { name: 'an item', controller: item('c'), answers: ['not met'], bad: '"not met"' },
    { name: 'a choice', controller: choice('c', ['web', 'app']), answers: ['desktop'], bad: '"desktop"' },
  ];
  for (const { name, controller, answers, bad } of answerCases) {
    it(`reports a visibleWhen answer that ${name} cannot have`, () => {
      const input = withQuestions(controller, item('q1', { visibleWhen: { question: 'c', answers } }));

      const error = parseError(input);

      const index = answers.findIndex((answer) => JSON.stringify(answer) === bad);
      expect(error.issues).to.deep.equal([
        {
          path: `sections[0].questions[1].visibleWhen.answers[${index}]`,
          message: error.issues[0]!.message,
        },
      ]);
      expect(error.issues[0]!.message).to.contain(`${bad} is not an answer "c" can have`);
    });
  }
});
