import { expect } from '@open-wc/testing';
import {
  RegisterEventSchema,
  checkDecision,
  decisionBasis,
  effectiveStatus,
  filterEntries,
  registerFromEvents,
  sortEntries,
  type RegisterEvent,
  type RegisterEventRule,
  type RegisterState,
} from '../../../src/model/index.js';
import {
  IT_LEAD,
  KEY_A,
  KEY_B,
  NOW,
  assessmentOf,
  at,
  decided,
  fieldsOf,
  imported,
  retired,
  reviewStarted,
  shuffled,
  underReview,
} from './log.js';

const fold = (events: readonly RegisterEvent[]) => registerFromEvents(events, { now: NOW });
const entryOf = (state: RegisterState, entryId: string) => state.entries.find((entry) => entry.id === entryId);
const rejectedIds = (state: RegisterState) => state.rejected.map(({ event }) => event.id);

/** A register with something of everything: decisions, a conflict, refusals, keys and a disputed assessment. */
function busyLog(): RegisterEvent[] {
  return [
    ...underReview('padlet'),
    decided('padlet-3', 'padlet', 'padlet-2', at(3)),
    ...underReview('canva'),
    decided('canva-3', 'canva', 'canva-2', at(3, 10)),
    decided('canva-4', 'canva', 'canva-2', at(3, 10), { outcome: 'not-approved', approver: 'Rhys Evans' }),
    ...underReview('kahoot'),
    retired('kahoot-3', 'kahoot', 'kahoot-2', at(4)),
    decided('kahoot-4', 'kahoot', 'kahoot-3', at(5)),
    reviewStarted('ghost-1', 'ghost', 'nowhere', at(5)),
    { ...imported('flip-1', 'flip', at(6)), by: { name: 'Siân Jones' } },
    imported('flip-1', 'flip', at(6)),
    {
      id: 'trust-a',
      type: 'key-trusted',
      at: at(1),
      by: IT_LEAD,
      key: { name: 'Rhys', role: 'Teacher', fingerprint: KEY_A },
    },
    { id: 'drop-b', type: 'key-distrusted', at: at(2), by: IT_LEAD, fingerprint: KEY_B },
    imported('tiktok-1', 'tiktok', at(7), { signer: { name: 'Rhys', fingerprint: KEY_A } }),
    {
      ...imported('tiktok-copy-1', 'tiktok-copy', at(8), { signer: { name: 'Rhys', fingerprint: KEY_B } }),
      assessment: assessmentOf('assessment-tiktok', 'Tool tiktok'),
      fields: fieldsOf('Tool tiktok'),
    } as RegisterEvent,
  ];
}

describe('registerFromEvents', () => {
  it('gives the same register whatever order the events come in', () => {
    const events = busyLog();
    const expected = fold(events);
    expect(expected.conflicts, 'the log has a conflict').to.have.length(1);
    expect(expected.rejected.map(({ rule }) => rule).sort(), 'the log has refused events').to.deep.equal([
      'duplicate-id',
      'duplicate-id',
      'transition',
      'unknown-based-on',
      'unknown-key',
    ]);
    expect(expected.signerDisputes[0]?.standing?.id).to.equal('tiktok');
    for (let seed = 1; seed <= 60; seed += 1) {
      expect(fold(shuffled(events, seed)), `shuffled with seed ${seed}`).to.deep.equal(expected);
    }
  });

  /** A log of tools whose events branch: each is based on any earlier event of its tool, some at the same moment. */
  function branchingLog(seed: number): RegisterEvent[] {
    const events: RegisterEvent[] = [];
    const order = shuffled(
      Array.from({ length: 60 }, (_, index) => index),
      seed,
    );
    for (const tool of ['a', 'b', 'c']) events.push(imported(`${tool}-0`, tool, at(1)));
    order.forEach((n, index) => {
      const tool = ['a', 'b', 'c'][n % 3]!;
      const earlier = events.filter((event) => 'entryId' in event && event.entryId === tool);
      const basedOn = earlier[n % earlier.length]!.id;
      const when = at(2 + (n % 5), 9 + (index % 3));
      const id = `${tool}-${index + 1}`;
      const kinds: RegisterEvent[] = [
        reviewStarted(id, tool, basedOn, when),
        decided(id, tool, basedOn, when, { outcome: n % 2 ? 'approved' : 'not-approved' }),
        retired(id, tool, basedOn, when),
        { id, type: 'edited', entryId: tool, basedOn, at: when, by: IT_LEAD, changes: { vendor: `Vendor ${n}` } },
      ];
      events.push(kinds[n % kinds.length]!);
    });
    return events;
  }

  for (const seed of [11, 12, 13, 14, 15]) {
    it(`gives the same register for a branching log in any order (log ${seed})`, () => {
      const events = branchingLog(seed);
      const expected = fold(events);
      expect(expected.rejected.length, 'some events are set aside').to.be.greaterThan(0);
      expect(
        expected.entries.some(({ log }) => log.length > 5),
        'some are applied',
      ).to.equal(true);
      for (let shuffle = 1; shuffle <= 25; shuffle += 1) {
        expect(fold(shuffled(events, seed * 100 + shuffle)), `shuffle ${shuffle}`).to.deep.equal(expected);
      }
    });
  }

  it('orders by what an event follows before its time', () => {
    // The review was started on a computer whose clock ran a day behind.
    const events = [imported('a-1', 'a', at(5)), reviewStarted('a-2', 'a', 'a-1', at(4))];
    const [entry] = fold(events).entries;
    expect(entry!.status).to.equal('under-review');
    expect(entry!.log.map(({ id }) => id)).to.deep.equal(['a-2', 'a-1']);
  });

  it('folds an entry with its log newest first and the rules of today', () => {
    const state = fold([
      ...underReview('a'),
      decided('a-3', 'a', 'a-2', at(3), {
        conditions: [' ', 'Pupils sign in with school accounts '],
        outcome: 'approved-with-conditions',
      }),
    ]);
    const [entry] = state.entries;
    expect(entry).to.include({
      status: 'approved-with-conditions',
      approver: 'Carys Jones, deputy head',
      decisionDate: '2026-11-03',
      reviewDue: '2027-05-03',
    });
    expect(entry!.conditions).to.deep.equal(['Pupils sign in with school accounts']);
    expect(entry!.log.map(({ type }) => type)).to.deep.equal(['decided', 'review-started', 'imported']);
    expect(state.rejected).to.deep.equal([]);
  });

  it('counts two copies of one event once', () => {
    const events = underReview('a');
    const state = fold([...events, structuredClone(events[1]!)]);
    expect(state.rejected).to.deep.equal([]);
    expect(state.entries[0]!.log).to.have.length(2);
  });

  it('sets aside every copy of an id that different events share, whatever their order', () => {
    const [importA, startA] = underReview('a');
    const other = { ...startA!, by: { name: 'Someone else' } };
    const events = [importA!, startA!, other, structuredClone(startA!), decided('a-3', 'a', 'a-2', at(3))];
    const expected = fold(events);
    expect(expected.rejected.map(({ event, rule }) => [event.id, rule])).to.deep.equal([
      ['a-2', 'duplicate-id'],
      ['a-2', 'duplicate-id'],
      ['a-3', 'transition'],
    ]);
    expect(expected.entries[0]!.status).to.equal('submitted');
    for (let seed = 1; seed <= 20; seed += 1) expect(fold(shuffled(events, seed))).to.deep.equal(expected);
  });

  const refusals: Array<[string, RegisterEventRule, RegisterEvent[], string]> = [
    [
      'two different events with one id',
      'duplicate-id',
      [...underReview('a'), { ...reviewStarted('a-2', 'a', 'a-1', at(2)), by: { name: 'Someone else' } }],
      'a-2',
    ],
    [
      'an event dated in the future',
      'future',
      [...underReview('a'), decided('a-3', 'a', 'a-2', '2026-12-01T12:06:00.000Z')],
      'a-3',
    ],
    [
      'an event based on an event not in the register',
      'unknown-based-on',
      [...underReview('a'), decided('a-3', 'a', 'lost', at(3))],
      'a-3',
    ],
    [
      'an event based on an event of another entry',
      'unknown-based-on',
      [...underReview('a'), ...underReview('b'), decided('a-3', 'a', 'b-2', at(3))],
      'a-3',
    ],
    [
      'events based on each other in a circle',
      'unknown-based-on',
      [imported('a-1', 'a', at(1)), reviewStarted('a-2', 'a', 'a-3', at(2)), reviewStarted('a-3', 'a', 'a-2', at(3))],
      'a-2',
    ],
    [
      'a change to an entry not in the register',
      'unknown-entry',
      [imported('b-1', 'b', at(1)), { id: 'a-2', type: 'review-started', entryId: 'a', at: at(2), by: IT_LEAD }],
      'a-2',
    ],
    [
      'a change following an import set aside',
      'unknown-entry',
      [
        imported('a-1', 'a', '2027-01-01T00:00:00.000Z'),
        reviewStarted('a-2', 'a', 'a-1', at(2)),
        imported('b-1', 'b', at(1)),
      ],
      'a-2',
    ],
    [
      'a second import with the id of an entry',
      'entry-exists',
      [imported('a-1', 'a', at(1)), imported('a-2', 'a', at(2))],
      'a-2',
    ],
    [
      'withdrawing trust from a key not trusted',
      'unknown-key',
      [{ id: 'k', type: 'key-distrusted', at: at(1), by: IT_LEAD, fingerprint: KEY_A }],
      'k',
    ],
    [
      'a change without the name of who made it',
      'who',
      [imported('a-1', 'a', at(1)), { ...reviewStarted('a-2', 'a', 'a-1', at(2)), by: { name: ' ' } }],
      'a-2',
    ],
    [
      'deciding a retired tool',
      'transition',
      [...underReview('a'), retired('a-3', 'a', 'a-2', at(3)), decided('a-4', 'a', 'a-3', at(4))],
      'a-4',
    ],
    [
      'deciding a tool not under review',
      'transition',
      [imported('a-1', 'a', at(1)), decided('a-2', 'a', 'a-1', at(2))],
      'a-2',
    ],
    [
      'approving with fewer than two owners',
      'account-owners',
      [
        ...underReview('a'),
        decided('a-3', 'a', 'a-2', at(3), { owners: [{ name: 'Siân Jones' }, { name: 'sian jones' }] }),
      ],
      'a-3',
    ],
    [
      'approval with conditions but none given',
      'conditions',
      [
        ...underReview('a'),
        decided('a-3', 'a', 'a-2', at(3), { outcome: 'approved-with-conditions', conditions: [' '] }),
      ],
      'a-3',
    ],
    [
      'a decision without its approver',
      'approver',
      [...underReview('a'), decided('a-3', 'a', 'a-2', at(3), { approver: '  ' })],
      'a-3',
    ],
    [
      'a review date before the decision',
      'date',
      [...underReview('a'), decided('a-3', 'a', 'a-2', at(3), { reviewDue: '2026-10-01' })],
      'a-3',
    ],
    [
      'a decision date not in the calendar',
      'date',
      [...underReview('a'), decided('a-3', 'a', 'a-2', at(3), { decisionDate: '2026-02-30' })],
      'a-3',
    ],
    ['retiring without a reason', 'reason', [...underReview('a'), retired('a-3', 'a', 'a-2', at(3), ' ')], 'a-3'],
    [
      're-assessing with the same revision',
      'stale-assessment',
      [
        imported('a-1', 'a', at(1), { tool: 'Padlet' }),
        { ...imported('a-2', 'a', at(2), { tool: 'Padlet' }), type: 're-assessed', basedOn: 'a-1' } as RegisterEvent,
      ],
      'a-2',
    ],
    [
      're-assessing with another tool',
      'different-tool',
      [
        imported('a-1', 'a', at(1), { tool: 'Padlet' }),
        { ...imported('a-2', 'a', at(2), { tool: 'Canva' }), type: 're-assessed', basedOn: 'a-1' } as RegisterEvent,
      ],
      'a-2',
    ],
    [
      'an edit that leaves the tool without a name',
      'tool-name',
      [
        imported('a-1', 'a', at(1)),
        { id: 'a-2', type: 'edited', entryId: 'a', basedOn: 'a-1', at: at(2), by: IT_LEAD, changes: { tool: ' ' } },
      ],
      'a-2',
    ],
    [
      'submitting a tool already submitted',
      'transition',
      [
        imported('a-1', 'a', at(1)),
        { id: 'a-2', type: 'submitted', entryId: 'a', basedOn: 'a-1', at: at(2), by: IT_LEAD },
      ],
      'a-2',
    ],
  ];
  for (const [what, rule, events, refusedId] of refusals) {
    it(`sets aside ${what} (${rule}), with its reason, and keeps the rest`, () => {
      for (const event of events) expect(RegisterEventSchema.safeParse(event).success, event.id).to.equal(true);
      const state = fold(events);
      const refusal = state.rejected.find(({ event }) => event.id === refusedId);
      expect(refusal, `${refusedId} is set aside`).to.not.equal(undefined);
      expect(refusal!.rule).to.equal(rule);
      expect(refusal!.message, 'a refusal says why').to.match(/^["A-Z].+\.$/);
      const kept = events.filter((event) => event.id !== refusedId).map(({ id }) => id);
      const applied = new Set([...state.entries.flatMap(({ log }) => log.map(({ id }) => id)), ...rejectedIds(state)]);
      for (const id of kept) expect(applied.has(id), `${id} is kept, applied or set aside`).to.equal(true);
    });
  }

  it('allows a clock a few minutes fast, and a later now lets a future event in', () => {
    const events = [...underReview('a'), decided('a-3', 'a', 'a-2', '2026-12-01T12:04:00.000Z')];
    expect(rejectedIds(fold(events))).to.deep.equal([]);
    const late = [...underReview('a'), decided('a-3', 'a', 'a-2', '2026-12-02T12:00:00.000Z')];
    expect(rejectedIds(fold(late))).to.deep.equal(['a-3']);
    const tomorrow = registerFromEvents(late, { now: new Date('2026-12-02T12:00:00.000Z') });
    expect(tomorrow.entries[0]!.status).to.equal('approved');
  });

  describe('conflicts', () => {
    const apart = () => [
      ...underReview('a'),
      decided('d1', 'a', 'a-2', at(3, 10), { approver: 'Carys Jones' }),
      decided('d2', 'a', 'a-2', at(3, 11), { outcome: 'not-approved', approver: 'Rhys Evans' }),
    ];

    it('keeps two decisions made from the same state, and marks the entry', () => {
      const state = fold(apart());
      const entry = entryOf(state, 'a')!;
      expect(state.rejected).to.deep.equal([]);
      expect(state.conflicts).to.have.length(1);
      expect(entry.conflict?.decisions.map(({ id }) => id)).to.deep.equal(['d1', 'd2']);
      expect(entry.log.map(({ id }) => id)).to.include.members(['d1', 'd2']);
      expect(state.conflicts[0]).to.equal(entry.conflict);
    });

    it('is a conflict when the second decision was based on a later event that had not seen the first', () => {
      const events = [
        ...underReview('a'),
        decided('d1', 'a', 'a-2', at(3, 10)),
        {
          id: 'e',
          type: 'edited',
          entryId: 'a',
          basedOn: 'a-2',
          at: at(3, 9),
          by: IT_LEAD,
          changes: { vendor: 'Wall Ltd' },
        },
        decided('d2', 'a', 'e', at(3, 11), { outcome: 'not-approved' }),
      ] satisfies RegisterEvent[];
      expect(fold(events).conflicts[0]?.decisions.map(({ id }) => id)).to.deep.equal(['d1', 'd2']);
    });

    const settlings: Array<[string, RegisterEvent[], boolean, string]> = [
      [
        'a decision based on one and having seen the other',
        [decided('s', 'a', 'd2', at(4), { alsoSeen: ['d1'] })],
        false,
        'approved',
      ],
      ['a decision that saw only one', [decided('s', 'a', 'd2', at(4))], true, 'approved'],
      ['a third decision made apart', [decided('s', 'a', 'a-2', at(4), { approver: 'Someone' })], true, 'approved'],
      ['a retirement', [retired('s', 'a', 'd2', at(4))], true, 'retired'],
      ['a review started', [reviewStarted('s', 'a', 'd2', at(4))], true, 'under-review'],
      [
        'a review started, then a decision having seen both',
        [reviewStarted('r', 'a', 'd2', at(4)), decided('s', 'a', 'r', at(5), { alsoSeen: ['d1'] })],
        false,
        'approved',
      ],
    ];
    for (const [what, events, stillInConflict, status] of settlings) {
      it(`after ${what}, ${stillInConflict ? 'is still a conflict' : 'is settled'}`, () => {
        const state = fold([...apart(), ...events]);
        expect(state.rejected).to.deep.equal([]);
        expect(state.conflicts.length > 0, 'listed').to.equal(stillInConflict);
        expect(entryOf(state, 'a')!.conflict !== undefined, 'marked').to.equal(stillInConflict);
        expect(entryOf(state, 'a')!.status).to.equal(status);
      });
    }

    it('is settled by a decision that saw the third as well', () => {
      const events = [
        ...apart(),
        decided('d3', 'a', 'a-2', at(3, 12), { approver: 'Someone' }),
        decided('s', 'a', 'd3', at(4), { alsoSeen: ['d1', 'd2'], outcome: 'not-approved' }),
      ];
      const state = fold(events);
      expect(state.conflicts).to.deep.equal([]);
      expect(entryOf(state, 'a')).to.include({ status: 'not-approved' });
      expect(entryOf(state, 'a')!.reviewDue).to.equal(undefined);
    });

    it('is settled by a decision the form checks and bases as the register asks', () => {
      const entry = entryOf(fold(apart()), 'a')!;
      const draft = {
        outcome: 'approved' as const,
        conditions: [],
        approver: 'Carys Jones',
        decisionDate: '2026-11-04',
      };
      expect(checkDecision(entry, draft).problems).to.equal(undefined);
      const settled = fold([...apart(), { ...decided('s', 'a', 'x', at(4), draft), ...decisionBasis(entry) }]);
      expect(settled.rejected).to.deep.equal([]);
      expect(settled.conflicts).to.deep.equal([]);
    });

    it('still refuses a settling decision the rules refuse', () => {
      const state = fold([...apart(), decided('s', 'a', 'd2', at(4), { alsoSeen: ['d1'], approver: '' })]);
      expect(rejectedIds(state)).to.deep.equal(['s']);
      expect(state.conflicts).to.have.length(1);
    });
  });

  describe('review dates', () => {
    const approvedOn = (decisionDate: string, reviewDue?: string) =>
      fold([
        ...underReview('a'),
        decided('a-3', 'a', 'a-2', at(3), { decisionDate, ...(reviewDue ? { reviewDue } : {}) }),
      ]).entries[0]!;

    const cases: Array<[string, string | undefined, string, string]> = [
      ['2026-11-03', undefined, '2027-10-03', 'approved'],
      ['2026-11-03', undefined, '2027-10-04', 'review-due'],
      ['2026-11-03', undefined, '2027-11-03', 'review-due'],
      ['2026-11-03', undefined, '2027-11-04', 'expired'],
      ['2026-11-03', '2027-01-31', '2027-01-01', 'review-due'],
      ['2026-11-03', '2027-01-31', '2027-02-01', 'expired'],
    ];
    for (const [decisionDate, reviewDue, today, status] of cases) {
      it(`shows a tool approved on ${decisionDate}${reviewDue ? `, review ${reviewDue}` : ''} as ${status} on ${today}`, () => {
        expect(effectiveStatus(approvedOn(decisionDate, reviewDue), today)).to.equal(status);
      });
    }
  });

  it('gives entries the register’s filters and sorting take', () => {
    const state = fold([...underReview('b'), decided('b-3', 'b', 'b-2', at(3)), ...underReview('a')]);
    expect(sortEntries(state.entries, 'tool').map(({ id }) => id)).to.deep.equal(['a', 'b']);
    expect(filterEntries(state.entries, { status: 'approved' }, '2026-12-01').map(({ id }) => id)).to.deep.equal(['b']);
  });

  describe('trusted keys', () => {
    const trust = (
      id: string,
      fingerprint: string,
      when: string,
      name = 'Rhys Evans',
      basedOn?: string,
    ): RegisterEvent => ({
      id,
      type: 'key-trusted',
      at: when,
      by: IT_LEAD,
      key: { name, role: 'Teacher', fingerprint },
      ...(basedOn ? { basedOn } : {}),
    });
    const distrust = (id: string, fingerprint: string, when: string, basedOn?: string): RegisterEvent => ({
      id,
      type: 'key-distrusted',
      at: when,
      by: IT_LEAD,
      fingerprint,
      ...(basedOn ? { basedOn } : {}),
    });

    const cases: Array<[string, RegisterEvent[], string[]]> = [
      ['trusts a key', [trust('t1', KEY_A, at(1))], [KEY_A]],
      ['withdraws trust', [trust('t1', KEY_A, at(1)), distrust('t2', KEY_A, at(2), 't1')], []],
      [
        'trusts a key again',
        [trust('t1', KEY_A, at(1)), distrust('t2', KEY_A, at(2), 't1'), trust('t3', KEY_A, at(3), 'Rhys', 't2')],
        [KEY_A],
      ],
      ['follows basedOn before a slow clock', [trust('t1', KEY_A, at(5)), distrust('t2', KEY_A, at(4), 't1')], []],
      [
        'keeps keys apart',
        [trust('t1', KEY_A, at(1)), trust('t2', KEY_B, at(2)), distrust('t3', KEY_A, at(3), 't1')],
        [KEY_B],
      ],
    ];
    for (const [what, events, fingerprints] of cases) {
      it(what, () => {
        const state = fold(events);
        expect(state.rejected).to.deep.equal([]);
        expect(state.trustedKeys.map(({ fingerprint }) => fingerprint)).to.deep.equal(fingerprints);
      });
    }

    it('gives a key the name, role and time of its trust', () => {
      expect(fold([trust('t1', KEY_A, at(1))]).trustedKeys).to.deep.equal([
        { name: 'Rhys Evans', role: 'Teacher', fingerprint: KEY_A, addedAt: at(1) },
      ]);
    });

    it('refuses a key event based on an event about another key', () => {
      const state = fold([trust('t1', KEY_A, at(1)), trust('t2', KEY_B, at(2)), distrust('t3', KEY_A, at(3), 't2')]);
      expect(state.rejected.map(({ event, rule }) => [event.id, rule])).to.deep.equal([['t3', 'unknown-based-on']]);
    });
  });

  describe('signer disputes', () => {
    const signedBy = (id: string, entryId: string, fingerprint: string, when: string): RegisterEvent =>
      ({
        ...imported(id, entryId, when, { tool: 'Padlet' }),
        assessment: assessmentOf('assessment-padlet', 'Padlet'),
        signer: { name: 'Rhys Evans', fingerprint },
      }) as RegisterEvent;
    const trusting = (fingerprint: string): RegisterEvent => ({
      id: `trust-${fingerprint}`,
      type: 'key-trusted',
      at: at(9),
      by: IT_LEAD,
      key: { name: 'Rhys Evans', role: 'Teacher', fingerprint },
    });
    const twoSigners = [signedBy('p-1', 'p', KEY_A, at(1)), signedBy('q-1', 'q', KEY_B, at(2))];

    it('keeps both imports side by side while neither key is trusted', () => {
      const [dispute, ...others] = fold(twoSigners).signerDisputes;
      expect(others).to.deep.equal([]);
      expect(dispute!.entries.map(({ id }) => id)).to.deep.equal(['p', 'q']);
      expect(dispute).to.include({ assessmentId: 'assessment-padlet', revision: 1 });
      expect(dispute!.standing).to.equal(undefined);
    });

    it('names on each entry the signer the PDF names, with the key’s fingerprint', () => {
      const entries = fold(twoSigners).entries;
      expect(entries.map(({ signerName, signerFingerprint }) => [signerName, signerFingerprint])).to.deep.equal([
        ['Rhys Evans', KEY_A],
        ['Rhys Evans', KEY_B],
      ]);
    });

    it('lets the import signed by a trusted key stand', () => {
      const [dispute] = fold([...twoSigners, trusting(KEY_B)]).signerDisputes;
      expect(dispute!.standing?.id).to.equal('q');
      expect(dispute!.entries).to.have.length(2);
    });

    it('has no standing entry while both keys are trusted', () => {
      const [dispute] = fold([...twoSigners, trusting(KEY_A), trusting(KEY_B)]).signerDisputes;
      expect(dispute!.standing).to.equal(undefined);
    });

    it('ends when all but one of the imports are retired', () => {
      expect(fold([...twoSigners, retired('q-2', 'q', 'q-1', at(3))]).signerDisputes).to.deep.equal([]);
    });

    it('is no dispute when one key signed both, or the revisions differ', () => {
      expect(
        fold([signedBy('p-1', 'p', KEY_A, at(1)), signedBy('q-1', 'q', KEY_A, at(2))]).signerDisputes,
      ).to.deep.equal([]);
      const later = {
        ...signedBy('q-1', 'q', KEY_B, at(2)),
        assessment: assessmentOf('assessment-padlet', 'Padlet', 2),
      } as RegisterEvent;
      expect(fold([signedBy('p-1', 'p', KEY_A, at(1)), later]).signerDisputes).to.deep.equal([]);
    });
  });
});
