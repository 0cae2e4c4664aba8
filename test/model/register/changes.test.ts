import { expect } from '@open-wc/testing';
import {
  RegisterEventSchema,
  RegisterRuleError,
  decisionEvent,
  distrustEvent,
  moveEvent,
  registerFromEvents,
  trustEvent,
  type RegisterEvent,
} from '../../../src/model/index.js';
import { IT_LEAD, KEY_A, NOW, at, decided, imported, underReview } from './log.js';

const fold = (events: readonly RegisterEvent[]) => registerFromEvents(events, { now: NOW });
const entryOf = (events: readonly RegisterEvent[], id = 'padlet') =>
  fold(events).entries.find((each) => each.id === id)!;
const change = (id: string, day: number) => ({ id, by: IT_LEAD, at: at(day) });
const decision = {
  outcome: 'approved' as const,
  conditions: [],
  approver: 'Carys Jones, deputy head',
  decisionDate: '2026-11-05',
};

function ruleOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof RegisterRuleError) return error.rule;
    throw error;
  }
  return 'none';
}

describe('a person’s change as the event it writes', () => {
  it('starts a review, based on the newest event, and the register applies it', () => {
    const log = [imported('padlet-1', 'padlet', at(1))];
    const event = moveEvent(entryOf(log), 'under-review', change('padlet-2', 2));
    expect(event).to.deep.equal({
      id: 'padlet-2',
      type: 'review-started',
      entryId: 'padlet',
      basedOn: 'padlet-1',
      at: at(2),
      by: IT_LEAD,
    });
    expect(RegisterEventSchema.safeParse(event).success).to.equal(true);
    expect(entryOf([...log, event]).status).to.equal('under-review');
  });

  it('refuses a move the register would set aside, with the rule it breaks', () => {
    const log = underReview('padlet');
    expect(ruleOf(() => moveEvent(entryOf(log), 'under-review', change('x', 3)))).to.equal('transition');
    expect(ruleOf(() => moveEvent(entryOf(log), 'approved', change('x', 3)))).to.equal('decision-by-status');
    expect(ruleOf(() => moveEvent(entryOf(log), 'retired', change('x', 3)))).to.equal('reason');
    expect(ruleOf(() => moveEvent(entryOf(log), 'submitted', { ...change('x', 3), by: { name: ' ' } }))).to.equal(
      'who',
    );
  });

  it('retires a tool with the reason given', () => {
    const log = underReview('padlet');
    const event = moveEvent(entryOf(log), 'retired', { ...change('padlet-3', 3), reason: ' Replaced by Flip ' });
    expect(event).to.include({ type: 'retired', reason: 'Replaced by Flip', basedOn: 'padlet-2' });
    expect(entryOf([...log, event]).status).to.equal('retired');
  });

  it('records a decision, with its review date worked out, and lists every problem of one that cannot be', () => {
    const log = underReview('padlet');
    const made = decisionEvent(entryOf(log), decision, change('padlet-3', 5));
    expect(made.event).to.include({ type: 'decided', basedOn: 'padlet-2', reviewDue: '2027-11-05' });
    expect(entryOf([...log, made.event!]).status).to.equal('approved');

    const refused = decisionEvent(
      entryOf(log),
      { ...decision, approver: '', decisionDate: '2026-02-30' },
      {
        ...change('padlet-3', 5),
        by: { name: '' },
      },
    );
    expect(refused.problems?.map(({ rule }) => rule)).to.deep.equal(['who', 'approver', 'date']);
  });

  it('settles decisions made apart by a decision based on each of them', () => {
    const log = [
      ...underReview('padlet'),
      decided('padlet-3a', 'padlet', 'padlet-2', at(3)),
      decided('padlet-3b', 'padlet', 'padlet-2', at(4), { outcome: 'not-approved' }),
    ];
    const inConflict = entryOf(log);
    expect(inConflict.conflict?.decisions.map(({ id }) => id)).to.deep.equal(['padlet-3a', 'padlet-3b']);
    const settling = decisionEvent(inConflict, decision, change('padlet-4', 6)).event!;
    expect(settling.basedOn).to.equal(inConflict.log[0]!.id);
    expect(settling.alsoSeen).to.have.length(1);
    const settled = fold([...log, settling]);
    expect(settled.conflicts).to.deep.equal([]);
    expect(settled.rejected).to.deep.equal([]);
  });

  it('trusts and stops trusting a key', () => {
    const trusted = trustEvent({ name: ' Siân Jones ', role: 'Teacher', fingerprint: KEY_A }, change('k-1', 2));
    expect(fold([trusted]).trustedKeys.map(({ name }) => name)).to.deep.equal(['Siân Jones']);
    const distrusted = distrustEvent(KEY_A, change('k-2', 3), 'k-1');
    expect(fold([trusted, distrusted]).trustedKeys).to.deep.equal([]);
  });
});
