// The shared register on a CouchDB-protocol server the bench starts on a loopback port (the tests'
// own: PouchDB Server in memory, or the Apache CouchDB that COUCHDB_URL names), timed in the page on
// the self-contained couch bundle: the first sync of a 2,000-tool register into an empty browser,
// and how soon a change made in one browser is seen in another.
//
// The functions below marked "in the page" run in Chromium through page.evaluate: each is
// self-contained, and gets what it needs as arguments.
import { randomBytes } from 'node:crypto';
import { connectAsAdmin } from '../couchdb/server.mjs';
import { addPerson, setupSchool } from '../couchdb/setup.mjs';
import { schoolNames } from '../couchdb/design-documents.mjs';
import { removeSchool, testCouchServer } from '../test/couchdb/server.mjs';
import { REGISTER_LOG_URLS } from './pages.mjs';
import { seedRegisterLog } from './register-log.mjs';

/** Tools in the shared register; three events a tool (imported, under review, decided). */
export const COUCH_SYNC_TOOLS = 2_000;

/** Events written to the server in one request. */
const BATCH = 500;

/** In the page: a `fetch` that signs each request in as `person` by HTTP Basic authentication. */
const basicFetchSource = `(person) => (url, init) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', 'Basic ' + btoa(person.name + ':' + person.password));
  return fetch(url, { ...init, headers, credentials: 'omit' });
}`;

/**
 * In the page, freshly loaded: a new CouchRegisterStore with an empty replica, timed from its
 * making to the first read that holds every tool once sync says "up to date".
 */
export async function timeFirstSync({ couchUrl, register, person, replica, tools, name = 'first' }) {
  const { CouchRegisterStore } = await import(couchUrl);
  const signedInAs = globalThis.benchCouch.fetchAs(person);
  await globalThis.bench.settle();
  const started = performance.now();
  const store = new CouchRegisterStore(register, { fetch: signedInAs, replica });
  await new Promise((resolve, reject) => {
    let stop = () => {};
    const check = ({ state, detail }) => {
      if (state === 'up-to-date') resolve(stop());
      else if (state === 'sign-in-needed' || state === 'offline')
        reject(new Error(`sync stopped: ${state}, ${detail}`));
    };
    stop = store.watchStatus(check);
    check(store.status);
  });
  const view = await store.read();
  const ms = performance.now() - started;
  if (view.entries.length !== tools) throw new Error(`the first sync gave ${view.entries.length} tools, not ${tools}`);
  // Who the server takes this page for: the name its changes are recorded in (not timed).
  await store.session();
  globalThis.benchCouch.stores[name] = store;
  return { ms, events: view.eventCount };
}

/** In the page, the store `name` synced: the time (ms, sub-ms precision) at which `entryId` shows `status`. */
export function seenAt({ name, entryId, status }) {
  const store = globalThis.benchCouch.stores[name];
  return new Promise((resolve, reject) => {
    let done = false;
    const check = async () => {
      const view = await store.read();
      if (done || view.entries.find(({ id }) => id === entryId)?.status !== status) return;
      done = true;
      stop();
      resolve(performance.now());
    };
    const stop = store.watch(() => void check().catch(reject));
    void check().catch(reject);
  });
}

/**
 * In the page, the stores `from` and `to` synced: puts `entryId` under review again in `from`, as
 * `person`; answers the ms from its append to `to` showing it.
 */
export async function timeChangeSeen({ modelUrl, from, to, entryId, person }) {
  const { moveEvent } = await import(modelUrl);
  const store = globalThis.benchCouch.stores[from];
  const entry = (await store.read()).entries.find(({ id }) => id === entryId);
  const change = moveEvent(entry, 'under-review', { by: { name: person.name }, at: new Date().toISOString() });
  const seen = globalThis.benchCouch.seenAt({ name: to, entryId, status: 'under-review' });
  await globalThis.bench.settle();
  const started = performance.now();
  await store.append([change]);
  return (await seen) - started;
}

/** Writes `events` to the register as `person` moving them in (`moved`, in their name), as a browser's move does. */
async function writeEvents(origin, database, person, events) {
  const authorization = `Basic ${Buffer.from(`${person.name}:${person.password}`).toString('base64')}`;
  for (let start = 0; start < events.length; start += BATCH) {
    const docs = events
      .slice(start, start + BATCH)
      .map((event) => ({ ...event, _id: event.id, moved: true, recordedBy: person.name }));
    const response = await fetch(`${origin}/${database}/_bulk_docs`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ docs }),
    });
    const answers = await response.json();
    const refused = Array.isArray(answers) ? answers.filter((answer) => answer.error) : [answers];
    if (!response.ok || refused.length > 0) throw new Error(`the server refused events: ${JSON.stringify(refused[0])}`);
  }
}

/**
 * Both figures, `runs` times each, on one school made for the run: its register seeded once with
 * the events of COUCH_SYNC_TOOLS tools (made by the model in a page, as the register-log figures
 * make them); the first sync into a fresh replica on a fresh page each run; then two pages, each
 * synced, the first changing a tool each run and the second timed until it shows the change.
 *
 * @param {{ openPage: (path: string) => Promise<import('puppeteer-core').Page>, baseUrl: string,
 *   answers: object, runs: number, allowServer: (origin: string) => void }} bench
 */
export async function timeCouchSync({ openPage, baseUrl, answers, runs, allowServer, couchBundleUrl }) {
  const server = await testCouchServer();
  const school = `bench-${randomBytes(4).toString('hex')}`;
  const people = ['ann', 'bea'].map((name) => ({
    name: `${school}-${name}`,
    password: randomBytes(12).toString('hex'),
    role: 'approver',
  }));
  try {
    allowServer(server.origin);
    const client = await connectAsAdmin(server.adminUrl);
    await setupSchool(client, { school, origins: [new URL(baseUrl).origin] });
    for (const person of people) await addPerson(client, { school, ...person });
    const { register } = schoolNames(school);
    const registerUrl = `${server.origin}/${register}`;

    const page = async () => {
      const opened = await openPage('/bench/register-log.html');
      await opened.evaluate(
        `globalThis.benchRegisterLog = { seed: ${seedRegisterLog.toString()} };
         globalThis.benchCouch = { fetchAs: ${basicFetchSource}, seenAt: ${seenAt.toString()}, stores: {} };`,
      );
      return opened;
    };
    const seeding = await page();
    const { events, notApproved } = await seeding.evaluate((args) => globalThis.benchRegisterLog.seed(args), {
      ...REGISTER_LOG_URLS,
      answers,
      tools: COUCH_SYNC_TOOLS,
    });
    await seeding.close();
    await writeEvents(server.origin, register, people[0], events);

    const firstSync = [];
    let syncedEvents;
    for (let run = 0; run < runs; run += 1) {
      const syncing = await page();
      const timed = await syncing.evaluate(timeFirstSync, {
        couchUrl: couchBundleUrl,
        register: registerUrl,
        person: people[run % 2],
        replica: `bench-${randomBytes(4).toString('hex')}`,
        tools: COUCH_SYNC_TOOLS,
      });
      firstSync.push(timed.ms);
      syncedEvents = timed.events;
      await syncing.close();
    }

    // Two stores, each with its own replica and signed in as its own approver, as two browsers
    // would be; in one page, as a page in the background has its timers slowed.
    const both = await page();
    for (const [index, name] of ['ann', 'bea'].entries()) {
      await both.evaluate(timeFirstSync, {
        couchUrl: couchBundleUrl,
        register: registerUrl,
        person: people[index],
        replica: `bench-${randomBytes(4).toString('hex')}`,
        tools: COUCH_SYNC_TOOLS,
        name,
      });
    }
    const seenInAnother = [];
    for (let run = 0; run < Math.max(runs, 10); run += 1) {
      const [from, to] = run % 2 === 0 ? ['ann', 'bea'] : ['bea', 'ann'];
      const ms = await both.evaluate(timeChangeSeen, {
        modelUrl: REGISTER_LOG_URLS.modelUrl,
        from,
        to,
        entryId: notApproved[run],
        person: people[run % 2],
      });
      seenInAnother.push(ms);
    }
    await both.close();
    return { firstSync, syncedEvents, seenInAnother, kind: server.kind };
  } finally {
    await removeSchool(
      server,
      school,
      people.map(({ name }) => name),
    ).catch(() => undefined);
    await server.stop();
  }
}
