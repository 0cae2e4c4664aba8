// Every figure of the bench, each defined once: its key in results.json, its row in the printed
// table, its unit, what it means (written into results.json) and its budget, if it has one.
// bench/run.mjs measures them under these keys; `--check` compares them with the budgets.
import { EMBED_PAGE_URL } from './embed-render.mjs';
import { REGISTER_LOG_TOOLS } from './register-log.mjs';
import {
  ALL_ELEMENTS_BUNDLE_URL,
  APP_BUNDLE_URL,
  BUNDLE_URL,
  CLASSIC_SCRIPT_URL,
  EXPORT_WORKER_URL,
} from './pages.mjs';

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
const TOOLS = REGISTER_LOG_TOOLS.toLocaleString('en-GB');
const TOOLS_EVENTS = (REGISTER_LOG_TOOLS * 3).toLocaleString('en-GB');

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
  },
  {
    key: 'proforma.entry.gzipBytes',
    row: `  of which ${BUNDLE_URL.slice(1)}`,
    unit: 'B',
    definition: `${BUNDLE_URL.slice(1)} alone, gzip level 9`,
  },
  {
    key: 'proforma.appPageJs.gzipBytes',
    row: 'proforma: <proforma-app> page JS (gzip -9)',
    unit: 'B',
    definition: `JS a page with <proforma-app> (${APP_BUNDLE_URL.slice(1)}, no attributes: a teacher's first view, the built-in social-tool form) downloads until the form is shown and the network is quiet: the entry, the chunks it imports and the small module that finds the built-in forms; not the other views' elements, which load when their view is opened. Each file minified as served, gzip level 9, summed`,
    budget: { name: "<proforma-app> page JS, a teacher's first view", limit: 45000, ci: true },
  },
  {
    key: 'surveyjs.pageJs.gzipBytes',
    row: 'SurveyJS: page JS (gzip -9)',
    unit: 'B',
    definition:
      'JS the SurveyJS page downloads: survey.core.min.js + survey-js-ui.min.js (UMD builds), gzip level 9, summed',
  },
  {
    key: 'surveyjs.pageCss.gzipBytes',
    row: 'SurveyJS: theme CSS (gzip -9, not in ratio)',
    unit: 'B',
    definition: 'SurveyJS default theme CSS (fontless), gzip level 9; not in the ratio',
  },
  {
    key: 'ratio.pageJs',
    row: 'page JS, ours / SurveyJS',
    unit: '',
    definition: 'proforma page JS / SurveyJS page JS (gzip)',
    budget: { name: 'page JS, ours / SurveyJS', limit: 0.1, ci: true },
  },
  {
    key: 'proforma.firstRender',
    row: 'proforma: first render (validate + render)',
    unit: 'ms',
    definition:
      'ms from setting .form (the already-parsed JSON) on a fresh <proforma-assessment> and appending it, to one .question per visible question in its shadow root after updateComplete: schema validation, scoring and render',
    budget: { name: 'first render of the social-tool form', limit: 50, ci: false },
  },
  {
    key: 'proforma.firstRenderToLayout',
    row: 'proforma: first render to layout',
    unit: 'ms',
    definition: 'the same, plus the style and layout the browser does once it is in the DOM',
  },
  {
    key: 'surveyjs.firstRender',
    row: 'SurveyJS: first render (model + render)',
    unit: 'ms',
    definition:
      'ms from new Survey.Model(json) + survey.render(div) to every visible question element ([data-name]) in the div',
  },
  {
    key: 'surveyjs.firstRenderToLayout',
    row: 'SurveyJS: first render to layout',
    unit: 'ms',
    definition: 'the same, plus style and layout',
  },
  {
    key: 'ratio.firstRender',
    row: 'first render, ours / SurveyJS',
    unit: '',
    definition: 'proforma first render / SurveyJS first render (medians)',
    budget: { name: 'first render, ours / SurveyJS', limit: 0.5, ci: false },
  },
  {
    key: 'proforma.embedFirstRender',
    row: 'proforma: embed.html, navigation to first question',
    unit: 'ms',
    definition: `ms from navigation start of ${EMBED_PAGE_URL.slice(1)} (a fresh top-level page, not framed) to the first .question in its <proforma-app>'s <proforma-assessment> (performance.now() in a MutationObserver on each shadow root): the page, its stylesheet and script, the built-in forms' module, the form fetched, checked and rendered`,
    budget: { name: 'embed.html, navigation start to the first question', limit: 150, ci: false },
  },
  {
    key: 'proforma.answerPass',
    row: 'proforma: full answer pass via input events',
    unit: 'ms',
    definition:
      'ms to answer every visible question through the UI (click radios and checkboxes, fill inputs, pick selects, dispatching input/change events and awaiting each re-render) until the outcome is "approved"',
  },
  {
    key: 'proforma.scoreAssessment',
    row: 'scoreAssessment, full form, complete answers',
    unit: 'ms',
    definition: `ms per scoreAssessment(form, answers) call on the full form (parsed in the page with parseFormDefinition) with the complete answers of the answer pass, in headless Chromium: dist/model loaded as ES modules (its packages through an import map, from node_modules), ${SCORE_WARM_UP} calls to warm up, then ${SCORE_BATCHES} runs of ${SCORE_CALLS_PER_BATCH} calls each timed and divided by ${SCORE_CALLS_PER_BATCH} (the page's clock is too coarse for one call); median, min and max of the runs`,
    budget: { name: 'scoreAssessment on the full form', limit: 1, ci: false },
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
  },
  {
    key: 'proforma.autosaveFirstWrite',
    row: "  a page's first save (loads the draft code, opens the database)",
    unit: 'ms',
    definition:
      "the same for each page's first save, which also loads the draft code (a chunk) and opens the database while the key presses go on; one per page",
  },
  {
    key: 'proforma.draftsListRender',
    row: `proforma: <proforma-drafts> listing ${DRAFTS_LISTED} drafts`,
    unit: 'ms',
    definition: `ms from appending <proforma-drafts namespace=…> (page loading ${ALL_ELEMENTS_BUNDLE_URL.slice(1)}) with ${DRAFTS_LISTED} drafts stored, to the newest ${DRAFTS_SHOWN_AT_FIRST} listed (.draft items) and the button that shows all ${DRAFTS_LISTED}: reading their summaries from IndexedDB, checking them, sorting and rendering. The drafts (the social-tool form, the complete answers of the answer pass, revision 1) are restored from a backup file into a fresh namespace on another page first; none may be listed as damaged`,
    budget: { name: '<proforma-drafts> listing 500 drafts', limit: 100, ci: false },
  },
  {
    key: 'proforma.draftsListRenderToLayout',
    row: `proforma: ${DRAFTS_LISTED} drafts listed, to layout`,
    unit: 'ms',
    definition: 'the same, plus the style and layout the browser does once it is in the DOM',
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
  },
  {
    key: 'proforma.exportWarm',
    row: 'proforma: signed PDF export, warm',
    unit: 'ms',
    definition: `the same, exporting again on the same page (${EXPORTS_PER_PAGE - 1} per page): the code and fonts cached, the key already made; each export still starts a fresh worker`,
    budget: { name: 'signed PDF export, warm', limit: 300, ci: false },
  },
  {
    key: 'proforma.exportLongestTask',
    row: '  longest main-thread task during an export',
    unit: 'ms',
    definition:
      'the longest main-thread task (PerformanceObserver longtask, 50 ms or more; 0 when none) during each export: how long the page could not respond',
  },
  {
    key: 'proforma.exportFile.bytes',
    row: 'proforma: signed PDF of the full form',
    unit: 'B',
    definition: 'size of the signed PDF of the full social-tool form, in bytes',
    budget: { name: 'signed PDF of the full social-tool form', limit: 150000, ci: false },
  },
  {
    key: 'proforma.exportJs.gzipBytes',
    row: 'proforma: JS loaded on export (gzip -9)',
    unit: 'B',
    definition:
      'JS the page fetched for its first export and not before (resource timing: the panel chunks and the module worker), gzip level 9, summed',
    budget: { name: 'JS loaded on export', limit: 260000, ci: false },
  },
  {
    key: 'proforma.exportWorker.gzipBytes',
    row: 'proforma: export worker, loaded only on export (gzip -9)',
    unit: 'B',
    definition: `${EXPORT_WORKER_URL.slice(1)}, the module worker that makes the signed PDF (jsPDF, the layout, pkijs and the signing), read from the build, gzip level 9`,
    budget: { name: "the export's module worker", limit: 260000, ci: true },
  },
  {
    key: 'proforma.classicScript.gzipBytes',
    row: 'proforma: every element as a classic script (gzip -9)',
    unit: 'B',
    definition: `${CLASSIC_SCRIPT_URL.slice(1)}, every element as one classic script (the PDF and signature code left in chunks it loads on demand), read from the build, gzip level 9`,
  },
  {
    key: 'proforma.verify',
    row: 'proforma: verify the signed PDF',
    unit: 'ms',
    definition: `ms from choosing the exported PDF in a fresh <proforma-verify>'s file input to its result shown ("Valid: …"), the verify code already loaded: reading the file, checking the CMS signature and byte ranges, reading the attached assessment through the schema, rendering`,
    budget: { name: 'verify a signed PDF', limit: 50, ci: false },
  },
  {
    key: 'proforma.verifyFirst',
    row: '  first check on a fresh page (loads the verify code)',
    unit: 'ms',
    definition: 'the same on a freshly loaded page, loading the verify code (a chunk) first; one run',
  },
  {
    key: 'proforma.verifyCrafted',
    row: 'proforma: verify a 16 MB crafted file',
    unit: 'ms',
    definition: `ms from choosing a ${CRAFTED_PDF_BYTES / 2 ** 20} MB file crafted to take quadratic time (\`%PDF-1.7 <<\`, \`/M (D:\` repeated, then a byte range and a /Contents that fit) in a fresh <proforma-verify>'s file input to its result shown ("Not valid: …"), the verify code already loaded: the file read and checked in the module worker`,
    budget: { name: 'verifying a 16 MB crafted file', limit: 2000, ci: false },
  },
  {
    key: 'proforma.verifyCraftedLongestTask',
    row: '  longest main-thread task meanwhile',
    unit: 'ms',
    definition:
      'the longest main-thread task (PerformanceObserver longtask, 50 ms or more; 0 when none) during each of those checks: how long the page could not respond',
    budget: { name: 'longest main-thread task while verifying a 16 MB crafted file', limit: 100, ci: false },
  },
  {
    key: 'proforma.registerFirstRender',
    row: 'proforma: register of 10,000 tools, first render',
    unit: 'ms',
    definition:
      'ms from appending <proforma-register namespace=…> (page loading dist/proforma.bundle.js) with 10,000 tools stored, to its first page of 50 rows: reading and checking every entry from IndexedDB, working out statuses, sorting, paging and rendering. The entries are written straight into the database on another page first',
    budget: { name: 'register of 10,000 tools, first render', limit: 200, ci: false },
  },
  {
    key: 'proforma.registerSort',
    row: '  sort by review due',
    unit: 'ms',
    definition:
      'ms from clicking the "Review due" column header of that register to its update (10,000 entries sorted, the first page rendered)',
    budget: { name: 'register of 10,000 tools, sort', limit: 50, ci: false },
  },
  {
    key: 'proforma.registerFilter',
    row: '  filter by status',
    unit: 'ms',
    definition: 'ms from choosing status "Approved" in the status filter to the update (10,000 entries filtered)',
    budget: { name: 'register of 10,000 tools, filter', limit: 50, ci: false },
  },
  {
    key: 'proforma.registerExportCsv',
    row: '  export CSV',
    unit: 'ms',
    definition:
      'ms from clicking "Export CSV" to the download being offered: 10,000 entries read from IndexedDB and written as CSV',
    budget: { name: 'register of 10,000 tools, CSV export', limit: 500, ci: false },
  },
  {
    key: 'proforma.registerImportCsv',
    row: '  import that CSV into an empty register',
    unit: 'ms',
    definition:
      'ms from choosing that 10,000-row CSV in "Import CSV" (a fresh register, someone named in "Your name") to "… tools imported" shown: reading, parsing and checking every row, then one IndexedDB transaction',
    budget: { name: 'register of 10,000 tools, CSV import', limit: 1500, ci: false },
  },
  {
    key: 'proforma.registerFold',
    row: `registerFromEvents, ${TOOLS} tools (${TOOLS_EVENTS} events)`,
    unit: 'ms',
    definition: `ms per registerFromEvents(events, { now }) call, in headless Chromium on dist/model loaded as ES modules (an import map for its packages), on the events of ${TOOLS} tools made by the model (each imported with the fields entryFromAssessment gives the social-tool form's complete answers, then moveEvent to under review and decisionEvent, approving, approving with conditions and not approving in turn), two calls to warm up; every result checked (every tool, nothing set aside)`,
    budget: { name: `registerFromEvents on ${TOOLS} tools`, limit: 150, ci: false },
  },
  {
    key: 'proforma.registerLogRead',
    row: `register log: first read of ${TOOLS} tools from IndexedDB`,
    unit: 'ms',
    definition: `ms from a new IndexedDbRegisterStore on a freshly loaded page to its read() resolving with every tool: the fold kept beside the log read from IndexedDB and checked against the log (dist/services/register as ES modules). The same events, written once by store.append to a fresh namespace, for every run`,
    budget: { name: `register log: first read of ${TOOLS} tools`, limit: 200, ci: false },
  },
  {
    key: 'proforma.registerLogDecide',
    row: '  recording a decision to reading it back',
    unit: 'ms',
    definition: `ms from decisionEvent on a tool under review (the model's checks), through store.append([event]) (the event and the fold's changed bucket in one IndexedDB transaction) and store.read(), to the register showing the tool approved, on a tool not approved, once moveEvent has put it under review again (not timed), after that page's first read; a different tool each run`,
    budget: { name: 'register log: a decision to seeing it', limit: 50, ci: false },
  },
  {
    key: 'proforma.registerCarryOver',
    row: `register log: carrying over ${TOOLS} tools kept by the earlier version`,
    unit: 'ms',
    definition: `ms from a new IndexedDbRegisterStore on a freshly loaded page to carryOverEarlierRegister resolving: ${TOOLS} entries (each with its history of three events and its assessment) read from the earlier version's database, every history event made an event, checked and written with the fold in one transaction. The earlier register is written by that version's own RegisterStore.save, from the same tools, into a fresh namespace each run`,
    budget: { name: `carrying over ${TOOLS} tools`, limit: 5000, ci: false },
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
