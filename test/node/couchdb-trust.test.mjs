// `proforma-couchdb trust` on a real server: a trust's database, filled by continuous replication
// from its schools' published registers, read by the trust's staff, written by no one but the
// server. What a school publishes is waited for on the trust's changes feed, never on a clock.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { schoolNames, trustNames } from '../../couchdb/design-documents.mjs';
import { connectAsAdmin } from '../../couchdb/server.mjs';
import { addPerson, setupSchool } from '../../couchdb/setup.mjs';
import { removeSchool, testCouchServer } from '../couchdb/server.mjs';

const BIN = 'bin/proforma-couchdb.mjs';
const tag = randomBytes(4).toString('hex');
const trust = `trust-${tag}`;
const schools = [`tra-${tag}`, `trb-${tag}`];
/** A school on the same server that is not one of the trust's. */
const outsider = `trc-${tag}`;
const names = trustNames(trust);
const approver = { name: `${schools[0]}-ann`, password: 'approver password', role: 'approver' };
const trustStaff = { name: `${trust}-tia`, password: 'trust staff password', role: 'trust-staff' };
const teacher = { name: `${schools[1]}-tom`, password: 'teacher password', role: 'teacher' };
const outsidersTeacher = { name: `${outsider}-owen`, password: 'teacher password', role: 'teacher' };
let server;

before(async () => {
  server = await testCouchServer();
  const client = await connectAsAdmin(server.adminUrl);
  for (const school of [...schools, outsider]) await setupSchool(client, { school });
  await addPerson(client, { school: schools[0], ...approver });
  await addPerson(client, { school: schools[1], ...teacher });
  await addPerson(client, { school: outsider, ...outsidersTeacher });
});

after(async () => {
  if (!server) return;
  for (const school of schools) {
    const replication = await as(null, 'GET', `_replicator/${names.replication(school)}`);
    if (replication.status === 200) {
      await as(null, 'DELETE', `_replicator/${names.replication(school)}?rev=${replication.body._rev}`);
    }
  }
  await as(null, 'DELETE', names.database);
  for (const school of schools) await removeSchool(server, school, [trustStaff.name]);
  await removeSchool(server, outsider);
  await server.stop();
});

/** Runs the command; answers its exit code and what it printed. */
function run(args) {
  return new Promise((resolve) => {
    const env = { ...process.env, COUCHDB_ADMIN: '', COUCHDB_PASSWORD: '' };
    execFile(process.execPath, [BIN, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr, output: stdout + stderr });
    });
  });
}

/** A request as `person` (their name and password), or as the server's admin when `person` is null. */
async function as(person, method, path, body) {
  const { name, password } = person ?? server.admin;
  const response = await fetch(new URL(path, `${server.origin}/`), {
    method,
    headers: {
      accept: 'application/json',
      authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: JSON.parse(await response.text()) };
}

/** A tool as a school's approver publishes it. */
function publishedTool(school, entryId, status) {
  return {
    _id: `${school}:${entryId}`,
    school,
    entry: {
      id: entryId,
      tool: 'Padlet',
      url: 'https://padlet.com',
      subjects: [],
      yearGroups: [],
      status,
      conditions: [],
      owners: [],
      history: [],
    },
    publishedAt: new Date().toISOString(),
  };
}

/**
 * The trust database's document `id` once its changes feed shows it at revision `rev`: long polls of
 * the feed as the trust's staff, at most `polls` of them, each ending when something changes.
 */
async function awaitInTrust(id, rev, polls = 30) {
  let since = '0';
  for (let poll = 0; poll < polls; poll += 1) {
    const feed = await as(
      trustStaff,
      'GET',
      `${names.database}/_changes?feed=longpoll&include_docs=true&timeout=10000&since=${encodeURIComponent(since)}`,
    );
    assert.equal(feed.status, 200, JSON.stringify(feed.body));
    const found = feed.body.results.find((row) => row.id === id && row.doc?._rev === rev);
    if (found) return found.doc;
    since = String(feed.body.last_seq);
  }
  assert.fail(`${id} at ${rev} did not reach the trust's database in ${polls} polls of its changes feed`);
}

test('trust makes the database, its rules, members and replications; run again, it changes nothing', async () => {
  const args = ['trust', server.adminUrl, '--trust', trust, '--school', schools[0], '--school', schools[1]];
  const first = await run(args);
  assert.equal(first.code, 0, first.output);
  assert.match(first.stdout, new RegExp(`Created the database ${names.database}\\.`));
  for (const school of schools) {
    const published = schoolNames(school).published;
    assert.match(
      first.stdout,
      server.kind === 'couchdb'
        ? new RegExp(`Started the continuous replication of ${published}'s published tools`)
        : new RegExp(`Replicated 0 published tools of ${published} into the trust, once: PouchDB Server does not`),
    );
  }
  const security = await as(null, 'GET', `${names.database}/_security`);
  const schoolRoles = schools.flatMap((school) => {
    const { approver, teacher, staff } = schoolNames(school).roles;
    return [approver, teacher, staff];
  });
  assert.deepEqual(security.body.members.roles, [names.role, ...schoolRoles], "the trust's staff and the schools'");
  assert.deepEqual(security.body.admins?.roles ?? [], [], 'no one is made an admin of it');

  const second = await run(args);
  assert.equal(second.code, 0, second.output);
  assert.match(second.stdout, /Nothing changed: all was in place already\./);
});

test('user --trust adds the trust staff, and changes nothing when run again', async () => {
  const args = [
    'user',
    server.adminUrl,
    '--trust',
    trust,
    '--name',
    trustStaff.name,
    '--password',
    trustStaff.password,
    '--role',
    'trust-staff',
  ];
  const added = await run(args);
  assert.equal(added.code, 0, added.output);
  assert.match(added.stdout, new RegExp(`Added ${trustStaff.name} as trust-staff of ${trust}\\.`));
  const again = await run(args);
  assert.match(again.stdout, /Nothing changed/);
});

/** Publishes a tool as the school's approver; answers the document and its revision. */
async function publish(tool) {
  const path = `${schoolNames(tool.school).published}/${encodeURIComponent(tool._id)}`;
  const written = await as(approver, 'PUT', path, tool);
  assert.equal(written.status, 201, JSON.stringify(written.body));
  return { ...tool, _rev: written.body.rev };
}

test("one school's published decision shows in the trust's database", async () => {
  const tool = await publish(publishedTool(schools[0], `entry-${randomBytes(4).toString('hex')}`, 'approved'));
  if (server.kind === 'pouchdb-server') {
    // No continuous replication there: trust, run again, replicates once more.
    const again = await run(['trust', server.adminUrl, '--trust', trust, '--school', schools[0]]);
    assert.match(again.stdout, /Replicated 1 published tool of /, again.output);
  }
  const arrived = await awaitInTrust(tool._id, tool._rev);
  assert.equal(arrived.entry.status, 'approved');
});

test("a later decision on a published tool follows into the trust's database", async (t) => {
  if (server.kind === 'pouchdb-server') {
    t.skip('PouchDB Server keeps no continuous replication (see couchdb/trust.mjs)');
    return;
  }
  const tool = await publish(publishedTool(schools[0], `entry-${randomBytes(4).toString('hex')}`, 'approved'));
  await awaitInTrust(tool._id, tool._rev);
  const decided = await publish({ ...tool, entry: { ...tool.entry, status: 'not-approved' } });
  const changed = await awaitInTrust(tool._id, decided._rev);
  assert.equal(changed.entry.status, 'not-approved');
});

test("the trust's staff read the trust's database, not a school's register; no one but the server writes it", async () => {
  assert.equal((await as(trustStaff, 'GET', `${names.database}/_all_docs`)).status, 200);
  for (const database of [schoolNames(schools[0]).register, schoolNames(schools[0]).published]) {
    const refused = await as(trustStaff, 'GET', `${database}/_all_docs`);
    assert.ok([401, 403].includes(refused.status), `${database} answered ${refused.status}`);
  }
  for (const person of [trustStaff, approver]) {
    const tool = publishedTool(schools[0], `forged-by-${person.role}`, 'approved');
    const forged = await as(person, 'PUT', `${names.database}/${encodeURIComponent(tool._id)}`, tool);
    assert.ok([401, 403].includes(forged.status), `${person.role}: ${JSON.stringify(forged.body)}`);
  }
});

test("a member school's teacher reads the trust's database; another school's teacher cannot", async () => {
  assert.equal((await as(teacher, 'GET', `${names.database}/_all_docs`)).status, 200);
  const refused = await as(outsidersTeacher, 'GET', `${names.database}/_all_docs`);
  assert.ok([401, 403].includes(refused.status), `answered ${refused.status}`);
});

const mistakes = [
  [['trust', 'http://127.0.0.1:5984', '--school', 'a'], /trust needs --trust <id>/],
  [['trust', 'http://127.0.0.1:5984', '--trust', 't'], /trust needs a --school <id> for each school/],
  [['trust', 'http://127.0.0.1:5984', '--trust', 'T!', '--school', 'a'], /A trust id is lower-case letters/],
  [
    ['user', 'http://127.0.0.1:5984', '--trust', 't', '--school', 'a', '--name', 'n', '--password', 'p'],
    /user takes --school or --trust, not both/,
  ],
  [
    ['trust', 'http://127.0.0.1:5984', '--trust', 't', '--school', 'a', '--origin', 'https://x.org'],
    /takes no --origin/,
  ],
];
for (const [args, message] of mistakes) {
  test(`a mistake in the command is told with the usage: ${args.join(' ')}`, async () => {
    const result = await run(args);
    assert.equal(result.code, 2, result.output);
    assert.match(result.stderr, message);
  });
}

test('trust-staff is the only role a trust gives', async () => {
  const args = ['user', server.adminUrl, '--trust', trust, '--name', 'x', '--password', 'p', '--role', 'approver'];
  const result = await run(args);
  assert.equal(result.code, 1, result.output);
  assert.match(result.stderr, /--role with --trust must be trust-staff \(got "approver"\)/);
});

test('a school not set up on the server is told, and nothing is made for it', async () => {
  const missing = `missing-${tag}`;
  const result = await run(['trust', server.adminUrl, '--trust', trust, '--school', missing]);
  assert.equal(result.code, 1, result.output);
  assert.match(result.stderr, new RegExp(`The school ${missing} is not set up on .*run proforma-couchdb setup`));
  assert.equal((await as(null, 'GET', `_replicator/${names.replication(missing)}`)).status, 404);
});
