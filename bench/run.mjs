// The benchmark: proforma and SurveyJS rendering the same social-tool form, same run, same machine.
//
//   node bench/run.mjs               every figure, written to bench/results.json
//   node bench/run.mjs --bytes-only  only the JS byte figures (no timing), to bench/results.local.json
//   --check                          exit 1 naming each figure over its budget (bench/figures.mjs)
//   --runs N                         timed runs per figure (7 unless given; autosave always times 5 pages × 6 saves)
//   --only KEY[,KEY…]                only those figures (and what they read), to bench/results.local.json
//
// Needs a build (`npm run build`) and Chromium (CHROME_PATH, or /usr/bin/chromium).
import { cp, mkdtemp, readFile, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { chromiumArguments, findChromium } from '../scripts/find-browser.mjs';
import { startServer } from '../scripts/serve.mjs';
import { checkBudgets } from './check-budgets.mjs';
import { BUDGETS, DEFINITIONS, FIGURES } from './figures.mjs';
import { Bench, GZIP_LEVEL } from './measure.mjs';
import { importMapFor } from './model-imports.mjs';
import { BUNDLE_URL, REGISTER_LOG_FOLDERS, SERVED_FOLDERS, benchPages } from './pages.mjs';
import { toSurveyJs } from './to-surveyjs.mjs';

const root = new URL('..', import.meta.url);

const { values: options } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    'bytes-only': { type: 'boolean', default: false },
    runs: { type: 'string', default: '7' },
    only: { type: 'string' },
  },
});
const only = options.only ? new Set(options.only.split(',').map((key) => key.trim())) : undefined;
if (only) {
  const unknown = [...only].filter((key) => !FIGURES.some((figure) => figure.key === key));
  if (unknown.length > 0) throw new Error(`--only names no figure: ${unknown.join(', ')}`);
}
const bytesOnly = options['bytes-only'];
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number above 0, not ${options.runs}`);

const readJson = async (path) => JSON.parse(await readFile(new URL(path, root), 'utf8'));

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
  let chromium;
  let bench;
  const userDataDir = await mkdtemp(join(tmpdir(), 'proforma-bench-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      args: chromiumArguments(),
    });
    bench = new Bench({ browser, baseUrl: server.url, build, runs, form, visibleAtFirst, delayMs });
    // In the order of the table: each figure's entry in bench/figures.mjs says how it is measured.
    for (const figure of FIGURES) {
      if ((bytesOnly && !figure.bytes) || (only && !only.has(figure.key))) continue;
      figures[figure.key] = await figure.measure(bench);
    }
    chromium = await browser.version();
    if (bench.offSiteRequests.size > 0) {
      throw new Error(`A bench page requested something not on this machine: ${[...bench.offSiteRequests].join(', ')}`);
    }
  } finally {
    await browser?.close();
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
  const files = bench.files;

  const results = {
    date: new Date().toISOString(),
    mode: bytesOnly ? 'bytes only' : only ? `only ${[...only].join(', ')}` : 'full',
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
  const out = bytesOnly || only ? 'bench/results.local.json' : 'bench/results.json';
  await writeFile(new URL(out, root), `${JSON.stringify(results, null, 2)}\n`);

  const checked = only ? BUDGETS.filter((budget) => only.has(budget.figure)) : BUDGETS;
  const verdict = checkBudgets(figures, checked, { ciOnly: bytesOnly });
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
