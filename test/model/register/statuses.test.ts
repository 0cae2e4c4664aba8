import { expect } from '@open-wc/testing';
import { STORED_STATUSES, type StoredStatus } from '../../../src/model/register-entry.js';
import {
  allowedTransitions,
  canMove,
  moveStatus,
  retire,
  type RegisterRule,
} from '../../../src/model/register/index.js';
import { BY, AT, entry, deepFreeze, refusedRule, refusal } from './helpers.js';

describe('status transitions', () => {
  const allowed: Record<StoredStatus, StoredStatus[]> = {
    draft: ['submitted', 'retired'],
    submitted: ['under-review', 'retired'],
    'under-review': ['approved', 'approved-with-conditions', 'not-approved', 'retired'],
    approved: ['under-review', 'retired'],
    'approved-with-conditions': ['under-review', 'retired'],
    'not-approved': ['under-review', 'retired'],
    retired: ['under-review'],
  };
  const decisions: StoredStatus[] = ['approved', 'approved-with-conditions', 'not-approved'];

  for (const from of STORED_STATUSES) {
    it(`allows ${from} → ${allowed[from].join(', ')}`, () => {
      expect([...allowedTransitions(from)]).to.have.members(allowed[from]);
    });

    for (const to of STORED_STATUSES) {
      const permitted = allowed[from].includes(to);
      if (permitted && decisions.includes(to)) {
        it(`${from} → ${to}: allowed, but only by recording a decision`, () => {
          expect(canMove(from, to)).to.equal(true);
          expect(refusedRule(() => moveStatus(entry({ status: from }), to, { by: BY, at: AT }))).to.equal(
            'decision-by-status',
          );
        });
      } else if (permitted) {
        it(`${from} → ${to}: allowed`, () => {
          const before = deepFreeze(entry({ status: from }));

          const after = moveStatus(before, to, { by: BY, at: AT, reason: 'Termly check' });

          expect(canMove(from, to)).to.equal(true);
          expect(after.status).to.equal(to);
          expect(after.history.slice(0, -1)).to.deep.equal(before.history);
          expect(after.history.at(-1)).to.deep.equal({
            at: AT,
            by: BY,
            action: 'status',
            changes: [{ field: 'status', from, to }],
            reason: 'Termly check',
          });
          expect(before.status, 'the entry given is left alone').to.equal(from);
        });
      } else {
        it(`${from} → ${to}: refused`, () => {
          expect(canMove(from, to)).to.equal(false);
          expect(refusedRule(() => moveStatus(entry({ status: from }), to, { by: BY, at: AT, reason: 'x' }))).to.equal(
            'transition',
          );
        });
      }
    }
  }

  it('names the statuses an entry could move to when it refuses a move', () => {
    const error = refusal(() => moveStatus(entry({ status: 'draft' }), 'under-review', { by: BY, at: AT }));

    expect(error.message).to.equal(
      'A tool that is draft cannot become under review; it can become submitted or retired.',
    );
  });

  it('refuses a change with nobody named as making it', () => {
    expect(refusedRule(() => moveStatus(entry({ status: 'draft' }), 'submitted', { by: '  ', at: AT }))).to.equal(
      'who',
    );
  });
});

describe('retire', () => {
  it('retires an entry with the reason in its history', () => {
    const approved = deepFreeze(entry({ status: 'approved' }));

    const retired = retire(approved, { by: BY, at: AT, reason: ' Replaced by the school blog ' });

    expect(retired.status).to.equal('retired');
    expect(retired.history.at(-1)).to.deep.equal({
      at: AT,
      by: BY,
      action: 'retired',
      changes: [{ field: 'status', from: 'approved', to: 'retired' }],
      reason: 'Replaced by the school blog',
    });
  });

  const refusals: Array<[string, StoredStatus, string, RegisterRule]> = [
    ['without a reason', 'approved', '', 'reason'],
    ['with a blank reason', 'approved', '   ', 'reason'],
    ['that is already retired', 'retired', 'Gone', 'transition'],
  ];
  for (const [what, status, reason, rule] of refusals) {
    it(`refuses to retire an entry ${what}`, () => {
      expect(refusedRule(() => retire(entry({ status }), { by: BY, at: AT, reason }))).to.equal(rule);
    });
  }

  it('needs a reason to retire through moveStatus too', () => {
    expect(refusedRule(() => moveStatus(entry({ status: 'submitted' }), 'retired', { by: BY, at: AT }))).to.equal(
      'reason',
    );
  });

  it('brings a retired tool back under review', () => {
    const retired = retire(entry({ status: 'approved' }), { by: BY, at: AT, reason: 'Licence ended' });

    expect(moveStatus(retired, 'under-review', { by: BY, at: AT }).status).to.equal('under-review');
  });
});
