import { expect } from '@open-wc/testing';
import { promisifyRequest } from 'idb-keyval';
import {
  IndexedDbRegisterStore,
  registerLogDatabaseName,
} from '../../../src/services/register/indexeddb-register-store.js';
import type { RegisterEvent } from '../../../src/model/register/index.js';
import { StorageFullError } from '../../../src/services/draft-store.js';
import { sha256Hex } from '../../../src/services/register/log-records.js';
import { NOW, at, decided, imported, reviewStarted, underReview } from '../../model/register/log.js';
import { freshNamespace } from '../../register/entries.js';
import { padletImport, registerStoreContract } from './store-contract.js';

/** Writes a record straight into the log's object store, as something other than the store might. */
async function writeRawRecord(namespace: string, record: unknown): Promise<void> {
  const database = await promisifyRequest(indexedDB.open(registerLogDatabaseName(namespace)));
  const transaction = database.transaction('log', 'readwrite');
  transaction.objectStore('log').add(record);
  await promisifyRequest(transaction);
  database.close();
}

/** The Storage Buckets API, as much of it as the tests use (Chromium; not yet in TypeScript's DOM types). */
interface StorageBuckets {
  open(name: string, options: { quota: number }): Promise<{ name: string; indexedDB: IDBFactory }>;
  delete(name: string): Promise<void>;
}

describe('IndexedDbRegisterStore', () => {
  registerStoreContract(() => new IndexedDbRegisterStore(freshNamespace()));

  it('keeps the register in the browser: another store on the namespace reads the same log', async () => {
    const namespace = freshNamespace();
    const { event } = await padletImport();
    await new IndexedDbRegisterStore(namespace).append([event]);
    const again = new IndexedDbRegisterStore(namespace);
    expect(again.persistent).to.equal(true);
    expect((await again.read(NOW)).entries.map(({ tool }) => tool)).to.deep.equal(['Padlet']);
    expect((await again.entry('padlet', NOW))!.entry.assessment?.answers).to.have.property('notes');
  });

  it('keeps namespaces apart', async () => {
    const { event } = await padletImport();
    await new IndexedDbRegisterStore(freshNamespace()).append([event]);
    expect((await new IndexedDbRegisterStore(freshNamespace()).read(NOW)).eventCount).to.equal(0);
  });

  it('tells a store in another tab of a change, without a reload', async () => {
    const namespace = freshNamespace();
    const here = new IndexedDbRegisterStore(namespace);
    const elsewhere = new IndexedDbRegisterStore(namespace);
    const heard = new Promise<void>((resolve) => elsewhere.watch(resolve));
    await here.append(underReview('padlet'));
    await heard;
    expect((await elsewhere.read(NOW)).entries.map(({ status }) => status)).to.deep.equal(['under-review']);
  });

  it('lists a damaged record apart, shows the rest, and still takes changes', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbRegisterStore(namespace);
    const [first, second] = underReview('padlet');
    await store.append([first!]);
    await writeRawRecord(namespace, { event: 'not a change' });
    await writeRawRecord(namespace, 42);
    await store.append([second!]);
    const view = await store.read(NOW);
    expect(view.entries.map(({ status }) => status)).to.deep.equal(['under-review']);
    expect(view.damaged.map(({ problem }) => problem)).to.deep.equal([
      'not a change of the register',
      'not a change of the register',
    ]);
    expect(view.eventCount).to.equal(4);
  });

  it('refuses a change under the id of a damaged record, rather than writing over it', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbRegisterStore(namespace);
    await store.read(NOW);
    await writeRawRecord(namespace, { event: { id: 'padlet-2', type: 'review-started' } });
    const [first, second] = underReview('padlet');
    let refused: Error | undefined;
    await store.append([first!, second!]).catch((error: Error) => (refused = error));
    expect(refused?.message).to.contain('"padlet-2"');
    expect((await store.events()).map(({ id }) => id)).to.deep.equal([]);
  });

  it('writes nothing of a batch the storage has no room for, says so, and keeps the register as it was', async () => {
    // A storage bucket with a small quota, so that the browser itself refuses the write when it commits.
    const buckets = (navigator as Navigator & { storageBuckets: StorageBuckets }).storageBuckets;
    const bucket = await buckets.open(freshNamespace(), { quota: 256 * 1024 });
    const store = new IndexedDbRegisterStore('full', { indexedDB: bucket.indexedDB });
    await store.append(underReview('padlet'));
    const before = { view: await store.read(NOW), events: await store.events() };
    // Two imports with their signed PDFs (more than the quota), and a decision, in one batch.
    const pdfs = await Promise.all(
      ['canva', 'flip'].map(async (tool) => {
        // Random, so that no compression makes them smaller (getRandomValues fills 64 KiB at a time).
        const bytes = new Uint8Array(200 * 1024);
        for (let start = 0; start < bytes.length; start += 65536)
          crypto.getRandomValues(bytes.subarray(start, start + 65536));
        return { name: `${tool}.pdf`, sha256: await sha256Hex(bytes), bytes };
      }),
    );
    const batch = [
      imported('canva-1', 'canva', at(3), { evidence: { name: pdfs[0]!.name, sha256: pdfs[0]!.sha256 } }),
      imported('flip-1', 'flip', at(3), { evidence: { name: pdfs[1]!.name, sha256: pdfs[1]!.sha256 } }),
      decided('padlet-3', 'padlet', 'padlet-2', at(4)),
    ];
    let refusal: unknown;
    await store.append(batch, pdfs).catch((error: unknown) => (refusal = error));

    expect(refusal).to.be.instanceOf(StorageFullError);
    expect((refusal as Error).message).to.equal(
      'This browser’s storage is full, so none of these changes was saved, and the register is as it was. Free some space, or export the register to keep a copy, then try again.',
    );
    for (const reader of [store, new IndexedDbRegisterStore('full', { indexedDB: bucket.indexedDB })]) {
      expect(await reader.read(NOW), 'the register as it was').to.deep.equal(before.view);
      expect(await reader.events(), 'the log as it was').to.deep.equal(before.events);
      expect(await reader.evidence(pdfs[0]!.sha256)).to.equal(undefined);
    }
    // Whether a smaller change fits at once is the browser's to say: it may count the refused
    // batch against the quota until it has cleared it away, so that is not asserted here.
    await store.close();
    await buckets.delete(bucket.name);
  });

  it('keeps a large batch, in order, and refuses another change under the id of any of its changes', async () => {
    const store = new IndexedDbRegisterStore(freshNamespace());
    const batch = Array.from({ length: 450 }, (_, index) => underReview(`tool-${index}`)).flat();
    await store.append(batch);
    expect(await store.events()).to.deep.equal(batch);
    expect((await store.read(NOW)).entries).to.have.length(450);
    const rewritten = { ...batch[601]!, at: at(9) } as RegisterEvent;
    let refused: Error | undefined;
    await store.append([rewritten]).catch((error: Error) => (refused = error));
    expect(refused?.message).to.contain(`"${batch[601]!.id}"`);
    await store.append([batch[899]!]);
    expect((await store.read(NOW)).eventCount, 'the same change again is kept once').to.equal(900);
  });

  it('answers a change based on one it does not hold by keeping it aside with its reason', async () => {
    const store = new IndexedDbRegisterStore(freshNamespace());
    await store.append([reviewStarted('padlet-2', 'padlet', 'padlet-1', at(2))]);
    const view = await store.read(NOW);
    expect(view.rejected.map(({ rule, message }) => [rule, message])).to.deep.equal([
      ['unknown-based-on', 'It follows a change ("padlet-1") that is not in the register.'],
    ]);
  });
});
