// How the bench measures, for bench/figures.mjs: a run of the bench (its browser, server and build,
// and the measurements several figures share, each made once), the pages it opens and the timed
// runs that drive them. bench/run.mjs starts a run; each figure's entry says what it reads here.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  autosaveWritten,
  exportThroughPanel,
  installHelpers,
  prepareAutosave,
  prepareExport,
  renderDrafts,
  seedDrafts,
  seedRegister,
  startAutosaveBurst,
  timeRegister,
  timeRegisterCsvImport,
  verifyCraftedThroughElement,
  verifyThroughElement,
} from './in-page.mjs';
import { FORM_URL } from './pages.mjs';

export const SCORE_WARM_UP = 500;
export const SCORE_BATCHES = 50;
export const SCORE_CALLS_PER_BATCH = 100;
/** Autosave: this many freshly loaded pages, each with its first save and then this many more timed. */
export const AUTOSAVE_PAGES = 5;
export const AUTOSAVE_SAVES_PER_PAGE = 6;
export const DRAFTS_LISTED = 500;
/** How many drafts <proforma-drafts> shows before "Show all" (SHOWN_AT_FIRST in its source). */
export const DRAFTS_SHOWN_AT_FIRST = 20;
/** Exports on each fresh page: the first is cold (loads the export code), the rest warm. */
export const EXPORTS_PER_PAGE = 3;
/** The size of the file crafted to take quadratic time that the verifier is timed on. */
export const CRAFTED_PDF_BYTES = 16 * 1024 * 1024;

export const GZIP_LEVEL = 9;
/** What is typed into the tool's name for a page's first save, then before each later one (` v1`, …). */
const AUTOSAVE_FIRST_TEXT = 'Padlet';
/** The outcomes the seeded drafts take in turn (OUTCOMES in src/model/scoring.ts). */
const OUTCOMES = ['approved', 'approved-with-conditions', 'not-approved', 'incomplete'];

export const gzipBytes = (buffer) => gzipSync(buffer, { level: GZIP_LEVEL }).length;

/**
 * One run of the bench: what every measurement needs (`browser`, the server's `baseUrl`, the
 * snapshot of the `build`, `runs` per timed figure, the social-tool `form` and what follows from it),
 * the `files` each page fetched, for results.json, and the requests that left the machine.
 */
export class Bench {
  files = {};
  offSiteRequests = new Set();
  /** Servers on this machine that bench pages may ask, beside the bench's own (a CouchDB the bench started). */
  loopbackServers = new Set();
  #measured = new Map();

  constructor(properties) {
    Object.assign(this, properties);
  }

  /** What `measure(bench)` gives, measured once in a run however many figures read it. */
  once(measure) {
    if (!this.#measured.has(measure)) this.#measured.set(measure, measure(this));
    return this.#measured.get(measure);
  }
}

/**
 * Loads `path`, lets `showForm(page)` bring the form up, and records every script and stylesheet the
 * page receives until the network has been quiet for half a second: what a visitor's browser
 * actually downloads.
 */
export async function recordFiles(bench, path, showForm) {
  const page = await bench.browser.newPage();
  stayLocal(page, bench);
  const bodies = [];
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    const resourceType = response.request().resourceType();
    const kind =
      resourceType === 'script' || /javascript/.test(type)
        ? 'js'
        : resourceType === 'stylesheet' || /text\/css/.test(type)
          ? 'css'
          : undefined;
    if (kind === undefined) return;
    const url = new URL(response.url()).pathname;
    // A body that cannot be read (the page went away first) fails the run when awaited, never unhandled.
    const body = response.buffer();
    body.catch(() => {});
    bodies.push(body.then((buffer) => ({ url, kind, bytes: buffer.length, gzipBytes: gzipBytes(buffer) })));
  });
  try {
    await page.goto(`${bench.baseUrl}${path}`, { waitUntil: 'load' });
    await showForm(page);
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 15000 });
    return await Promise.all(bodies);
  } finally {
    await page.close();
  }
}

/** Records in `bench.offSiteRequests` every request `page` makes that is not to the bench's server, a loopback server it started, or a data: or its own blob: URL. */
export function stayLocal(page, { baseUrl, offSiteRequests, loopbackServers = new Set() }) {
  page.on('request', (request) => {
    const url = request.url();
    // Files the page made itself (data: and its own blob: URLs) never leave the machine.
    const local =
      [baseUrl, ...loopbackServers].some((origin) => url.startsWith(`${origin}/`)) ||
      url.startsWith('data:') ||
      url.startsWith(`blob:${baseUrl}/`);
    if (!local) offSiteRequests.add(url);
  });
}

/** A fresh page at `path` with the in-page helpers installed; `onResponse` sees every response from the start. */
export async function openPage(bench, path, onResponse) {
  const page = await bench.browser.newPage();
  stayLocal(page, bench);
  await page.setViewport({ width: 1280, height: 900 });
  page.on('pageerror', (error) => console.error(`page error on ${path}: ${error.message}`));
  if (onResponse) page.on('response', onResponse);
  await page.goto(`${bench.baseUrl}${path}`, { waitUntil: 'load' });
  await page.evaluate(installHelpers);
  return page;
}

/**
 * The IndexedDB database, and the BroadcastChannel, of a namespace's drafts: draftDatabaseName in
 * src/services/indexeddb-draft-store.ts and draftChannelName in src/controllers/draft-store-controller.ts.
 */
export const draftsName = (namespace) => `proforma-${namespace}-drafts`;
export const freshNamespace = () => `bench-${randomUUID().slice(0, 8)}`;

/**
 * Autosave on AUTOSAVE_PAGES freshly loaded pages, each with a namespace (so a database) of its
 * own: the tool's name typed with real key presses (puppeteer's keyboard), then the ms from the
 * last keystroke's input event to the commit of the IndexedDB write, less the debounce. A page's
 * first save, which also loads the draft code and opens the database, is kept apart. Each burst
 * of typing must give exactly one commit and one announcement, of the next revision.
 */
export async function timeAutosave(bench) {
  const { visibleAtFirst: expectedQuestions, delayMs } = bench;
  const first = [];
  const later = [];
  const heard = [];
  for (let run = 0; run < AUTOSAVE_PAGES; run += 1) {
    const namespace = freshNamespace();
    const page = await openPage(bench, '/bench/proforma.html');
    try {
      await page.evaluate(prepareAutosave, {
        formUrl: FORM_URL,
        namespace,
        expectedQuestions,
        databaseName: draftsName(namespace),
        channelName: draftsName(namespace),
      });
      const input = await page.evaluateHandle(() =>
        document.querySelector('proforma-assessment').shadowRoot.querySelector('#q-tool-name-input'),
      );
      await input.click();
      await input.dispose();
      let typed = '';
      for (let save = 0; save <= AUTOSAVE_SAVES_PER_PAGE; save += 1) {
        const text = save === 0 ? AUTOSAVE_FIRST_TEXT : ` v${save}`;
        await page.evaluate(startAutosaveBurst);
        await page.keyboard.type(text);
        typed += text;
        const burst = await page.evaluate(autosaveWritten, { timeoutMs: 10000 });
        const [message] = burst.heard;
        const problem =
          burst.value !== typed
            ? `the field holds "${burst.value}", not "${typed}"`
            : burst.inputs.length !== text.length
              ? `${burst.inputs.length} input events for ${text.length} keys`
              : burst.commits.length !== 1 || burst.heard.length !== 1
                ? `${burst.commits.length} commits and ${burst.heard.length} announcements, not one of each`
                : message.id !== burst.draftId || message.revision !== save + 1
                  ? `announced ${JSON.stringify(message)}, not revision ${save + 1} of ${burst.draftId}`
                  : undefined;
        if (problem) throw new Error(`Autosave after typing "${text}": ${problem}`);
        const lastInput = burst.inputs.at(-1);
        if (save === 0) first.push(burst.commits[0] - lastInput - delayMs);
        else {
          later.push(burst.commits[0] - lastInput - delayMs);
          heard.push(message.at - lastInput - delayMs);
        }
      }
    } finally {
      await page.close();
    }
  }
  return { first, later, heard };
}

/**
 * The drafts list, `bench.runs` times: DRAFTS_LISTED drafts restored from a backup into a fresh namespace
 * on one page, then listed by a <proforma-drafts> on a freshly loaded other page.
 */
export async function timeDraftsList(bench, answers) {
  const { form } = bench;
  const dom = [];
  const layout = [];
  const title = typeof form.title === 'string' ? form.title : (form.title.en ?? Object.values(form.title)[0]);
  for (let run = 0; run < bench.runs; run += 1) {
    const namespace = freshNamespace();
    const seeding = await openPage(bench, '/bench/drafts.html');
    const seeded = await seeding.evaluate(seedDrafts, {
      namespace,
      count: DRAFTS_LISTED,
      form: { id: form.id, version: form.version },
      formTitle: title,
      answers,
      outcomes: OUTCOMES,
    });
    await seeding.close();
    if (seeded !== DRAFTS_LISTED) throw new Error(`restoring the backup gave ${seeded} drafts, not ${DRAFTS_LISTED}`);
    const page = await openPage(bench, '/bench/drafts.html');
    const listed = await page.evaluate(renderDrafts, {
      namespace,
      expected: DRAFTS_LISTED,
      shownAtFirst: DRAFTS_SHOWN_AT_FIRST,
    });
    await page.close();
    dom.push(listed.domMs);
    layout.push(listed.layoutMs);
  }
  return { dom, layout };
}

/**
 * The signed PDF, `bench.runs` times: on a freshly loaded form page with complete answers, exported
 * EXPORTS_PER_PAGE times through the page's own "Sign and save as PDF" panel. The first export
 * loads the export code (the panel, then the worker); the scripts it fetches are listed by the
 * page's resource timing. The last PDF is then checked `bench.runs` times with <proforma-verify>, its
 * first check (loading the verify code) kept apart.
 */
export async function timeExport(bench, { answers, pageScripts }) {
  const cold = [];
  const warm = [];
  const longestTask = [];
  const loadedOnExport = new Set();
  let last;
  for (let run = 0; run < bench.runs; run += 1) {
    const page = await openPage(bench, '/bench/proforma.html');
    await page.evaluate(prepareExport, { formUrl: FORM_URL, answers, namespace: freshNamespace() });
    await page.waitForNetworkIdle({ idleTime: 300, timeout: 15000 });
    const before = new Set(await page.evaluate(scriptsFetched));
    for (let count = 0; count < EXPORTS_PER_PAGE; count += 1) {
      const exported = await page.evaluate(exportThroughPanel, {});
      if (exported.downloads.at(-1) !== exported.fileName) {
        throw new Error(`the export offered ${JSON.stringify(exported.downloads)}, not ${exported.fileName}`);
      }
      (count === 0 ? cold : warm).push(exported.ms);
      longestTask.push(exported.longestTaskMs);
      last = exported;
    }
    for (const url of await page.evaluate(scriptsFetched)) {
      if (!before.has(url)) loadedOnExport.add(url);
    }
    await page.close();
  }
  const preloaded = [...loadedOnExport].filter((url) => pageScripts.has(url));
  if (preloaded.length > 0) throw new Error(`The form page already loads export code: ${preloaded.join(', ')}`);
  const exportFiles = [];
  for (const url of loadedOnExport) {
    const body = await readFile(join(bench.build, url));
    exportFiles.push({ url, kind: 'js', role: 'loaded on export', bytes: body.length, gzipBytes: gzipBytes(body) });
  }
  const checks = [];
  const page = await openPage(bench, '/bench/verify.html');
  const check = async () => {
    const checked = await page.evaluate(verifyThroughElement, { pdfBase64: last.pdfBase64, fileName: last.fileName });
    if (!/^Valid/.test(checked.headline)) throw new Error(`<proforma-verify> said "${checked.headline}"`);
    return checked.ms;
  };
  const firstCheck = await check();
  for (let run = 0; run < bench.runs; run += 1) checks.push(await check());
  await page.close();
  return { cold, warm, longestTask, fileBytes: last.bytes, exportFiles, firstCheck, checks };
}

/**
 * <proforma-verify> on a file of CRAFTED_PDF_BYTES crafted to take quadratic time, `bench.runs` times
 * on one page after a first check that loads the verify code and is not counted.
 */
export async function timeCraftedVerify(bench) {
  const page = await openPage(bench, '/bench/verify.html');
  const check = async () => {
    const checked = await page.evaluate(verifyCraftedThroughElement, { bytes: CRAFTED_PDF_BYTES });
    if (!/^Not valid/.test(checked.headline)) throw new Error(`<proforma-verify> said "${checked.headline}"`);
    return checked;
  };
  await check();
  const checks = [];
  for (let run = 0; run < bench.runs; run += 1) checks.push(await check());
  await page.close();
  return { ms: checks.map((each) => each.ms), longestTask: checks.map((each) => each.longestTaskMs) };
}

/** Entries in the register the bench lists, filters, sorts, exports and imports. */
export const REGISTER_ENTRIES = 10_000;
/** Rows <proforma-register> shows a page (REGISTER_PAGE_SIZE in its source). */
const REGISTER_ROWS = 50;

/**
 * The register of REGISTER_ENTRIES tools, `bench.runs` times: seeded into a fresh namespace, then on a
 * freshly loaded page listed, sorted, filtered and exported as CSV; that CSV is then imported
 * into another fresh namespace through "Import CSV".
 */
export async function timeRegisterFigures(bench) {
  const figures = { firstRender: [], sort: [], filter: [], exportCsv: [], importCsv: [] };
  const today = new Date().toISOString().slice(0, 10);
  for (let run = 0; run < bench.runs; run += 1) {
    const namespace = freshNamespace();
    const seeding = await openPage(bench, '/bench/register.html');
    const seeded = await seeding.evaluate(seedRegister, { namespace, count: REGISTER_ENTRIES, today });
    await seeding.close();
    if (seeded !== REGISTER_ENTRIES) throw new Error(`seeded ${seeded} register entries, not ${REGISTER_ENTRIES}`);
    // The seed is written as the version before the log kept it: a first, untimed opening carries
    // it into the log once, as it would for a school, so that the timed one reads the log.
    const carrying = await openPage(bench, '/bench/register.html');
    await carrying.evaluate(timeRegister, { namespace, rows: REGISTER_ROWS });
    await carrying.close();
    const page = await openPage(bench, '/bench/register.html');
    const timed = await page.evaluate(timeRegister, { namespace, rows: REGISTER_ROWS });
    figures.firstRender.push(timed.firstRenderMs);
    figures.sort.push(timed.sortMs);
    figures.filter.push(timed.filterMs);
    figures.exportCsv.push(timed.exportMs);
    const rowsInCsv = timed.csv.split('\r\n').filter(Boolean).length - 1;
    if (rowsInCsv !== REGISTER_ENTRIES)
      throw new Error(`the exported CSV has ${rowsInCsv} rows, not ${REGISTER_ENTRIES}`);
    const imported = await page.evaluate(timeRegisterCsvImport, { namespace: freshNamespace(), csv: timed.csv });
    figures.importCsv.push(imported.ms);
    await page.close();
  }
  return figures;
}

/**
 * The scripts a page with <proforma-register> (every element's bundle) fetches once it is given a
 * shared register's address, beyond those it fetched before: what a shared register adds to a page.
 * The address is the bench server's own, which answers nothing: the code loads all the same.
 */
export async function recordCouchAdds(bench) {
  const page = await openPage(bench, '/bench/register.html');
  await page.evaluate(() => {
    const register = document.createElement('proforma-register');
    register.namespace = `bench-couch-${crypto.randomUUID()}`;
    document.querySelector('#host').append(register);
    return customElements.whenDefined('proforma-register');
  });
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 15000 });
  const before = new Set(await page.evaluate(scriptsFetched));
  await page.evaluate(
    (url) => document.querySelector('proforma-register').setAttribute('couch-url', url),
    `${bench.baseUrl}/couch/proforma-bench-register`,
  );
  await page.waitForFunction(() =>
    document.querySelector('proforma-register').shadowRoot?.querySelector('[part="shared-status"] [role="status"]'),
  );
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 15000 });
  const added = (await page.evaluate(scriptsFetched)).filter((url) => !before.has(url));
  await page.close();
  if (added.length === 0) throw new Error('a shared register loaded no code: was it loaded with the page?');
  return Promise.all(
    added.map(async (url) => {
      const body = await readFile(join(bench.build, url));
      return { url, kind: 'js', role: 'loaded with a shared register', bytes: body.length, gzipBytes: gzipBytes(body) };
    }),
  );
}

/** Paths of the scripts the page (not its workers) has fetched so far. */
function scriptsFetched() {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.endsWith('.js'));
}

export const sum = (files, field) => files.reduce((total, file) => total + file[field], 0);
export const ratio = (ours, theirs) => Number((ours / theirs).toFixed(3));
