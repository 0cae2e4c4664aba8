import { expect } from '@open-wc/testing';
import { type Status, type StoredStatus } from '../../../src/model/register-entry.js';
import { daysUntilReview, effectiveStatus, reviewDueDate } from '../../../src/model/register/index.js';
import { entry, refusedRule } from './helpers.js';

describe('reviewDueDate', () => {
  type Months = { approved: number; approvedWithConditions: number } | undefined;
  const cases: Array<[string, Parameters<typeof reviewDueDate>[1], Months, string | undefined]> = [
    ['2026-11-20', 'approved', undefined, '2027-11-20'],
    ['2026-11-20', 'approved-with-conditions', undefined, '2027-05-20'],
    ['2026-07-31', 'approved-with-conditions', undefined, '2027-01-31'],
    ['2026-08-31', 'approved-with-conditions', undefined, '2027-02-28'],
    ['2027-08-31', 'approved-with-conditions', undefined, '2028-02-29'],
    ['2028-02-29', 'approved', undefined, '2029-02-28'],
    ['2032-02-29', 'approved', { approved: 48, approvedWithConditions: 6 }, '2036-02-29'],
    ['2026-01-31', 'approved', { approved: 1, approvedWithConditions: 1 }, '2026-02-28'],
    ['2028-01-31', 'approved-with-conditions', { approved: 1, approvedWithConditions: 1 }, '2028-02-29'],
    ['2026-03-31', 'approved', { approved: 24, approvedWithConditions: 3 }, '2028-03-31'],
    ['2026-03-31', 'approved-with-conditions', { approved: 24, approvedWithConditions: 3 }, '2026-06-30'],
    ['2026-11-20', 'not-approved', undefined, undefined],
    ['2026-11-20', 'incomplete', undefined, undefined],
  ];
  for (const [decided, outcome, months, due] of cases) {
    const override = months ? ` with reviews after ${months.approved} / ${months.approvedWithConditions} months` : '';
    it(`${outcome} on ${decided}${override} → ${due ?? 'no review'}`, () => {
      expect(reviewDueDate(decided, outcome, months)).to.equal(due);
    });
  }

  for (const bad of ['2026-02-30', '2026-13-01', '20 Nov 2026', '']) {
    it(`refuses the decision date "${bad}"`, () => {
      expect(refusedRule(() => reviewDueDate(bad, 'approved'))).to.equal('date');
    });
  }
});

describe('effectiveStatus and daysUntilReview', () => {
  // 2027-03-01 falls 30 days after 2027-01-30 (February 2027 has 28 days).
  const cases: Array<[StoredStatus, string | undefined, string, Status, number | undefined]> = [
    ['approved', '2027-03-01', '2026-11-20', 'approved', 101],
    ['approved', '2027-03-01', '2027-01-29', 'approved', 31],
    ['approved', '2027-03-01', '2027-01-30', 'review-due', 30],
    ['approved', '2027-03-01', '2027-02-28', 'review-due', 1],
    ['approved', '2027-03-01', '2027-03-01', 'review-due', 0],
    ['approved', '2027-03-01', '2027-03-02', 'expired', -1],
    ['approved', '2027-03-01', '2028-03-01', 'expired', -366],
    ['approved-with-conditions', '2027-03-01', '2027-01-29', 'approved-with-conditions', 31],
    ['approved-with-conditions', '2027-03-01', '2027-01-30', 'review-due', 30],
    ['approved-with-conditions', '2027-03-01', '2027-03-02', 'expired', -1],
    // A leap February: 2028-01-31 is 30 days before 2028-03-01.
    ['approved', '2028-03-01', '2028-01-30', 'approved', 31],
    ['approved', '2028-03-01', '2028-01-31', 'review-due', 30],
    ['approved', undefined, '2027-03-02', 'approved', undefined],
    ['not-approved', '2027-03-01', '2027-03-02', 'not-approved', undefined],
    ['under-review', '2027-03-01', '2027-03-02', 'under-review', undefined],
    ['retired', '2027-03-01', '2027-03-02', 'retired', undefined],
    ['submitted', undefined, '2027-03-02', 'submitted', undefined],
  ];
  for (const [status, reviewDue, today, shown, days] of cases) {
    it(`${status}, review ${reviewDue ?? 'not set'}, on ${today}: ${shown}`, () => {
      const subject = reviewDue === undefined ? entry({ status }) : entry({ status, reviewDue });

      expect(effectiveStatus(subject, today)).to.equal(shown);
      expect(daysUntilReview(subject, today)).to.equal(days);
    });
  }
});
