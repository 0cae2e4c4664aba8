// A teacher's outbox against the test run's real CouchDB-protocol server: submissions kept in the
// browser, pushed to the school's submissions database, waiting while offline, refused with the
// server's reason, and decided once the published register names them. Waits on the outbox's
// status, never on the clock.
import { expect } from '@open-wc/testing';
import {
  SubmissionOutbox,
  type OutboxStatus,
  type SubmissionOutboxOptions,
} from '../../../src/services/register/submission-outbox.js';
import type { CouchFetch } from '../../../src/services/register/couch-session.js';
import { freshTag, newSchool, personOf, requestsAs, type School } from './couch-school.js';

const ann = personOf('approver', 'ann');
const tom = personOf('teacher', 'tom');

/** Resolves with the outbox's status once `until` holds of it (at once if it already does). */
function outboxWhen(outbox: SubmissionOutbox, until: (status: OutboxStatus) => boolean): Promise<OutboxStatus> {
  return new Promise((resolve) => {
    if (until(outbox.status)) return resolve(outbox.status);
    const stop = outbox.watch((status) => {
      if (!until(status)) return;
      stop();
      resolve(status);
    });
  });
}

/** A `fetch` that fails as an unplugged cable does while `offline` is set. */
function unpluggable(fetch: CouchFetch): { fetch: CouchFetch; offline: boolean } {
  const cable = {
    offline: false,
    fetch: (url: string, init: RequestInit) =>
      cable.offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(url, init),
  };
  return cable;
}

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
const outgoing = (tool = 'Padlet') => ({
  pdf: PDF,
  fileName: `${tool}-risk-assessment-2026-12-08.pdf`,
  signerName: 'Tom Jones',
  tool: { name: tool, url: 'https://padlet.com' },
});

describe('SubmissionOutbox', () => {
  let school: School;
  const opened: SubmissionOutbox[] = [];
  const open = (options: SubmissionOutboxOptions) => {
    const outbox = new SubmissionOutbox(school.register, { outbox: `test-${freshTag()}`, pollMs: 5000, ...options });
    opened.push(outbox);
    return outbox;
  };

  before(async () => {
    school = await newSchool([ann, tom]);
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((outbox) => outbox.close()));
  });

  it('finds the school’s submissions and published databases beside its register', () => {
    const outbox = open({ fetch: requestsAs(tom) });
    expect(outbox.addresses).to.deep.equal({
      school: school.school,
      submissions: school.submissions,
      published: school.published,
    });
  });

  it('sends a signed PDF to the submissions database, in the name of the person signed in', async () => {
    const outbox = open({ fetch: requestsAs(tom) });
    await outbox.session();
    const submission = await outbox.send(outgoing());
    const { submissions } = await outboxWhen(outbox, (status) => status.submissions[0]?.progress.state === 'sent');
    expect(submissions.map(({ submission: { id } }) => id)).to.deep.equal([submission.id]);

    const response = await requestsAs(ann)(`${school.submissions}/${submission.id}?attachments=true`, {
      method: 'GET',
      headers: { accept: 'application/json' },
    });
    const held = (await response.json()) as Record<string, unknown> & {
      _attachments: Record<string, { data: string }>;
    };
    expect(held.recordedBy).to.equal(tom.name);
    expect(held.by).to.deep.equal({ name: 'Tom Jones' });
    expect(atob(held._attachments['assessment.pdf']!.data)).to.equal('%PDF-1.7\n%%EOF\n');
  });

  it('keeps a submission made offline waiting, and sends it when the network is back', async () => {
    const cable = unpluggable(requestsAs(tom));
    const outbox = open({ fetch: cable.fetch });
    await outbox.session();
    cable.offline = true;
    outbox.restartSync();
    await outboxWhen(outbox, ({ connection }) => connection === 'offline');
    const submission = await outbox.send(outgoing('Canva'));
    const waiting = await outboxWhen(outbox, ({ submissions }) => submissions.length === 1);
    expect(waiting.submissions[0]!.progress).to.deep.equal({ state: 'waiting', because: 'offline' });

    cable.offline = false;
    window.dispatchEvent(new Event('online'));
    const sent = await outboxWhen(outbox, ({ submissions }) => submissions[0]?.progress.state === 'sent');
    expect(sent.connection).to.equal('online');
    const onServer = await requestsAs(ann)(`${school.submissions}/${submission.id}`, { method: 'GET' });
    expect(onServer.status).to.equal(200);
  });

  it('says a decision is recorded once the published register names the submission', async () => {
    const outbox = open({ fetch: requestsAs(tom) });
    await outbox.session();
    const submission = await outbox.send(outgoing('Seesaw'));
    await outboxWhen(outbox, ({ submissions }) => submissions[0]?.progress.state === 'sent');

    const id = `${school.school}:entry-${freshTag()}`;
    const published = await requestsAs(ann)(`${school.published}/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        _id: id,
        school: school.school,
        entry: {
          id: id.split(':')[1],
          tool: 'Seesaw',
          subjects: [],
          yearGroups: [],
          status: 'approved-with-conditions',
          conditions: ['Class accounts only'],
          owners: [],
          history: [],
        },
        publishedAt: new Date().toISOString(),
        submissions: [submission.id],
      }),
    });
    expect(published.status).to.equal(201);
    const decided = await outboxWhen(outbox, ({ submissions }) => submissions[0]?.progress.state === 'decided');
    expect(decided.submissions[0]!.progress).to.deep.equal({
      state: 'decided',
      decision: 'approved-with-conditions',
    });
  });

  it('shows a submission the server refused with its reason, and sends it no more', async () => {
    const name = `test-${freshTag()}`;
    // Ann signed in on this browser last; Tom's session sends what is kept in her name.
    const asAnn = open({ fetch: requestsAs(ann), outbox: name });
    await asAnn.session();
    await asAnn.close();
    const outbox = open({ fetch: requestsAs(tom), outbox: name });
    await outbox.send(outgoing('Flip'));
    const { submissions } = await outboxWhen(outbox, (status) => status.submissions[0]?.progress.state === 'refused');
    expect(submissions[0]!.progress).to.deep.equal({
      state: 'refused',
      reason: `A submission is sent by the person signed in (${tom.name}), not by "${ann.name}".`,
    });
  });

  it('asks for a sign-in when no one is signed in, and keeps nothing to send until then', async () => {
    const outbox = open({ credentials: 'omit' });
    expect(await outbox.session()).to.equal(undefined);
    const error = await outbox.send(outgoing()).catch((caught: unknown) => caught);
    expect((error as { problem?: string }).problem).to.equal('sign-in-needed');
    await outboxWhen(outbox, ({ connection }) => connection === 'sign-in-needed');
    expect(outbox.status.submissions).to.deep.equal([]);
  });
});
