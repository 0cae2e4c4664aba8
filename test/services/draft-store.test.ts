import { expect } from '@open-wc/testing';
import {
  DraftConflictError,
  StorageFullError,
  StorageUnavailableError,
  storageError,
} from '../../src/services/draft-store.js';
import { IndexedDbDraftStore } from '../../src/services/indexeddb-draft-store.js';
import { MemoryDraftStore } from '../../src/services/memory-draft-store.js';
import { freshNamespace, makeDraft, putRawRecord } from '../drafts/helpers.js';

const stores = [
  { name: 'IndexedDbDraftStore', make: () => new IndexedDbDraftStore(freshNamespace()) },
  { name: 'MemoryDraftStore', make: () => new MemoryDraftStore() },
];

for (const { name, make } of stores) {
  describe(name, () => {
    it('saves, reads and lists drafts', async () => {
      const store = make();
      await store.save(makeDraft('a'), undefined);
      await store.save(makeDraft('b'), undefined);

      expect((await store.get('a'))?.assessment.tool.name).to.equal('Tool a');
      expect((await store.list()).drafts.map((d) => d.assessment.id).sort()).to.deep.equal(['a', 'b']);
    });

    it('refuses a save based on an old revision, and writes nothing', async () => {
      const store = make();
      await store.save(makeDraft('a', { revision: 1 }), undefined);
      await store.save(makeDraft('a', { revision: 2, tool: { name: 'Second tab' } }), 1);

      let refused: unknown;
      try {
        await store.save(makeDraft('a', { revision: 2, tool: { name: 'Stale tab' } }), 1);
      } catch (error) {
        refused = error;
      }

      expect(refused).to.be.instanceOf(DraftConflictError);
      expect((refused as DraftConflictError).stored.assessment.tool.name).to.equal('Second tab');
      expect((await store.get('a'))?.assessment.tool.name, 'nothing written').to.equal('Second tab');
    });

    it('refuses to create a draft over one that already exists', async () => {
      const store = make();
      await store.save(makeDraft('a'), undefined);

      let refused: unknown;
      try {
        await store.save(makeDraft('a', { tool: { name: 'Other' } }), undefined);
      } catch (error) {
        refused = error;
      }

      expect(refused).to.be.instanceOf(DraftConflictError);
    });

    it('lists summaries of every draft: what a list shows, without the answers', async () => {
      const store = make();
      await store.save(makeDraft('a', { tool: { name: 'Padlet' } }, { outcome: 'approved' }), undefined);

      const { drafts, damaged } = await store.summaries();

      expect(damaged).to.deep.equal([]);
      expect(drafts).to.deep.equal([
        {
          id: 'a',
          formId: 'kinds',
          formVersion: '1.0.0',
          formTitle: 'Every kind',
          toolName: 'Padlet',
          updatedAt: '2026-11-02T09:00:00.000Z',
          revision: 1,
          outcome: 'approved',
        },
      ]);
    });

    it('keeps summaries in step with saves and deletes', async () => {
      const store = make();
      await store.save(makeDraft('a', { revision: 1 }), undefined);
      await store.save(makeDraft('a', { revision: 2, tool: { name: 'Renamed' } }), 1);
      await store.save(makeDraft('b'), undefined);
      await store.delete('b');

      const { drafts } = await store.summaries();

      expect(drafts.map((d) => [d.id, d.toolName, d.revision])).to.deep.equal([['a', 'Renamed', 2]]);
    });

    it('deletes and restores', async () => {
      const store = make();
      const draft = makeDraft('a');
      await store.save(draft, undefined);
      await store.delete('a');
      expect(await store.get('a')).to.equal(undefined);

      await store.restore([draft]);

      expect((await store.get('a'))?.assessment.id).to.equal('a');
    });
  });
}

describe('IndexedDbDraftStore with a damaged record', () => {
  it('lists the damaged record apart, with its raw data, and the good ones as usual', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbDraftStore(namespace);
    await store.save(makeDraft('good'), undefined);
    await putRawRecord(namespace, 'broken', { assessment: { id: 'broken', answers: 'not an object' } });

    const listing = await store.list();

    expect(listing.drafts.map((d) => d.assessment.id)).to.deep.equal(['good']);
    expect(listing.damaged).to.have.lengthOf(1);
    expect(listing.damaged[0]!.id).to.equal('broken');
    expect(listing.damaged[0]!.raw).to.deep.equal({ assessment: { id: 'broken', answers: 'not an object' } });
    expect(listing.damaged[0]!.problem).to.match(/not a valid draft at assessment/);
  });

  it('lists summaries with the damaged record apart, and a draft stored without a summary as usual', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbDraftStore(namespace);
    await store.save(makeDraft('good'), undefined);
    await putRawRecord(namespace, 'broken', 'not a draft');
    await putRawRecord(namespace, 'no-summary', makeDraft('no-summary'));

    const listing = await store.summaries();

    expect(listing.drafts.map((d) => d.id).sort()).to.deep.equal(['good', 'no-summary']);
    expect(listing.damaged.map((d) => [d.id, d.raw])).to.deep.equal([['broken', 'not a draft']]);
  });

  it('tells a damaged record from a draft and from nothing at all', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbDraftStore(namespace);
    await store.save(makeDraft('good'), undefined);
    await putRawRecord(namespace, 'broken', 'not a draft');

    expect(await store.get('broken'), 'never offered as a draft').to.equal(undefined);
    expect(await store.damagedRecord('broken')).to.deep.include({ id: 'broken', raw: 'not a draft' });
    expect(await store.damagedRecord('good')).to.equal(undefined);
    expect(await store.damagedRecord('nowhere')).to.equal(undefined);
  });

  it('keeps two namespaces apart', async () => {
    const first = new IndexedDbDraftStore(freshNamespace());
    const second = new IndexedDbDraftStore(freshNamespace());
    await first.save(makeDraft('a'), undefined);

    expect((await second.list()).drafts).to.deep.equal([]);
  });
});

describe('storageError', () => {
  const cases = [
    { given: new DOMException('Quota exceeded', 'QuotaExceededError'), expected: StorageFullError },
    { given: new DOMException('Denied', 'SecurityError'), expected: StorageUnavailableError },
    { given: new DOMException('Blocked', 'InvalidStateError'), expected: StorageUnavailableError },
  ];
  for (const { given, expected } of cases) {
    it(`turns ${given.name} into ${expected.name}`, () => {
      const error = storageError(given);

      expect(error).to.be.instanceOf(expected);
      expect(error.message).to.equal(given.message);
    });
  }
});
