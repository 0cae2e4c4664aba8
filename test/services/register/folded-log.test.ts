// The fold IndexedDbRegisterStore keeps beside its log: written with every append, read in place of
// the log, and set aside for the log whenever it does not match it.
import { expect } from '@open-wc/testing';
import { promisifyRequest } from 'idb-keyval';
import { registerFromEvents } from '../../../src/model/register/fold.js';
import type { RegisterEvent } from '../../../src/model/register/index.js';
import {
  IndexedDbRegisterStore,
  registerLogDatabaseName,
} from '../../../src/services/register/indexeddb-register-store.js';
import { NOW, at, decided, imported, reviewStarted, underReview } from '../../model/register/log.js';
import { freshNamespace } from '../../register/entries.js';

/** Runs `work` on the namespace's log database as other code might, outside the store. */
async function inDatabase(namespace: string, stores: string[], work: (transaction: IDBTransaction) => void) {
  const database = await promisifyRequest(indexedDB.open(registerLogDatabaseName(namespace)));
  const transaction = database.transaction(stores, 'readwrite');
  work(transaction);
  await promisifyRequest(transaction);
  database.close();
}

async function keptHeader(namespace: string): Promise<{ lastKey?: number; eventCount: number } | undefined> {
  const database = await promisifyRequest(indexedDB.open(registerLogDatabaseName(namespace)));
  const header = await promisifyRequest(database.transaction('folded').objectStore('folded').get('header'));
  database.close();
  return header as { lastKey?: number; eventCount: number } | undefined;
}

/** Two tools under review, then one decided. */
const someEvents = (): RegisterEvent[] => [
  ...underReview('padlet'),
  ...underReview('canva'),
  decided('padlet-3', 'padlet', 'padlet-2', at(3)),
];

describe('the fold kept beside the log', () => {
  it('is written with each append, and covers the whole log', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbRegisterStore(namespace);
    await store.append(someEvents().slice(0, 4));
    await store.append(someEvents().slice(4));
    expect(await keptHeader(namespace)).to.include({ lastKey: 2, eventCount: 5 });
    const view = await new IndexedDbRegisterStore(namespace).read(NOW);
    expect(view).to.deep.include(registerFromEvents(someEvents(), { now: NOW }));
    expect(view.eventCount).to.equal(5);
  });

  const damage: Array<[string, (folded: IDBObjectStore) => void]> = [
    ['a header that is not one', (folded) => folded.put({ format: 1, buckets: 'many' }, 'header')],
    ['a bucket that is not one', (folded) => [...Array(64).keys()].forEach((bucket) => folded.put('x', bucket))],
    ['a bucket missing', (folded) => folded.delete(IDBKeyRange.bound(0, 63))],
    ['a fold of another format', (folded) => folded.put({ format: 99 }, 'header')],
    [
      'an entry whose log is not the text of one',
      (folded) => {
        const request = folded.openCursor(IDBKeyRange.bound(0, 63));
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return;
          const bucket = cursor.value as { entries: Array<[string, { logText: string }]> };
          for (const [, entry] of bucket.entries) entry.logText = 'not a log';
          if (bucket.entries.length > 0) cursor.update(bucket);
          cursor.continue();
        };
      },
    ],
  ];
  for (const [what, harm] of damage) {
    it(`is set aside for the log, and made again, when it is damaged: ${what}`, async () => {
      const namespace = freshNamespace();
      await new IndexedDbRegisterStore(namespace).append(someEvents());
      await inDatabase(namespace, ['folded'], (transaction) => harm(transaction.objectStore('folded')));
      const store = new IndexedDbRegisterStore(namespace);
      expect(await store.read(NOW)).to.deep.include(registerFromEvents(someEvents(), { now: NOW }));
      expect(await keptHeader(namespace), 'made again').to.include({ lastKey: 1, eventCount: 5 });
      await store.append([decided('canva-3', 'canva', 'canva-2', at(4))]);
      const again = await new IndexedDbRegisterStore(namespace).read(NOW);
      expect(again.entries.map(({ status }) => status)).to.deep.equal(['approved', 'approved']);
    });
  }

  it('folds on what was written to the log after it, outside the store', async () => {
    const namespace = freshNamespace();
    await new IndexedDbRegisterStore(namespace).append(underReview('padlet'));
    await inDatabase(namespace, ['log'], (transaction) => {
      transaction.objectStore('log').add({ event: decided('padlet-3', 'padlet', 'padlet-2', at(3)) });
      transaction.objectStore('log').add({ events: ['not a change', 42], ids: ['broken-1', 'broken-2'] });
    });
    const view = await new IndexedDbRegisterStore(namespace).read(NOW);
    expect(view.entries.map(({ status }) => status)).to.deep.equal(['approved']);
    expect(view.damaged.map(({ key, problem }) => [key, problem])).to.deep.equal([
      ['record 3, change 1', 'not a change of the register'],
      ['record 3, change 2', 'not a change of the register'],
    ]);
    expect(view.eventCount).to.equal(5);
    expect(await keptHeader(namespace)).to.include({ lastKey: 3, eventCount: 5 });
  });

  it('gives the register the whole log gives when changes come in an order other than their own', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbRegisterStore(namespace);
    const events = someEvents();
    // A register moved in from another browser: changes older than those already here.
    await store.append(events.slice(2));
    await store.append(events.slice(0, 2));
    const expected = registerFromEvents(events, { now: NOW });
    expect(await store.read(NOW)).to.deep.include(expected);
    expect(await new IndexedDbRegisterStore(namespace).read(NOW)).to.deep.include(expected);
    expect(await keptHeader(namespace)).to.include({ lastKey: 2, eventCount: 5 });
  });

  it('keeps a change dated later than now aside until its time comes', async () => {
    const store = new IndexedDbRegisterStore(freshNamespace());
    await store.append([
      ...underReview('padlet'),
      decided('padlet-3', 'padlet', 'padlet-2', '2026-12-02T12:00:00.000Z'),
    ]);
    const today = await store.read(NOW);
    expect(today.rejected.map(({ event, rule }) => [event.id, rule])).to.deep.equal([['padlet-3', 'future']]);
    expect(today.entries[0]!.status).to.equal('under-review');
    expect((await store.entry('padlet', NOW))!.entry.status).to.equal('under-review');
    const tomorrow = await store.read(new Date('2026-12-02T12:00:00.000Z'));
    expect(tomorrow.entries[0]!.status).to.equal('approved');
  });

  it('gives each of two stores on one namespace what the other wrote', async () => {
    const namespace = freshNamespace();
    const here = new IndexedDbRegisterStore(namespace);
    const there = new IndexedDbRegisterStore(namespace);
    const events = someEvents();
    await here.append(events.slice(0, 2));
    expect((await there.read(NOW)).entries).to.have.length(1);
    await there.append(events.slice(2, 4));
    await here.append(events.slice(4));
    const expected = registerFromEvents(events, { now: NOW });
    expect(await here.read(NOW)).to.deep.include(expected);
    expect(await there.read(NOW)).to.deep.include(expected);
  });

  it('opens a log kept before the fold was, and keeps its fold from then on', async () => {
    const namespace = freshNamespace();
    // The database as the version before the fold wrote it.
    const request = indexedDB.open(registerLogDatabaseName(namespace), 1);
    request.onupgradeneeded = () => {
      const log = request.result.createObjectStore('log', { autoIncrement: true });
      log.createIndex('id', 'event.id', { unique: true });
      for (const name of ['answers', 'evidence', 'about']) request.result.createObjectStore(name);
      for (const event of someEvents()) log.add({ event });
    };
    (await promisifyRequest(request)).close();
    const store = new IndexedDbRegisterStore(namespace);
    expect(await store.read(NOW)).to.deep.include(registerFromEvents(someEvents(), { now: NOW }));
    expect(await keptHeader(namespace)).to.include({ lastKey: 5, eventCount: 5 });
  });

  it('reads one entry from the fold alone', async () => {
    const namespace = freshNamespace();
    await new IndexedDbRegisterStore(namespace).append(someEvents());
    // Changed under the store's feet, the log would give another tool: the entry comes from the fold.
    await inDatabase(namespace, ['log'], (transaction) =>
      transaction.objectStore('log').put({ event: imported('padlet-1', 'padlet', at(1), { tool: 'Flip' }) }, 1),
    );
    const detail = await new IndexedDbRegisterStore(namespace).entry('padlet', NOW);
    expect(detail!.entry.tool).to.equal('Tool padlet');
    expect(detail!.entry.log.map(({ id }) => id)).to.deep.equal(['padlet-3', 'padlet-2', 'padlet-1']);
    expect(await new IndexedDbRegisterStore(namespace).entry('no-such-tool', NOW)).to.equal(undefined);
  });

  it('takes a change based on one a change written in the same batch follows', async () => {
    const store = new IndexedDbRegisterStore(freshNamespace());
    await store.append([imported('padlet-1', 'padlet', at(1))]);
    await store.append([
      decided('padlet-3', 'padlet', 'padlet-2', at(3)),
      reviewStarted('padlet-2', 'padlet', 'padlet-1', at(2)),
    ]);
    expect((await store.read(NOW)).entries[0]!.status).to.equal('approved');
  });
});
