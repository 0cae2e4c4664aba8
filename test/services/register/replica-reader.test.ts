// Reading a shared register's replica: whole once, then only what changed, with the server's
// refusals and the documents that hold no event kept apart.
import { expect } from '@open-wc/testing';
import { documentOf } from '../../../src/services/register/couch-documents.js';
import { localDatabase } from '../../../src/services/register/pouchdb.js';
import { ReplicaReader } from '../../../src/services/register/replica-reader.js';
import { at, decided, underReview } from '../../model/register/log.js';

describe('the replica of a shared register, read', () => {
  it('reads what changed since it last read, and gives the same contents while nothing changes', async () => {
    const local = localDatabase(`replica-reader-${crypto.randomUUID()}`);
    const reader = new ReplicaReader(local);
    const [imported, review] = underReview('padlet');
    await local.bulkDocs([documentOf(imported!, {}), documentOf(review!, {})]);
    const first = await reader.contents([]);
    expect(first.events.map(({ id }) => id)).to.deep.equal(['padlet-1', 'padlet-2']);
    expect(await reader.contents([]), 'nothing changed').to.equal(first);

    await local.bulkDocs([documentOf(decided('padlet-3', 'padlet', 'padlet-2', at(3)), {}), { _id: 'not-an-event' }]);
    const second = await reader.contents([]);
    expect(second.events.map(({ id }) => id)).to.deep.equal(['padlet-1', 'padlet-2', 'padlet-3']);
    expect(second.damaged.map(({ key }) => key)).to.deep.equal(['not-an-event']);

    const refused = await reader.contents([{ id: 'padlet-3', reason: 'Only an approver may record a decision.' }]);
    expect(refused.events.map(({ id }) => id)).to.deep.equal(['padlet-1', 'padlet-2']);
    expect(refused.refused.map(({ event, reason }) => [event.id, reason])).to.deep.equal([
      ['padlet-3', 'Only an approver may record a decision.'],
    ]);
    await local.destroy();
  });

  it('reads each revision of a document in conflict as an event of its own', async () => {
    const local = localDatabase(`replica-reader-${crypto.randomUUID()}`);
    const reader = new ReplicaReader(local);
    const [imported] = underReview('canva');
    await local.bulkDocs([documentOf(imported!, {})]);
    expect((await reader.contents([])).events).to.have.length(1);
    // Another browser wrote another event under the same id: replication brings both revisions.
    const other = { ...documentOf({ ...imported!, at: at(5) }, {}), _rev: '1-ffffffffffffffffffffffffffffffff' };
    await local.bulkDocs([other], { new_edits: false });
    const contents = await reader.contents([]);
    expect(contents.events.map(({ id, at: when }) => [id, when]).sort()).to.deep.equal(
      [
        ['canva-1', imported!.at],
        ['canva-1', at(5)],
      ].sort(),
    );
    await local.destroy();
  });
});
