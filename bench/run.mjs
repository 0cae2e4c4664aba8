// The benchmark: proforma and SurveyJS rendering the same social-tool form, same run, same machine.
//
//   node bench/run.mjs               every figure, written to bench/results.json
//   node bench/run.mjs --bytes-only  only the JS byte figures (no timing), to bench/results.local.json
//   --check                          exit 1 naming each figure over its budget (bench/figures.mjs)
//   --runs N                         timed runs per figure (7 unless given; autosave always times 5 pages × 6 saves)
//
// Needs a build (`npm run build`) and Chromium (CHROME_PATH, or /usr/bin/chromium).
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { chromiumArguments, findChromium } from '../scripts/find-browser.mjs';
import { startServer } from '../scripts/serve.mjs';
import { checkBudgets } from './check-budgets.mjs';
import { timeEmbedFirstRender } from './embed-render.mjs';
import {
  AUTOSAVE_PAGES,
  AUTOSAVE_SAVES_PER_PAGE,
  BUDGETS,
  CRAFTED_PDF_BYTES,
  DEFINITIONS,
  DRAFTS_LISTED,
  DRAFTS_SHOWN_AT_FIRST,
  EXPORTS_PER_PAGE,
  FIGURES,
  SCORE_BATCHES,
  SCORE_CALLS_PER_BATCH,
  SCORE_WARM_UP,
} from './figures.mjs';
import {
  answerEverything,
  autosaveWritten,
  exportThroughPanel,
  installHelpers,
  prepareExport,
  seedRegister,
  timeRegister,
  timeRegisterCsvImport,
  prepareAutosave,
  renderDrafts,
  renderProforma,
  renderSurveyJs,
  seedDrafts,
  startAutosaveBurst,
  timeScoring,
  verifyCraftedThroughElement,
  verifyThroughElement,
} from './in-page.mjs';
import { importMapFor } from './model-imports.mjs';
import { REGISTER_LOG_TOOLS, timeRegisterLog } from './register-log.mjs';
import {
  APP_BUNDLE_URL,
  BUNDLE_URL,
  CLASSIC_SCRIPT_URL,
  EXPORT_WORKER_URL,
  FORM_URL,
  MODEL_URL,
  REGISTER_LOG_FOLDERS,
  REGISTER_LOG_URLS,
  SERVED_FOLDERS,
  SURVEYJS_FORM_URL,
  benchPages,
} from './pages.mjs';
import { summarise } from './stats.mjs';
import { toSurveyJs } from './to-surveyjs.mjs';

const GZIP_LEVEL = 9;
/** What is typed into the tool's name for a page's first save, then before each later one (` v1`, …). */
const AUTOSAVE_FIRST_TEXT = 'Padlet';
/** The outcomes the seeded drafts take in turn (OUTCOMES in src/model/scoring.ts). */
const OUTCOMES = ['approved', 'approved-with-conditions', 'not-approved', 'incomplete'];
const root = new URL('..', import.meta.url);

const { values: options } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    'bytes-only': { type: 'boolean', default: false },
    runs: { type: 'string', default: '7' },
  },
});
const bytesOnly = options['bytes-only'];
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number above 0, not ${options.runs}`);

const readJson = async (path) => JSON.parse(await readFile(new URL(path, root), 'utf8'));
const gzipBytes = (buffer) => gzipSync(buffer, { level: GZIP_LEVEL }).length;

/**
 * Loads `path`, lets `showForm(page)` bring the form up, and records every script and stylesheet the
 * page receives until the network has been quiet for half a second: what a visitor's browser
 * actually downloads.
 */
async function recordFiles(browser, baseUrl, path, showForm) {
  const page = await browser.newPage();
  stayLocal(page, baseUrl);
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
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
    await showForm(page);
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 15000 });
    return await Promise.all(bodies);
  } finally {
    await page.close();
  }
}

/** Requests a bench page made anywhere but the bench's own server; the run fails if there are any. */
const offSiteRequests = new Set();

/** Records every request `page` makes that is not to `baseUrl` (or a data: or its own blob: URL). */
function stayLocal(page, baseUrl) {
  page.on('request', (request) => {
    const url = request.url();
    // Files the page made itself (data: and its own blob: URLs) never leave the machine.
    const local = url.startsWith(`${baseUrl}/`) || url.startsWith('data:') || url.startsWith(`blob:${baseUrl}/`);
    if (!local) offSiteRequests.add(url);
  });
}

/** A fresh page at `path` with the in-page helpers installed; `onResponse` sees every response from the start. */
async function openPage(browser, baseUrl, path, onResponse) {
  const page = await browser.newPage();
  stayLocal(page, baseUrl);
  await page.setViewport({ width: 1280, height: 900 });
  page.on('pageerror', (error) => console.error(`page error on ${path}: ${error.message}`));
  if (onResponse) page.on('response', onResponse);
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  await page.evaluate(installHelpers);
  return page;
}

/**
 * Copies the build and the forms into a temporary folder the bench serves and imports from, so that
 * a rebuild while the bench runs (another terminal, a watcher) cannot mix two builds in one result.
 */
async function snapshotBuild() {
  const folder = await mkdtemp(join(tmpdir(), 'proforma-bench-files-'));
  const bundleFile = new URL(`.${BUNDLE_URL}`, root);
  const builtAt = () =>
    stat(bundleFile).then(
      (stats) => stats.mtimeMs,
      () => undefined,
    );
  try {
    for (let attempt = 1; ; attempt += 1) {
      const before = await builtAt();
      if (before === undefined) throw new Error(`No ${BUNDLE_URL.slice(1)}: run \`npm run build\` first.`);
      await rm(join(folder, 'dist'), { recursive: true, force: true });
      await cp(fileURLToPath(new URL('dist', root)), join(folder, 'dist'), { recursive: true });
      if ((await builtAt()) === before) break;
      if (attempt === 5)
        throw new Error('dist/ kept changing while the bench copied it; stop the rebuilds and run again.');
    }
    await cp(fileURLToPath(new URL('forms', root)), join(folder, 'forms'), { recursive: true });
    // SurveyJS, and the packages dist/model imports (zod), are served from node_modules.
    await symlink(fileURLToPath(new URL('node_modules', root)), join(folder, 'node_modules'), 'dir');
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return folder;
}

/**
 * The IndexedDB database, and the BroadcastChannel, of a namespace's drafts: draftDatabaseName in
 * src/services/indexeddb-draft-store.ts and draftChannelName in src/controllers/draft-store-controller.ts.
 */
const draftsName = (namespace) => `proforma-${namespace}-drafts`;
const freshNamespace = () => `bench-${randomUUID().slice(0, 8)}`;

/**
 * Autosave on AUTOSAVE_PAGES freshly loaded pages, each with a namespace (so a database) of its
 * own: the tool's name typed with real key presses (puppeteer's keyboard), then the ms from the
 * last keystroke's input event to the commit of the IndexedDB write, less the debounce. A page's
 * first save, which also loads the draft code and opens the database, is kept apart. Each burst
 * of typing must give exactly one commit and one announcement, of the next revision.
 */
async function timeAutosave(browser, baseUrl, { expectedQuestions, delayMs }) {
  const first = [];
  const later = [];
  const heard = [];
  for (let run = 0; run < AUTOSAVE_PAGES; run += 1) {
    const namespace = freshNamespace();
    const page = await openPage(browser, baseUrl, '/bench/proforma.html');
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
 * The drafts list, `runs` times: DRAFTS_LISTED drafts restored from a backup into a fresh namespace
 * on one page, then listed by a <proforma-drafts> on a freshly loaded other page.
 */
async function timeDraftsList(browser, baseUrl, { form, answers }) {
  const dom = [];
  const layout = [];
  const title = typeof form.title === 'string' ? form.title : (form.title.en ?? Object.values(form.title)[0]);
  for (let run = 0; run < runs; run += 1) {
    const namespace = freshNamespace();
    const seeding = await openPage(browser, baseUrl, '/bench/drafts.html');
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
    const page = await openPage(browser, baseUrl, '/bench/drafts.html');
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
 * The signed PDF, `runs` times: on a freshly loaded form page with complete answers, exported
 * EXPORTS_PER_PAGE times through the page's own "Sign and save as PDF" panel. The first export
 * loads the export code (the panel, then the worker); the scripts it fetches are listed by the
 * page's resource timing. The last PDF is then checked `runs` times with <proforma-verify>, its
 * first check (loading the verify code) kept apart.
 */
async function timeExport(browser, baseUrl, { answers, pageScripts, build }) {
  const cold = [];
  const warm = [];
  const longestTask = [];
  const loadedOnExport = new Set();
  let last;
  for (let run = 0; run < runs; run += 1) {
    const page = await openPage(browser, baseUrl, '/bench/proforma.html');
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
    const body = await readFile(join(build, url));
    exportFiles.push({ url, kind: 'js', role: 'loaded on export', bytes: body.length, gzipBytes: gzipBytes(body) });
  }
  const checks = [];
  const page = await openPage(browser, baseUrl, '/bench/verify.html');
  const check = async () => {
    const checked = await page.evaluate(verifyThroughElement, { pdfBase64: last.pdfBase64, fileName: last.fileName });
    if (!/^Valid/.test(checked.headline)) throw new Error(`<proforma-verify> said "${checked.headline}"`);
    return checked.ms;
  };
  const firstCheck = await check();
  for (let run = 0; run < runs; run += 1) checks.push(await check());
  await page.close();
  return { cold, warm, longestTask, fileBytes: last.bytes, exportFiles, firstCheck, checks };
}

/**
 * <proforma-verify> on a file of CRAFTED_PDF_BYTES crafted to take quadratic time, `runs` times
 * on one page after a first check that loads the verify code and is not counted.
 */
async function timeCraftedVerify(browser, baseUrl) {
  const page = await openPage(browser, baseUrl, '/bench/verify.html');
  const check = async () => {
    const checked = await page.evaluate(verifyCraftedThroughElement, { bytes: CRAFTED_PDF_BYTES });
    if (!/^Not valid/.test(checked.headline)) throw new Error(`<proforma-verify> said "${checked.headline}"`);
    return checked;
  };
  await check();
  const checks = [];
  for (let run = 0; run < runs; run += 1) checks.push(await check());
  await page.close();
  return { ms: checks.map((each) => each.ms), longestTask: checks.map((each) => each.longestTaskMs) };
}

/** Entries in the register the bench lists, filters, sorts, exports and imports. */
const REGISTER_ENTRIES = 10_000;
/** Rows <proforma-register> shows a page (REGISTER_PAGE_SIZE in its source). */
const REGISTER_ROWS = 50;

/**
 * The register of REGISTER_ENTRIES tools, `runs` times: seeded into a fresh namespace, then on a
 * freshly loaded page listed, sorted, filtered and exported as CSV; that CSV is then imported
 * into another fresh namespace through "Import CSV".
 */
async function timeRegisterFigures(browser, baseUrl) {
  const figures = { firstRender: [], sort: [], filter: [], exportCsv: [], importCsv: [] };
  const today = new Date().toISOString().slice(0, 10);
  for (let run = 0; run < runs; run += 1) {
    const namespace = freshNamespace();
    const seeding = await openPage(browser, baseUrl, '/bench/register.html');
    const seeded = await seeding.evaluate(seedRegister, { namespace, count: REGISTER_ENTRIES, today });
    await seeding.close();
    if (seeded !== REGISTER_ENTRIES) throw new Error(`seeded ${seeded} register entries, not ${REGISTER_ENTRIES}`);
    const page = await openPage(browser, baseUrl, '/bench/register.html');
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

/** Paths of the scripts the page (not its workers) has fetched so far. */
function scriptsFetched() {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.endsWith('.js'));
}

const sum = (files, field) => files.reduce((total, file) => total + file[field], 0);
const ratio = (ours, theirs) => Number((ours / theirs).toFixed(3));

async function main() {
  // Other work on the machine slows every timing: recorded so that a reader can judge.
  const loadAtStart = loadavg().map((load) => Number(load.toFixed(2)));
  const build = await snapshotBuild();
  try {
    await measureAndReport(build, loadAtStart);
  } finally {
    // The link first, so that nothing could ever follow it into the real node_modules.
    await unlink(join(build, 'node_modules')).catch(() => {});
    await rm(build, { recursive: true, force: true });
  }
}

async function measureAndReport(build, loadAtStart) {
  const form = JSON.parse(await readFile(join(build, 'forms/social-tool-risk-assessment.json'), 'utf8'));
  const surveyJsForm = toSurveyJs(form);
  const visibleAtFirst = form.sections.flatMap((s) => s.questions).filter((q) => !q.visibleWhen).length;
  // The debounce, from the build being measured (the module has no imports, so Node can load it).
  const { AUTOSAVE_DELAY_MS: delayMs } = await import(
    pathToFileURL(join(build, 'dist/controllers/autosave-controller.js')).href
  );
  if (typeof delayMs !== 'number') throw new Error('dist/controllers/autosave-controller.js has no AUTOSAVE_DELAY_MS');
  // dist/model as the browser loads it: its packages (zod/mini) through an import map.
  const modelImports = await importMapFor(
    join(build, 'dist/model'),
    fileURLToPath(new URL('node_modules', root)),
    (specifier) => import.meta.resolve(specifier),
  );
  // dist/model and dist/services/register as the browser loads them, for the register's log.
  const registerLogImports = { imports: {}, folders: [] };
  for (const folder of REGISTER_LOG_FOLDERS) {
    const found = await importMapFor(join(build, folder), fileURLToPath(new URL('node_modules', root)), (specifier) =>
      import.meta.resolve(specifier),
    );
    Object.assign(registerLogImports.imports, found.imports);
    registerLogImports.folders.push(...found.folders);
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install one or set CHROME_PATH.');

  const server = await startServer({
    root: build,
    host: '127.0.0.1',
    folders: [...new Set([...SERVED_FOLDERS, ...modelImports.folders, ...registerLogImports.folders])],
    home: '/bench/default-form.html',
    pages: benchPages(surveyJsForm, modelImports.imports, registerLogImports.imports),
  });
  const figures = {};
  const files = {};
  let chromium;
  const userDataDir = await mkdtemp(join(tmpdir(), 'proforma-bench-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      args: chromiumArguments(),
    });

    // Bytes: what each page fetches.
    const proformaFiles = await recordFiles(browser, server.url, '/bench/default-form.html', (page) =>
      page.waitForFunction(
        () => document.querySelector('proforma-assessment')?.shadowRoot?.querySelectorAll('.question').length > 0,
        { timeout: 15000 },
      ),
    );
    const surveyJsFiles = await recordFiles(browser, server.url, '/bench/surveyjs.html', async (page) => {
      await page.evaluate(installHelpers);
      await page.evaluate(renderSurveyJs, { formUrl: SURVEYJS_FORM_URL });
    });
    const appFiles = await recordFiles(browser, server.url, '/bench/app.html', (page) =>
      page.waitForFunction(
        () =>
          document
            .querySelector('proforma-app')
            ?.shadowRoot?.querySelector('proforma-assessment')
            ?.shadowRoot?.querySelectorAll('.question').length > 0,
        { timeout: 15000 },
      ),
    );
    const ourJs = proformaFiles.filter((file) => file.kind === 'js');
    const theirJs = surveyJsFiles.filter((file) => file.kind === 'js');
    files.proforma = proformaFiles.map((file) => ({
      ...file,
      role: file.url === BUNDLE_URL ? 'entry' : 'chunk, loaded with the page',
    }));
    files.app = appFiles.map((file) => ({
      ...file,
      role: file.url === APP_BUNDLE_URL ? 'entry' : 'chunk, loaded with the page',
    }));
    files.surveyjs = surveyJsFiles;
    figures['proforma.pageJs.bytes'] = sum(ourJs, 'bytes');
    figures['proforma.pageJs.gzipBytes'] = sum(ourJs, 'gzipBytes');
    figures['proforma.entry.gzipBytes'] = sum(
      ourJs.filter((file) => file.url === BUNDLE_URL),
      'gzipBytes',
    );
    const appJs = appFiles.filter((file) => file.kind === 'js');
    figures['proforma.appPageJs.bytes'] = sum(appJs, 'bytes');
    figures['proforma.appPageJs.gzipBytes'] = sum(appJs, 'gzipBytes');
    figures['surveyjs.pageJs.bytes'] = sum(theirJs, 'bytes');
    figures['surveyjs.pageJs.gzipBytes'] = sum(theirJs, 'gzipBytes');
    figures['surveyjs.pageCss.gzipBytes'] = sum(
      surveyJsFiles.filter((file) => file.kind === 'css'),
      'gzipBytes',
    );
    // The export's module worker, read from the build: loaded only on export (checked in the full run).
    figures['proforma.exportWorker.gzipBytes'] = gzipBytes(await readFile(join(build, EXPORT_WORKER_URL)));
    figures['proforma.classicScript.gzipBytes'] = gzipBytes(await readFile(join(build, CLASSIC_SCRIPT_URL)));
    figures['ratio.pageJs'] = ratio(figures['proforma.pageJs.gzipBytes'], figures['surveyjs.pageJs.gzipBytes']);

    if (!bytesOnly) {
      // First render, each run on a freshly loaded page.
      const ours = { dom: [], layout: [] };
      const theirs = { dom: [], layout: [] };
      for (let run = 0; run < runs; run += 1) {
        let page = await openPage(browser, server.url, '/bench/proforma.html');
        const rendered = await page.evaluate(renderProforma, { formUrl: FORM_URL, expectedQuestions: visibleAtFirst });
        ours.dom.push(rendered.domMs);
        ours.layout.push(rendered.layoutMs);
        await page.close();

        page = await openPage(browser, server.url, '/bench/surveyjs.html');
        const theirRender = await page.evaluate(renderSurveyJs, { formUrl: SURVEYJS_FORM_URL });
        theirs.dom.push(theirRender.domMs);
        theirs.layout.push(theirRender.layoutMs);
        await page.close();
      }
      figures['proforma.firstRender'] = summarise(ours.dom);
      figures['proforma.firstRenderToLayout'] = summarise(ours.layout);
      figures['surveyjs.firstRender'] = summarise(theirs.dom);
      figures['surveyjs.firstRenderToLayout'] = summarise(theirs.layout);
      figures['ratio.firstRender'] = ratio(
        figures['proforma.firstRender'].median,
        figures['surveyjs.firstRender'].median,
      );
      const embedTimes = await timeEmbedFirstRender(browser, server.url, {
        runs,
        prepare: (page) => stayLocal(page, server.url),
      });
      figures['proforma.embedFirstRender'] = summarise(embedTimes);

      // A full answer pass through the UI, each run on a freshly loaded and rendered page.
      const passes = [];
      const onDemand = new Map();
      const pageScripts = new Set(ourJs.map((file) => file.url));
      let lastPass;
      for (let run = 0; run < runs; run += 1) {
        // A script the default-form page did not fetch, fetched while rendering or answering,
        // is a chunk loaded on demand.
        const lateScripts = [];
        const page = await openPage(browser, server.url, '/bench/proforma.html', (response) => {
          const url = new URL(response.url()).pathname;
          if (response.request().resourceType() !== 'script' || pageScripts.has(url) || onDemand.has(url)) return;
          const body = response.buffer();
          body.catch(() => {});
          lateScripts.push(body.then((buffer) => onDemand.set(url, buffer)));
        });
        await page.evaluate(renderProforma, { formUrl: FORM_URL, expectedQuestions: visibleAtFirst });
        lastPass = await page.evaluate(answerEverything);
        await page.waitForNetworkIdle({ idleTime: 300, timeout: 15000 });
        await Promise.all(lateScripts);
        await page.close();
        if (lastPass.outcome !== 'approved') {
          throw new Error(
            `The answer pass ended "${lastPass.outcome}", not "approved": ${JSON.stringify(lastPass.reasons)}`,
          );
        }
        passes.push(lastPass.ms);
      }
      figures['proforma.answerPass'] = { ...summarise(passes), events: lastPass.events, questions: lastPass.questions };
      for (const [url, body] of onDemand) {
        files.proforma.push({
          url,
          kind: 'js',
          role: 'chunk, loaded on demand',
          bytes: body.length,
          gzipBytes: gzipBytes(body),
        });
      }

      // scoreAssessment in the page, on the complete answers the answer pass produced through the UI.
      const modelPage = await openPage(browser, server.url, '/bench/model.html');
      const scoring = await modelPage.evaluate(timeScoring, {
        modelUrl: MODEL_URL,
        formUrl: FORM_URL,
        answers: lastPass.answers,
        warmUp: SCORE_WARM_UP,
        batches: SCORE_BATCHES,
        callsPerBatch: SCORE_CALLS_PER_BATCH,
      });
      await modelPage.close();
      figures['proforma.scoreAssessment'] = {
        ...summarise(scoring.perCallMs, 4),
        callsPerRun: SCORE_CALLS_PER_BATCH,
        crossOriginIsolated: scoring.crossOriginIsolated,
      };

      // Autosave: typing into the tool's name, to the committed IndexedDB write.
      const autosave = await timeAutosave(browser, server.url, { expectedQuestions: visibleAtFirst, delayMs });
      figures['proforma.autosaveWrite'] = {
        ...summarise(autosave.later, 2, { percentiles: [95] }),
        pages: AUTOSAVE_PAGES,
        debounceMs: delayMs,
        heardOnChannel: summarise(autosave.heard, 2, { percentiles: [95] }),
      };
      figures['proforma.autosaveFirstWrite'] = { ...summarise(autosave.first), debounceMs: delayMs };

      // The drafts list, 500 drafts with the complete answers of the answer pass.
      const draftsList = await timeDraftsList(browser, server.url, { form, answers: lastPass.answers });
      figures['proforma.draftsListRender'] = { ...summarise(draftsList.dom), drafts: DRAFTS_LISTED };
      figures['proforma.draftsListRenderToLayout'] = { ...summarise(draftsList.layout), drafts: DRAFTS_LISTED };

      // The signed PDF: exported through the form's own panel, then checked with <proforma-verify>.
      const exports = await timeExport(browser, server.url, { answers: lastPass.answers, pageScripts, build });
      figures['proforma.exportCold'] = summarise(exports.cold);
      figures['proforma.exportWarm'] = summarise(exports.warm);
      figures['proforma.exportLongestTask'] = summarise(exports.longestTask);
      figures['proforma.exportFile.bytes'] = exports.fileBytes;
      figures['proforma.exportJs.gzipBytes'] = sum(exports.exportFiles, 'gzipBytes');
      figures['proforma.verify'] = summarise(exports.checks);
      figures['proforma.verifyFirst'] = Number(exports.firstCheck.toFixed(1));
      const crafted = await timeCraftedVerify(browser, server.url);
      figures['proforma.verifyCrafted'] = summarise(crafted.ms);
      figures['proforma.verifyCraftedLongestTask'] = summarise(crafted.longestTask);

      // The approved-tools register with 10,000 tools.
      const register = await timeRegisterFigures(browser, server.url);
      figures['proforma.registerFirstRender'] = { ...summarise(register.firstRender), entries: REGISTER_ENTRIES };
      figures['proforma.registerSort'] = summarise(register.sort);
      figures['proforma.registerFilter'] = summarise(register.filter);
      figures['proforma.registerExportCsv'] = summarise(register.exportCsv);
      figures['proforma.registerImportCsv'] = summarise(register.importCsv);
      files.proforma.push(...exports.exportFiles);

      // The register as a log: 10,000 tools with 30,000 events, on the built modules.
      const registerLog = await timeRegisterLog({
        openPage: (path) => openPage(browser, server.url, path),
        urls: REGISTER_LOG_URLS,
        answers: lastPass.answers,
        runs,
        freshNamespace,
      });
      // The load these four were measured under, as other work on the machine slows them.
      const loadAverage = loadavg().map((load) => Number(load.toFixed(2)));
      const tools = { tools: REGISTER_LOG_TOOLS, events: registerLog.events, loadAverage };
      figures['proforma.registerFold'] = { ...summarise(registerLog.fold), ...tools };
      figures['proforma.registerLogRead'] = { ...summarise(registerLog.read), ...tools };
      figures['proforma.registerLogDecide'] = { ...summarise(registerLog.decide), loadAverage };
      figures['proforma.registerCarryOver'] = {
        ...summarise(registerLog.carryOver),
        tools: REGISTER_LOG_TOOLS,
        events: registerLog.carriedEvents,
        loadAverage,
      };
    }

    chromium = await browser.version();
    if (offSiteRequests.size > 0) {
      throw new Error(`A bench page requested something not on this machine: ${[...offSiteRequests].join(', ')}`);
    }
  } finally {
    await browser?.close();
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }

  const results = {
    date: new Date().toISOString(),
    mode: bytesOnly ? 'bytes only' : 'full',
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
      platform: `${process.platform} ${process.arch}`,
      loadAverageAtStart: loadAtStart,
    },
    node: process.version,
    chromium,
    surveyjs: (await readJson('node_modules/survey-core/package.json')).version,
    gzip: `zlib level ${GZIP_LEVEL}`,
    definitions: DEFINITIONS,
    figures,
    files,
  };
  const out = bytesOnly ? 'bench/results.local.json' : 'bench/results.json';
  await writeFile(new URL(out, root), `${JSON.stringify(results, null, 2)}\n`);

  const verdict = checkBudgets(figures, BUDGETS, { ciOnly: bytesOnly });
  printReport(results, verdict, out);
  if (options.check && verdict.failed.length > 0) {
    console.error(`\nOver budget (${verdict.failed.length}):`);
    for (const failure of verdict.failed) console.error(`  ✗ ${failure.message}`);
    process.exitCode = 1;
  } else if (options.check) {
    console.log(`\nAll ${verdict.passed.length} ${bytesOnly ? 'CI ' : ''}budgets met.`);
  }
}

function printReport(results, verdict, out) {
  const status = (key) => {
    if (verdict.failed.some((failure) => failure.figure === key)) return 'OVER';
    if (verdict.passed.some((pass) => pass.figure === key)) return 'ok';
    return '';
  };
  const table = [['Figure', 'Value/median', 'Min', 'Max', 'P95', 'Runs', 'Budget', '']];
  for (const { key, row: label, unit, budget } of FIGURES) {
    const figure = results.figures[key];
    if (figure === undefined) continue;
    const withUnit = (value) => `${value}${unit ? ` ${unit}` : ''}`;
    const statistic = budget?.statistic && budget.statistic !== 'median' ? `${budget.statistic} ` : '';
    const limit = budget ? `${statistic}≤ ${withUnit(budget.limit)}` : '';
    if (typeof figure === 'number') table.push([label, withUnit(figure), '', '', '', '', limit, status(key)]);
    else {
      table.push([
        label,
        withUnit(figure.median),
        withUnit(figure.min),
        withUnit(figure.max),
        figure.p95 === undefined ? '' : withUnit(figure.p95),
        String(figure.runs),
        limit,
        status(key),
      ]);
    }
  }
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const line = (row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(
    `proforma bench, ${results.date} — ${results.machine.cpu} (${results.machine.cores} cores), ${results.chromium}, Node ${results.node}, SurveyJS ${results.surveyjs}`,
  );
  const times = results.mode === 'full' ? ' Times: median of runs, each on a freshly loaded page.' : '';
  console.log(`Bytes: minified files as served, gzip ${results.gzip}.${times}\n`);
  console.log(line(table[0]));
  for (const row of table.slice(1)) console.log(line(row));
  console.log('\nScripts fetched:');
  for (const [library, list] of Object.entries(results.files)) {
    for (const file of list.filter((f) => f.kind === 'js')) {
      console.log(
        `  ${library.padEnd(8)} ${file.url} ${file.role ? `(${file.role}) ` : ''}${file.bytes} B, ${file.gzipBytes} B gz`,
      );
    }
  }
  const chunks = (results.files.proforma ?? []).filter((file) => file.kind === 'js' && file.role !== 'entry');
  if (chunks.length === 0) {
    const where = results.mode === 'full' ? 'with the page, on render or while answering' : 'with the page';
    console.log(`  proforma: no chunk besides the entry fetched ${where}`);
  }
  console.log(`\nWritten to ${out}.`);
}

await main();
