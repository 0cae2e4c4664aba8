import { expect } from '@open-wc/testing';
import { STORED_STATUSES, type RegisterEntry, type StoredStatus } from '../../../src/model/register-entry.js';
import {
  allowedTransitions,
  canMove,
  historyOf,
  moveEvent,
  registerFromEvents,
  type RegisterEntryState,
  type RegisterEvent,
  type RegisterRule,
} from '../../../src/model/register/index.js';
import { BY, AT, entry, refusedRule, refusal } from './helpers.js';
import { NOW, imported } from './log.js';

const by = { name: BY };

/** A tool in status `status`, as the register lists it, its newest event an import. */
function tool(status: StoredStatus): RegisterEntryState {
  const state: Partial<RegisterEntry> = entry({ status, id: 'padlet' });
  delete state.history;
  return {
    ...(state as Omit<RegisterEntry, 'history'>),
    log: [imported('padlet-1', 'padlet', AT) as Extract<RegisterEvent, { type: 'imported' }>],
  };
}

/** The history the register gives for the tool's import followed by `event`. */
function historyAfter(event: RegisterEvent): ReturnType<typeof historyOf> {
  const [entryState] = registerFromEvents([imported('padlet-1', 'padlet', AT), event], { now: NOW }).entries;
  return historyOf(entryState!);
}

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
          expect(refusedRule(() => moveEvent(tool(from), to, { by, at: AT }))).to.equal('decision-by-status');
        });
      } else if (permitted) {
        it(`${from} → ${to}: allowed`, () => {
          const event = moveEvent(tool(from), to, { by, at: AT, reason: 'Termly check' });

          expect(canMove(from, to)).to.equal(true);
          expect(event).to.include({ entryId: 'padlet', basedOn: 'padlet-1', at: AT, reason: 'Termly check' });
          expect(event.type).to.equal(
            to === 'retired' ? 'retired' : to === 'submitted' ? 'submitted' : 'review-started',
          );
        });
      } else {
        it(`${from} → ${to}: refused`, () => {
          expect(canMove(from, to)).to.equal(false);
          // A decision is refused as one, whatever the status: it goes through `decisionEvent`.
          expect(refusedRule(() => moveEvent(tool(from), to, { by, at: AT, reason: 'x' }))).to.equal(
            decisions.includes(to) ? 'decision-by-status' : 'transition',
          );
        });
      }
    }
  }

  it('lists a move in the tool’s history, with who, when and why', () => {
    const event = moveEvent(tool('submitted'), 'under-review', {
      by,
      at: '2026-11-22T09:00:00.000Z',
      reason: 'Termly check',
    });

    expect(historyAfter(event).at(-1)).to.deep.equal({
      at: '2026-11-22T09:00:00.000Z',
      by: BY,
      action: 'status',
      changes: [{ field: 'status', from: 'submitted', to: 'under-review' }],
      reason: 'Termly check',
    });
  });

  it('names the statuses an entry could move to when it refuses a move', () => {
    const error = refusal(() => moveEvent(tool('draft'), 'under-review', { by, at: AT }));

    expect(error.message).to.equal(
      'A tool that is draft cannot become under review; it can become submitted or retired.',
    );
  });

  it('refuses a change with nobody named as making it', () => {
    expect(refusedRule(() => moveEvent(tool('draft'), 'submitted', { by: { name: '  ' }, at: AT }))).to.equal('who');
  });
});

describe('retiring a tool', () => {
  it('retires it with the reason in its history', () => {
    const event = moveEvent(tool('submitted'), 'retired', {
      by,
      at: '2026-11-22T09:00:00.000Z',
      reason: ' Replaced by the school blog ',
    });

    expect(historyAfter(event).at(-1)).to.deep.equal({
      at: '2026-11-22T09:00:00.000Z',
      by: BY,
      action: 'retired',
      changes: [{ field: 'status', from: 'submitted', to: 'retired' }],
      reason: 'Replaced by the school blog',
    });
  });

  const refusals: Array<[string, StoredStatus, string, RegisterRule]> = [
    ['without a reason', 'approved', '', 'reason'],
    ['with a blank reason', 'approved', '   ', 'reason'],
    ['that is already retired', 'retired', 'Gone', 'transition'],
  ];
  for (const [what, status, reason, rule] of refusals) {
    it(`refuses to retire a tool ${what}`, () => {
      expect(refusedRule(() => moveEvent(tool(status), 'retired', { by, at: AT, reason }))).to.equal(rule);
    });
  }

  it('brings a retired tool back under review', () => {
    expect(moveEvent(tool('retired'), 'under-review', { by, at: AT }).type).to.equal('review-started');
  });
});
