import { expect } from '@open-wc/testing';
import { checkDecision, type DecisionDraft, type RegisterRule, type StoredStatus } from '../../../src/model/index.js';
import { TWO_OWNERS } from './log.js';

const UNDER_REVIEW = { status: 'under-review' as StoredStatus, owners: TWO_OWNERS };
const DRAFT: DecisionDraft = {
  outcome: 'approved',
  conditions: [],
  approver: 'Carys Jones, deputy head',
  decisionDate: '2026-11-25',
};

describe('checkDecision', () => {
  const refusals: Array<[string, Partial<typeof UNDER_REVIEW>, Partial<DecisionDraft>, RegisterRule[]]> = [
    ['a retired tool', { status: 'retired' }, {}, ['transition']],
    ['an approved tool', { status: 'approved' }, {}, ['transition']],
    ['no approver', {}, { approver: '  ' }, ['approver']],
    ['a decision date not in the calendar', {}, { decisionDate: '2026-02-29' }, ['date']],
    ['a review date before the decision', {}, { reviewDue: '2026-11-25' }, ['date']],
    ['a review date not in the calendar', {}, { reviewDue: '2027-13-01' }, ['date']],
    ['approval with one owner', { owners: [TWO_OWNERS[0]!] }, {}, ['account-owners']],
    [
      'approval with one owner named twice',
      { owners: [{ name: 'Siân Jones' }, { name: 'SIAN JONES ' }] },
      {},
      ['account-owners'],
    ],
    ['approval with the form naming one owner', {}, { owners: [{ name: 'Rhys Evans' }] }, ['account-owners']],
    [
      'approval with conditions and none given',
      {},
      { outcome: 'approved-with-conditions', conditions: ['', ' '] },
      ['conditions'],
    ],
    [
      'everything at once',
      { status: 'submitted', owners: [] },
      { approver: '', decisionDate: 'soon', outcome: 'approved-with-conditions' },
      ['transition', 'approver', 'date', 'account-owners', 'conditions'],
    ],
  ];
  for (const [what, state, draft, rules] of refusals) {
    it(`refuses ${what}, saying why`, () => {
      const check = checkDecision({ ...UNDER_REVIEW, ...state }, { ...DRAFT, ...draft });
      expect(check.problems?.map(({ rule }) => rule)).to.deep.equal(rules);
      for (const problem of check.problems ?? []) expect(problem.message).to.match(/^[A-Z].+\.$/);
    });
  }

  const accepted: Array<[string, Partial<typeof UNDER_REVIEW>, Partial<DecisionDraft>, object]> = [
    ['an approval, due for review in 12 months', {}, {}, { outcome: 'approved', reviewDue: '2027-11-25' }],
    [
      'an approval with conditions, trimmed, due in 6 months',
      {},
      { outcome: 'approved-with-conditions', conditions: [' Use school accounts ', ''] },
      { conditions: ['Use school accounts'], reviewDue: '2027-05-25' },
    ],
    ['a review date chosen by hand', {}, { reviewDue: '2027-01-31' }, { reviewDue: '2027-01-31' }],
    [
      'a refusal with no owners and no review',
      { owners: [] },
      { outcome: 'not-approved', reviewDue: '2027-01-31' },
      { outcome: 'not-approved' },
    ],
    ['an approval whose form names the owners', { owners: [] }, { owners: TWO_OWNERS }, { outcome: 'approved' }],
  ];
  for (const [what, state, draft, expected] of accepted) {
    it(`accepts ${what}`, () => {
      const check = checkDecision({ ...UNDER_REVIEW, ...state }, { ...DRAFT, ...draft, approver: ' Carys Jones ' });
      expect(check.problems).to.equal(undefined);
      expect(check.decision).to.deep.include({ approver: 'Carys Jones', ...expected });
      if (draft.outcome === 'not-approved') expect(check.decision).to.not.have.property('reviewDue');
    });
  }

  const reviewDates: Array<[string, Partial<DecisionDraft>, Parameters<typeof checkDecision>[2], string | undefined]> =
    [
      ['approval: a year on', {}, undefined, '2027-11-25'],
      [
        'approval with conditions: six months',
        { outcome: 'approved-with-conditions', conditions: ['x'] },
        undefined,
        '2027-05-25',
      ],
      ["approval with the form's review months", {}, { approved: 24, approvedWithConditions: 3 }, '2028-11-25'],
      [
        "approval with conditions, with the form's review months",
        { outcome: 'approved-with-conditions', conditions: ['x'] },
        { approved: 24, approvedWithConditions: 3 },
        '2027-02-25',
      ],
      [
        'not approved: none, even with a date given',
        { outcome: 'not-approved', reviewDue: '2027-07-31' },
        undefined,
        undefined,
      ],
    ];
  for (const [what, draft, months, due] of reviewDates) {
    it(`sets the review date for ${what}`, () => {
      expect(checkDecision(UNDER_REVIEW, { ...DRAFT, ...draft }, months).decision?.reviewDue).to.equal(due);
    });
  }

  it('says how many named account owners an approval needs, and how many the tool has', () => {
    const check = checkDecision({ ...UNDER_REVIEW, owners: [TWO_OWNERS[0]!] }, DRAFT);
    expect(check.problems?.[0]?.message).to.contain('at least 2 named account owners').and.to.contain('names 1');
  });

  it('works out review dates from the form’s months', () => {
    const check = checkDecision(UNDER_REVIEW, DRAFT, { approved: 24, approvedWithConditions: 3 });
    expect(check.decision?.reviewDue).to.equal('2028-11-25');
  });
});
