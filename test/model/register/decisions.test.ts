import { expect } from '@open-wc/testing';
import { type RegisterEntry } from '../../../src/model/register-entry.js';
import { recordDecision, type Decision, type RegisterRule } from '../../../src/model/register/index.js';
import { BY, AT, entry, deepFreeze, refusedRule, refusal } from './helpers.js';

describe('recordDecision', () => {
  const decision = (overrides: Partial<Decision> = {}): Decision => ({
    outcome: 'approved',
    conditions: [],
    approver: 'Carys Jones, deputy head',
    decisionDate: '2026-11-25',
    by: BY,
    at: AT,
    ...overrides,
  });

  it('approves an entry under review, with the review date a year on', () => {
    const underReview = deepFreeze(entry());
    const snapshot = structuredClone(underReview);

    const approved = recordDecision(underReview, decision({ reason: 'Checked with the DSL' }));

    expect(approved).to.include({
      status: 'approved',
      approver: 'Carys Jones, deputy head',
      decisionDate: '2026-11-25',
      reviewDue: '2027-11-25',
    });
    expect(approved.history).to.have.length(2);
    expect(approved.history.at(-1)).to.deep.equal({
      at: AT,
      by: BY,
      action: 'decided',
      changes: [
        { field: 'status', from: 'under-review', to: 'approved' },
        { field: 'approver', to: 'Carys Jones, deputy head' },
        { field: 'decisionDate', to: '2026-11-25' },
        { field: 'reviewDue', to: '2027-11-25' },
      ],
      reason: 'Checked with the DSL',
    });
    expect(underReview, 'the entry given is left alone').to.deep.equal(snapshot);
  });

  it('lists changed conditions and a replaced decision in the history', () => {
    const reopened = entry({
      conditions: ['Send the letter home'],
      approver: 'A. Former',
      decisionDate: '2025-11-25',
      reviewDue: '2026-05-25',
    });

    const decided = recordDecision(
      reopened,
      decision({
        outcome: 'approved-with-conditions',
        conditions: ['Send the letter home', '  Test account deletion ', ''],
      }),
    );

    expect(decided.conditions).to.deep.equal(['Send the letter home', 'Test account deletion']);
    expect(decided.history.at(-1)!.changes).to.deep.equal([
      { field: 'status', from: 'under-review', to: 'approved-with-conditions' },
      { field: 'conditions', from: 'Send the letter home', to: 'Send the letter home; Test account deletion' },
      { field: 'approver', from: 'A. Former', to: 'Carys Jones, deputy head' },
      { field: 'decisionDate', from: '2025-11-25', to: '2026-11-25' },
      { field: 'reviewDue', from: '2026-05-25', to: '2027-05-25' },
    ]);
  });

  const reviewDates: Array<[string, Partial<Decision>, Parameters<typeof recordDecision>[2], string | undefined]> = [
    [
      'approval with conditions: six months',
      { outcome: 'approved-with-conditions', conditions: ['x'] },
      undefined,
      '2027-05-25',
    ],
    ["the form's review months", { outcome: 'approved' }, { approved: 24, approvedWithConditions: 3 }, '2028-11-25'],
    [
      "the form's review months, with conditions",
      { outcome: 'approved-with-conditions', conditions: ['x'] },
      { approved: 24, approvedWithConditions: 3 },
      '2027-02-25',
    ],
    ['a review date given', { outcome: 'approved', reviewDue: '2027-07-31' }, undefined, '2027-07-31'],
    ['not approved: none', { outcome: 'not-approved' }, undefined, undefined],
    [
      'not approved, even with a date given: none',
      { outcome: 'not-approved', reviewDue: '2027-07-31' },
      undefined,
      undefined,
    ],
  ];
  for (const [what, overrides, months, due] of reviewDates) {
    it(`sets the review date for ${what}`, () => {
      const decided = recordDecision(entry({ reviewDue: '2026-12-01' }), decision(overrides), months);

      expect(decided.reviewDue).to.equal(due);
    });
  }

  it('records "not approved" with one account owner', () => {
    const decided = recordDecision(
      entry({ owners: [{ name: 'Łukasz Nowak' }] }),
      decision({ outcome: 'not-approved' }),
    );

    expect(decided.status).to.equal('not-approved');
  });

  const refusals: Array<[string, Partial<RegisterEntry>, Partial<Decision>, RegisterRule]> = [
    ['approval with no account owners', { owners: [] }, {}, 'account-owners'],
    ['approval with one account owner', { owners: [{ name: 'Łukasz Nowak' }] }, {}, 'account-owners'],
    [
      'approval with conditions and one account owner',
      { owners: [{ name: 'Łukasz Nowak' }] },
      { outcome: 'approved-with-conditions', conditions: ['x'] },
      'account-owners',
    ],
    [
      'approval with the same owner named twice',
      { owners: [{ name: 'Siân Prydderch' }, { name: ' sian prydderch ' }] },
      {},
      'account-owners',
    ],
    ['approval with a blank owner', { owners: [{ name: 'Siân Prydderch' }, { name: '  ' }] }, {}, 'account-owners'],
    ['approval with conditions but none given', {}, { outcome: 'approved-with-conditions' }, 'conditions'],
    [
      'approval with only blank conditions',
      {},
      { outcome: 'approved-with-conditions', conditions: [' ', ''] },
      'conditions',
    ],
    ['a decision on a submitted entry', { status: 'submitted' }, {}, 'transition'],
    ['a decision on an approved entry', { status: 'approved' }, {}, 'transition'],
    ['a decision on a retired entry', { status: 'retired' }, { outcome: 'not-approved' }, 'transition'],
    ['a decision with no approver', {}, { approver: '  ' }, 'approver'],
    ['a decision on an impossible date', {}, { decisionDate: '2026-02-30' }, 'date'],
    ['a review date before the decision', {}, { reviewDue: '2026-11-24' }, 'date'],
    ['a review date on the day of the decision', {}, { reviewDue: '2026-11-25' }, 'date'],
    ['a decision by nobody', {}, { by: '' }, 'who'],
  ];
  for (const [what, entryOverrides, decisionOverrides, rule] of refusals) {
    it(`refuses ${what}`, () => {
      expect(refusedRule(() => recordDecision(entry(entryOverrides), decision(decisionOverrides)))).to.equal(rule);
    });
  }

  it('says which rule an approval without two owners breaks', () => {
    const error = refusal(() => recordDecision(entry({ owners: [{ name: 'Łukasz Nowak' }] }), decision()));

    expect(error.message).to.contain('at least 2 named account owners').and.to.contain('names 1');
  });
});
