// A test-runner command that gives browser tests a school on a real CouchDB-protocol server: the
// run's server (PROFORMA_TEST_COUCHDB, from `npm test`), or one this plugin starts the first time
// a test asks and stops with the runner. The admin's credentials stay here, in Node: a page gets
// only the server's address and the people it asked for.
import { randomBytes } from 'node:crypto';
import { connectAsAdmin } from '../../couchdb/server.mjs';
import { addPerson, setupSchool } from '../../couchdb/setup.mjs';
import { schoolNames, trustNames } from '../../couchdb/design-documents.mjs';
import { setupTrust } from '../../couchdb/trust.mjs';
import { removeSchool, testCouchServer } from '../couchdb/server.mjs';

/**
 * The server's address as a page at `pageOrigin` should use it: a server on 127.0.0.1 is named
 * by the page's own loopback name, so that a page on localhost and the server are one site and the
 * sign-in cookie travels as it would between an intranet and its CouchDB.
 */
function addressFor(serverOrigin, pageOrigin) {
  const server = new URL(serverOrigin);
  const page = new URL(pageOrigin);
  if (server.hostname === '127.0.0.1' && page.hostname === 'localhost') server.hostname = 'localhost';
  return server.origin;
}

/**
 * `executeServerCommand('couchdb-school', { origin: location.origin, people: [{ name, password, role }] })`
 * sets up a new school (`proforma-couchdb setup`, with the page's origin for CORS) and adds the
 * people (`proforma-couchdb user`; names are server-wide, so make them unique). Answers
 * `{ kind, school, server, register, submissions, published }`: the server's URL, and each database's.
 *
 * `executeServerCommand('couchdb-trust', { schools: [id, …] })` sets up a new trust of those schools
 * (`proforma-couchdb trust`: continuous replication on Apache CouchDB, one replication now on
 * PouchDB Server, so publish first there). Answers `{ kind, trust, database }`, the trust
 * database's URL.
 */
export function couchdbPlugin() {
  let started;
  const schools = [];
  const trusts = [];
  return {
    name: 'couchdb',
    async executeCommand({ command, payload }) {
      if (command !== 'couchdb-school' && command !== 'couchdb-trust') return undefined;
      started ??= testCouchServer();
      const server = await started;
      const client = await connectAsAdmin(server.adminUrl);
      if (command === 'couchdb-trust') {
        const trust = `web-trust-${randomBytes(4).toString('hex')}`;
        trusts.push({ trust, schools: payload.schools });
        await setupTrust(client, { trust, schools: payload.schools });
        const address = addressFor(server.origin, payload?.origin ?? server.origin);
        return { kind: server.kind, trust, database: `${address}/${trustNames(trust).database}` };
      }
      const school = payload?.school ?? `web-${randomBytes(4).toString('hex')}`;
      schools.push({ school, people: (payload?.people ?? []).map((person) => person.name) });
      await setupSchool(client, { school, origins: payload?.origin ? [payload.origin] : [] });
      for (const person of payload?.people ?? []) await addPerson(client, { school, ...person });
      const address = addressFor(server.origin, payload?.origin ?? server.origin);
      const names = schoolNames(school);
      return {
        kind: server.kind,
        school,
        server: address,
        register: `${address}/${names.register}`,
        submissions: `${address}/${names.submissions}`,
        published: `${address}/${names.published}`,
      };
    },
    async serverStop() {
      const server = await started?.catch(() => undefined);
      if (!server) return;
      for (const { trust, schools: members } of trusts) await removeTrust(server, trust, members);
      for (const { school, people } of schools) await removeSchool(server, school, people);
      await server.stop();
    },
  };
}

/** Stops a trust's replications and deletes its database. */
async function removeTrust(server, trust, schools) {
  const authorization = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
  const request = (method, path) => fetch(new URL(path, `${server.origin}/`), { method, headers: { authorization } });
  const names = trustNames(trust);
  for (const school of schools) {
    const found = await request('GET', `_replicator/${names.replication(school)}`);
    if (!found.ok) continue;
    const { _rev } = await found.json();
    await request('DELETE', `_replicator/${names.replication(school)}?rev=${_rev}`);
  }
  await request('DELETE', names.database);
}
