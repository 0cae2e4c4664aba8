// The register's rules on a real server (Apache CouchDB when COUCHDB_URL names one, else PouchDB
// Server): a school set up by proforma-couchdb's own code, its people signed in over HTTP as a
// browser or a forger would be, each write answered by the server.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { schoolNames } from '../../couchdb/design-documents.mjs';
import { connectAsAdmin } from '../../couchdb/server.mjs';
import { addPerson, setupSchool } from '../../couchdb/setup.mjs';
import { eventDocument, submissionDocument } from '../couchdb/events.mjs';
import { removeSchool, testCouchServer } from '../couchdb/server.mjs';

const school = `rules-${randomBytes(4).toString('hex')}`;
const names = schoolNames(school);
/** Names are server-wide: each run's people are its school's. */
const people = {
  approver: { name: `${school}-ann`, password: 'approver password', role: 'approver' },
  teacher: { name: `${school}-tom`, password: 'teacher password', role: 'teacher' },
  staff: { name: `${school}-sue`, password: 'staff password', role: 'staff' },
};
let server;

before(async () => {
  server = await testCouchServer();
  const client = await connectAsAdmin(server.adminUrl);
  await setupSchool(client, { school });
  for (const person of Object.values(people)) await addPerson(client, { school, ...person });
});

after(async () => {
  if (!server) return;
  await removeSchool(server, school);
  await server.stop();
});

/** A request to the server as `person` (signed in with their name and password), answering `{ status, body }`. */
async function as(person, method, path, body) {
  const headers = { accept: 'application/json' };
  if (person) headers.authorization = `Basic ${Buffer.from(`${person.name}:${person.password}`).toString('base64')}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path, `${server.origin}/`), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: JSON.parse(await response.text()) };
}

/** Writes `doc` to the register as `person`. */
const addEvent = (person, doc) => as(person, 'PUT', `${names.register}/${doc._id}`, doc);

test("an approver's decision is written, and reads back as it was sent", async () => {
  const decision = eventDocument('decided', people.approver.name);
  const written = await addEvent(people.approver, decision);
  assert.equal(written.status, 201, JSON.stringify(written.body));
  const read = await as(people.approver, 'GET', `${names.register}/${decision._id}`);
  assert.equal(read.body.outcome, decision.outcome);
  assert.deepEqual(read.body.by, { name: people.approver.name });
});

test('a teacher can neither read the register nor add to it', async () => {
  const decision = eventDocument('decided', people.approver.name);
  await addEvent(people.approver, decision);
  const read = await as(people.teacher, 'GET', `${names.register}/${decision._id}`);
  // CouchDB answers 403 to someone signed in who is not a member; PouchDB Server answers 401.
  assert.ok([401, 403].includes(read.status), `reading answered ${read.status}`);
  const listed = await as(people.teacher, 'GET', `${names.register}/_all_docs`);
  assert.ok([401, 403].includes(listed.status), `listing answered ${listed.status}`);
  for (const type of ['submitted', 'decided']) {
    const written = await addEvent(people.teacher, eventDocument(type, people.teacher.name));
    assert.ok([401, 403].includes(written.status), `${type}: writing answered ${written.status}`);
  }
});

/** Sends `doc` to the submissions database as `person`. */
const submit = (person, doc) => as(person, 'PUT', `${names.submissions}/${doc._id}`, doc);

test('a teacher sends a submission with its PDF, and it reads back as sent', async () => {
  const sent = submissionDocument(people.teacher.name);
  const written = await submit(people.teacher, sent);
  assert.equal(written.status, 201, JSON.stringify(written.body));
  for (const person of [people.teacher, people.approver]) {
    const read = await as(person, 'GET', `${names.submissions}/${sent._id}?attachments=true`);
    assert.equal(read.status, 200, person.role);
    assert.equal(read.body.tool.name, 'Padlet');
    assert.equal(read.body._attachments['assessment.pdf'].data, sent._attachments['assessment.pdf'].data);
  }
  const byStaff = await as(people.staff, 'GET', `${names.submissions}/${sent._id}`);
  assert.ok([401, 403].includes(byStaff.status), `staff reading answered ${byStaff.status}`);
});

test('a submission is never updated nor deleted by its sender', async () => {
  const sent = submissionDocument(people.teacher.name);
  const { body } = await submit(people.teacher, sent);
  const updated = await submit(people.teacher, { ...sent, _rev: body.rev, tool: { name: 'Canva' } });
  assert.equal(updated.status, 403);
  assert.equal(updated.body.reason, 'A submission is never changed once sent: send the assessment again instead.');
  const deleted = await as(people.teacher, 'DELETE', `${names.submissions}/${sent._id}?rev=${body.rev}`);
  assert.equal(deleted.status, 403);
  assert.equal(deleted.body.reason, 'A submission is never deleted: the approvers keep every assessment sent to them.');
  const read = await as(people.teacher, 'GET', `${names.submissions}/${sent._id}`);
  assert.equal(read.body.tool.name, 'Padlet', 'the submission is as first sent');
});

test('a submission sent in the name of someone else, or not one at all, is refused with the reason', async () => {
  const forged = await submit(people.teacher, submissionDocument(people.approver.name));
  assert.equal(forged.status, 403);
  assert.equal(
    forged.body.reason,
    `A submission is sent by the person signed in (${people.teacher.name}), not by "${people.approver.name}".`,
  );
  const shapeless = await submit(people.teacher, submissionDocument(people.teacher.name, { tool: {} }));
  assert.equal(shapeless.status, 403);
  assert.equal(shapeless.body.reason, 'This is not a submission: it does not name the tool.');
});

test('an event once written is never updated, even by its author', async () => {
  const decision = eventDocument('decided', people.approver.name);
  const { body } = await addEvent(people.approver, decision);
  const updated = await addEvent(people.approver, { ...decision, _rev: body.rev, outcome: 'not-approved' });
  assert.equal(updated.status, 403);
  assert.equal(updated.body.reason, 'Events are never changed once written: record a new event instead.');
  const read = await as(people.approver, 'GET', `${names.register}/${decision._id}`);
  assert.equal(read.body.outcome, decision.outcome, 'the event is as first written');
});

test('an event is never deleted', async () => {
  const decision = eventDocument('decided', people.approver.name);
  const { body } = await addEvent(people.approver, decision);
  const deleted = await as(people.approver, 'DELETE', `${names.register}/${decision._id}?rev=${body.rev}`);
  assert.equal(deleted.status, 403);
  assert.equal(deleted.body.reason, 'Events are never deleted: the register keeps every change.');
  assert.equal((await as(people.approver, 'GET', `${names.register}/${decision._id}`)).status, 200);
});

test('an event in the name of someone else is refused', async () => {
  const forged = await addEvent(people.approver, eventDocument('decided', people.teacher.name));
  assert.equal(forged.status, 403);
  assert.equal(
    forged.body.reason,
    `An event is recorded in the name of the person signed in (${people.approver.name}), not of "${people.teacher.name}".`,
  );
});

test("an approver moves someone else's event in, marked as moved; a teacher may not", async () => {
  const moved = eventDocument('decided', 'someone who left', { moved: true, recordedBy: people.approver.name });
  const written = await addEvent(people.approver, moved);
  assert.equal(written.status, 201, JSON.stringify(written.body));
  const read = await as(people.approver, 'GET', `${names.register}/${moved._id}`);
  assert.deepEqual([read.body.by.name, read.body.recordedBy], ['someone who left', people.approver.name]);
  const byTeacher = eventDocument('submitted', 'someone who left', { moved: true, recordedBy: people.teacher.name });
  const refused = await addEvent(people.teacher, byTeacher);
  assert.ok([401, 403].includes(refused.status), `a teacher writing answered ${refused.status}`);
});

test('a document that is not a register event is refused', async () => {
  const refused = await addEvent(people.approver, eventDocument('decided', people.approver.name, { outcome: 'maybe' }));
  assert.equal(refused.status, 403);
  assert.match(refused.body.reason, /^This is not a register event: its outcome/);
});

test('staff cannot read the register, nor write to it; no one signed out can', async () => {
  const decision = eventDocument('decided', people.approver.name);
  await addEvent(people.approver, decision);
  for (const person of [people.staff, undefined]) {
    const read = await as(person, 'GET', `${names.register}/${decision._id}`);
    assert.ok([401, 403].includes(read.status), `read answered ${read.status}`);
    const listed = await as(person, 'GET', `${names.register}/_all_docs`);
    assert.ok([401, 403].includes(listed.status), `listing answered ${listed.status}`);
    const written = await addEvent(person, eventDocument('submitted', person?.name ?? 'nobody'));
    assert.ok([401, 403].includes(written.status), `writing answered ${written.status}`);
  }
});

test('staff and teachers read the published register; only approvers write it', async () => {
  const id = `${school}:entry-padlet`;
  const published = {
    _id: id,
    school,
    entry: {
      id: 'entry-padlet',
      tool: 'Padlet',
      subjects: [],
      yearGroups: [],
      status: 'approved',
      conditions: [],
      owners: [],
      history: [],
    },
    publishedAt: '2026-12-07T10:16:00.000Z',
  };
  const path = `${names.published}/${encodeURIComponent(id)}`;
  const written = await as(people.approver, 'PUT', path, published);
  assert.equal(written.status, 201, JSON.stringify(written.body));
  for (const person of [people.staff, people.teacher]) {
    const read = await as(person, 'GET', path);
    assert.equal(read.status, 200, person.role);
    assert.equal(read.body.entry.tool, 'Padlet');
    const refused = await as(person, 'PUT', `${names.published}/${encodeURIComponent(`${school}:by-${person.role}`)}`, {
      ...published,
      _id: `${school}:by-${person.role}`,
      entry: { ...published.entry, id: `by-${person.role}` },
    });
    assert.equal(refused.status, 403, person.role);
    assert.equal(refused.body.reason, 'Only an approver may publish the register for staff.');
  }
  const updated = await as(people.approver, 'PUT', path, {
    ...published,
    _rev: written.body.rev,
    entry: { ...published.entry, status: 'retired' },
  });
  assert.equal(updated.status, 201, 'an approver keeps the published register up to date');
  const shapeless = await as(people.approver, 'PUT', `${names.published}/register`, { _id: 'register', entries: [] });
  assert.equal(shapeless.status, 403);
  assert.match(shapeless.body.reason, /^This is not a published tool: /);
});

test("the view lists an entry's events in time order", async () => {
  const entryId = `entry-${randomBytes(4).toString('hex')}`;
  const later = eventDocument('decided', people.approver.name, { entryId, at: '2026-12-08T09:00:00.000Z' });
  const earlier = eventDocument('review-started', people.approver.name, { entryId, at: '2026-12-07T09:00:00.000Z' });
  await addEvent(people.approver, later);
  await addEvent(people.approver, earlier);
  const range = `startkey=${encodeURIComponent(JSON.stringify([entryId]))}&endkey=${encodeURIComponent(JSON.stringify([entryId, {}]))}`;
  const view = await as(people.approver, 'GET', `${names.register}/_design/proforma/_view/events-by-entry?${range}`);
  assert.equal(view.status, 200, JSON.stringify(view.body));
  assert.deepEqual(
    view.body.rows.map((row) => row.id),
    [earlier._id, later._id],
  );
});

test('the rules hold for events a browser replicates (_bulk_docs with new_edits false)', async () => {
  /** `doc` as a replica sends it: with its first revision, made in the browser. */
  const replicated = (doc) => {
    const hash = randomBytes(16).toString('hex');
    return { ...doc, _rev: `1-${hash}`, _revisions: { start: 1, ids: [hash] } };
  };
  const push = (person, docs) => as(person, 'POST', `${names.register}/_bulk_docs`, { docs, new_edits: false });
  const accepted = await push(people.approver, [replicated(eventDocument('decided', people.approver.name))]);
  assert.equal(accepted.status, 201);
  assert.deepEqual(accepted.body, [], 'no document refused');
  const refused = await push(people.approver, [replicated(eventDocument('decided', people.teacher.name))]);
  assert.equal(refused.body[0]?.error, 'forbidden', JSON.stringify(refused.body));
  assert.equal(
    refused.body[0].reason,
    `An event is recorded in the name of the person signed in (${people.approver.name}), not of "${people.teacher.name}".`,
  );
});
