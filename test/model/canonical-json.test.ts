import { expect } from '@open-wc/testing';
import { canonicalAssessmentJson, type Assessment } from '../../src/model/index.js';

const assessment = (): Assessment => ({
  revision: 3,
  updatedAt: '2026-11-20T10:42:00.000Z',
  id: 'a1',
  tool: { vendor: 'Padlet Ltd', name: 'Padlet', url: 'https://padlet.com' },
  form: { version: '1.0.0', id: 'social-tool-risk-assessment' },
  createdAt: '2026-11-19T09:00:00.000Z',
  answers: {
    'privacy-options': {
      value: 'met',
      notes: 'Checked “private” setting’s default',
      evidence: ['https://padlet.com/privacy'],
    },
    'account-owners': { value: [{ name: 'Łukasz Nowak' }, { name: 'Gwyn ŵ ŷ', role: 'DSL' }] },
    'service-minimum-age': { value: 13.0 },
  },
});

describe('canonicalAssessmentJson', () => {
  it('writes keys in order, without spaces, numbers in their shortest form and text as it is', () => {
    const json = canonicalAssessmentJson(assessment());

    expect(
      json.startsWith(
        '{"answers":{"account-owners":{"value":[{"name":"Łukasz Nowak"},{"name":"Gwyn ŵ ŷ","role":"DSL"}]},',
      ),
    ).to.equal(true);
    expect(json).to.contain('"service-minimum-age":{"value":13}');
    expect(json).to.contain('"notes":"Checked “private” setting’s default"');
    expect(json).to.contain('"tool":{"name":"Padlet","url":"https://padlet.com","vendor":"Padlet Ltd"}');
    expect(json).to.not.match(/\s"|":\s/);
    expect(JSON.parse(json)).to.deep.equal(assessment());
  });

  it('gives the same bytes for the same assessment, whatever order it was built in', () => {
    const reversed = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;
    const original = assessment();
    const rebuilt: Assessment = reversed({
      ...original,
      tool: reversed(original.tool),
      answers: reversed(original.answers),
    });
    expect(Object.keys(rebuilt)[0], 'built in another order').to.not.equal(Object.keys(original)[0]);

    expect(canonicalAssessmentJson(rebuilt)).to.equal(canonicalAssessmentJson(assessment()));
  });

  it('refuses something that is not an assessment', () => {
    expect(() => canonicalAssessmentJson({ ...assessment(), revision: -1 })).to.throw();
    expect(() => canonicalAssessmentJson({ id: 'x' } as unknown as Assessment)).to.throw();
  });
});
