// Two approvers' browsers on one shared register, against a real CouchDB-protocol server: a signed
// PDF imported in one is there in the other; both offline, they decide one tool differently, and
// once back the conflict shows in both with nothing lost; the server gone in the middle of a sync
// and back again, the sync resumes and nothing is lost.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { RegisterEvent } from '../../../src/model/register/events.js';
import { CouchRegisterStore } from '../../../src/services/register/couch-register-store.js';
import { NOW, at, decided, fieldsOf, imported, reviewStarted, assessmentOf } from '../../model/register/log.js';
import {
  freshTag,
  idsOnServer,
  newSchool,
  personOf,
  registerWhen,
  requestsAs,
  statusWhen,
  type Person,
  type School,
} from './couch-school.js';

const ann = personOf('approver', 'ann');
const bea = personOf('approver', 'bea');

/** Port 9 (discard), which browsers never connect to: the register's server out of reach. */
const offlineAddress = (school: School) => `http://localhost:9/${school.register.split('/').at(-1)}`;

/** A tool imported and put under review by `person`. */
function toolUnderReview(person: Person, extra: Record<string, unknown> = {}): [RegisterEvent, RegisterEvent] {
  const entryId = `entry-${freshTag()}`;
  const tool = `Tool ${freshTag()}`;
  const first = imported(`event-${freshTag()}`, entryId, at(1), {
    assessment: assessmentOf(`assessment-${entryId}`, tool),
    fields: fieldsOf(tool),
    by: { name: person.name },
    ...extra,
  });
  return [first, { ...reviewStarted(`event-${freshTag()}`, entryId, first.id, at(2)), by: { name: person.name } }];
}

const entryIdOf = (event: RegisterEvent) => (event as { entryId: string }).entryId;

async function sha256Of(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('two browsers on one shared register', function () {
  this.timeout(30_000);
  let school: School;
  const opened: CouchRegisterStore[] = [];
  /** A store of `person`'s, with a replica of its own unless given one, at the register's address unless given another. */
  const open = (person: Person, replica = `test-${freshTag()}`, url = school.register) => {
    const store = new CouchRegisterStore(url, { replica, fetch: requestsAs(person) });
    opened.push(store);
    return store;
  };

  before(async () => {
    school = await newSchool([ann, bea]);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.deleteReplica().catch(() => store.close())));
  });

  it('shows a signed PDF imported in one browser in the other, with its bytes', async () => {
    const annStore = open(ann);
    const beaStore = open(bea);
    await annStore.session();
    const bytes = new TextEncoder().encode(`%PDF-1.7 signed assessment ${freshTag()}\n%%EOF\n`);
    const sha256 = await sha256Of(bytes);
    const events = toolUnderReview(ann, { evidence: { name: 'padlet.pdf', sha256 } });
    await annStore.append(events, [{ name: 'padlet.pdf', sha256, bytes }]);

    const seen = await registerWhen(beaStore, ({ entries }) => entries.some(({ id }) => id === entryIdOf(events[0])));
    expect(seen.entries.find(({ id }) => id === entryIdOf(events[0]))!.status).to.equal('under-review');
    let evidence = await beaStore.evidence(sha256);
    // The attachment may come a moment after its document: wait on the store's own news of it.
    if (!evidence) {
      await new Promise<void>((resolve) => {
        const stop = beaStore.watch(() => {
          void beaStore.evidence(sha256).then((found) => {
            if (!found) return;
            stop();
            resolve();
          });
        });
      });
      evidence = await beaStore.evidence(sha256);
    }
    expect(evidence?.name).to.equal('padlet.pdf');
    expect([...evidence!.bytes]).to.deep.equal([...bytes]);
  });

  it('keeps two decisions made offline in two browsers, and shows the conflict in both', async () => {
    const [annReplica, beaReplica] = [`test-${freshTag()}`, `test-${freshTag()}`];
    const events = toolUnderReview(ann);
    const entryId = entryIdOf(events[0]);
    const annOnline = open(ann, annReplica);
    await annOnline.session();
    await annOnline.append(events);
    await statusWhen(annOnline, ({ state, pending }) => state === 'up-to-date' && pending === 0);
    const beaOnline = open(bea, beaReplica);
    await beaOnline.session();
    await registerWhen(beaOnline, ({ entries }) => entries.some(({ id }) => id === entryId));
    await Promise.all([annOnline.close(), beaOnline.close()]);

    // Both offline: each decides on the tool as it was, one approving and one not.
    const annOffline = open(ann, annReplica, offlineAddress(school));
    const beaOffline = open(bea, beaReplica, offlineAddress(school));
    const yes = decided(`event-${freshTag()}`, entryId, events[1].id, at(3), { by: { name: ann.name } });
    const no = decided(`event-${freshTag()}`, entryId, events[1].id, at(4), {
      by: { name: bea.name },
      outcome: 'not-approved',
      conditions: [],
    });
    await annOffline.append([yes]);
    await beaOffline.append([no]);
    await statusWhen(annOffline, ({ state, pending }) => state === 'offline' && pending === 1);
    await statusWhen(beaOffline, ({ state, pending }) => state === 'offline' && pending === 1);
    await Promise.all([annOffline.close(), beaOffline.close()]);

    // Back online, each browser with its own replica.
    const conflicted = (view: Awaited<ReturnType<CouchRegisterStore['read']>>) =>
      view.entries.find(({ id }) => id === entryId)?.conflict?.decisions.length === 2;
    const [annBack, beaBack] = [open(ann, annReplica), open(bea, beaReplica)];
    const [annView, beaView] = await Promise.all([
      registerWhen(annBack, conflicted),
      registerWhen(beaBack, conflicted),
    ]);
    for (const view of [annView, beaView]) {
      const entry = view.entries.find(({ id }) => id === entryId)!;
      expect(entry.conflict!.decisions.map(({ id }) => id)).to.have.members([yes.id, no.id]);
      expect(view.refused, 'nothing refused').to.deep.equal([]);
    }
    await statusWhen(annBack, ({ state, pending }) => state === 'up-to-date' && pending === 0);
    await statusWhen(beaBack, ({ state, pending }) => state === 'up-to-date' && pending === 0);
    expect(await idsOnServer(school, ann), 'nothing lost').to.include.members([...events, yes, no].map(({ id }) => id));
  });

  it('resumes a sync the server’s stopping cut short, and loses nothing', async () => {
    const gate = await executeServerCommand<{ port: number; server: string }, unknown>('couchdb-gate', {
      action: 'make',
      origin: location.origin,
    });
    const store = open(ann, `test-${freshTag()}`, `${gate.server}/${school.register.split('/').at(-1)}`);
    await store.session();
    await statusWhen(store, ({ state }) => state === 'up-to-date');
    const events = Array.from({ length: 60 }, () => toolUnderReview(ann)).flat();

    // The server takes requests but its answers stop coming; then it stops, the changes on their way.
    await executeServerCommand('couchdb-gate', { action: 'hold', port: gate.port });
    await store.append(events);
    await executeServerCommand('couchdb-gate', { action: 'shut', port: gate.port });
    // Offline, with every change still to be sent.
    await statusWhen(store, ({ state, pending }) => state === 'offline' && pending === events.length);
    expect(
      (await store.read(NOW)).entries.map(({ id }) => id),
      'every tool kept in the browser',
    ).to.include.members(events.map(entryIdOf));

    await executeServerCommand('couchdb-gate', { action: 'open', port: gate.port });
    const resumed = await statusWhen(store, ({ state, pending }) => state === 'up-to-date' && pending === 0);
    expect(resumed.refused).to.deep.equal([]);
    const onServer = await idsOnServer(school, ann);
    expect(onServer, 'nothing lost').to.include.members(events.map(({ id }) => id));
  });
});
