// "Move this register to the shared one", against a real CouchDB-protocol server: every event and
// signed PDF of a browser's register reaches the server, read back before the move counts as done;
// and a move that cannot be done says why and leaves the browser's register as it was.
import { expect } from '@open-wc/testing';
import type { RegisterEvent } from '../../../src/model/register/events.js';
import { CouchRegisterStore } from '../../../src/services/register/couch-register-store.js';
import { MemoryRegisterStore } from '../../../src/services/register/memory-register-store.js';
import {
  MoveRegisterError,
  moveRegisterToShared,
  type MoveProgress,
} from '../../../src/services/register/move-register-to-shared.js';
import { NOW, at, decided, reviewStarted } from '../../model/register/log.js';
import { freshTag, idsOnServer, newSchool, personOf, registerWhen, requestsAs, type School } from './couch-school.js';
import { padletImport } from './store-contract.js';

const ann = personOf('approver', 'ann');
const bea = personOf('approver', 'bea');
const tom = personOf('teacher', 'tom');

/** A browser's own register: Padlet imported with its signed PDF, reviewed and approved, by someone who is not signed in to the server. */
async function browsersRegister(): Promise<{ from: MemoryRegisterStore; events: RegisterEvent[]; pdf: Uint8Array }> {
  const { event, pdf } = await padletImport(`padlet-${freshTag()}`);
  const review = reviewStarted(`review-${freshTag()}`, 'padlet', event.id, at(2));
  const events = [event, review, decided(`decision-${freshTag()}`, 'padlet', review.id, at(3))];
  const sha256 = (event as { evidence: { sha256: string } }).evidence.sha256;
  const from = new MemoryRegisterStore();
  await from.append(events, [{ name: 'padlet.pdf', sha256, bytes: pdf }]);
  return { from, events, pdf };
}

describe('moveRegisterToShared', () => {
  let school: School;
  const opened: CouchRegisterStore[] = [];
  const open = (fetchAs = ann) => {
    const store = new CouchRegisterStore(school.register, {
      replica: `test-${freshTag()}`,
      fetch: requestsAs(fetchAs),
    });
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    school = await newSchool([ann, bea, tom]);
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.deleteReplica()));
  });

  it('sends every event and signed PDF, and is done once the server, read back, holds them all', async () => {
    const { from, events, pdf } = await browsersRegister();
    const to = open(ann);
    const steps: MoveProgress[] = [];
    const result = await moveRegisterToShared(from, to, { onProgress: (progress) => steps.push(progress) });

    expect(result).to.deep.equal({ events: 3, evidence: 1 });
    expect(steps.at(-1)).to.deep.equal({ step: 'confirming', done: 3, total: 3 });
    expect([...new Set(steps.map(({ step }) => step))]).to.deep.equal([
      'checking',
      'reading',
      'writing',
      'sending',
      'confirming',
    ]);
    expect(await idsOnServer(school, ann)).to.have.members(events.map(({ id }) => id));
    expect(await from.events(), 'the browser’s register is left as it was').to.deep.equal(events);

    // Another approver's browser receives the register, its history as it was made, and the signed PDF.
    const elsewhere = open(bea);
    const view = await registerWhen(elsewhere, ({ entries }) => entries[0]?.status === 'approved');
    expect(view.entries[0]!.log.map(({ by }) => by.name)).to.deep.equal(events.map(({ by }) => by.name).reverse());
    const detail = (await elsewhere.entry('padlet', NOW))!;
    expect(detail.evidence.map(({ name }) => name)).to.deep.equal(['padlet.pdf']);
    const file = (await elsewhere.evidence(detail.evidence[0]!.sha256))!;
    expect([...file.bytes]).to.deep.equal([...pdf]);
  });

  it('asks for a sign-in first, and sends nothing', async () => {
    const { from } = await browsersRegister();
    const to = new CouchRegisterStore(school.register, { replica: `test-${freshTag()}`, credentials: 'omit' });
    opened.push(to);
    const error = await moveRegisterToShared(from, to).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(MoveRegisterError);
    expect((error as MoveRegisterError).problem).to.equal('sign-in-needed');
    expect((await to.read(NOW)).eventCount).to.equal(0);
    expect(await idsOnServer(school, ann)).to.deep.equal([]);
  });

  it('is for an approver: a teacher is told so, and nothing is sent', async () => {
    const { from } = await browsersRegister();
    const to = open(tom);
    const error = await moveRegisterToShared(from, to).catch((caught: unknown) => caught);
    expect((error as MoveRegisterError).problem).to.equal('not-an-approver');
    expect((error as Error).message).to.contain(tom.name);
    expect(await idsOnServer(school, ann)).to.deep.equal([]);
  });
});
