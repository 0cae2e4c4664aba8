// The pages the benchmark serves, built in memory: no bench page is left on disk or in dist/.

export const FORM_URL = '/forms/social-tool-risk-assessment.json';
export const SURVEYJS_FORM_URL = '/bench/surveyjs-form.json';
/** What a page that shows only the form loads: the bundle that registers <proforma-assessment> alone. */
export const BUNDLE_URL = '/dist/proforma-assessment.bundle.js';
/** The bundle that registers <proforma-app>, which loads the elements of its other views when they are opened. */
export const APP_BUNDLE_URL = '/dist/proforma-app.bundle.js';
/** The bundle that registers every element, <proforma-drafts> among them. */
export const ALL_ELEMENTS_BUNDLE_URL = '/dist/proforma.bundle.js';
/** The same elements as a classic (non-module) script, for pages that strip type="module". */
export const CLASSIC_SCRIPT_URL = '/dist/proforma.classic.js';
/** The module worker that makes the signed PDF, loaded only when the person exports. */
export const EXPORT_WORKER_URL = '/dist/chunks/export-worker.js';
/** The shared register's store with PouchDB, self-contained. */
export const COUCH_BUNDLE_URL = '/dist/couch.bundle.js';
export const MODEL_URL = '/dist/model/index.js';
/** The register's log in IndexedDB, its carrying over, and the store the version before it kept, as built modules. */
export const REGISTER_LOG_URLS = {
  modelUrl: MODEL_URL,
  storeUrl: '/dist/services/register/indexeddb-register-store.js',
  carryOverUrl: '/dist/services/register/carry-over-register.js',
  formUrl: '/forms/social-tool-risk-assessment.json',
};
/** The folders of built modules the register's log pages import, for their import map. */
export const REGISTER_LOG_FOLDERS = ['dist/model', 'dist/model/register', 'dist/services', 'dist/services/register'];
export const SURVEYJS_SCRIPTS = [
  '/node_modules/survey-core/survey.core.min.js',
  '/node_modules/survey-js-ui/survey-js-ui.min.js',
];
// SurveyJS's default theme without the @font-face rules that would fetch Open Sans from Google:
// the bench never leaves this machine, and proforma loads no web font either.
export const SURVEYJS_CSS = '/node_modules/survey-core/survey-core.fontless.min.css';

/** Folders the bench server may read files from. */
export const SERVED_FOLDERS = ['dist', 'forms', 'node_modules/survey-core', 'node_modules/survey-js-ui'];

const page = (title, head, body) => `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>${title}</title>
    ${head}
  </head>
  <body>
    ${body}
  </body>
</html>
`;

const html = (body) => ({ body, type: 'text/html; charset=utf-8' });

/**
 * @param {object} surveyJsForm The social-tool form converted by to-surveyjs.mjs.
 * @param {Record<string, string>} modelImports Import map entries for dist/model's bare specifiers
 *   (from model-imports.mjs), e.g. `zod/mini` to its file under /node_modules.
 * @param {Record<string, string>} registerLogImports The same for REGISTER_LOG_FOLDERS.
 * @returns {Record<string, { body: string, type: string }>} Pages by path, for startServer.
 */
export function benchPages(surveyJsForm, modelImports, registerLogImports) {
  return {
    // What a school's page looks like: the bundle and the element naming the default form.
    '/bench/default-form.html': html(
      page(
        'proforma: default-form page',
        `<script type="module" src="${BUNDLE_URL}"></script>`,
        `<proforma-assessment form-src="${FORM_URL}"></proforma-assessment>`,
      ),
    ),
    // A school's page with the whole app, as a teacher first sees it: the social-tool form, a
    // built-in form found beside the bundle in dist/forms/.
    '/bench/app.html': html(
      page(
        'proforma: app page',
        `<script type="module" src="${APP_BUNDLE_URL}"></script>`,
        '<proforma-app></proforma-app>',
      ),
    ),
    // The bundle loaded, no element yet: the bench creates one and times it (first render, answer
    // pass, autosave).
    '/bench/proforma.html': html(
      page('proforma: timing', `<script type="module" src="${BUNDLE_URL}"></script>`, '<main id="host"></main>'),
    ),
    // Every element registered, no element yet: the bench seeds drafts, then lists them.
    '/bench/drafts.html': html(
      page(
        'proforma: drafts timing',
        `<script type="module" src="${ALL_ELEMENTS_BUNDLE_URL}"></script>`,
        '<main id="host"></main>',
      ),
    ),
    // Every element registered: the bench lists, sorts, filters, exports and imports the register.
    '/bench/register.html': html(
      page(
        'proforma: register timing',
        `<script type="module" src="${ALL_ELEMENTS_BUNDLE_URL}"></script>`,
        '<main id="host"></main>',
      ),
    ),
    // Every element registered: the bench checks an exported PDF with a <proforma-verify>.
    '/bench/verify.html': html(
      page(
        'proforma: verify timing',
        `<script type="module" src="${ALL_ELEMENTS_BUNDLE_URL}"></script>`,
        '<main id="host"></main>',
      ),
    ),
    // dist/model as plain ES modules, its packages found through an import map; the bench
    // imports MODEL_URL in the page and times scoreAssessment there.
    '/bench/model.html': html(
      page(
        'proforma: model timing',
        `<script type="importmap">${JSON.stringify({ imports: modelImports })}</script>`,
        '<main id="host"></main>',
      ),
    ),
    // dist/model and dist/services/register as plain ES modules: the bench times the register's log.
    '/bench/register-log.html': html(
      page(
        'proforma: register log timing',
        `<script type="importmap">${JSON.stringify({ imports: registerLogImports })}</script>`,
        '<main id="host"></main>',
      ),
    ),
    // SurveyJS as its docs set it up without a framework: two UMD scripts and the theme's CSS.
    '/bench/surveyjs.html': html(
      page(
        'SurveyJS: timing',
        [
          `<link rel="stylesheet" href="${SURVEYJS_CSS}" />`,
          ...SURVEYJS_SCRIPTS.map((src) => `<script src="${src}"></script>`),
        ].join('\n    '),
        '<main id="host"></main>',
      ),
    ),
    [SURVEYJS_FORM_URL]: { body: JSON.stringify(surveyJsForm), type: 'application/json; charset=utf-8' },
  };
}
