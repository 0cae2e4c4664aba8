import { expect } from '@open-wc/testing';
import { entryWithHistory } from '../../../src/model/register/carry-over.js';
import type { RegisterEntry } from '../../../src/model/register-entry.js';
import { CarryOverError, carryOverEarlierRegister } from '../../../src/services/register/carry-over-register.js';
import { IndexedDbRegisterStore } from '../../../src/services/register/indexeddb-register-store.js';
import { readEarlierRegister } from '../../../src/services/register/earlier-register.js';
import { FINGERPRINT, entry, freshNamespace } from '../../register/entries.js';
import { NOW, assessmentOf, imported, reviewStarted } from '../../model/register/log.js';
import { writeEarlierRegister } from './earlier-register.js';

const CARRY_OVER = { at: '2026-12-01T08:00:00.000Z', by: { name: 'J. Evans, IT lead' } };

/** Padlet, approved after a review, with its assessment; Flip, submitted and never decided. */
function earlierEntries(): RegisterEntry[] {
  const padletAssessment = assessmentOf('assessment-padlet', 'Padlet', 3);
  padletAssessment.answers = { privacy: { value: 'met' }, notes: { value: 'Walls are private' } };
  return [
    entry('padlet', {
      tool: 'Padlet',
      status: 'approved',
      approver: 'Carys Jones, deputy head',
      decisionDate: '2026-03-01',
      reviewDue: '2027-03-01',
      assessment: padletAssessment,
      history: [
        {
          at: '2026-02-01T09:00:00.000Z',
          by: 'J. Evans, IT lead',
          action: 'imported',
          changes: [{ field: 'status', to: 'submitted' }],
        },
        {
          at: '2026-03-01T09:00:00.000Z',
          by: 'J. Evans, IT lead',
          action: 'decided',
          changes: [{ field: 'status', from: 'submitted', to: 'approved' }],
          reason: 'Privacy settings checked with the vendor',
        },
      ],
    }),
    entry('flip', { tool: 'Flip' }),
  ];
}

describe('carrying over a register kept by the earlier version', () => {
  it('carries every entry, every history event, every assessment and every trusted key, once', async () => {
    const namespace = freshNamespace();
    const entries = earlierEntries();
    const trustedKeys = [
      { name: 'Siân Jones', role: 'Teacher', fingerprint: FINGERPRINT, addedAt: '2026-01-05T10:00:00.000Z' },
    ];
    await writeEarlierRegister(namespace, { entries, trustedKeys });
    const store = new IndexedDbRegisterStore(namespace);

    const note = await carryOverEarlierRegister(store, CARRY_OVER);
    expect(note).to.deep.equal({ at: CARRY_OVER.at, entries: 2, trustedKeys: 1, unreadable: 0 });
    const view = await store.read(NOW);
    expect(view.rejected).to.deep.equal([]);
    expect(view.trustedKeys.map(({ fingerprint }) => fingerprint)).to.deep.equal([FINGERPRINT]);
    const padlet = (await store.entry('padlet', NOW))!.entry;
    expect(padlet.status).to.equal('approved');
    expect(padlet.reviewDue).to.equal('2027-03-01');
    expect(padlet.assessment?.answers).to.deep.equal(entries[0]!.assessment!.answers);
    // Every history event comes back as it was kept.
    expect(entryWithHistory(padlet).history).to.deep.equal(entries[0]!.history);
    expect(entryWithHistory(view.entries.find(({ id }) => id === 'flip')!)).to.deep.equal(entries[1]);

    expect(await carryOverEarlierRegister(store, CARRY_OVER), 'carried once only').to.equal(undefined);
    expect((await store.read(NOW)).eventCount).to.equal(view.eventCount);
  });

  it('leaves the earlier records as they were', async () => {
    const namespace = freshNamespace();
    const entries = earlierEntries();
    await writeEarlierRegister(namespace, { entries });
    await carryOverEarlierRegister(new IndexedDbRegisterStore(namespace), CARRY_OVER);
    const earlier = await readEarlierRegister(namespace);
    expect(earlier.entries.map(({ id }) => id).sort()).to.deep.equal(['flip', 'padlet']);
  });

  it('carries what it can read and counts the records it cannot, which stay where they are', async () => {
    const namespace = freshNamespace();
    await writeEarlierRegister(namespace, { entries: earlierEntries(), raw: [[['entries', 99], 'not json']] });
    const note = await carryOverEarlierRegister(new IndexedDbRegisterStore(namespace), CARRY_OVER);
    expect(note?.entries).to.equal(2);
    expect(note?.unreadable).to.equal(1);
  });

  it('does nothing where no earlier register was kept', async () => {
    const store = new IndexedDbRegisterStore(freshNamespace());
    expect(await carryOverEarlierRegister(store, CARRY_OVER)).to.equal(undefined);
    expect((await store.read(NOW)).eventCount).to.equal(0);
  });

  it('says so in words when it cannot, writes nothing, and leaves the earlier register readable', async () => {
    const namespace = freshNamespace();
    await writeEarlierRegister(namespace, { entries: earlierEntries() });
    const store = new IndexedDbRegisterStore(namespace);
    // The log already holds a different change under an id the carry-over would write.
    const other = reviewStarted('history:padlet:1', 'padlet', 'history:padlet:0', '2026-11-02T09:00:00.000Z');
    await store.append([{ ...imported('history:padlet:0', 'padlet', '2026-11-01T09:00:00.000Z') }, other]);
    let failure: unknown;
    await carryOverEarlierRegister(store, CARRY_OVER).catch((error) => (failure = error));
    expect(failure).to.be.instanceOf(CarryOverError);
    expect((failure as Error).message).to.contain('It is still as it was, and nothing was lost.');
    expect((await store.read(NOW)).eventCount, 'nothing more was written').to.equal(2);
    expect(await store.about('carried-over')).to.equal(undefined);
    expect((await readEarlierRegister(namespace)).entries).to.have.length(2);
  });
  it('refuses to carry over under a time the register cannot keep, and writes nothing', async () => {
    const namespace = freshNamespace();
    await writeEarlierRegister(namespace, { entries: earlierEntries() });
    const store = new IndexedDbRegisterStore(namespace);
    let failure: unknown;
    await carryOverEarlierRegister(store, { ...CARRY_OVER, at: 'this morning' }).catch((error) => (failure = error));
    expect(failure).to.be.instanceOf(CarryOverError);
    expect((await store.read(NOW)).eventCount).to.equal(0);
    expect(await store.about('carried-over')).to.equal(undefined);
  });
});
