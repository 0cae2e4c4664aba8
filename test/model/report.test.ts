import { expect } from '@open-wc/testing';
import {
  buildReport,
  scoreAssessment,
  type Answers,
  type Assessment,
  type FormDefinition,
  type ReportAnswer,
} from '../../src/model/index.js';
import {
  answersOf,
  choice,
  form,
  formOf,
  hazard,
  item,
  multichoice,
  question,
  risk,
  section,
  shownWhen,
  yesno,
  type Json,
} from './forms.js';

function assessmentOf(answers: Answers, tool: Assessment['tool'] = { name: 'Padlet' }): Assessment {
  return {
    id: 'assessment-1',
    form: { id: 'test-form', version: '1.0.0' },
    tool,
    answers,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-20T10:42:00.000Z',
    revision: 7,
  };
}

/** The report of a one-section form holding `questions`, answered with `{ id: value }`. */
function reportOf(questions: Json[], values: Record<string, unknown>) {
  const definition = formOf(...questions);
  return { definition, report: buildReport(assessmentOf(answersOf(values)), definition) };
}

/** The report's answer to the only question of a one-question form. */
function answerOf(json: Json, value: unknown): ReportAnswer {
  return reportOf([json], { [json.id as string]: value }).report.sections[0]!.questions[0]!.answer;
}

const options = (...values: string[]) => values.map((value) => ({ value, label: value }));

describe('buildReport', () => {
  it('reports the score it is given, worked out once by its caller, or works it out', () => {
    const definition = formOf(item('q1'));
    const assessment = assessmentOf(answersOf({ q1: 'met' }));
    const score = scoreAssessment(definition, assessment.answers);

    expect(buildReport(assessment, definition, score).score).to.equal(score);
    expect(buildReport(assessment, definition).score).to.deep.equal(score);
  });

  describe('answers by kind', () => {
    const cases: Array<{ name: string; question: Json; value: unknown; answer: ReportAnswer }> = [
      { name: 'item met', question: item('q'), value: 'met', answer: { kind: 'item', rating: 'met' } },
      {
        name: 'item not applicable',
        question: item('q'),
        value: 'not-applicable',
        answer: { kind: 'item', rating: 'not-applicable' },
      },
      { name: 'item unanswered', question: item('q'), value: undefined, answer: { kind: 'item', rating: null } },
      { name: 'item of the wrong shape', question: item('q'), value: 'mostly', answer: { kind: 'item', rating: null } },
      { name: 'yes', question: yesno('q'), value: 'yes', answer: { kind: 'yesno', value: 'yes' } },
      { name: 'no', question: yesno('q'), value: 'no', answer: { kind: 'yesno', value: 'no' } },
      { name: 'yes/no as a boolean', question: yesno('q'), value: true, answer: { kind: 'yesno', value: null } },
      {
        name: 'choice',
        question: choice('q', ['web', 'app']),
        value: 'app',
        answer: { kind: 'choice', option: { value: 'app', label: 'app' } },
      },
      {
        name: 'choice the form does not offer',
        question: choice('q', ['web', 'app']),
        value: 'fax',
        answer: { kind: 'choice', option: null },
      },
      {
        name: 'multiple choice, in the form’s order, unknown values left out',
        question: multichoice('q', ['a', 'b', 'c']),
        value: ['c', 'x', 'a'],
        answer: { kind: 'multichoice', options: options('a', 'c') },
      },
      {
        name: 'multiple choice unanswered',
        question: multichoice('q', ['a', 'b']),
        value: undefined,
        answer: { kind: 'multichoice', options: [] },
      },
      {
        name: 'text, trimmed',
        question: question('text', 'q'),
        value: '  Gwyn ŵ ŷ ',
        answer: { kind: 'text', text: 'Gwyn ŵ ŷ' },
      },
      { name: 'blank text', question: question('text', 'q'), value: '   ', answer: { kind: 'text', text: null } },
      {
        name: 'long text keeps its lines',
        question: question('longtext', 'q'),
        value: 'one\ntwo',
        answer: { kind: 'longtext', text: 'one\ntwo' },
      },
      {
        name: 'url',
        question: question('url', 'q'),
        value: 'https://padlet.com',
        answer: { kind: 'url', text: 'https://padlet.com' },
      },
      {
        name: 'date',
        question: question('date', 'q'),
        value: '2026-09-01',
        answer: { kind: 'date', date: '2026-09-01' },
      },
      {
        name: 'date of the wrong shape',
        question: question('date', 'q'),
        value: '1/9/2026',
        answer: { kind: 'date', date: null },
      },
      {
        name: 'number with a unit',
        question: question('number', 'q', { unit: 'years' }),
        value: 13,
        answer: { kind: 'number', value: 13, unit: 'years' },
      },
      {
        name: 'number zero',
        question: question('number', 'q'),
        value: 0,
        answer: { kind: 'number', value: 0, unit: null },
      },
      {
        name: 'people, trimmed, nameless left out',
        question: question('people', 'q'),
        value: [
          { name: ' Łukasz Nowak ', role: ' Head of computing ' },
          { name: '  ', role: 'Nobody' },
          { name: 'Siân', role: '' },
        ],
        answer: { kind: 'people', people: [{ name: 'Łukasz Nowak', role: 'Head of computing' }, { name: 'Siân' }] },
      },
      {
        name: 'hazard before and after, with bands',
        question: hazard('q'),
        value: { ...risk([4, 4], [1, 3]), controls: ' Class-only posts ' },
        answer: {
          kind: 'hazard',
          before: { likelihood: 4, impact: 4, score: 16, band: 'red' },
          controls: 'Class-only posts',
          after: { likelihood: 1, impact: 3, score: 3, band: 'green' },
        },
      },
      {
        name: 'hazard half rated',
        question: hazard('q'),
        value: { before: { likelihood: 5 } },
        answer: {
          kind: 'hazard',
          before: { likelihood: 5, impact: null, score: null, band: null },
          controls: null,
          after: { likelihood: null, impact: null, score: null, band: null },
        },
      },
      {
        name: 'sign-off',
        question: question('signoff', 'q', { role: 'Senior leader' }),
        value: { name: 'Łukasz Nowak', date: '2026-11-20' },
        answer: { kind: 'signoff', role: 'Senior leader', name: 'Łukasz Nowak', date: '2026-11-20' },
      },
      {
        name: 'sign-off unsigned',
        question: question('signoff', 'q', { role: 'Senior leader' }),
        value: undefined,
        answer: { kind: 'signoff', role: 'Senior leader', name: null, date: null },
      },
    ];
    for (const { name, question: json, value, answer } of cases) {
      it(name, () => {
        expect(answerOf(json, value)).to.deep.equal(answer);
      });
    }
  });

  describe('whether a question counts as answered', () => {
    const cases: Array<{ question: Json; value: unknown; answered: boolean }> = [
      { question: item('q'), value: 'partly', answered: true },
      { question: item('q'), value: undefined, answered: false },
      { question: question('people', 'q', { minimum: 2 }), value: [{ name: 'Łukasz' }], answered: false },
      {
        question: question('people', 'q', { minimum: 2 }),
        value: [{ name: 'Łukasz' }, { name: 'Gwyn' }],
        answered: true,
      },
      { question: hazard('q'), value: risk([3, 3], undefined), answered: false },
      { question: hazard('q'), value: risk([3, 3], [1, 1]), answered: true },
    ];
    for (const { question: json, value, answered } of cases) {
      it(`${json.kind} ${JSON.stringify(value)} ⇒ ${answered ? 'answered' : 'not answered'}`, () => {
        const { report } = reportOf([json], { q: value });

        expect(report.sections[0]!.questions[0]!.answered).to.equal(answered);
      });
    }
  });

  it('keeps the tool, the form and the assessment’s identity', () => {
    const definition = form({ id: 'social', version: '2.1.0', title: { en: 'Risk', cy: 'Risg' } });
    const tool = { name: 'Padlet', url: 'https://padlet.com', vendor: 'Wallwisher, Inc.' };

    const report = buildReport(assessmentOf(answersOf({ q1: 'met' }), tool), definition);

    expect(report.tool).to.deep.equal(tool);
    expect(report.form).to.deep.equal({
      id: 'social',
      version: '2.1.0',
      title: { en: 'Risk', cy: 'Risg' },
      description: null,
    });
    expect(report.assessment).to.deep.equal({
      id: 'assessment-1',
      createdAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-20T10:42:00.000Z',
      revision: 7,
    });
  });

  it('carries the score, with each section’s score beside its questions', () => {
    const definition = form({
      sections: [section('one', [item('a'), item('b')], { weight: 2 }), section('two', [item('c')])],
    });
    const answers = answersOf({ a: 'met', b: 'partly', c: 'not-met' });

    const report = buildReport(assessmentOf(answers), definition);

    expect(report.score).to.deep.equal(scoreAssessment(definition, answers));
    expect(report.sections.map((s) => [s.id, s.score.sectionId, s.score.readiness])).to.deep.equal([
      ['one', 'one', 75],
      ['two', 'two', 0],
    ]);
    expect(report.score.reasons.map((reason) => reason.code)).to.include('readiness-too-low');
  });

  it('gives notes and evidence, trimmed, with blanks left out', () => {
    const definition = formOf(item('q1'), item('q2'));
    const answers: Answers = {
      q1: { value: 'met', notes: '  Checked with “Gwyn ŵ ŷ”.  ', evidence: [' https://a.example/terms ', '', '  '] },
      q2: { value: 'met', notes: '   ' },
    };

    const [first, second] = buildReport(assessmentOf(answers), definition).sections[0]!.questions;

    expect(first).to.include({ notes: 'Checked with “Gwyn ŵ ŷ”.' });
    expect(first!.evidence).to.deep.equal(['https://a.example/terms']);
    expect(second).to.include({ notes: null });
    expect(second!.evidence).to.deep.equal([]);
  });

  describe('hidden questions', () => {
    const questions = [
      yesno('under-13'),
      item('consent', { ...shownWhen('under-13', 'yes'), condition: 'Get consent.' }),
      hazard('younger-pupils', shownWhen('under-13', 'yes')),
      question('signoff', 'parent-governor', { role: 'Governor', ...shownWhen('under-13', 'yes') }),
    ];
    const values = {
      consent: 'not-met',
      'younger-pupils': risk([5, 5], [4, 4]),
      'parent-governor': { name: 'Gwyn', date: '2026-11-20' },
    };
    const cases: Array<{ underThirteen: string | undefined; shown: boolean }> = [
      { underThirteen: 'yes', shown: true },
      { underThirteen: 'no', shown: false },
      { underThirteen: undefined, shown: false },
    ];
    for (const { underThirteen, shown } of cases) {
      it(`under 13 answered ${underThirteen ?? 'not at all'} ⇒ the dependent questions are ${shown ? 'in' : 'left out'}`, () => {
        const { report } = reportOf(questions, { ...values, 'under-13': underThirteen });

        const ids = report.sections[0]!.questions.map((q) => q.id);
        const expected = shown ? ['under-13', 'consent', 'younger-pupils', 'parent-governor'] : ['under-13'];
        expect(ids).to.deep.equal(expected);
        expect(report.conditions.map((c) => c.questionId)).to.deep.equal(shown ? ['consent'] : []);
        expect(report.hazards.map((h) => h.questionId)).to.deep.equal(shown ? ['younger-pupils'] : []);
        expect(report.signOffs.map((s) => s.questionId)).to.deep.equal(shown ? ['parent-governor'] : []);
      });
    }
  });

  describe('conditions', () => {
    const cases: Array<{ name: string; question: Json; value: unknown; listed: boolean }> = [
      {
        name: 'partly met with a condition',
        question: item('q', { condition: 'Do it.' }),
        value: 'partly',
        listed: true,
      },
      {
        name: 'not met with a condition',
        question: item('q', { condition: 'Do it.' }),
        value: 'not-met',
        listed: true,
      },
      { name: 'met', question: item('q', { condition: 'Do it.' }), value: 'met', listed: false },
      { name: 'not applicable', question: item('q', { condition: 'Do it.' }), value: 'not-applicable', listed: false },
      { name: 'unanswered', question: item('q', { condition: 'Do it.' }), value: undefined, listed: false },
      { name: 'not met without a condition', question: item('q'), value: 'not-met', listed: false },
    ];
    for (const { name, question: json, value, listed } of cases) {
      it(`${name} ⇒ ${listed ? 'listed' : 'not listed'}`, () => {
        const { report } = reportOf([json], { q: value });

        expect(report.conditions.length).to.equal(listed ? 1 : 0);
      });
    }

    it('lists each with its rating, criticality and condition, in the form’s order', () => {
      const { report } = reportOf(
        [
          item('b', { condition: { en: 'Do B.', cy: 'Gwnewch B.' } }),
          item('a', { condition: 'Do A.', critical: true }),
        ],
        { a: 'not-met', b: 'partly' },
      );

      expect(report.conditions).to.deep.equal([
        {
          questionId: 'b',
          title: 'Question b',
          rating: 'partly',
          critical: false,
          condition: { en: 'Do B.', cy: 'Gwnewch B.' },
        },
        { questionId: 'a', title: 'Question a', rating: 'not-met', critical: true, condition: 'Do A.' },
      ]);
    });
  });

  it('lists hazards with before and after ratings, scores and bands from the form’s bands', () => {
    const definition: FormDefinition = {
      ...formOf(hazard('h1'), hazard('h2')),
      scoring: {
        readiness: { approved: 80, approvedWithConditions: 60 },
        riskBands: { green: 6, amber: 12, red: 20 },
        residualRisk: { approved: 'green', approvedWithConditions: 'red' },
      },
    };
    const answers: Answers = {
      h1: { value: { ...risk([5, 5], [2, 3]), controls: 'Class-only' } },
      h2: { value: risk([3, 4], undefined) },
    };

    const { hazards } = buildReport(assessmentOf(answers), definition);

    expect(hazards).to.deep.equal([
      {
        questionId: 'h1',
        title: 'Question h1',
        before: { likelihood: 5, impact: 5, score: 25, band: 'stop' },
        controls: 'Class-only',
        after: { likelihood: 2, impact: 3, score: 6, band: 'green' },
      },
      {
        questionId: 'h2',
        title: 'Question h2',
        before: { likelihood: 3, impact: 4, score: 12, band: 'amber' },
        controls: null,
        after: { likelihood: null, impact: null, score: null, band: null },
      },
    ]);
  });

  it('lists sign-offs across sections with role, name and date', () => {
    const definition = form({
      sections: [
        section('one', [item('q1'), question('signoff', 'assessor', { role: 'Teacher' })]),
        section('two', [question('signoff', 'leader', { role: { en: 'Senior leader', cy: 'Uwch arweinydd' } })]),
      ],
    });
    const answers = answersOf({ q1: 'met', assessor: { name: ' Łukasz ', date: '2026-11-19' }, leader: {} });

    const { signOffs } = buildReport(assessmentOf(answers), definition);

    expect(signOffs).to.deep.equal([
      { questionId: 'assessor', title: 'Question assessor', role: 'Teacher', name: 'Łukasz', date: '2026-11-19' },
      {
        questionId: 'leader',
        title: 'Question leader',
        role: { en: 'Senior leader', cy: 'Uwch arweinydd' },
        name: null,
        date: null,
      },
    ]);
  });
});
