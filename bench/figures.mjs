// Every figure of the bench, each defined once: its key in results.json, its row in the printed
// table, its unit, what it means (written into results.json), its budget if it has one, and how it
// is measured. bench/run.mjs measures each in turn; `--check` compares them with the budgets.
// Measurements several figures read are beside them (MEASUREMENTS), each made once a run.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { EMBED_PAGE_URL, timeEmbedFirstRender } from './embed-render.mjs';
import { COUCH_SYNC_TOOLS, timeCouchSync } from './couch-sync.mjs';
import { TRUST_SCHOOLS, TRUST_TOOLS, timeTrustView } from './trust-view.mjs';
import { REGISTER_LOG_TOOLS, timeRegisterLog } from './register-log.mjs';
import { answerEverything, installHelpers, renderProforma, renderSurveyJs, timeScoring } from './in-page.mjs';
import {
  AUTOSAVE_PAGES,
  AUTOSAVE_SAVES_PER_PAGE,
  CRAFTED_PDF_BYTES,
  DRAFTS_LISTED,
  DRAFTS_SHOWN_AT_FIRST,
  EXPORTS_PER_PAGE,
  REGISTER_ENTRIES,
  freshNamespace,
  SCORE_BATCHES,
  SCORE_CALLS_PER_BATCH,
  SCORE_WARM_UP,
  gzipBytes,
  openPage,
  ratio,
  recordFiles,
  stayLocal,
  sum,
  timeAutosave,
  timeCraftedVerify,
  timeDraftsList,
  timeExport,
  timeRegisterFigures,
  recordCouchAdds,
} from './measure.mjs';
import {
  ALL_ELEMENTS_BUNDLE_URL,
  APP_BUNDLE_URL,
  BUNDLE_URL,
  CLASSIC_SCRIPT_URL,
  COUCH_BUNDLE_URL,
  EXPORT_WORKER_URL,
  FORM_URL,
  MODEL_URL,
  REGISTER_LOG_URLS,
  SURVEYJS_FORM_URL,
} from './pages.mjs';
import { summarise } from './stats.mjs';

export {
  AUTOSAVE_PAGES,
  AUTOSAVE_SAVES_PER_PAGE,
  CRAFTED_PDF_BYTES,
  DRAFTS_LISTED,
  DRAFTS_SHOWN_AT_FIRST,
  EXPORTS_PER_PAGE,
  SCORE_BATCHES,
  SCORE_CALLS_PER_BATCH,
  SCORE_WARM_UP,
};

/** Waits until `host`'s <proforma-assessment> (or `host` itself) shows a question. */
const questionShown = (page, inApp) =>
  page.waitForFunction(
    (inApp) => {
      const host = inApp ? document.querySelector('proforma-app')?.shadowRoot : document;
      return host?.querySelector('proforma-assessment')?.shadowRoot?.querySelectorAll('.question').length > 0;
    },
    { timeout: 15000 },
    inApp,
  );

/** The scripts and stylesheets a page fetched, each named by `role` in results.json under `library`. */
async function pageFiles(bench, library, path, showForm, entryUrl) {
  const files = await recordFiles(bench, path, showForm);
  bench.files[library] = entryUrl
    ? files.map((file) => ({ ...file, role: file.url === entryUrl ? 'entry' : 'chunk, loaded with the page' }))
    : files;
  return { js: files.filter((file) => file.kind === 'js'), css: files.filter((file) => file.kind === 'css') };
}

const TOOLS = REGISTER_LOG_TOOLS.toLocaleString('en-GB');
const TOOLS_EVENTS = (REGISTER_LOG_TOOLS * 3).toLocaleString('en-GB');
const SYNC_TOOLS = COUCH_SYNC_TOOLS.toLocaleString('en-GB');
const SYNC_EVENTS = (COUCH_SYNC_TOOLS * 3).toLocaleString('en-GB');

/** Measurements several figures read, each made once a run (`bench.once`). */
const MEASUREMENTS = {
  /** What the default-form page fetches. */
  formPage: (bench) =>
    pageFiles(bench, 'proforma', '/bench/default-form.html', (page) => questionShown(page, false), BUNDLE_URL),
  /** What a register page fetches once it is given a shared register. */
  couchAdds: (bench) => recordCouchAdds(bench),
  /** What the <proforma-app> page fetches. */
  appPage: (bench) => pageFiles(bench, 'app', '/bench/app.html', (page) => questionShown(page, true), APP_BUNDLE_URL),
  /** What the SurveyJS page fetches. */
  surveyJsPage: (bench) =>
    pageFiles(bench, 'surveyjs', '/bench/surveyjs.html', async (page) => {
      await page.evaluate(installHelpers);
      await page.evaluate(renderSurveyJs, { formUrl: SURVEYJS_FORM_URL });
    }),

  /** First renders, ours and SurveyJS's in turn, each on a freshly loaded page. */
  async firstRenders(bench) {
    const ours = { dom: [], layout: [] };
    const theirs = { dom: [], layout: [] };
    for (let run = 0; run < bench.runs; run += 1) {
      let page = await openPage(bench, '/bench/proforma.html');
      const rendered = await page.evaluate(renderProforma, {
        formUrl: FORM_URL,
        expectedQuestions: bench.visibleAtFirst,
      });
      ours.dom.push(rendered.domMs);
      ours.layout.push(rendered.layoutMs);
      await page.close();

      page = await openPage(bench, '/bench/surveyjs.html');
      const theirRender = await page.evaluate(renderSurveyJs, { formUrl: SURVEYJS_FORM_URL });
      theirs.dom.push(theirRender.domMs);
      theirs.layout.push(theirRender.layoutMs);
      await page.close();
    }
    return { ours, theirs };
  },

  /**
   * A full answer pass through the UI, each run on a freshly loaded and rendered page. A script
   * the default-form page did not fetch, fetched while rendering or answering, is a chunk loaded
   * on demand, listed in results.json.
   */
  async answerPasses(bench) {
    const pageScripts = new Set((await bench.once(MEASUREMENTS.formPage)).js.map((file) => file.url));
    const passes = [];
    const onDemand = new Map();
    let lastPass;
    for (let run = 0; run < bench.runs; run += 1) {
      const lateScripts = [];
      const page = await openPage(bench, '/bench/proforma.html', (response) => {
        const url = new URL(response.url()).pathname;
        if (response.request().resourceType() !== 'script' || pageScripts.has(url) || onDemand.has(url)) return;
        const body = response.buffer();
        body.catch(() => {});
        lateScripts.push(body.then((buffer) => onDemand.set(url, buffer)));
      });
      await page.evaluate(renderProforma, { formUrl: FORM_URL, expectedQuestions: bench.visibleAtFirst });
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
    for (const [url, body] of onDemand) {
      bench.files.proforma.push({
        url,
        kind: 'js',
        role: 'chunk, loaded on demand',
        bytes: body.length,
        gzipBytes: gzipBytes(body),
      });
    }
    return { passes, lastPass };
  },

  /** Autosave: typing into the tool's name, to the committed IndexedDB write. */
  autosaves: (bench) => timeAutosave(bench),

  /** The drafts list, DRAFTS_LISTED drafts with the complete answers of the answer pass. */
  async draftsLists(bench) {
    return timeDraftsList(bench, (await bench.once(MEASUREMENTS.answerPasses)).lastPass.answers);
  },

  /** The signed PDF: exported through the form's own panel, then checked with <proforma-verify>. */
  async exports(bench) {
    const { lastPass } = await bench.once(MEASUREMENTS.answerPasses);
    const pageScripts = new Set((await bench.once(MEASUREMENTS.formPage)).js.map((file) => file.url));
    const exported = await timeExport(bench, { answers: lastPass.answers, pageScripts });
    bench.files.proforma.push(...exported.exportFiles);
    return exported;
  },

  /** <proforma-verify> on a file crafted to take quadratic time. */
  craftedChecks: (bench) => timeCraftedVerify(bench),

  /** The approved-tools register with REGISTER_ENTRIES tools. */
  register: (bench) => timeRegisterFigures(bench),

  /** The register as a log: REGISTER_LOG_TOOLS tools with three events each, on the built modules. */
  async registerLog(bench) {
    const { lastPass } = await bench.once(MEASUREMENTS.answerPasses);
    const measured = await timeRegisterLog({
      openPage: (path) => openPage(bench, path),
      urls: REGISTER_LOG_URLS,
      answers: lastPass.answers,
      runs: bench.runs,
      freshNamespace,
    });
    // The load these figures were measured under, as other work on the machine slows them.
    return { ...measured, loadAverage: loadavg().map((load) => Number(load.toFixed(2))) };
  },

  /** A trust's view of TRUST_SCHOOLS schools' published registers, on a server the bench starts on loopback. */
  async trustView(bench) {
    const measured = await timeTrustView({
      openPage: (path) => openPage(bench, path),
      baseUrl: bench.baseUrl,
      runs: bench.runs,
      allowServer: (origin) => bench.loopbackServers.add(origin),
    });
    return { ...measured, loadAverage: loadavg().map((load) => Number(load.toFixed(2))) };
  },

  /** The shared register on a server the bench starts on loopback: COUCH_SYNC_TOOLS tools, on the couch bundle. */
  async couchSync(bench) {
    const { lastPass } = await bench.once(MEASUREMENTS.answerPasses);
    const measured = await timeCouchSync({
      openPage: (path) => openPage(bench, path),
      baseUrl: bench.baseUrl,
      answers: lastPass.answers,
      runs: bench.runs,
      allowServer: (origin) => bench.loopbackServers.add(origin),
      couchBundleUrl: COUCH_BUNDLE_URL,
    });
    return { ...measured, loadAverage: loadavg().map((load) => Number(load.toFixed(2))) };
  },
};

/** A figure read from what `measurement` gave. */
const from = (measurement, read) => async (bench) => read(await bench.once(measurement));

/**
 * A timed figure of the register's log, with the load it was measured under and, when `eventsKey`
 * names how many events the register held, the tools and events too.
 */
const fromRegisterLog = (timesKey, eventsKey) =>
  from(MEASUREMENTS.registerLog, (log) => ({
    ...summarise(log[timesKey]),
    ...(eventsKey ? { tools: REGISTER_LOG_TOOLS, events: log[eventsKey] } : {}),
    loadAverage: log.loadAverage,
  }));

/**
 * @typedef {object} Figure
 * @property {string} key Its key in `figures` of results.json.
 * @property {string} row Its label in the printed table.
 * @property {'B' | 'ms' | ''} unit Bytes, milliseconds, or none (a ratio).
 * @property {string} definition What it measures, in words.
 * @property {{ name: string, limit: number, ci: boolean, statistic?: 'median' | 'p95' }} [budget]
 *   The largest value allowed (of the median of a timed figure, or of `statistic`), named for
 *   messages; `ci` for a byte figure that `npm run bench:size -- --check` checks, since it does not
 *   depend on the machine's speed.
 * @property {(bench: import('./measure.mjs').Bench) => Promise<unknown>} measure Its value in a run of
 *   the bench: a number, or `summarise`'s figures of timed runs.
 * @property {boolean} [bytes] Measured by `--bytes-only` too: read from files, no timing.
 */

/** @type {Figure[]} In the order of the printed table. */
export const FIGURES = [
  {
    key: 'proforma.pageJs.gzipBytes',
    row: 'proforma: default-form page JS (gzip -9)',
    unit: 'B',
    definition:
      'JS a page with <proforma-assessment form-src=…social-tool…> downloads (every script response recorded in Chromium until the form is shown and the network is quiet), each file minified as served, gzip level 9, summed',
    budget: { name: 'default-form page JS', limit: 25000, ci: true },
    bytes: true,
    measure: from(MEASUREMENTS.formPage, ({ js }) => sum(js, 'gzipBytes')),
  },
  {
    key: 'proforma.entry.gzipBytes',
    row: `  of which ${BUNDLE_URL.slice(1)}`,
    unit: 'B',
    definition: `${BUNDLE_URL.slice(1)} alone, gzip level 9`,
    bytes: true,
    measure: from(MEASUREMENTS.formPage, ({ js }) =>
      sum(
        js.filter((file) => file.url === BUNDLE_URL),
        'gzipBytes',
      ),
    ),
  },
  {
    key: 'proforma.pageJs.bytes',
    row: '  all of it minified, before gzip',
    unit: 'B',
    definition: 'the same files as served (minified), summed, before gzip',
    bytes: true,
    measure: from(MEASUREMENTS.formPage, ({ js }) => sum(js, 'bytes')),
  },
  {
    key: 'proforma.appPageJs.gzipBytes',
    row: 'proforma: <proforma-app> page JS (gzip -9)',
    unit: 'B',
    definition: `JS a page with <proforma-app> (${APP_BUNDLE_URL.slice(1)}, no attributes: a teacher's first view, the built-in social-tool form) downloads until the form is shown and the network is quiet: the entry, the chunks it imports and the small module that finds the built-in forms; not the other views' elements, which load when their view is opened. Each file minified as served, gzip level 9, summed`,
    budget: { name: "<proforma-app> page JS, a teacher's first view", limit: 45000, ci: true },
    bytes: true,
    measure: from(MEASUREMENTS.appPage, ({ js }) => sum(js, 'gzipBytes')),
  },
  {
    key: 'proforma.appPageJs.bytes',
    row: '  the same, minified, before gzip',
    unit: 'B',
    definition: 'the same files as served (minified), summed, before gzip',
    bytes: true,
    measure: from(MEASUREMENTS.appPage, ({ js }) => sum(js, 'bytes')),
  },
  {
    key: 'surveyjs.pageJs.gzipBytes',
    row: 'SurveyJS: page JS (gzip -9)',
    unit: 'B',
    definition:
      'JS the SurveyJS page downloads: survey.core.min.js + survey-js-ui.min.js (UMD builds), gzip level 9, summed',
    bytes: true,
    measure: from(MEASUREMENTS.surveyJsPage, ({ js }) => sum(js, 'gzipBytes')),
  },
  {
    key: 'surveyjs.pageJs.bytes',
    row: '  the same, minified, before gzip',
    unit: 'B',
    definition: 'the same files as served (minified), summed, before gzip',
    bytes: true,
    measure: from(MEASUREMENTS.surveyJsPage, ({ js }) => sum(js, 'bytes')),
  },
  {
    key: 'surveyjs.pageCss.gzipBytes',
    row: 'SurveyJS: theme CSS (gzip -9, not in ratio)',
    unit: 'B',
    definition: 'SurveyJS default theme CSS (fontless), gzip level 9; not in the ratio',
    bytes: true,
    measure: from(MEASUREMENTS.surveyJsPage, ({ css }) => sum(css, 'gzipBytes')),
  },
  {
    key: 'ratio.pageJs',
    row: 'page JS, ours / SurveyJS',
    unit: '',
    definition: 'proforma page JS / SurveyJS page JS (gzip)',
    budget: { name: 'page JS, ours / SurveyJS', limit: 0.1, ci: true },
    bytes: true,
    measure: async (bench) =>
      ratio(
        sum((await bench.once(MEASUREMENTS.formPage)).js, 'gzipBytes'),
        sum((await bench.once(MEASUREMENTS.surveyJsPage)).js, 'gzipBytes'),
      ),
  },
  {
    key: 'proforma.firstRender',
    row: 'proforma: first render (validate + render)',
    unit: 'ms',
    definition:
      'ms from setting .form (the already-parsed JSON) on a fresh <proforma-assessment> and appending it, to one .question per visible question in its shadow root after updateComplete: schema validation, scoring and render',
    budget: { name: 'first render of the social-tool form', limit: 50, ci: false },
    measure: from(MEASUREMENTS.firstRenders, ({ ours }) => summarise(ours.dom)),
  },
  {
    key: 'proforma.firstRenderToLayout',
    row: 'proforma: first render to layout',
    unit: 'ms',
    definition: 'the same, plus the style and layout the browser does once it is in the DOM',
    measure: from(MEASUREMENTS.firstRenders, ({ ours }) => summarise(ours.layout)),
  },
  {
    key: 'surveyjs.firstRender',
    row: 'SurveyJS: first render (model + render)',
    unit: 'ms',
    definition:
      'ms from new Survey.Model(json) + survey.render(div) to every visible question element ([data-name]) in the div',
    measure: from(MEASUREMENTS.firstRenders, ({ theirs }) => summarise(theirs.dom)),
  },
  {
    key: 'surveyjs.firstRenderToLayout',
    row: 'SurveyJS: first render to layout',
    unit: 'ms',
    definition: 'the same, plus style and layout',
    measure: from(MEASUREMENTS.firstRenders, ({ theirs }) => summarise(theirs.layout)),
  },
  {
    key: 'ratio.firstRender',
    row: 'first render, ours / SurveyJS',
    unit: '',
    definition: 'proforma first render / SurveyJS first render (medians)',
    budget: { name: 'first render, ours / SurveyJS', limit: 0.5, ci: false },
    measure: from(MEASUREMENTS.firstRenders, ({ ours, theirs }) =>
      ratio(summarise(ours.dom).median, summarise(theirs.dom).median),
    ),
  },
  {
    key: 'proforma.embedFirstRender',
    row: 'proforma: embed.html, navigation to first question',
    unit: 'ms',
    definition: `ms from navigation start of ${EMBED_PAGE_URL.slice(1)} (a fresh top-level page, not framed) to the first .question in its <proforma-app>'s <proforma-assessment> (performance.now() in a MutationObserver on each shadow root): the page, its stylesheet and script, the built-in forms' module, the form fetched, checked and rendered`,
    budget: { name: 'embed.html, navigation start to the first question', limit: 150, ci: false },
    measure: async (bench) =>
      summarise(
        await timeEmbedFirstRender(bench.browser, bench.baseUrl, {
          runs: bench.runs,
          prepare: (page) => stayLocal(page, bench),
        }),
      ),
  },
  {
    key: 'proforma.answerPass',
    row: 'proforma: full answer pass via input events',
    unit: 'ms',
    definition:
      'ms to answer every visible question through the UI (click radios and checkboxes, fill inputs, pick selects, dispatching input/change events and awaiting each re-render) until the outcome is "approved"',
    measure: from(MEASUREMENTS.answerPasses, ({ passes, lastPass }) => ({
      ...summarise(passes),
      events: lastPass.events,
      questions: lastPass.questions,
    })),
  },
  {
    key: 'proforma.scoreAssessment',
    row: 'scoreAssessment, full form, complete answers',
    unit: 'ms',
    definition: `ms per scoreAssessment(form, answers) call on the full form (parsed in the page with parseFormDefinition) with the complete answers of the answer pass, in headless Chromium: dist/model loaded as ES modules (its packages through an import map, from node_modules), ${SCORE_WARM_UP} calls to warm up, then ${SCORE_BATCHES} runs of ${SCORE_CALLS_PER_BATCH} calls each timed and divided by ${SCORE_CALLS_PER_BATCH} (the page's clock is too coarse for one call); median, min and max of the runs`,
    budget: { name: 'scoreAssessment on the full form', limit: 1, ci: false },
    measure: async (bench) => {
      // scoreAssessment in the page, on the complete answers the answer pass produced through the UI.
      const { lastPass } = await bench.once(MEASUREMENTS.answerPasses);
      const page = await openPage(bench, '/bench/model.html');
      const scoring = await page.evaluate(timeScoring, {
        modelUrl: MODEL_URL,
        formUrl: FORM_URL,
        answers: lastPass.answers,
        warmUp: SCORE_WARM_UP,
        batches: SCORE_BATCHES,
        callsPerBatch: SCORE_CALLS_PER_BATCH,
      });
      await page.close();
      return {
        ...summarise(scoring.perCallMs, 4),
        callsPerRun: SCORE_CALLS_PER_BATCH,
        crossOriginIsolated: scoring.crossOriginIsolated,
      };
    },
  },
  {
    key: 'proforma.autosaveWrite',
    row: 'proforma: autosave, last key to IndexedDB commit, less debounce',
    unit: 'ms',
    definition: `ms from the last keystroke (its input event) to the commit of the IndexedDB write (the complete event of the read-write transaction), less the autosave debounce (AUTOSAVE_DELAY_MS, read from the build; debounceMs): the tool's name typed into <proforma-assessment form-src=…social-tool… namespace="bench-…"> with puppeteer's keyboard, ${AUTOSAVE_SAVES_PER_PAGE} saves on each of ${AUTOSAVE_PAGES} freshly loaded pages (a fresh namespace each), after each page's first save; every burst checked to give one commit and one announcement on the namespace's BroadcastChannel, of the next revision. Median, p95 (nearest rank), min and max of all saves; heardOnChannel: the same to the announcement arriving on the channel`,
    budget: {
      name: 'autosave, last keystroke to IndexedDB commit, less the debounce',
      statistic: 'p95',
      limit: 50,
      ci: false,
    },
    measure: async (bench) => {
      const autosave = await bench.once(MEASUREMENTS.autosaves);
      return {
        ...summarise(autosave.later, 2, { percentiles: [95] }),
        pages: AUTOSAVE_PAGES,
        debounceMs: bench.delayMs,
        heardOnChannel: summarise(autosave.heard, 2, { percentiles: [95] }),
      };
    },
  },
  {
    key: 'proforma.autosaveFirstWrite',
    row: "  a page's first save (loads the draft code, opens the database)",
    unit: 'ms',
    definition:
      "the same for each page's first save, which also loads the draft code (a chunk) and opens the database while the key presses go on; one per page",
    measure: async (bench) => ({
      ...summarise((await bench.once(MEASUREMENTS.autosaves)).first),
      debounceMs: bench.delayMs,
    }),
  },
  {
    key: 'proforma.draftsListRender',
    row: `proforma: <proforma-drafts> listing ${DRAFTS_LISTED} drafts`,
    unit: 'ms',
    definition: `ms from appending <proforma-drafts namespace=…> (page loading ${ALL_ELEMENTS_BUNDLE_URL.slice(1)}) with ${DRAFTS_LISTED} drafts stored, to the newest ${DRAFTS_SHOWN_AT_FIRST} listed (.draft items) and the button that shows all ${DRAFTS_LISTED}: reading their summaries from IndexedDB, checking them, sorting and rendering. The drafts (the social-tool form, the complete answers of the answer pass, revision 1) are restored from a backup file into a fresh namespace on another page first; none may be listed as damaged`,
    budget: { name: '<proforma-drafts> listing 500 drafts', limit: 100, ci: false },
    measure: from(MEASUREMENTS.draftsLists, ({ dom }) => ({ ...summarise(dom), drafts: DRAFTS_LISTED })),
  },
  {
    key: 'proforma.draftsListRenderToLayout',
    row: `proforma: ${DRAFTS_LISTED} drafts listed, to layout`,
    unit: 'ms',
    definition: 'the same, plus the style and layout the browser does once it is in the DOM',
    measure: from(MEASUREMENTS.draftsLists, ({ layout }) => ({ ...summarise(layout), drafts: DRAFTS_LISTED })),
  },
  {
    key: 'proforma.exportCold',
    row: 'proforma: signed PDF export, cold',
    unit: 'ms',
    definition: `ms from pressing "Sign and save PDF" in the form's own panel (opened with "Sign and save as PDF"; name, role, school and a typed signature filled in) to proforma-pdf-exported, on a freshly loaded page showing the social-tool form with the complete answers of the answer pass (namespace with no device key yet): loads the export code (the panel's chunks, then the module worker), makes the device key and its certificate, loads the fonts, lays out, attaches and signs. One per page`,
    budget: {
      name: 'signed PDF export of the full social-tool form, cold (export code loaded on the way)',
      limit: 800,
      ci: false,
    },
    measure: from(MEASUREMENTS.exports, ({ cold }) => summarise(cold)),
  },
  {
    key: 'proforma.exportWarm',
    row: 'proforma: signed PDF export, warm',
    unit: 'ms',
    definition: `the same, exporting again on the same page (${EXPORTS_PER_PAGE - 1} per page): the code and fonts cached, the key already made; each export still starts a fresh worker`,
    budget: { name: 'signed PDF export, warm', limit: 300, ci: false },
    measure: from(MEASUREMENTS.exports, ({ warm }) => summarise(warm)),
  },
  {
    key: 'proforma.exportLongestTask',
    row: '  longest main-thread task during an export',
    unit: 'ms',
    definition:
      'the longest main-thread task (PerformanceObserver longtask, 50 ms or more; 0 when none) during each export: how long the page could not respond',
    measure: from(MEASUREMENTS.exports, ({ longestTask }) => summarise(longestTask)),
  },
  {
    key: 'proforma.exportFile.bytes',
    row: 'proforma: signed PDF of the full form',
    unit: 'B',
    definition: 'size of the signed PDF of the full social-tool form, in bytes',
    budget: { name: 'signed PDF of the full social-tool form', limit: 150000, ci: false },
    measure: from(MEASUREMENTS.exports, ({ fileBytes }) => fileBytes),
  },
  {
    key: 'proforma.exportJs.gzipBytes',
    row: 'proforma: JS loaded on export (gzip -9)',
    unit: 'B',
    definition:
      'JS the page fetched for its first export and not before (resource timing: the panel chunks and the module worker), gzip level 9, summed',
    budget: { name: 'JS loaded on export', limit: 260000, ci: false },
    measure: from(MEASUREMENTS.exports, ({ exportFiles }) => sum(exportFiles, 'gzipBytes')),
  },
  {
    key: 'proforma.exportWorker.gzipBytes',
    row: 'proforma: export worker, loaded only on export (gzip -9)',
    unit: 'B',
    definition: `${EXPORT_WORKER_URL.slice(1)}, the module worker that makes the signed PDF (jsPDF, the layout, pkijs and the signing), read from the build, gzip level 9`,
    budget: { name: "the export's module worker", limit: 260000, ci: true },
    bytes: true,
    measure: async (bench) => gzipBytes(await readFile(join(bench.build, EXPORT_WORKER_URL))),
  },
  {
    key: 'proforma.classicScript.gzipBytes',
    row: 'proforma: every element as a classic script (gzip -9)',
    unit: 'B',
    definition: `${CLASSIC_SCRIPT_URL.slice(1)}, every element as one classic script (the PDF and signature code left in chunks it loads on demand), read from the build, gzip level 9`,
    bytes: true,
    measure: async (bench) => gzipBytes(await readFile(join(bench.build, CLASSIC_SCRIPT_URL))),
  },
  {
    key: 'proforma.couchBundle.gzipBytes',
    row: 'proforma: the shared register store, self-contained (gzip -9)',
    unit: 'B',
    definition: `${COUCH_BUNDLE_URL.slice(1)}, for a page that has none of proforma's other code: CouchRegisterStore with PouchDB (core, IndexedDB and HTTP adapters, replication), a teacher's outbox and the approvers' taking in of submissions, and what they share with the register's page (the event schema, the fold, the PDF checks, zod); read from the build, gzip level 9`,
    bytes: true,
    measure: async (bench) => gzipBytes(await readFile(join(bench.build, COUCH_BUNDLE_URL))),
  },
  {
    key: 'proforma.couchAdds.gzipBytes',
    row: 'proforma: what a shared register adds to a register page (gzip -9)',
    unit: 'B',
    definition: `JS a page with <proforma-register> (${ALL_ELEMENTS_BUNDLE_URL.slice(1)}) fetches once it is given a couch-url, beyond what it fetched before: the chunks of the shared register's code (PouchDB and the store), loaded only then. Each file minified as served, gzip level 9, summed`,
    bytes: true,
    budget: { name: 'what the shared register adds, loaded only when configured', limit: 50000, ci: false },
    measure: from(MEASUREMENTS.couchAdds, (files) => sum(files, 'gzipBytes')),
  },
  {
    key: 'proforma.verify',
    row: 'proforma: verify the signed PDF',
    unit: 'ms',
    definition: `ms from choosing the exported PDF in a fresh <proforma-verify>'s file input to its result shown ("Valid: …"), the verify code already loaded: reading the file, checking the CMS signature and byte ranges, reading the attached assessment through the schema, rendering`,
    budget: { name: 'verify a signed PDF', limit: 50, ci: false },
    measure: from(MEASUREMENTS.exports, ({ checks }) => summarise(checks)),
  },
  {
    key: 'proforma.verifyFirst',
    row: '  first check on a fresh page (loads the verify code)',
    unit: 'ms',
    definition: 'the same on a freshly loaded page, loading the verify code (a chunk) first; one run',
    measure: from(MEASUREMENTS.exports, ({ firstCheck }) => Number(firstCheck.toFixed(1))),
  },
  {
    key: 'proforma.verifyCrafted',
    row: 'proforma: verify a 16 MB crafted file',
    unit: 'ms',
    definition: `ms from choosing a ${CRAFTED_PDF_BYTES / 2 ** 20} MB file crafted to take quadratic time (\`%PDF-1.7 <<\`, \`/M (D:\` repeated, then a byte range and a /Contents that fit) in a fresh <proforma-verify>'s file input to its result shown ("Not valid: …"), the verify code already loaded: the file read and checked in the module worker`,
    budget: { name: 'verifying a 16 MB crafted file', limit: 2000, ci: false },
    measure: from(MEASUREMENTS.craftedChecks, ({ ms }) => summarise(ms)),
  },
  {
    key: 'proforma.verifyCraftedLongestTask',
    row: '  longest main-thread task meanwhile',
    unit: 'ms',
    definition:
      'the longest main-thread task (PerformanceObserver longtask, 50 ms or more; 0 when none) during each of those checks: how long the page could not respond',
    budget: { name: 'longest main-thread task while verifying a 16 MB crafted file', limit: 100, ci: false },
    measure: from(MEASUREMENTS.craftedChecks, ({ longestTask }) => summarise(longestTask)),
  },
  {
    key: 'proforma.registerFirstRender',
    row: 'proforma: register of 10,000 tools, first render',
    unit: 'ms',
    definition:
      'ms from appending <proforma-register namespace=…> (page loading dist/proforma.bundle.js) with 10,000 tools stored, to its first page of 50 rows: reading and checking every entry from IndexedDB, working out statuses, sorting, paging and rendering. The entries are written straight into the database on another page first',
    budget: { name: 'register of 10,000 tools, first render', limit: 200, ci: false },
    measure: from(MEASUREMENTS.register, ({ firstRender }) => ({
      ...summarise(firstRender),
      entries: REGISTER_ENTRIES,
    })),
  },
  {
    key: 'proforma.registerSort',
    row: '  sort by review due',
    unit: 'ms',
    definition:
      'ms from clicking the "Review due" column header of that register to its update (10,000 entries sorted, the first page rendered)',
    budget: { name: 'register of 10,000 tools, sort', limit: 50, ci: false },
    measure: from(MEASUREMENTS.register, ({ sort }) => summarise(sort)),
  },
  {
    key: 'proforma.registerFilter',
    row: '  filter by status',
    unit: 'ms',
    definition: 'ms from choosing status "Approved" in the status filter to the update (10,000 entries filtered)',
    budget: { name: 'register of 10,000 tools, filter', limit: 50, ci: false },
    measure: from(MEASUREMENTS.register, ({ filter }) => summarise(filter)),
  },
  {
    key: 'proforma.registerExportCsv',
    row: '  export CSV',
    unit: 'ms',
    definition:
      'ms from clicking "Export CSV" to the download being offered: 10,000 entries read from IndexedDB and written as CSV',
    budget: { name: 'register of 10,000 tools, CSV export', limit: 500, ci: false },
    measure: from(MEASUREMENTS.register, ({ exportCsv }) => summarise(exportCsv)),
  },
  {
    key: 'proforma.registerImportCsv',
    row: '  import that CSV into an empty register',
    unit: 'ms',
    definition:
      'ms from choosing that 10,000-row CSV in "Import CSV" (a fresh register, someone named in "Your name") to "… tools imported" shown: reading, parsing and checking every row, then one IndexedDB transaction',
    budget: { name: 'register of 10,000 tools, CSV import', limit: 1500, ci: false },
    measure: from(MEASUREMENTS.register, ({ importCsv }) => summarise(importCsv)),
  },
  {
    key: 'proforma.registerFold',
    row: `registerFromEvents, ${TOOLS} tools (${TOOLS_EVENTS} events)`,
    unit: 'ms',
    definition: `ms per registerFromEvents(events, { now }) call, in headless Chromium on dist/model loaded as ES modules (an import map for its packages), on the events of ${TOOLS} tools made by the model (each imported with the fields entryFromAssessment gives the social-tool form's complete answers, then moveEvent to under review and decisionEvent, approving, approving with conditions and not approving in turn), two calls to warm up; every result checked (every tool, nothing set aside)`,
    budget: { name: `registerFromEvents on ${TOOLS} tools`, limit: 150, ci: false },
    measure: fromRegisterLog('fold', 'events'),
  },
  {
    key: 'proforma.registerLogRead',
    row: `register log: first read of ${TOOLS} tools from IndexedDB`,
    unit: 'ms',
    definition: `ms from a new IndexedDbRegisterStore on a freshly loaded page to its read() resolving with every tool: the fold kept beside the log read from IndexedDB and checked against the log (dist/services/register as ES modules). The same events, written once by store.append to a fresh namespace, for every run`,
    budget: { name: `register log: first read of ${TOOLS} tools`, limit: 200, ci: false },
    measure: fromRegisterLog('read', 'events'),
  },
  {
    key: 'proforma.registerLogDecide',
    row: '  recording a decision to reading it back',
    unit: 'ms',
    definition: `ms from decisionEvent on a tool under review (the model's checks), through store.append([event]) (the event and the fold's changed bucket in one IndexedDB transaction) and store.read(), to the register showing the tool approved, on a tool not approved, once moveEvent has put it under review again (not timed), after that page's first read; a different tool each run`,
    budget: { name: 'register log: a decision to seeing it', limit: 50, ci: false },
    measure: fromRegisterLog('decide'),
  },
  {
    key: 'proforma.registerCarryOver',
    row: `register log: carrying over ${TOOLS} tools kept by the earlier version`,
    unit: 'ms',
    definition: `ms from a new IndexedDbRegisterStore on a freshly loaded page to carryOverEarlierRegister resolving: ${TOOLS} entries (each with its history of three events and its assessment) read from the earlier version's database, every history event made an event, checked and written with the fold in one transaction. The earlier register is written by that version's own code, from the same tools, into a fresh namespace each run`,
    budget: { name: `carrying over ${TOOLS} tools`, limit: 5000, ci: false },
    measure: fromRegisterLog('carryOver', 'carriedEvents'),
  },
  {
    key: 'proforma.couchFirstSync',
    row: `shared register: first sync of ${SYNC_TOOLS} tools into an empty browser`,
    unit: 'ms',
    definition: `ms from a new CouchRegisterStore (dist/couch.bundle.js) with an empty replica on a freshly loaded page to its read() holding every tool, once its status is "up-to-date": ${SYNC_TOOLS} tools (${SYNC_EVENTS} events, each tool imported with the social-tool form's complete answers, put under review and decided, as the register-log figures make them) pulled from a CouchDB-protocol server on a loopback port that the bench starts (test/couchdb/server.mjs: PouchDB Server in memory, or the Apache CouchDB that COUCHDB_URL names), signed in as an approver; a fresh replica each run`,
    budget: { name: `shared register: first sync of ${SYNC_TOOLS} tools`, limit: 5000, ci: false },
    measure: from(MEASUREMENTS.couchSync, ({ firstSync, syncedEvents, kind, loadAverage }) => ({
      ...summarise(firstSync),
      tools: COUCH_SYNC_TOOLS,
      events: syncedEvents,
      server: kind,
      loadAverage,
    })),
  },
  {
    key: 'proforma.couchChangeSeen',
    row: '  a change in one browser seen in another',
    unit: 'ms',
    definition: `ms from store.append of a change (moveEvent, a tool put under review again) in one CouchRegisterStore to another CouchRegisterStore, with its own replica and signed in as another approver, reading the register that shows it (its watch called, then read()), through that loopback server: two browsers' stores, both synced with the same ${SYNC_TOOLS}-tool register, in one page (a page in the background has its timers slowed); the changes go each way in turn, at least 10, a different tool each`,
    budget: { name: 'shared register: a change seen in another browser', limit: 1000, ci: false },
    measure: from(MEASUREMENTS.couchSync, ({ seenInAnother, kind, loadAverage }) => ({
      ...summarise(seenInAnother),
      server: kind,
      loadAverage,
    })),
  },
  {
    key: 'proforma.trustFirstRender',
    row: `trust view: ${TRUST_SCHOOLS} schools × ${TRUST_TOOLS} tools, first render`,
    unit: 'ms',
    definition: `ms from appending <proforma-register mode="trust" couch-url=…> (page loading ${ALL_ELEMENTS_BUNDLE_URL.slice(1)}, signed in as the trust's staff) to its first page of 50 tools shown: the element's code for a trust loaded, the trust's database read (${TRUST_SCHOOLS} schools × ${TRUST_TOOLS} published tools, the same ${TRUST_TOOLS} tools at each school, replicated into it by proforma-couchdb trust) from the loopback server the bench starts, grouped by tool and rendered; a fresh page each run`,
    budget: { name: 'trust view: first render', limit: 300, ci: false },
    measure: from(MEASUREMENTS.trustView, ({ firstRender, documents, kind, loadAverage }) => ({
      ...summarise(firstRender),
      documents,
      server: kind,
      loadAverage,
    })),
  },
  {
    key: 'proforma.trustDecisionSeen',
    row: "  a school's decision seen in the trust view",
    unit: 'ms',
    definition: `ms from a school publishing a decision on a tool no school had (its published document written to the server) to the open trust view showing it ("not approved at 1 school"), through the trust's database and its changes feed; on PouchDB Server, which keeps no continuous replication, the bench replicates that school into the trust at once, in the time measured; at least 10 decisions, a school after another`,
    budget: { name: "trust view: a school's decision seen", limit: 2000, ci: false },
    measure: from(MEASUREMENTS.trustView, ({ seen, kind, loadAverage }) => ({
      ...summarise(seen),
      server: kind,
      loadAverage,
    })),
  },
];

/** What each figure measures, by key: written into results.json. */
export const DEFINITIONS = Object.fromEntries(FIGURES.map(({ key, definition }) => [key, definition]));

const UNIT_WORDS = { B: 'bytes', ms: 'ms', '': 'ratio' };

/** The budgets as bench/check-budgets.mjs takes them. */
export const BUDGETS = FIGURES.filter(({ budget }) => budget).map(({ key, unit, budget }) => ({
  ...budget,
  figure: key,
  unit: UNIT_WORDS[unit],
}));
