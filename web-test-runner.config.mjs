import { existsSync, readdirSync } from 'node:fs';
import rollupNodeResolve from '@rollup/plugin-node-resolve';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArguments, findChromium } from './scripts/find-browser.mjs';
import { couchdbPlugin } from './test/plugins/couchdb.mjs';
import { fileChooserPlugin } from './test/plugins/file-chooser.mjs';
import { mediaFeaturesPlugin } from './test/plugins/media-features.mjs';
import { pdfToolsPlugin } from './test/plugins/pdf-tools.mjs';

/** Lists forms/ so a test can put every shipped form through the schema. */
const formsIndexPlugin = {
  name: 'forms-index',
  serve(context) {
    if (context.path === '/test/forms-index.json') {
      const files = readdirSync('forms').filter((name) => name.endsWith('.json'));
      return { body: JSON.stringify(files), type: 'application/json' };
    }
    return undefined;
  },
};

/**
 * Serves a source module asked for by its built name (`export-worker.js`), as a
 * module worker started by URL asks for it, from its TypeScript file.
 */
function sourceByBuiltName(context, next) {
  const path = context.path;
  if (path.startsWith('/src/') && path.endsWith('.js') && !existsSync(`.${path}`)) {
    const source = `${path.slice(0, -3)}.ts`;
    if (existsSync(`.${source}`)) context.path = source;
  }
  return next();
}

/**
 * Serves the shipped forms where the built library has its copy of them, as seen
 * from the sources: `src/forms/` stands for `dist/forms/`, beside `src/internal/`.
 */
function formsBesideSources(context, next) {
  if (context.path.startsWith('/src/forms/')) context.path = context.path.slice('/src'.length);
  return next();
}

/**
 * Serves the PDF fonts the build writes where the PDF code, run from the sources, looks for
 * them by default: `src/fonts/` stands for `dist/fonts/`, as `src/forms/` does for the forms.
 */
function fontsBesideSources(context, next) {
  if (context.path.startsWith('/src/fonts/')) context.path = `/dist${context.path.slice('/src'.length)}`;
  return next();
}

/**
 * PouchDB as the build bundles it (rollup.config.mjs): each of its modules' browser edition (their
 * package.json "browser" field), and the three CommonJS packages they import (Node's `events` for
 * browsers, spark-md5, vuvuzela) served as modules whose default export is their `module.exports`.
 * None of the three calls `require`.
 */
const POUCHDB_COMMONJS = /\/node_modules\/(events\/events|spark-md5\/spark-md5|vuvuzela\/index)\.js$/;
const pouchDbForBrowsers = [
  fromRollup(rollupNodeResolve)({ browser: true, resolveOnly: [/^pouchdb-/] }),
  {
    name: 'pouchdb-commonjs',
    transform(context) {
      if (!POUCHDB_COMMONJS.test(context.path)) return undefined;
      return {
        body: `const module = { exports: {} }; const exports = module.exports;\n${context.body}\nexport default module.exports;`,
      };
    },
  },
];

export default {
  middleware: [sourceByBuiltName, formsBesideSources, fontsBesideSources],
  // The whole rounds with the keyboard (test/e2e/) sign, verify and store real PDFs: `npm test` runs
  // them after the rest, one at a time, so that no other file takes the machine from them.
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    formsIndexPlugin,
    pdfToolsPlugin(),
    fileChooserPlugin(),
    mediaFeaturesPlugin(),
    couchdbPlugin(),
    ...pouchDbForBrowsers,
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: chromiumArguments(),
      },
      // Each page in a browser context of its own: test files run side by side keep their cookies
      // (a CouchDB session, signed in and out) and storage apart, as two browsers would.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
};
