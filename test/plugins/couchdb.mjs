// A test-runner command that gives browser tests a school on a real CouchDB-protocol server: the
// run's server (PROFORMA_TEST_COUCHDB, from `npm test`), or one this plugin starts the first time
// a test asks and stops with the runner. The admin's credentials stay here, in Node: a page gets
// only the server's address and the people it asked for. `couchdb-person` changes a person (a new
// password ends their sessions); `couchdb-gate` puts a door before the server that a test shuts, as
// if the server stopped, and opens again. `couchdb-trust` sets up a trust of schools made so, and its
// staff; asked again for the same trust, it brings the trust's database up to date (on PouchDB
// Server, which keeps no continuous replication, that is the only way).
import { randomBytes } from 'node:crypto';
import { connect, createServer } from 'node:net';
import { connectAsAdmin } from '../../couchdb/server.mjs';
import { addPerson, setupSchool } from '../../couchdb/setup.mjs';
import { schoolNames, trustNames } from '../../couchdb/design-documents.mjs';
import { addTrustPerson, setupTrust } from '../../couchdb/trust.mjs';
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
 * A door between the pages and the server, on a loopback port of its own, that a test shuts and
 * opens again: shut, every connection through it is cut and nothing answers on its port, as when
 * the server stops; opened, on the same port, the server is back with all it held.
 */
class ServerGate {
  #sockets = new Set();
  /** Each connection's way back from the server to the page, while it carries the server's answers. */
  #answers = new Set();
  #holding = false;
  #listener;
  port = 0;

  constructor(target) {
    this.target = new URL(target);
  }

  /** Lets requests through to the server but holds back its answers: a sync under way stays under way. */
  hold() {
    this.#holding = true;
    for (const { from, to } of this.#answers) {
      from.unpipe(to);
      from.pause();
    }
  }

  async open() {
    this.#holding = false;
    this.#listener = createServer((client) => {
      const server = connect(Number(this.target.port), this.target.hostname);
      const pair = [client, server];
      for (const socket of pair) {
        this.#sockets.add(socket);
        socket.on('error', () => pair.forEach((each) => each.destroy()));
        socket.on('close', () => pair.forEach((each) => (each.destroy(), this.#sockets.delete(each))));
      }
      client.pipe(server);
      const back = { from: server, to: client };
      this.#answers.add(back);
      server.on('close', () => this.#answers.delete(back));
      if (this.#holding) server.pause();
      else server.pipe(client);
    });
    await new Promise((resolve, reject) => {
      this.#listener.once('error', reject);
      this.#listener.listen(this.port, '127.0.0.1', resolve);
    });
    this.port = this.#listener.address().port;
  }

  async shut() {
    const closed = new Promise((resolve) => this.#listener?.close(resolve));
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    await closed;
    this.#listener = undefined;
  }
}

/**
 * `executeServerCommand('couchdb-school', { origin: location.origin, people: [{ name, password, role }] })`
 * sets up a new school (`proforma-couchdb setup`, with the page's origin for CORS) and adds the
 * people (`proforma-couchdb user`; names are server-wide, so make them unique). Answers
 * `{ kind, school, server, register, submissions, published }`: the server's URL, and each database's.
 *
 * `executeServerCommand('couchdb-trust', { trust?, schools: [id, …], people: [{ name, password }], origin })`
 * sets up a new trust of those schools and its staff (`proforma-couchdb trust`: continuous
 * replication on Apache CouchDB, one replication now on PouchDB Server, so publish first there);
 * given the `trust` of one set up before, it runs again, which on PouchDB Server replicates once
 * more. Answers `{ kind, trust, database }`, the trust database's URL.
 */
export function couchdbPlugin() {
  let started;
  const schools = [];
  /** Each trust set up, with its people. */
  const trusts = new Map();
  const gates = new Map();
  /**
   * `{ action: 'make', origin }` answers a new gate's address (as `couchdb-school` names the server
   * for that page's origin) and port; `{ action: 'hold' | 'shut' | 'open', port }` holds back the
   * server's answers, shuts the gate, or opens it again.
   */
  async function gateCommand({ action, origin, port }) {
    if (action === 'make') {
      const gate = new ServerGate((await started).origin);
      await gate.open();
      gates.set(gate.port, gate);
      return { port: gate.port, server: addressFor(`http://127.0.0.1:${gate.port}`, origin ?? gate.target.origin) };
    }
    const gate = gates.get(port);
    if (!gate) throw new Error(`no gate on port ${port}`);
    if (action === 'hold') gate.hold();
    else await (action === 'shut' ? gate.shut() : gate.open());
    return true;
  }
  return {
    name: 'couchdb',
    async executeCommand({ command, payload }) {
      if (command === 'couchdb-person') {
        // A person added again, or their password changed: `{ school, name, password, role }`.
        const client = await connectAsAdmin((await started).adminUrl);
        await addPerson(client, payload);
        return true;
      }
      if (command === 'couchdb-gate') return gateCommand(payload);
      if (command === 'couchdb-trust') {
        started ??= testCouchServer();
        const server = await started;
        const client = await connectAsAdmin(server.adminUrl);
        const trust = payload.trust ?? `web-trust-${randomBytes(4).toString('hex')}`;
        if (!trusts.has(trust)) trusts.set(trust, { schools: payload.schools, people: [] });
        await setupTrust(client, { trust, schools: payload.schools });
        for (const person of payload.people ?? []) {
          trusts.get(trust).people.push(person.name);
          await addTrustPerson(client, { trust, role: 'trust-staff', ...person });
        }
        const address = addressFor(server.origin, payload.origin ?? server.origin);
        return { kind: server.kind, trust, database: `${address}/${trustNames(trust).database}` };
      }
      if (command !== 'couchdb-school') return undefined;
      started ??= testCouchServer();
      const server = await started;
      const client = await connectAsAdmin(server.adminUrl);
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
      for (const gate of gates.values()) await gate.shut();
      const server = await started?.catch(() => undefined);
      if (!server) return;
      for (const [trust, { schools: members, people }] of trusts) await removeTrust(server, trust, members, people);
      for (const { school, people } of schools) await removeSchool(server, school, people);
      await server.stop();
    },
  };
}

/** Stops a trust's replications, deletes its database and its people. */
async function removeTrust(server, trust, schools, people) {
  const authorization = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
  const request = (method, path) => fetch(new URL(path, `${server.origin}/`), { method, headers: { authorization } });
  const names = trustNames(trust);
  for (const school of schools) {
    const found = await request('GET', `_replicator/${names.replication(school)}`);
    if (!found.ok) continue;
    const { _rev } = await found.json();
    await request('DELETE', `_replicator/${names.replication(school)}?rev=${_rev}`);
  }
  await removeSchool(server, trust, people, [names.database]);
}
