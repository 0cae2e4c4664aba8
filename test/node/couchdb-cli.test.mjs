// `proforma-couchdb` as a school's IT lead runs it: setup and user against a real server (run twice,
// the second time changing nothing), and each way it can fail, in words, with the password never
// shown. The servers that fail on purpose (not CouchDB, too old) are small HTTP servers here.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { schoolNames } from '../../couchdb/design-documents.mjs';
import { connectAsAdmin } from '../../couchdb/server.mjs';
import { addPerson, setupSchool } from '../../couchdb/setup.mjs';
import { freePort, removeSchool, testCouchServer } from '../couchdb/server.mjs';

const BIN = 'bin/proforma-couchdb.mjs';
let server;

before(async () => {
  server = await testCouchServer();
});
after(async () => {
  if (!server) return;
  for (const school of schools) await removeSchool(server, school);
  await server.stop();
});

/** Runs the command; answers its exit code and what it printed. */
function run(args, env = {}) {
  return new Promise((resolve) => {
    const childEnv = { ...process.env, COUCHDB_ADMIN: '', COUCHDB_PASSWORD: '', ...env };
    execFile(process.execPath, [BIN, ...args], { env: childEnv }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr, output: stdout + stderr });
    });
  });
}

/** A request to the test server as its admin: a GET, or a PUT of `body`. */
async function asAdmin(path, body) {
  const { name, password } = server.admin;
  const response = await fetch(new URL(path, `${server.origin}/`), {
    method: body === undefined ? 'GET' : 'PUT',
    headers: {
      authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return JSON.parse(await response.text());
}

/** Where the server keeps a setting: `/_node/_local/_config` on CouchDB, `/_config` on PouchDB Server. */
const configPath = (section, key) =>
  `${server.kind === 'couchdb' ? '_node/_local/_config' : '_config'}/${section}/${key}`;

/** The schools the tests set up, taken off the server at the end. */
const schools = [];
const newSchool = () => {
  schools.push(`cli-${randomBytes(4).toString('hex')}`);
  return schools.at(-1);
};

test('setup makes the databases, their rules, members and CORS; run again, it changes nothing', async () => {
  const school = newSchool();
  const names = schoolNames(school);
  const sameSite = 'http://127.0.0.1:8000';
  const args = ['setup', server.adminUrl, '--school', school, '--origin', 'https://intranet.example.org'];

  const first = await run(args);
  assert.equal(first.code, 0, first.output);
  assert.match(first.stdout, new RegExp(`Created the database ${names.register}\\.`));
  assert.match(first.stdout, new RegExp(`Created the database ${names.published}\\.`));
  assert.match(first.stdout, new RegExp(`Created the database ${names.submissions}\\.`));
  // The run's server may have same_site set already, by another test's school.
  const sameSiteLine =
    /\[(\w+)\] same_site (?:= None: https:\/\/intranet\.example\.org is on another site|is None already)/;
  assert.match(first.stdout, sameSiteLine);

  const register = await asAdmin(`${names.register}/_security`);
  assert.deepEqual(register.members.roles, [names.roles.approver]);
  const submissions = await asAdmin(`${names.submissions}/_security`);
  assert.deepEqual(submissions.members.roles, [names.roles.approver, names.roles.teacher]);
  assert.match((await asAdmin(`${names.submissions}/_design/proforma`)).validate_doc_update, /proforma-submission/);
  const published = await asAdmin(`${names.published}/_security`);
  assert.deepEqual(published.members.roles, [names.roles.staff, names.roles.approver, names.roles.teacher]);
  const rules = await asAdmin(`${names.register}/_design/proforma`);
  assert.match(rules.validate_doc_update, new RegExp(names.roles.approver));
  assert.match(await asAdmin(configPath('cors', 'origins')), /https:\/\/intranet\.example\.org/);
  assert.equal(await asAdmin(configPath('cors', 'credentials')), 'true');
  assert.equal(await asAdmin(configPath(first.stdout.match(sameSiteLine)[1], 'same_site')), 'None');

  const second = await run(args);
  assert.equal(second.code, 0, second.output);
  assert.match(second.stdout, /Nothing changed: all was in place already\./);
  assert.doesNotMatch(second.stdout, /Created|Installed|Updated| now /);

  const moreSites = await run([...args, '--origin', sameSite]);
  assert.equal(moreSites.code, 0, moreSites.output);
  assert.match(moreSites.stdout, new RegExp(`CORS now lets in ${sameSite.replace(/[.]/g, '\\.')}\\.`));
  assert.match(moreSites.stdout, /Done: 1 change\./);
});

test("setup takes teachers out of a register set up when they could read it, and keeps the admin's own members", async () => {
  const school = newSchool();
  const names = schoolNames(school);
  await run(['setup', server.adminUrl, '--school', school]);
  const members = {
    names: ['someone-the-admin-added'],
    roles: [names.roles.approver, names.roles.teacher, 'auditors'],
  };
  await asAdmin(`${names.register}/_security`, { admins: { names: [], roles: [] }, members });

  const again = await run(['setup', server.adminUrl, '--school', school]);
  assert.equal(again.code, 0, again.output);
  assert.match(again.stdout, new RegExp(`${names.register} may no longer be used by ${names.roles.teacher}\\.`));
  const register = await asAdmin(`${names.register}/_security`);
  assert.deepEqual(register.members, { names: ['someone-the-admin-added'], roles: [names.roles.approver, 'auditors'] });
});

test('the admin may be given in COUCHDB_ADMIN and COUCHDB_PASSWORD; the password is never printed', async () => {
  const { name, password } = server.admin;
  const result = await run(['setup', server.origin, '--school', newSchool()], {
    COUCHDB_ADMIN: name,
    COUCHDB_PASSWORD: password,
  });
  assert.equal(result.code, 0, result.output);
  assert.match(result.stdout, /Done: \d+ changes\./);
  assert.ok(!result.output.includes(password), 'the password shows in the output');
});

test('user adds a person, changes nothing when run again, and changes their role or password', async () => {
  const school = newSchool();
  const names = schoolNames(school);
  await setupSchool(await connectAsAdmin(server.adminUrl), { school });
  const name = `${school}-ann`;
  const args = ['user', server.adminUrl, '--school', school, '--name', name, '--password', 'first password'];

  const added = await run([...args, '--role', 'teacher']);
  assert.equal(added.code, 0, added.output);
  assert.match(added.stdout, new RegExp(`Added ${name} as teacher of ${school}\\.`));
  assert.ok(!added.output.includes('first password'), 'the password shows in the output');

  const again = await run([...args, '--role', 'teacher']);
  assert.equal(again.code, 0, again.output);
  assert.match(again.stdout, /Nothing changed/);

  const promoted = await run([...args, '--role', 'approver']);
  assert.match(promoted.stdout, new RegExp(`${name} is now approver of ${school} \\(was teacher\\)\\.`));
  assert.doesNotMatch(promoted.stdout, /password/);
  const person = await asAdmin(`_users/org.couchdb.user:${name}`);
  assert.deepEqual(person.roles, [names.roles.approver]);

  const newPassword = await run([...args.slice(0, -1), 'second password', '--role', 'approver']);
  assert.match(newPassword.stdout, new RegExp(`Changed the password of ${name}\\.`));
});

test('--help prints how to use it', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /proforma-couchdb setup <server-url> --school <id> \[--origin <site>\]/);
  assert.match(help.stdout, /--role approver\|teacher\|staff/);
});

const usageMistakes = [
  [['fix', 'http://127.0.0.1:5984', '--school', 'a'], /Unknown command "fix"/],
  [['setup', 'http://127.0.0.1:5984'], /setup needs --school <id>/],
  [['setup', 'http://127.0.0.1:5984', '--school', 'Ysgol Gwyn'], /A school id is lower-case letters/],
  [['setup', 'http://127.0.0.1:5984', '--school', 'a', '--colour', 'red'], /Unknown option '--colour'/],
];
for (const [args, message] of usageMistakes) {
  test(`a mistake in the command is told with the usage: ${args.join(' ')}`, async () => {
    const result = await run(args);
    assert.equal(result.code, 2);
    assert.match(result.stderr, message);
    assert.match(result.stderr, /Usage:/);
  });
}

/** Starts an HTTP server that answers every request with `status` and `body`; answers its URL and a stop. */
async function fakeServer(status, body) {
  const http = createServer((request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body);
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${http.address().port}`, stop: () => new Promise((resolve) => http.close(resolve)) };
}

test('a server that is down is told as such', async () => {
  const port = await freePort();
  const result = await run(['setup', `http://admin:secret-pw@127.0.0.1:${port}`, '--school', 'a']);
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    new RegExp(`Nothing answers at http://127\\.0\\.0\\.1:${port}/ \\(connection refused\\)`),
  );
  assert.ok(!result.output.includes('secret-pw'), 'the password shows in the output');
});

test('a wrong admin password is told as such, without the password', async () => {
  const url = new URL(server.adminUrl);
  url.password = 'not-the-password';
  const result = await run(['setup', url.href, '--school', newSchool()]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /refused the admin name "admin" and its password \(HTTP 401\)/);
  assert.ok(!result.output.includes('not-the-password'), 'the password shows in the output');
});

test('a person who is not a server admin is told setup needs one', async () => {
  const school = newSchool();
  const client = await connectAsAdmin(server.adminUrl);
  await setupSchool(client, { school });
  const name = `${school}-tom`;
  await addPerson(client, { school, name, password: 'pw', role: 'approver' });
  const url = new URL(server.adminUrl);
  url.username = name;
  url.password = 'pw';
  const result = await run(['setup', url.href, '--school', school]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, new RegExp(`"${name}" signed in to .* but is not a server admin there`));
});

test('no admin at all is asked for', async () => {
  const result = await run(['setup', server.origin, '--school', newSchool()]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /Give a server admin's name and password/);
});

const impostors = [
  ['a web server that is not CouchDB', 200, '<html>It works!</html>', /answers, but not as CouchDB does/],
  ['a JSON service that is not CouchDB', 200, '{"status":"ok"}', /answers, but not as CouchDB does/],
  ['a server that only says Not Found', 404, '{}', /answers, but not as CouchDB does \(HTTP 404 at its root\)/],
  [
    'CouchDB 2',
    200,
    '{"couchdb":"Welcome","version":"2.3.1"}',
    /runs CouchDB 2\.3\.1, which is too old: the register needs Apache CouchDB 3 or later/,
  ],
];
for (const [what, status, body, message] of impostors) {
  test(`${what} is told apart`, async () => {
    const fake = await fakeServer(status, body);
    try {
      const result = await run(['setup', `${fake.url.replace('//', '//admin:pw@')}`, '--school', 'a']);
      assert.equal(result.code, 1, result.output);
      assert.match(result.stderr, message);
    } finally {
      await fake.stop();
    }
  });
}
