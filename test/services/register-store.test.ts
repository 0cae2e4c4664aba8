import { expect } from '@open-wc/testing';
import { createStore, set } from 'idb-keyval';
import type { TrustedKey } from '../../src/model/register-entry.js';
import {
  RegisterHistoryError,
  RegisterStore,
  registerBucketOf,
  registerDatabaseName,
} from '../../src/services/register-store.js';
import { makeDraft } from '../drafts/helpers.js';
import { storeDamagedEntry } from '../register/damage.js';
import { entry, freshNamespace } from '../register/entries.js';

const later = (event: string) => ({ at: '2026-11-22T09:00:00.000Z', by: 'J. Evans', action: event, changes: [] });

async function refusal(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('the store accepted it');
}

describe('RegisterStore', () => {
  it('keeps entries across store objects, in a database of its own per namespace', async () => {
    const namespace = freshNamespace();
    await new RegisterStore(namespace).save(entry('a'), entry('b'));

    const { entries, damaged } = await new RegisterStore(namespace).list();

    expect(entries.map(({ id }) => id).sort()).to.deep.equal(['a', 'b']);
    expect(damaged).to.deep.equal([]);
    expect((await new RegisterStore(freshNamespace()).list()).entries).to.deep.equal([]);
    expect(registerDatabaseName(namespace)).to.equal(`proforma-${namespace}-register`);
  });

  it('lets an entry’s history grow', async () => {
    const store = new RegisterStore(freshNamespace());
    const first = entry('a');
    await store.save(first);

    await store.save({ ...first, status: 'under-review', history: [...first.history, later('status')] });

    expect((await store.get('a'))?.history.map(({ action }) => action)).to.deep.equal(['imported', 'status']);
  });

  it('refuses to rewrite or drop history, and writes nothing of that save', async () => {
    const store = new RegisterStore(freshNamespace());
    const first = entry('a');
    await store.save(first);

    const dropped = await refusal(store.save(entry('b'), { ...first, history: [] }));
    const rewritten = await refusal(store.save({ ...first, history: [{ ...first.history[0]!, by: 'Someone else' }] }));

    expect(dropped).to.be.instanceOf(RegisterHistoryError);
    expect(rewritten).to.be.instanceOf(RegisterHistoryError);
    expect((dropped as Error).message).to.contain('can only be added to');
    expect(await store.get('b'), 'the other entry of the refused save is not written').to.equal(undefined);
    expect((await store.get('a'))?.history).to.deep.equal(first.history);
  });

  it('refuses an entry that does not fit the schema', async () => {
    const store = new RegisterStore(freshNamespace());

    const error = await refusal(store.save({ ...entry('a'), tool: '' }));

    expect(error).to.be.instanceOf(Error);
    expect((await store.list()).entries).to.deep.equal([]);
  });

  it('lists a damaged entry apart and never overwrites it, keeping it through saves of others', async () => {
    const namespace = freshNamespace();
    await storeDamagedEntry(namespace, { id: 'broken', tool: 42 });
    const store = new RegisterStore(namespace);
    await store.save(entry('a'));
    const sameBucket = Array.from({ length: 200 }, (_, index) => `tool-${index}`).find(
      (id) => registerBucketOf(id) === registerBucketOf('broken'),
    )!;
    await store.save(entry(sameBucket));

    const { entries, damaged } = await store.list();
    const overwrite = await refusal(store.save(entry('broken')));

    expect(entries.map(({ id }) => id)).to.deep.equal(['a', sameBucket]);
    expect(damaged.map(({ key }) => key)).to.deep.equal(['broken']);
    expect(overwrite).to.be.instanceOf(RegisterHistoryError);
    expect((await store.list()).damaged.map(({ raw }) => raw)).to.deep.equal([{ id: 'broken', tool: 42 }]);
  });

  it('lists an unreadable record apart, still lists the rest, and writes nothing over it', async () => {
    const namespace = freshNamespace();
    const store = new RegisterStore(namespace);
    await store.save(entry('a'), entry('b'));
    const raw = createStore(registerDatabaseName(namespace), 'register');
    await set(['entries', registerBucketOf('a')], 'not json', raw);

    const { entries, damaged } = await store.list();
    const overwrite = await refusal(store.save(entry('a', { status: 'under-review' })));

    expect(entries.map(({ id }) => id)).to.deep.equal(registerBucketOf('a') === registerBucketOf('b') ? [] : ['b']);
    expect(damaged.map(({ raw }) => raw)).to.deep.equal(['not json']);
    expect(overwrite).to.be.instanceOf(RegisterHistoryError);
    expect((await store.list()).damaged.map(({ raw }) => raw)).to.deep.equal(['not json']);
  });

  it('keeps the trusted staff keys apart from the entries', async () => {
    const store = new RegisterStore(freshNamespace());
    const key: TrustedKey = {
      name: 'Łukasz Nowak',
      role: 'Class teacher',
      fingerprint: Array.from({ length: 32 }, (_, index) => index.toString(16).padStart(2, '0').toUpperCase()).join(
        ':',
      ),
      addedAt: '2026-11-21T09:00:00.000Z',
    };
    await store.save(entry('a'));

    await store.trust(key);

    expect(await store.trustedKeys()).to.deep.equal([key]);
    expect((await store.list()).entries.map(({ id }) => id)).to.deep.equal(['a']);
    await store.distrust(key.fingerprint);
    expect(await store.trustedKeys()).to.deep.equal([]);
  });
  it('lists entries without their answers, and never drops the answers a change comes without', async () => {
    const store = new RegisterStore(freshNamespace());
    const { assessment } = makeDraft('a');
    const first = entry('a', { assessment });
    await store.save(first, entry('b'));

    const listed = (await store.list()).entries;
    await store.save({ ...listed[0]!, status: 'under-review', history: [...first.history, later('status')] });

    expect(listed.map(({ id, assessment }) => [id, assessment])).to.deep.equal([
      ['a', undefined],
      ['b', undefined],
    ]);
    expect((await store.get('a'))?.status).to.equal('under-review');
    expect((await store.get('a'))?.assessment, 'kept through a change made from the list').to.deep.equal(assessment);
    expect((await store.listWithAssessments()).entries.map(({ assessment }) => assessment?.id)).to.deep.equal([
      'a',
      undefined,
    ]);
  });
});
