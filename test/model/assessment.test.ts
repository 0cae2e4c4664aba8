import { expect } from '@open-wc/testing';
import {
  AssessmentSchema,
  assessmentFromAnswers,
  formOfAssessment,
  type Answers,
  type FormDefinition,
} from '../../src/model/index.js';

const form = {
  id: 'social-tool',
  version: '2.1.0',
  toolQuestions: { name: 'tool-name', url: 'tool-url', vendor: 'tool-vendor' },
} as const satisfies Pick<FormDefinition, 'id' | 'version' | 'toolQuestions'>;

describe('assessmentFromAnswers', () => {
  it('names the form by id and version and reads the tool from its tool questions', () => {
    const answers: Answers = {
      'tool-name': { value: '  Padlet ' },
      'tool-url': { value: 'https://padlet.com' },
      'tool-vendor': { value: '' },
      privacy: { value: 'met' },
    };

    const assessment = assessmentFromAnswers(form, answers, {
      id: 'a1',
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-21T09:30:00.000Z',
      revision: 3,
    });

    expect(assessment).to.deep.equal({
      id: 'a1',
      form: { id: 'social-tool', version: '2.1.0' },
      tool: { name: 'Padlet', url: 'https://padlet.com' },
      answers,
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-21T09:30:00.000Z',
      revision: 3,
    });
    expect(AssessmentSchema.safeParse(assessment).success, 'a valid assessment').to.equal(true);
  });

  it('is unchanged since it was made, at revision 0, unless told otherwise', () => {
    const assessment = assessmentFromAnswers(
      { id: 'f', version: '1' },
      {},
      { id: 'a2', createdAt: '2026-11-20T10:00:00Z' },
    );

    expect([assessment.updatedAt, assessment.revision, assessment.tool]).to.deep.equal([
      '2026-11-20T10:00:00Z',
      0,
      { name: '' },
    ]);
  });
});

describe('formOfAssessment', () => {
  const forms = [
    { id: 'social-tool', version: '1.0.0' },
    { id: 'social-tool', version: '2.1.0' },
    { id: 'account-request', version: '1.0.0' },
  ];
  const cases: Array<{ made: { id: string; version: string }; found: (typeof forms)[number] | undefined }> = [
    { made: { id: 'social-tool', version: '2.1.0' }, found: forms[1] },
    { made: { id: 'social-tool', version: '1.0.0' }, found: forms[0] },
    { made: { id: 'social-tool', version: '3.0.0' }, found: forms[0] },
    { made: { id: 'account-request', version: '0.9.0' }, found: forms[2] },
    { made: { id: 'unknown', version: '1.0.0' }, found: undefined },
  ];
  for (const { made, found } of cases) {
    it(`finds ${found ? `${found.id} ${found.version}` : 'no form'} for an assessment made with ${made.id} ${made.version}`, () => {
      expect(formOfAssessment({ form: made }, forms)).to.equal(found);
    });
  }
});
