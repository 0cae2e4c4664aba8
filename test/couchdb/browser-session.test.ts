// A page signs in to the school's CouchDB as a browser will (CouchDB's session cookie, across
// origins through CORS) and writes to the register, whose rules the server keeps: the ground the
// shared register's store stands on, on the same server as the Node tests of those rules.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

interface School {
  kind: string;
  server: string;
  register: string;
  submissions: string;
  published: string;
}

interface SchoolRequest {
  origin: string;
  people: Array<{ name: string; password: string; role: string }>;
}

const tag = Math.random().toString(36).slice(2, 10);
const approver = { name: `web-${tag}-ann`, password: 'approver password', role: 'approver' };
const teacher = { name: `web-${tag}-tom`, password: 'teacher password', role: 'teacher' };

/** A request with the page's cookies, as PouchDB sends them to a server on another origin. */
async function send(
  url: string,
  method = 'GET',
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method,
    credentials: 'include',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function decision(author: string) {
  const id = `event-${crypto.randomUUID()}`;
  return {
    _id: id,
    id,
    type: 'decided',
    at: new Date().toISOString(),
    by: { name: author },
    entryId: 'entry-padlet',
    outcome: 'approved',
    conditions: [],
    approver: author,
    decisionDate: '2026-12-07',
  };
}

describe('a page and the shared register server', () => {
  let school: School;

  before(async () => {
    school = await executeServerCommand<School, SchoolRequest>('couchdb-school', {
      origin: location.origin,
      people: [approver, teacher],
    });
  });

  afterEach(async () => {
    await send(`${school.server}/_session`, 'DELETE');
  });

  it('signs in with a session cookie and writes an approver’s decision', async () => {
    const signIn = await send(`${school.server}/_session`, 'POST', {
      name: approver.name,
      password: approver.password,
    });
    expect(signIn.status, JSON.stringify(signIn.body)).to.equal(200);
    const session = await send(`${school.server}/_session`);
    expect((session.body.userCtx as { name: string }).name, 'the cookie is sent back').to.equal(approver.name);

    const event = decision(approver.name);
    const written = await send(`${school.register}/${event._id}`, 'PUT', event);
    expect(written.status, JSON.stringify(written.body)).to.equal(201);
  });

  it('is refused a teacher’s submission in someone else’s name, with the server’s reason', async () => {
    await send(`${school.server}/_session`, 'POST', { name: teacher.name, password: teacher.password });
    const id = crypto.randomUUID();
    const refused = await send(`${school.submissions}/${id}`, 'PUT', {
      _id: id,
      kind: 'proforma-submission',
      version: 1,
      submittedAt: new Date().toISOString(),
      by: { name: 'Tom Jones' },
      recordedBy: approver.name,
      tool: { name: 'Padlet' },
      fileName: 'padlet.pdf',
      _attachments: { 'assessment.pdf': { content_type: 'application/pdf', data: btoa('%PDF-1.7') } },
    });
    expect(refused.status).to.equal(403);
    expect(refused.body.reason).to.equal(
      `A submission is sent by the person signed in (${teacher.name}), not by "${approver.name}".`,
    );
  });

  it('is told a wrong password', async () => {
    const signIn = await send(`${school.server}/_session`, 'POST', { name: approver.name, password: 'wrong' });
    expect(signIn.status).to.equal(401);
  });
});
