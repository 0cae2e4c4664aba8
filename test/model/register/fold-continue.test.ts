import { expect } from '@open-wc/testing';
import {
  NO_CLOCK,
  continueFold,
  foldEvents,
  foldHoldsAt,
  registerFromEvents,
  registerStateOf,
} from '../../../src/model/register/fold.js';
import type { RegisterEvent } from '../../../src/model/register/index.js';
import { IT_LEAD, NOW, at, decided, imported, retired, reviewStarted, shuffled, underReview } from './log.js';

const options = { now: NOW };

/** Tools whose events branch, each based on an earlier event of its tool, in the register's order (time, then id). */
function branchingLog(seed: number): RegisterEvent[] {
  const events: RegisterEvent[] = [];
  const order = shuffled(
    Array.from({ length: 45 }, (_, index) => index),
    seed,
  );
  for (const tool of ['a', 'b', 'c']) events.push(imported(`${tool}-00`, tool, at(1)));
  order.forEach((n, index) => {
    const tool = ['a', 'b', 'c'][n % 3]!;
    const earlier = events.filter((event) => 'entryId' in event && event.entryId === tool);
    const basedOn = earlier[n % earlier.length]!.id;
    const when = at(2 + Math.floor(index / 3), 9 + (n % 2));
    const id = `${tool}-${String(index + 1).padStart(2, '0')}`;
    const kinds: RegisterEvent[] = [
      reviewStarted(id, tool, basedOn, when),
      decided(id, tool, basedOn, when, { outcome: n % 2 ? 'approved' : 'not-approved' }),
      retired(id, tool, basedOn, when),
      { id, type: 'edited', entryId: tool, basedOn, at: when, by: IT_LEAD, changes: { vendor: `Vendor ${n}` } },
    ];
    events.push(kinds[n % kinds.length]!);
  });
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe('continueFold', () => {
  for (const seed of [21, 22, 23]) {
    it(`folds on later events as folding them all at once would (log ${seed})`, () => {
      const events = branchingLog(seed);
      const expected = registerFromEvents(events, options);
      expect(expected.conflicts.length + expected.rejected.length, 'the log has conflicts or refusals').to.be.above(0);
      let continued = 0;
      for (let split = 1; split < events.length; split += 4) {
        const earlier = foldEvents(events.slice(0, split), options);
        const later = continueFold(earlier, events.slice(split));
        if (later === undefined) continue;
        continued += 1;
        expect(registerStateOf(later), `split at ${split}`).to.deep.equal(expected);
      }
      expect(continued, 'most splits continue').to.be.above(events.length / 8);
    });
  }

  it('leaves the fold it goes on from as it was', () => {
    const events = branchingLog(24);
    const earlier = foldEvents(events.slice(0, 20), options);
    const before = structuredClone(earlier);
    const seenBefore = structuredClone(registerStateOf(earlier));
    expect(continueFold(earlier, events.slice(20)), 'it continues').to.not.equal(undefined);
    expect(earlier).to.deep.equal(before);
    expect(registerStateOf(earlier)).to.deep.equal(seenBefore);
  });

  it('counts a copy of an event it holds once', () => {
    const events = underReview('padlet');
    const earlier = foldEvents(events, options);
    expect(continueFold(earlier, [structuredClone(events[1]!)])).to.equal(earlier);
  });

  const refusals: Array<[string, RegisterEvent[], RegisterEvent[]]> = [
    [
      'an event earlier in the register’s order than one it holds',
      underReview('padlet'),
      [imported('canva-1', 'canva', at(1, 8))],
    ],
    [
      'another event under the id of one it holds',
      underReview('padlet'),
      [{ ...reviewStarted('padlet-2', 'padlet', 'padlet-1', at(2)), by: { name: 'Siân Jones' } }],
    ],
    [
      'an event that one it holds follows but did not find',
      [imported('padlet-1', 'padlet', at(1)), reviewStarted('padlet-3', 'padlet', 'padlet-2', at(2))],
      [reviewStarted('padlet-2', 'padlet', 'padlet-1', at(3))],
    ],
    [
      'events after a fold that holds events following each other round in a circle',
      [
        imported('padlet-1', 'padlet', at(1)),
        reviewStarted('padlet-2', 'padlet', 'padlet-3', at(2)),
        reviewStarted('padlet-3', 'padlet', 'padlet-2', at(2)),
      ],
      [imported('canva-1', 'canva', at(4))],
    ],
  ];
  for (const [what, held, more] of refusals) {
    it(`leaves folding everything again to its caller for ${what}`, () => {
      expect(continueFold(foldEvents(held, options), more)).to.equal(undefined);
    });
  }
});

describe('foldHoldsAt', () => {
  it('tells whether a fold made without a clock gives the register as of now', () => {
    const events = [...underReview('padlet'), decided('padlet-3', 'padlet', 'padlet-2', '2026-12-01T12:04:00.000Z')];
    const fold = foldEvents(events, NO_CLOCK);
    expect(foldHoldsAt(fold, options)).to.equal(true);
    expect(registerStateOf(fold)).to.deep.equal(registerFromEvents(events, options));
    expect(foldHoldsAt(fold, { now: new Date('2026-12-01T11:58:00.000Z') })).to.equal(false);
  });

  it('leaves out the times of changes carried over, which no clock checks', () => {
    const carried: RegisterEvent = {
      id: 'history:padlet:0',
      type: 'carried-over',
      entryId: 'padlet',
      at: '2030-01-01T00:00:00.000Z',
      by: IT_LEAD,
      action: 'imported',
      changes: [],
      entry: { tool: 'Padlet', subjects: [], yearGroups: [], status: 'submitted', conditions: [], owners: [] },
    };
    expect(foldHoldsAt(foldEvents([carried], NO_CLOCK), options), 'carried-over events are not checked').to.equal(true);
  });
});
