// Publishing the register for staff into the school's published database on a real server, signed
// in with CouchDB's session cookie as a page is: what is written, what is not, and who may.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { registerFromEvents } from '../../../src/model/register/fold.js';
import { publishRegister } from '../../../src/services/register/publish-register.js';
import { PublishedRegisterError } from '../../../src/services/register/published-requests.js';
import {
  readPublishedRegister,
  watchPublishedRegister,
  type PublishedRegisterChange,
} from '../../../src/services/register/read-published-register.js';
import { NOW, at, decided, underReview } from '../../model/register/log.js';

interface School {
  school: string;
  server: string;
  published: string;
}

const tag = Math.random().toString(36).slice(2, 10);
const approver = { name: `pub-${tag}-ann`, password: 'approver password', role: 'approver' };
const staff = { name: `pub-${tag}-sue`, password: 'staff password', role: 'staff' };
const teacher = { name: `pub-${tag}-tom`, password: 'teacher password', role: 'teacher' };

const entriesOf = (events: Parameters<typeof registerFromEvents>[0]) =>
  registerFromEvents(events, { now: NOW }).entries;
const twoTools = [...underReview('padlet'), decided('padlet-3', 'padlet', 'padlet-2', at(3)), ...underReview('canva')];

async function problemOf(act: () => Promise<unknown>): Promise<string> {
  try {
    await act();
  } catch (error) {
    expect(error).to.be.instanceOf(PublishedRegisterError);
    return (error as PublishedRegisterError).problem;
  }
  return expect.fail('expected a PublishedRegisterError');
}

describe('publishing the register for staff', () => {
  let school: School;
  const signIn = (person: { name: string; password: string }) =>
    fetch(`${school.server}/_session`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: person.name, password: person.password }),
    });

  before(async () => {
    school = await executeServerCommand<School, unknown>('couchdb-school', {
      origin: location.origin,
      people: [approver, staff, teacher],
    });
  });
  afterEach(async () => {
    await fetch(`${school.server}/_session`, { method: 'DELETE', credentials: 'include' });
  });

  it("writes an approver's tools, then nothing while nothing changed, then only the tool that did", async () => {
    await signIn(approver);
    const first = await publishRegister(school.published, school.school, entriesOf(twoTools));
    expect(first.written.map(({ _id }) => _id)).to.have.members([`${school.school}:padlet`, `${school.school}:canva`]);
    expect(first.unchanged).to.equal(0);

    const again = await publishRegister(school.published, school.school, entriesOf(twoTools), {
      now: new Date('2026-12-02T00:00:00Z'),
    });
    expect(again, 'a second publish with no change writes nothing').to.deep.equal({ written: [], unchanged: 2 });

    const canvaDecided = [...twoTools, decided('canva-3', 'canva', 'canva-2', at(4), { outcome: 'not-approved' })];
    const third = await publishRegister(school.published, school.school, entriesOf(canvaDecided));
    expect(third.written.map(({ _id }) => _id)).to.deep.equal([`${school.school}:canva`]);
    expect(third.written[0]!._rev).to.match(/^2-/);
  });

  it('lets staff read the published register, and watch it change', async () => {
    await signIn(approver);
    await publishRegister(school.published, school.school, entriesOf(twoTools));
    await signIn(staff);
    const read = await readPublishedRegister(school.published);
    expect(read.entries.map(({ tool }) => tool)).to.include.members(['Tool padlet', 'Tool canva']);
    expect(read.unreadable).to.deep.equal([]);

    const stop = new AbortController();
    const seen = new Promise<PublishedRegisterChange>((resolve) => {
      void watchPublishedRegister(school.published, read.since, resolve, { signal: stop.signal, pollMs: 5000 });
    });
    await signIn(approver);
    await publishRegister(school.published, school.school, entriesOf([...twoTools, ...underReview('kahoot')]));
    const change = await seen;
    stop.abort();
    expect(change.changed.map(({ _id }) => _id)).to.include(`${school.school}:kahoot`);
  });

  it('refuses a teacher or staff publishing, and says a sign-in is needed when no one is signed in', async () => {
    const moreTools = [...twoTools, ...underReview('seesaw')];
    for (const person of [staff, teacher]) {
      await signIn(person);
      expect(await problemOf(() => publishRegister(school.published, school.school, entriesOf(moreTools)))).to.equal(
        'not-allowed',
      );
    }
    await fetch(`${school.server}/_session`, { method: 'DELETE', credentials: 'include' });
    expect(await problemOf(() => readPublishedRegister(school.published))).to.equal('sign-in-needed');
  });

  it('tells a server that does not answer apart', async () => {
    expect(await problemOf(() => readPublishedRegister('http://127.0.0.1:9/proforma-x-published'))).to.equal(
      'unreachable',
    );
  });

  it('reads again and writes once more a tool someone else changed meanwhile', async () => {
    await signIn(approver);
    const tools = [...underReview('flip')];
    const [written] = (await publishRegister(school.published, school.school, entriesOf(tools))).written;
    let raced = false;
    // Another approver's publish lands between this one's read and its write.
    const racingFetch = async (url: string, init: RequestInit) => {
      if (!raced && url.endsWith('/_bulk_docs')) {
        raced = true;
        const theirs = { ...written!, entry: { ...written!.entry, purpose: 'Someone else wrote this' } };
        await fetch(`${school.published}/${encodeURIComponent(written!._id)}`, {
          method: 'PUT',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(theirs),
        });
      }
      return fetch(url, init);
    };
    const decidedFlip = [...tools, decided('flip-3', 'flip', 'flip-2', at(3))];
    const result = await publishRegister(school.published, school.school, entriesOf(decidedFlip), {
      fetch: racingFetch,
    });
    expect(raced).to.equal(true);
    expect(result.written.map(({ _rev }) => _rev?.slice(0, 2))).to.deep.equal(['3-']);
  });
});
