import { expect } from '@open-wc/testing';
import { IndexedDbDraftStore } from '../../src/services/indexeddb-draft-store.js';
import { MemoryDraftStore } from '../../src/services/memory-draft-store.js';
import { openDraftStore } from '../../src/services/open-draft-store.js';
import { freshNamespace, makeDraft } from '../drafts/helpers.js';

describe('openDraftStore', () => {
  it('opens the browser’s IndexedDB store for a namespace, once for the whole page', async () => {
    const namespace = freshNamespace();

    const first = await openDraftStore(namespace);
    const second = await openDraftStore(namespace);

    expect(first.store).to.be.instanceOf(IndexedDbDraftStore);
    expect(first.unavailable).to.equal(undefined);
    expect(second.store).to.equal(first.store);
  });

  it('keeps drafts in memory, and says why, when the browser refuses IndexedDB', async () => {
    const realOpen = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    try {
      const opened = await openDraftStore(freshNamespace());

      expect(opened.store).to.be.instanceOf(MemoryDraftStore);
      expect(opened.store.persistent).to.equal(false);
      expect(opened.unavailable).to.contain('denied permission');
      await opened.store.save(makeDraft('a'), undefined);
      expect((await opened.store.get('a'))?.assessment.id, 'work goes on in memory').to.equal('a');
    } finally {
      indexedDB.open = realOpen;
    }
  });
});
