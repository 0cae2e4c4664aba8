// `npm run build`: dist/ from the sources, on every core the machine has. Rollup's targets
// (rollup.config.mjs) run as many at a time as there are cores, each once the targets it needs are
// built, and hand their chunks to one pool of terser threads (scripts/terser-pool.mjs). Beside
// them, in processes of their own: `tsc` writes the declarations, the analyzer the elements'
// manifest, and the PDF fonts and the shipped forms are copied; the JSON Schema follows the npm
// package, whose model it is made from.
//
// package.json runs it with two V8 flags. `--max-semi-space-size=64` (MB): rollup and terser make
// many short-lived objects, and a larger young generation lets more of them die there rather than
// be copied and then marked in the old one. `--single-threaded-gc`: the build keeps every core
// busy, so V8's helper threads for parallel collection mostly wait for a core and for each other;
// each thread collecting its own garbage costs less in all (about 15 s of CPU in 90 on two cores).
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { inBuildOrder, rollupOptions, targets } from '../rollup.config.mjs';

const require = createRequire(import.meta.url);
const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** The path of `name`, a command the package `packageName` installs. */
function commandOf(packageName, name) {
  const manifest = require.resolve(`${packageName}/package.json`);
  const { bin } = require(manifest);
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin[name]);
}

/** The path of one of the scripts beside this one. */
const script = (name) => fileURLToPath(new URL(name, import.meta.url));

/** Runs `node <file> …args` in a process of its own; rejects, naming `label`, if it fails. */
function runNode(label, file, args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/** At most `limit` of the functions handed to the result run at once; the others wait their turn. */
function limited(limit) {
  let running = 0;
  const waiting = [];
  return async (work) => {
    if (running >= limit) await new Promise((resume) => waiting.push(resume));
    running += 1;
    try {
      return await work();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/** Builds one target of rollup.config.mjs and writes its files. */
async function build(target) {
  const since = performance.now();
  const options = rollupOptions(target);
  const bundle = await rollup(options);
  try {
    for (const output of [options.output].flat()) await bundle.write(output);
  } finally {
    await bundle.close();
  }
  console.log(`built ${target.name} in ${seconds(since)}`);
}

// `--serve` (`npm start`): the demo is served as soon as its page's bundle is built, with the fonts
// and the forms. The app's bundle and the PDF workers come next, in that order: a page that asks for
// one before it is written waits for it. embed.html, the npm package's modules, the classic script,
// the declarations and the manifest follow while the demo is served.
const serveDemo = process.argv.includes('--serve');
const DEMO_TARGETS = new Set(['proforma.bundle']);
const SENT_WHEN_BUILT = {
  '/dist/proforma-app.bundle.js': 'proforma-app.bundle',
  '/dist/chunks/export-worker.js': 'export-worker',
  '/dist/chunks/verify-worker.js': 'verify-worker',
};
const firstTargets = [...DEMO_TARGETS, ...Object.values(SENT_WHEN_BUILT)];
const demoFirst = (all) =>
  serveDemo
    ? [
        ...firstTargets.map((name) => all.find((target) => target.name === name)),
        ...all.filter(({ name }) => !firstTargets.includes(name)),
      ]
    : all;

const inTurn = limited(availableParallelism());
const built = new Map();
for (const target of demoFirst(inBuildOrder(targets))) {
  // In build order, so that what a target needs is already in `built`. Serving, the demo's page
  // is built first with the machine to itself.
  const needed = (target.needs ?? []).map((name) => built.get(name));
  if (serveDemo && !DEMO_TARGETS.has(target.name)) needed.push(...[...DEMO_TARGETS].map((name) => built.get(name)));
  built.set(
    target.name,
    Promise.all(needed).then(() => inTurn(() => build(target))),
  );
}

const fonts = runNode('the PDF fonts', script('subset-fonts.mjs'));
const forms = runNode('the forms', script('copy-forms.mjs'));
const demo = Promise.all([...[...DEMO_TARGETS].map((name) => built.get(name)), fonts, forms]);
// Serving, the other processes wait for the demo, so that they do not take its cores.
const afterDemo = serveDemo ? demo.catch(() => undefined) : Promise.resolve();
const steps = [
  ...built.values(),
  fonts,
  forms,
  // The declarations alone, without checking the types, which `npm run typecheck` does: half the time.
  afterDemo.then(() =>
    runNode('tsc', commandOf('typescript', 'tsc'), ['-p', 'tsconfig.json', '--emitDeclarationOnly', '--noCheck']),
  ),
  afterDemo.then(() =>
    runNode('the manifest', commandOf('@custom-elements-manifest/analyzer', 'cem'), [
      'analyze',
      '--litelement',
      '--quiet',
    ]),
  ),
  built.get('npm package').then(() => runNode('the JSON Schema', script('write-json-schema.mjs'))),
];
if (serveDemo) {
  demo.then(
    async () => {
      const { startServer } = await import('./serve.mjs');
      // A file asked for before it is written is sent once it is.
      const pages = Object.fromEntries(
        Object.entries(SENT_WHEN_BUILT).map(([path, name]) => [
          path,
          (request, response) =>
            built
              .get(name)
              .then(() => readFile(join('.', path)))
              .then(
                (body) => response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(body),
                () => response.writeHead(500, { 'content-type': 'text/plain' }).end(`${name} could not be built`),
              ),
        ]),
      );
      const { url } = await startServer({ port: Number(process.env.PORT ?? 8000), pages });
      console.log(
        `proforma demo: ${url}/demo/ (served after ${seconds(started)}; the rest of dist/ is still being built)`,
      );
      console.log('Press Ctrl+C to stop.');
    },
    () => {},
  );
}
const failed = (await Promise.allSettled(steps)).filter(({ status }) => status === 'rejected');
for (const { reason } of failed) console.error(reason instanceof Error ? (reason.stack ?? reason.message) : reason);
if (failed.length > 0) {
  console.error(`The build failed (${failed.length} of ${steps.length} steps).`);
  process.exitCode = 1;
} else {
  console.log(`dist/ built in ${seconds(started)}`);
}
