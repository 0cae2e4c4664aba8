// Every file of dist/ that rollup writes: one entry a target in `targets` below. `npm run build`
// (scripts/build.mjs) runs them side by side, each once the targets it needs are built;
// `rollup -c` runs them one after the other, in that same order.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { minifyInWorker } from './scripts/terser-pool.mjs';

// TypeScript is CommonJS: required, it loads without Node first reading its 9 MB for the names it
// exports, which `import` would do (half a second, before any target can start).
const ts = createRequire(import.meta.url)('typescript');

/**
 * V8's explicit compile hint: compile every function of the file as it loads, on a background
 * thread, rather than each on the main thread the first time it is called. Nearly every function
 * of a bundle runs while the first form renders, so that render no longer waits for them to compile
 * (https://v8.dev/blog/explicit-compile-hints). Browsers without it read a comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The npm package's entry points, as package.json "exports" names them. `proforma/define/<tag>.js`
 * registers one element; `proforma/register/<tag>.js`, its name before, is the same file.
 */
const packageEntries = [
  'src/index.ts',
  'src/define.ts',
  'src/define-elements.ts',
  'src/define/proforma-assessment.ts',
  'src/define/proforma-drafts.ts',
  'src/model/index.ts',
  'src/signing.ts',
  'src/pdf.ts',
  'src/couch.ts',
  'src/define/proforma-export.ts',
  'src/define/proforma-verify.ts',
  'src/define/proforma-register.ts',
  'src/define/proforma-app.ts',
];

/**
 * Module workers. Each is started by URL, so no import reaches it: it is built into the package
 * beside its source, and self-contained for the bundles as dist/chunks/<name>.js.
 */
const workers = ['src/pdf/export-worker.ts', 'src/pdf/verify-worker.ts'];

/**
 * What the classic script loads on demand rather than carrying: pure code (no Lit, no elements) that
 * only signing, exporting and verifying need, and the translations' catalogues (plain data). Each is
 * built as an ES module entry in dist/chunks/; the classic build asks for it by the file name this
 * build gave it.
 */
const classicLazy = new Map(
  Object.entries({
    'src/pdf/export-pdf-in-worker.ts': 'classic-pdf-export',
    'src/pdf/verify-pdf-in-worker.ts': 'classic-verify-pdf',
    'src/services/certificate.ts': 'classic-certificate',
    'src/generated/locales/cy.ts': 'classic-locale-cy',
  }).map(([source, name]) => [resolvePath(source), { name, fileName: '' }]),
);

const dependencies = [
  'lit',
  '@lit/',
  'zod',
  'idb-keyval',
  'jspdf',
  'jspdf-autotable',
  'tslib',
  'pkijs',
  'asn1js',
  'canonicalize',
  'pouchdb-core',
  'pouchdb-adapter-idb',
  'pouchdb-adapter-http',
  'pouchdb-replication',
];
function isDependency(id) {
  return dependencies.some((name) => id === name || id.startsWith(name.endsWith('/') ? name : `${name}/`));
}

/** Warnings about zod's own modules, which are theirs and harmless. */
function onwarn(warning, warn) {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
  // zod's comments that explain its own /* @__PURE__ */ marks, which rollup drops as misplaced.
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
  warn(warning);
}

/**
 * `work(input, …)` done once per distinct `key(input, …)` in the whole build, however many targets
 * ask for it: the same source file in every bundle, the same chunk (pkijs's) in several.
 */
function once(work, key) {
  const done = new Map();
  return function doneOnce(...args) {
    const id = createHash('sha256')
      .update(key(...args))
      .digest('base64');
    if (!done.has(id)) done.set(id, Promise.resolve(work.apply(this, args)));
    return done.get(id);
  };
}

/** tsconfig.json's compiler options, with tslib's helpers imported rather than written into each file. */
const compilerOptions = tsconfigOptions();

/** TypeScript to JavaScript, one file at a time (tsconfig's isolatedModules). */
const transpile = once(
  (code, id) => {
    const { outputText, sourceMapText } = ts.transpileModule(code, { fileName: id, compilerOptions });
    return { code: outputText.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'), map: sourceMapText };
  },
  (code, id) => `${id}\0${code}`,
);

function tsconfigOptions() {
  const { config, error } = ts.readConfigFile('tsconfig.json', ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, process.cwd());
  return { ...options, importHelpers: true, noEmitHelpers: true, sourceMap: true, declaration: false };
}

/**
 * Our TypeScript sources, each compiled once for the whole build: `npm run typecheck` checks the
 * types, and `tsc` writes the declarations. TypeScript's own compiler, so decorators and class
 * fields are what tsconfig.json says. Compiled as they load, so that the source maps leave out the
 * source text, as tsconfig's `inlineSources: false` asks.
 */
const typescript = {
  name: 'typescript',
  // `./x.js` in a source file is the source `./x.ts`, as TypeScript resolves it.
  resolveId(source, importer) {
    if (!importer?.endsWith('.ts') || !source.startsWith('.') || !source.endsWith('.js')) return null;
    const typescriptFile = resolvePath(dirname(importer), `${source.slice(0, -'.js'.length)}.ts`);
    return existsSync(typescriptFile) ? typescriptFile : null;
  },
  async load(id) {
    if (!id.endsWith('.ts') || id.includes('/node_modules/')) return null;
    return transpile(await readFile(id, 'utf8'), id);
  },
};

/** Lit's html`` and css`` templates in our sources, minified once (Lit's own files come minified). */
const minifiedTemplates = (({ transform, ...plugin }) => ({
  ...plugin,
  transform: once(transform, (code, id) => `${id}\0${code}`),
}))(minifyTemplateLiterals({ include: 'src/**' }));

/**
 * Every build, one entry each: `name` for messages and for `needs`, which names the targets whose
 * output this one reads and so must be built before it.
 */
export const targets = [
  // The module workers first: each is one file, minified by one terser thread, the longest job
  // of the build, which the other targets' shorter ones can then fill in beside.
  ...workers.map(moduleWorker),
  // One ES module per source file, dependencies left as imports; `tsc` writes the .d.ts beside them.
  packageModules('npm package', [...packageEntries, ...workers]),
  // Self-contained, minified files with Lit inlined, for script tags and the demo: one with every
  // element, and one with <proforma-assessment> alone for pages that need only the form. Separate
  // builds, so that neither shares a chunk with the other.
  scriptBundle('proforma.bundle', 'src/define.ts'),
  scriptBundle('proforma-assessment.bundle', 'src/define/proforma-assessment.ts'),
  scriptBundle('proforma-app.bundle', 'src/define/proforma-app.ts'),
  // The shared register's store and PouchDB, self-contained, for pages that load it by script tag.
  scriptBundle('couch.bundle', 'src/couch.ts'),
  // The same elements as a classic script, for pages that strip type="module" (Moodle's Additional
  // HTML and HTML blocks, say): everything in one file but `classicLazy`, loaded on demand.
  classicLazyModules('classic lazy modules'),
  classicScript('proforma.classic', 'src/define.ts', { needs: ['classic lazy modules'] }),
  // embed.html, its stylesheet and its script: <proforma-app> configured by the page's address.
  scriptBundle('embed', 'src/embed/embed.ts', { files: ['src/embed/embed.html', 'src/embed/embed.css'] }),
  // The host page's script that sizes embed.html's frames: a classic script with no dependencies.
  classicLittleScript('embed-host', 'src/embed/embed-host.ts'),
  // embed.html's first script, which starts fetching the form while embed.js loads.
  classicLittleScript('embed-preload', 'src/embed/embed-preload.ts'),
];

/**
 * `all` ordered so that each target comes after those it `needs`; throws on a need that no target
 * meets, or one that comes back round to the target itself.
 */
export function inBuildOrder(all) {
  const byName = new Map(all.map((target) => [target.name, target]));
  const ordered = [];
  const placing = [];
  const place = (target) => {
    if (ordered.includes(target)) return;
    if (placing.includes(target)) {
      throw new Error(`rollup.config.mjs: ${[...placing, target].map(({ name }) => name).join(' needs ')}`);
    }
    placing.push(target);
    for (const name of target.needs ?? []) {
      const needed = byName.get(name);
      if (!needed) throw new Error(`rollup.config.mjs: ${target.name} needs "${name}", which no target builds`);
      place(needed);
    }
    placing.pop();
    ordered.push(target);
  };
  all.forEach(place);
  return ordered;
}

/** A target as rollup takes it: its options without `name` and `needs`. */
export function rollupOptions(target) {
  const options = { ...target };
  delete options.name;
  delete options.needs;
  return options;
}

export default inBuildOrder(targets).map(rollupOptions);

/**
 * terser with `options`, in the build's threads (scripts/terser-pool.mjs): each chunk minified once
 * however many targets write it alike; an ES module minified as one, with a source map if the
 * output has one.
 */
function minified(options) {
  return {
    name: 'terser',
    async renderChunk(code, _chunk, { format, sourcemap }) {
      const sourceMap = sourcemap === true || typeof sourcemap === 'string';
      const result = await minifyOnce(code, {
        ...(format === 'es' ? { module: true } : {}),
        ...(format === 'cjs' ? { toplevel: true } : {}),
        ...options,
        sourceMap,
      });
      return sourceMap ? result : result.code;
    },
  };
}
const minifyOnce = once(minifyInWorker, (code, options) => JSON.stringify([options, code]));

/** The npm package: one ES module per source file, dependencies left as imports. */
function packageModules(name, entries) {
  return {
    name,
    input: Object.fromEntries(entries.map((source) => [source.slice('src/'.length, -'.ts'.length), source])),
    external: isDependency,
    onwarn,
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
    plugins: [typescript],
  };
}

/** jsPDF's optional helpers for HTML and SVG, which proforma never calls, kept out of every bundle. */
function leaveOutJsPdfExtras() {
  const leftOut = new Set(['html2canvas', 'dompurify', 'canvg']);
  const prefix = '\0left-out:';
  return {
    name: 'leave-out-jspdf-extras',
    resolveId: (id) => (leftOut.has(id) ? `${prefix}${id}` : null),
    // Fails when called, never when loaded: a worker bundle evaluates it at start.
    load: (id) =>
      id.startsWith(prefix)
        ? `export default () => { throw new Error('${id.slice(prefix.length)} is not included in proforma.'); };`
        : null,
  };
}

/**
 * `@lit/localize` as the elements use it: `msg` and `str` alone. Its main module also brings its
 * own runtime, which proforma replaces (src/internal/localization.ts), and that runtime's side
 * effects would keep it, and the message-id hashing the translations need, in every page.
 */
function litLocalizeWithoutItsRuntime() {
  const id = '\0lit-localize-msg-and-str';
  return {
    name: 'lit-localize-without-its-runtime',
    resolveId: (source) => (source === '@lit/localize' ? id : null),
    load: (loading) =>
      loading === id
        ? "export { msg } from '@lit/localize/init/install.js'; export { str } from '@lit/localize/internal/str-tag.js';"
        : null,
  };
}

/**
 * tslib's helpers as the bundles use them: only `__decorate`, from scripts/decorate.mjs, which
 * leaves out the `Reflect.decorate` branch no element needs (74 B gz on the form's page).
 */
function decorateWithoutReflect() {
  const helpers = fileURLToPath(new URL('scripts/decorate.mjs', import.meta.url));
  return {
    name: 'decorate-without-reflect',
    resolveId: (id) => (id === 'tslib' ? helpers : null),
  };
}

/**
 * PouchDB (the shared register, src/couch.ts) as browsers run it: its modules and the packages they
 * import resolved to their browser editions (package.json "browser" fields), and the CommonJS ones
 * among those (`events`, the npm package for Node's, which proforma depends on since PouchDB does
 * not declare it; spark-md5; vuvuzela) converted to modules. Every other import is resolved as before.
 */
function pouchDbForBrowsers() {
  const handled = /^(pouchdb-[a-z0-9-]+|events|uuid|spark-md5|vuvuzela)$/;
  const require = createRequire(import.meta.url);
  /** The file a browser loads for `name`: its module (or main) file, as its "browser" field maps it. */
  const browserEdition = once(
    async (name) => {
      const manifest = require.resolve(`${name}/package.json`);
      const { module: moduleFile, main = 'index.js', browser } = JSON.parse(await readFile(manifest, 'utf8'));
      const entry = `./${(moduleFile ?? main).replace(/^\.\//, '')}`;
      const mapped = typeof browser === 'object' && typeof browser[entry] === 'string' ? browser[entry] : entry;
      return resolvePath(dirname(manifest), mapped);
    },
    (name) => name,
  );
  return [
    {
      name: 'pouchdb-for-browsers',
      resolveId: (source) => (handled.test(source) ? browserEdition(source) : null),
    },
    commonjs({ include: [/\/node_modules\/(events|spark-md5|vuvuzela)\//] }),
  ];
}

/** @param {{ module?: boolean, after?: object[] }} [options] `module: false` for a classic script. */
function bundlePlugins({ module = true, after = [] } = {}) {
  return [
    leaveOutJsPdfExtras(),
    litLocalizeWithoutItsRuntime(),
    decorateWithoutReflect(),
    ...pouchDbForBrowsers(),
    nodeResolve({ exportConditions: ['production'] }),
    typescript,
    ...after,
    minifiedTemplates,
    minified({ ecma: 2022, module, compress: { passes: 2 }, format: { comments: false, preamble: COMPILE_HINT } }),
  ];
}

/**
 * One self-contained bundle; what it loads on demand goes to dist/chunks/, found beside it.
 * `files` are copied to dist/ unchanged.
 */
function scriptBundle(name, input, { files = [] } = {}) {
  return {
    name,
    input: { [name]: input },
    onwarn,
    // Let the bundle itself export what its lazy chunks share with it, rather than
    // becoming a one-line file that loads a second one.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: jsPdfChunk,
      format: 'es',
      sourcemap: true,
    },
    plugins: [...bundlePlugins(), copyFiles(files)],
  };
}

/**
 * jsPDF in a chunk of its own, with what only it imports (its PNG and zlib code, Babel's helpers,
 * the optional helpers left out): the same chunk in every bundle, so terser minifies it once for
 * them all, rather than once in each beside whichever of our modules each bundle puts with it.
 */
function jsPdfChunk(id, { getModuleInfo }) {
  const inJsPdf = (moduleId, visiting) => {
    if (/\/node_modules\/jspdf(-autotable)?\//.test(moduleId)) return true;
    if (!moduleId.includes('/node_modules/') && !moduleId.startsWith('\0left-out:')) return false;
    // A cycle of modules imported only by each other and by jsPDF belongs to jsPDF.
    if (visiting.has(moduleId)) return true;
    visiting.add(moduleId);
    const { importers, dynamicImporters } = getModuleInfo(moduleId);
    const importedBy = [...importers, ...dynamicImporters];
    return importedBy.length > 0 && importedBy.every((importer) => inJsPdf(importer, visiting));
  };
  return inJsPdf(id, new Set()) ? 'jspdf' : undefined;
}

/** Copies each file to dist/ under its own name. */
function copyFiles(files) {
  return {
    name: 'copy-files',
    async generateBundle() {
      for (const file of files) {
        this.emitFile({ type: 'asset', fileName: file.split('/').at(-1), source: await readFile(file) });
      }
    },
  };
}

/** The modules of `classicLazy` as ES entries in dist/chunks/, sharing chunks only with each other. */
function classicLazyModules(name) {
  return {
    name,
    input: Object.fromEntries([...classicLazy].map(([source, lazy]) => [lazy.name, source])),
    onwarn,
    output: {
      dir: 'dist',
      entryFileNames: 'chunks/[name]-[hash].js',
      chunkFileNames: 'chunks/classic-[name]-[hash].js',
      manualChunks: jsPdfChunk,
      format: 'es',
      sourcemap: true,
    },
    plugins: [
      ...bundlePlugins(),
      {
        name: 'note-classic-lazy-file-names',
        generateBundle(_options, bundle) {
          for (const chunk of Object.values(bundle)) {
            const lazy = chunk.type === 'chunk' && chunk.isEntry && classicLazy.get(chunk.facadeModuleId);
            if (lazy) lazy.fileName = chunk.fileName;
          }
        },
      },
    ],
  };
}

/**
 * Turns `import('…/export-pdf-in-worker.js')` and the like into `import(new URL('chunks/…', import.meta.url).href)`,
 * which a classic script may do: the IIFE output replaces `import.meta.url` with the script's own URL.
 */
function loadLazyModulesBesideTheScript() {
  return {
    name: 'load-lazy-modules-beside-the-script',
    async transform(code, id) {
      if (id.includes('node_modules') || !code.includes('import(')) return null;
      const edits = [];
      const visit = async (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'ImportExpression' && typeof node.source.value === 'string') {
          const target = await this.resolve(node.source.value, id);
          const lazy = target && classicLazy.get(target.id);
          if (lazy) {
            if (!lazy.fileName) this.error(`${lazy.name} must be built before the classic script`);
            edits.push({ node: node.source, text: `new URL('${lazy.fileName}', import.meta.url).href` });
          }
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) for (const child of value) await visit(child);
          else if (value && typeof value === 'object') await visit(value);
        }
      };
      await visit(this.parse(code));
      if (edits.length === 0) return null;
      let rewritten = code;
      for (const { node, text } of edits.sort((a, b) => b.node.start - a.node.start)) {
        rewritten = rewritten.slice(0, node.start) + text + rewritten.slice(node.end);
      }
      // Each edit stays on its line, so the lines the source map gives are still right.
      return { code: rewritten, map: null };
    },
  };
}

/**
 * One classic (non-module) script: Lit and every element inlined, the modules of `classicLazy`
 * loaded beside it, by the names the target that builds them gave them: it `needs` that target.
 */
function classicScript(name, input, { needs }) {
  return {
    name,
    needs,
    input: { [name]: input },
    onwarn,
    output: {
      dir: 'dist',
      entryFileNames: '[name].js',
      format: 'iife',
      // `proforma.defineProformaElements({ suffix })` for a page that wants its own tag names.
      name: 'proforma',
      inlineDynamicImports: true,
      sourcemap: true,
    },
    plugins: bundlePlugins({ module: false, after: [loadLazyModulesBesideTheScript()] }),
  };
}

/** A small classic script of its own, with no dependencies: dist/<name>.js. */
function classicLittleScript(name, input) {
  return {
    name,
    input: { [name]: input },
    output: { dir: 'dist', entryFileNames: '[name].js', format: 'iife' },
    plugins: [typescript, minified({ ecma: 2022, compress: { passes: 2 }, format: { comments: false } })],
  };
}

/**
 * A module worker for the bundles, self-contained (a worker shares no chunk with the page):
 * dist/chunks/<name>.js. What it loads on demand (a translation's words) is a chunk of its own beside it.
 */
function moduleWorker(input) {
  const name = basename(input, '.ts');
  return {
    name,
    input: { [`chunks/${name}`]: input },
    onwarn,
    output: {
      dir: 'dist',
      entryFileNames: '[name].js',
      chunkFileNames: `chunks/${name}-[name]-[hash].js`,
      format: 'es',
      sourcemap: true,
    },
    plugins: bundlePlugins(),
  };
}
