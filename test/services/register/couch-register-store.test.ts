// The shared register's store against a real CouchDB-protocol server: the register store's contract
// on its replica, sign-in, two people's browsers in live sync, offline work sent later, and a change
// the server refuses kept in sight with the server's reason.
import { expect } from '@open-wc/testing';
import type { RegisterEvent } from '../../../src/model/register/events.js';
import { CouchRegisterStore } from '../../../src/services/register/couch-register-store.js';
import { CouchSignInError } from '../../../src/services/register/couch-session.js';
import { localDatabase } from '../../../src/services/register/pouchdb.js';
import { NOW, assessmentOf, at, decided, fieldsOf, imported, reviewStarted } from '../../model/register/log.js';
import {
  freshTag,
  idsOnServer,
  newSchool,
  personOf,
  registerWhen,
  requestsAs,
  statusWhen,
  type School,
} from './couch-school.js';
import { registerStoreContract } from './store-contract.js';

const ann = personOf('approver', 'ann');
const bea = personOf('approver', 'bea');
const tom = personOf('teacher', 'tom');

/** Events of a new tool, made by `name`: its import, and its review started. */
function toolBy(name: string, tool = `Tool ${freshTag()}`): [RegisterEvent, RegisterEvent] {
  const entryId = `entry-${freshTag()}`;
  const assessment = assessmentOf(`assessment-${entryId}`, tool);
  const first = imported(`event-${freshTag()}`, entryId, at(1), { assessment, fields: fieldsOf(tool), by: { name } });
  return [first, { ...reviewStarted(`event-${freshTag()}`, entryId, first.id, at(2)), by: { name } }];
}

/** `name`'s approval of the tool whose events are `events`. */
const decisionOn = (events: readonly RegisterEvent[], name: string) =>
  decided(`event-${freshTag()}`, (events[0] as { entryId: string }).entryId, events.at(-1)!.id, at(3), {
    by: { name },
  });

describe('CouchRegisterStore', () => {
  let school: School;
  const opened: CouchRegisterStore[] = [];
  /** A store with a replica of its own on the school's register. */
  const open = (options: ConstructorParameters<typeof CouchRegisterStore>[1] = {}, url = school.register) => {
    const store = new CouchRegisterStore(url, { replica: `test-${freshTag()}`, ...options });
    opened.push(store);
    return store;
  };

  before(async () => {
    school = await newSchool([ann, bea, tom]);
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.deleteReplica()));
  });

  describe('as a register store, on its replica', () => {
    // No one signed in: the server sends nothing and takes nothing, so each test sees its replica alone.
    registerStoreContract(() => open({ credentials: 'omit' }));
  });

  it('says a sign-in is needed when the server answers 401, and syncs once someone signs in', async () => {
    const store = open();
    const refused = await statusWhen(store, ({ state }) => state === 'sign-in-needed');
    expect(refused.httpStatus).to.equal(401);

    const session = await store.signIn(ann.name, ann.password);
    expect(session.name).to.equal(ann.name);
    expect(session.roles).to.include(`proforma-${school.school}-approver`);
    expect(await store.userName(), 'what a new event’s by.name should be').to.equal(ann.name);
    expect((await store.session())?.name).to.equal(ann.name);
    await statusWhen(store, ({ state }) => state === 'up-to-date');

    await store.signOut();
    expect(await store.session()).to.equal(undefined);
    expect(await store.userName()).to.equal(undefined);
  });

  it('is told of a wrong password as data, and keeps nothing of it', async () => {
    const store = open();
    const error = await store.signIn(ann.name, 'not the password').catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(CouchSignInError);
    expect((error as CouchSignInError).problem).to.equal('wrong-name-or-password');
    expect(await store.userName()).to.equal(undefined);
  });

  it('shows a change made in one browser in another, live, both ways', async () => {
    const annStore = open({ fetch: requestsAs(ann) });
    const beaStore = open({ fetch: requestsAs(bea) });
    expect((await annStore.session())?.name).to.equal(ann.name);
    expect((await beaStore.session())?.name).to.equal(bea.name);

    const padlet = toolBy(ann.name, 'Padlet');
    const seenByBea = registerWhen(beaStore, ({ entries }) => entries[0]?.status === 'under-review');
    await annStore.append(padlet);
    const beaView = await seenByBea;
    expect(beaView.entries.map(({ tool }) => tool)).to.deep.equal(['Padlet']);

    const seenByAnn = registerWhen(annStore, ({ entries }) => entries[0]?.status === 'approved');
    await beaStore.append([decisionOn(padlet, bea.name)]);
    const annView = await seenByAnn;
    expect(annView.entries[0]!.log.map(({ by }) => by.name)).to.deep.equal([bea.name, ann.name, ann.name]);
    expect(annView.refused).to.deep.equal([]);
  });

  it('keeps working offline, counts the changes waiting, and sends them when the server is back', async () => {
    const replica = `test-${freshTag()}`;
    // Port 9 (discard) is one browsers never connect to: a server that cannot be reached.
    const unreachable = `http://localhost:9/${school.register.split('/').at(-1)}`;
    const offline = new CouchRegisterStore(unreachable, { replica, fetch: requestsAs(ann) });
    const events = toolBy(ann.name);
    await offline.append(events);
    const waiting = await statusWhen(offline, ({ state, pending }) => state === 'offline' && pending === 2);
    expect(waiting.refused).to.deep.equal([]);
    expect((await offline.read(NOW)).entries).to.have.length(1);
    await offline.close();

    const online = open({ replica, fetch: requestsAs(ann) });
    await statusWhen(online, ({ state, pending }) => state === 'up-to-date' && pending === 0);
    expect(await idsOnServer(school, ann)).to.include.members(events.map(({ id }) => id));
  });

  it('shows a decision the server refused (in someone else’s name) as refused, with the server’s reason, and sends it no more', async () => {
    const approver = open({ fetch: requestsAs(ann) });
    await approver.session();
    const decision = decisionOn(toolBy(tom.name), tom.name);
    await approver.append([decision]);
    const serverReason = `An event is recorded in the name of the person signed in (${ann.name}), not of "${tom.name}".`;
    const { refused, pending } = await statusWhen(approver, (status) => status.refused.length === 1);
    expect(refused.map(({ id, reason }) => [id, reason])).to.deep.equal([[decision.id, serverReason]]);
    const view = await approver.read(NOW);
    expect(view.refused.map(({ event, reason }) => [event.id, reason])).to.deep.equal([[decision.id, serverReason]]);
    expect(
      view.rejected.map(({ event }) => event.id),
      'not folded into the register',
    ).not.to.include(decision.id);
    expect(pending, 'a refused change is not waiting to be sent').to.equal(0);
    expect((await approver.events()).map(({ id }) => id)).not.to.include(decision.id);
  });

  it('keeps both of two different events under one id in sight, setting both aside', async () => {
    const replica = `test-${freshTag()}`;
    const [first] = toolBy(ann.name, 'Padlet');
    const other = { ...first, fields: { ...(first as { fields: object }).fields, tool: 'Seesaw' } };
    // Two browsers wrote different events under one id: the replica holds two revisions of the document.
    const database = localDatabase(replica);
    await database.bulkDocs(
      [
        { ...first, _id: first.id, _rev: '1-aaaa' },
        { ...other, _id: first.id, _rev: '1-bbbb' },
      ],
      { new_edits: false },
    );
    await database.close();
    const store = open({ credentials: 'omit', replica });
    const view = await store.read(NOW);
    expect(view.entries).to.deep.equal([]);
    expect(view.rejected.map(({ event, rule }) => [event.id, rule])).to.deep.equal([
      [first.id, 'duplicate-id'],
      [first.id, 'duplicate-id'],
    ]);
    const again = await store.append([first]).catch((error: Error) => error);
    expect((again as Error).message).to.contain(`"${first.id}"`);
  });
});
