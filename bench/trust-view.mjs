// A trust's view of its schools' registers, on a CouchDB-protocol server the bench starts on a
// loopback port (the tests' own): TRUST_SCHOOLS schools publishing TRUST_TOOLS tools each, their
// published registers replicated into the trust's database (`proforma-couchdb trust`), shown by
// <proforma-register mode="trust"> signed in as the trust's staff.
//
// The functions below marked "in the page" run in Chromium through page.evaluate: each is
// self-contained, and gets what it needs as arguments.
import { randomBytes } from 'node:crypto';
import { connectAsAdmin } from '../couchdb/server.mjs';
import { setupSchool } from '../couchdb/setup.mjs';
import { PUBLISHED_TOOLS_FILTER, addTrustPerson, setupTrust } from '../couchdb/trust.mjs';
import { schoolNames, trustNames } from '../couchdb/design-documents.mjs';
import { removeSchool, testCouchServer } from '../test/couchdb/server.mjs';

export const TRUST_SCHOOLS = 20;
export const TRUST_TOOLS = 300;

const STATUSES = ['approved', 'approved-with-conditions', 'not-approved', 'under-review', 'submitted'];

/** A school's published document for tool number `tool`, as an approver's browser writes it. */
function publishedTool(school, tool, status, publishedAt) {
  const id = `tool-${tool}`;
  const decided = status === 'approved' || status === 'approved-with-conditions' || status === 'not-approved';
  return {
    _id: `${school}:${id}`,
    school,
    entry: {
      id,
      tool: `Tool ${String(tool).padStart(3, '0')}`,
      url: `https://tool-${tool}.example`,
      subjects: ['Computing'],
      yearGroups: ['Year 7'],
      status,
      conditions: status === 'approved-with-conditions' ? ['Pupils use class accounts only'] : [],
      owners: [],
      ...(decided ? { decisionDate: '2026-11-02' } : {}),
      ...(status.startsWith('approved') ? { reviewDue: '2027-11-02' } : {}),
      history: [],
    },
    publishedAt,
    submissions: [],
  };
}

/** Writes documents as the server's admin, a batch a request. */
async function writeAll(server, database, docs) {
  const authorization = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
  for (let start = 0; start < docs.length; start += 500) {
    const response = await fetch(`${server.origin}/${database}/_bulk_docs`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ docs: docs.slice(start, start + 500) }),
    });
    const answers = await response.json();
    const refused = Array.isArray(answers) ? answers.filter((answer) => answer.error) : [answers];
    if (!response.ok || refused.length > 0) throw new Error(`the server refused: ${JSON.stringify(refused[0])}`);
  }
}

/** Replicates a school's published tools into the trust's database once, now, as the server's admin. */
async function replicateOnce(server, school, trust) {
  const address = (database) => {
    const url = new URL(database, `${server.origin}/`);
    url.username = encodeURIComponent(server.admin.name);
    url.password = encodeURIComponent(server.admin.password);
    return url.href;
  };
  const response = await fetch(`${server.origin}/_replicate`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      source: address(schoolNames(school).published),
      target: address(trustNames(trust).database),
      filter: PUBLISHED_TOOLS_FILTER,
    }),
  });
  if (!response.ok) throw new Error(`the replication into the trust failed: ${await response.text()}`);
}

/** In the page: signs in to the server with CouchDB's session, so that the element is signed in. */
async function signInTo({ server, name, password }) {
  const response = await fetch(`${server}/_session`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (!response.ok) throw new Error(`sign-in refused: ${response.status}`);
}

/** In the page: ms from appending the trust's view to its first page of tools shown. */
async function timeTrustFirstRender({ database, rows }) {
  await customElements.whenDefined('proforma-register');
  await globalThis.bench.settle();
  const started = performance.now();
  const register = document.createElement('proforma-register');
  register.setAttribute('mode', 'trust');
  register.setAttribute('couch-url', database);
  document.querySelector('#host').append(register);
  await new Promise((resolve, reject) => {
    const check = () => {
      const shown = register.shadowRoot?.querySelectorAll('.trust-tools > li').length ?? 0;
      if (shown === rows) return resolve();
      if (register.shadowRoot?.querySelector('#sign-in-password')) return reject(new Error('asked to sign in'));
      requestAnimationFrame(check);
    };
    check();
  });
  return performance.now() - started;
}

/** In the page: resolves with the time at which the trust's view shows `tool` with `words`. */
function shownAt({ tool, words }) {
  const register = document.querySelector('proforma-register');
  return new Promise((resolve) => {
    const check = () => {
      const lines = [...register.shadowRoot.querySelectorAll('.trust-tools > li summary')].map((summary) =>
        summary.textContent.replace(/\s+/g, ' ').trim(),
      );
      if (lines.includes(`${tool} ${words}`)) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    check();
  });
}

/**
 * Both figures: the trust's view's first render on a fresh page `runs` times, and, on one page, a
 * school's decision on a new tool until the view shows it, `max(runs, 10)` times. PouchDB Server
 * keeps no continuous replication: there the bench replicates the school into the trust once, at
 * once, as CouchDB's continuous replication would (its own delay is CouchDB's, not measured here).
 */
export async function timeTrustView({ openPage, baseUrl, runs, allowServer }) {
  const server = await testCouchServer();
  const tag = randomBytes(3).toString('hex');
  const schools = Array.from({ length: TRUST_SCHOOLS }, (_, index) => `bench-${tag}-${index}`);
  const trust = `bench-trust-${tag}`;
  const staff = { name: `${trust}-staff`, password: randomBytes(12).toString('hex') };
  try {
    allowServer(server.origin);
    const client = await connectAsAdmin(server.adminUrl);
    const publishedAt = new Date().toISOString();
    for (const [index, school] of schools.entries()) {
      await setupSchool(client, { school, origins: [new URL(baseUrl).origin] });
      const docs = Array.from({ length: TRUST_TOOLS }, (_, tool) =>
        publishedTool(school, tool, STATUSES[(tool + index) % STATUSES.length], publishedAt),
      );
      await writeAll(server, schoolNames(school).published, docs);
    }
    await setupTrust(client, { trust, schools });
    await addTrustPerson(client, { trust, name: staff.name, password: staff.password, role: 'trust-staff' });
    const database = `${server.origin}/${trustNames(trust).database}`;

    const firstRender = [];
    for (let run = 0; run < runs; run += 1) {
      const page = await openPage('/bench/register.html');
      await page.evaluate(signInTo, { server: server.origin, ...staff });
      firstRender.push(await page.evaluate(timeTrustFirstRender, { database, rows: 50 }));
      await page.close();
    }

    const page = await openPage('/bench/register.html');
    await page.evaluate(signInTo, { server: server.origin, ...staff });
    await page.evaluate(timeTrustFirstRender, { database, rows: 50 });
    const seen = [];
    for (let run = 0; run < Math.max(runs, 10); run += 1) {
      const school = schools[run % schools.length];
      // A tool no school had, named to sort first, so that the first page shows it.
      const doc = publishedTool(school, 1000 + run, 'not-approved', new Date().toISOString());
      doc.entry.tool = `A new tool ${run}`;
      const shown = page.evaluate(shownAt, { tool: doc.entry.tool, words: 'not approved at 1 school' });
      const started = await page.evaluate(() => performance.now());
      await writeAll(server, schoolNames(school).published, [doc]);
      if (server.kind === 'pouchdb-server') await replicateOnce(server, school, trust);
      seen.push((await shown) - started);
    }
    await page.close();
    return { firstRender, seen, documents: TRUST_SCHOOLS * TRUST_TOOLS, kind: server.kind };
  } finally {
    for (const school of schools) await removeSchool(server, school).catch(() => undefined);
    await removeSchool(server, trust, [staff.name], [trustNames(trust).database]).catch(() => undefined);
    await server.stop();
  }
}
