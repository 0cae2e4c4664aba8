// A CouchDB-protocol server for the tests, on loopback: the Apache CouchDB that COUCHDB_URL names
// (with its admin's name and password in the URL), or else PouchDB Server, in memory, on a free
// port, with an admin made for the run. `npm test` starts one for the whole run
// (test/couchdb/with-server.mjs) and hands its URL on in PROFORMA_TEST_COUCHDB; a test file run
// alone starts its own.
//
// PouchDB Server 4.2 crashes ("db.info is not a function") when someone who is not a server admin
// asks it to create a database once an admin exists: tests create databases as the admin only.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The variable through which a run hands its server (an admin URL) to the test processes it starts. */
export const SHARED_SERVER_VARIABLE = 'PROFORMA_TEST_COUCHDB';

/** A port nothing listens on at the moment it is asked for. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function withCredentials(origin, name, password) {
  const url = new URL(origin);
  url.username = encodeURIComponent(name);
  url.password = encodeURIComponent(password);
  return url.href;
}

/** What answers at `url`'s root: "couchdb" or "pouchdb-server". */
async function flavourAt(url) {
  const bare = new URL(url);
  bare.username = '';
  bare.password = '';
  const welcome = await (await fetch(bare)).json();
  if (typeof welcome.couchdb === 'string') return 'couchdb';
  if (typeof welcome['express-pouchdb'] === 'string') return 'pouchdb-server';
  throw new Error(`${bare.href} is not a CouchDB server: ${JSON.stringify(welcome)}`);
}

/** Describes the server at an admin URL: `{ adminUrl, origin, kind, admin: { name, password } }`. */
async function describe(adminUrl) {
  const url = new URL(adminUrl);
  const admin = { name: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  if (!admin.name) throw new Error(`The test server's URL names no admin: give it as http://admin:password@host:port`);
  return { adminUrl: url.href, origin: url.origin, kind: await flavourAt(url), admin };
}

/** test/couchdb/server/: a package of its own that holds PouchDB Server. */
const pouchDbServerPackage = fileURLToPath(new URL('server/', import.meta.url));

/**
 * PouchDB Server's command, installed into test/couchdb/server/ from its lockfile the first time a
 * test needs it: its 300-odd packages would otherwise make every `npm ci` take twice as long for a
 * server only the tests use.
 */
async function pouchDbServerCommand() {
  const require = createRequire(join(pouchDbServerPackage, 'package.json'));
  const command = () => join(require.resolve('pouchdb-server/package.json'), '..', 'bin', 'pouchdb-server');
  try {
    return command();
  } catch {
    console.log('Installing PouchDB Server for the tests (once, into test/couchdb/server/)…');
    await new Promise((resolve, reject) => {
      const npm = spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd: pouchDbServerPackage,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      npm.once('error', reject);
      npm.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`Installing PouchDB Server failed (npm ci exit ${code})`)),
      );
    });
    return command();
  }
}

/** Starts PouchDB Server in memory on a free loopback port, in a folder of its own for its config and log. */
async function startPouchDbServer() {
  const bin = await pouchDbServerCommand();
  const folder = await mkdtemp(join(tmpdir(), 'proforma-couchdb-'));
  const port = await freePort();
  const child = spawn(process.execPath, [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: folder,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('has started on')) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) =>
      reject(new Error(`PouchDB Server stopped before it started (exit ${code}):\n${output}`)),
    );
    child.once('error', reject);
  });
  child.removeAllListeners('exit');

  const origin = `http://127.0.0.1:${port}`;
  const admin = { name: 'admin', password: randomBytes(12).toString('hex') };
  // The server answers this first admin's creation with a 401 (it checks the request after it ends
  // the "admin party"), so whether it worked is read from a session.
  await fetch(`${origin}/_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password) });
  const session = await fetch(`${origin}/_session`, {
    headers: { authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}` },
  }).then((response) => response.json());
  if (!session.userCtx?.roles?.includes('_admin'))
    throw new Error(`PouchDB Server made no admin: ${JSON.stringify(session)}`);

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
    await rm(folder, { recursive: true, force: true });
  };
  return { ...(await describe(withCredentials(origin, admin.name, admin.password))), stop };
}

/**
 * Starts a server for the tests: Apache CouchDB when COUCHDB_URL names one, else PouchDB Server.
 * Answers `{ adminUrl, origin, kind, admin, stop }`; `stop` leaves a server it did not start running.
 */
export async function startTestCouchServer(env = process.env) {
  if (env.COUCHDB_URL) return { ...(await describe(env.COUCHDB_URL)), stop: async () => {} };
  return startPouchDbServer();
}

/** The run's server when one was handed down, or one of this process's own: call `stop` when done with it. */
export async function testCouchServer(env = process.env) {
  if (env[SHARED_SERVER_VARIABLE]) return { ...(await describe(env[SHARED_SERVER_VARIABLE])), stop: async () => {} };
  return startTestCouchServer(env);
}

/**
 * Takes a test's school (or trust) off the server: its databases (or those named in `databases`),
 * the people whose names start with its id, and those named in `people`. PouchDB Server forgets everything when it stops; an Apache CouchDB that COUCHDB_URL names
 * keeps what tests leave behind.
 */
export async function removeSchool(
  server,
  school,
  people = [],
  databases = ['register', 'submissions', 'published'].map((kind) => `proforma-${school}-${kind}`),
) {
  const authorization = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
  const request = (method, path) => fetch(new URL(path, `${server.origin}/`), { method, headers: { authorization } });
  for (const database of databases) {
    await request('DELETE', database);
  }
  const range = `startkey=${encodeURIComponent(JSON.stringify(`org.couchdb.user:${school}-`))}&endkey=${encodeURIComponent(JSON.stringify(`org.couchdb.user:${school}-\ufff0`))}`;
  const { rows = [] } = await (await request('GET', `_users/_all_docs?${range}`)).json();
  const named = await (
    await request(
      'GET',
      `_users/_all_docs?keys=${encodeURIComponent(JSON.stringify(people.map((name) => `org.couchdb.user:${name}`)))}`,
    )
  ).json();
  for (const { id, value } of [...rows, ...(named.rows ?? [])]) {
    if (value?.rev && !value.deleted) await request('DELETE', `_users/${encodeURIComponent(id)}?rev=${value.rev}`);
  }
}
