import { resolve as resolvePath } from 'node:path';
import { readFile } from 'node:fs/promises';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

/**
 * V8's explicit compile hint: compile every function of the file as it loads, on a background
 * thread, rather than each on the main thread the first time it is called. Nearly every function
 * of a bundle runs while the first form renders, so that render no longer waits for them to compile
 * (https://v8.dev/blog/explicit-compile-hints). Browsers without it read a comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

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
];
const isDependency = (id) =>
  dependencies.some((name) => id === name || id.startsWith(name.endsWith('/') ? name : `${name}/`));

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

/** Warnings about zod's own modules, which are theirs and harmless. */
const onwarn = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
  // zod's comments that explain its own /* @__PURE__ */ marks, which rollup drops as misplaced.
  if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
  warn(warning);
};

export default [
  // The npm package: one ES module per source file with its .d.ts, dependencies left as imports.
  {
    input: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      'define-elements': 'src/define-elements.ts',
      'register/proforma-assessment': 'src/register/proforma-assessment.ts',
      'register/proforma-drafts': 'src/register/proforma-drafts.ts',
      'model/index': 'src/model/index.ts',
      signing: 'src/signing.ts',
      pdf: 'src/pdf.ts',
      'register/proforma-export': 'src/register/proforma-export.ts',
      'register/proforma-verify': 'src/register/proforma-verify.ts',
      'register/proforma-register': 'src/register/proforma-register.ts',
      'register/proforma-app': 'src/register/proforma-app.ts',
      // Started by URL as a module worker, so no import reaches it: named here to be built.
      'pdf/export-worker': 'src/pdf/export-worker.ts',
      'pdf/verify-worker': 'src/pdf/verify-worker.ts',
    },
    external: isDependency,
    onwarn,
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
    plugins: [typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: true })],
  },
  // Self-contained, minified files with Lit inlined, for script tags and the demo: one with
  // every element, and one with <proforma-assessment> alone for pages that need only the form.
  // Separate builds, so that neither shares a chunk with the other.
  scriptBundle('proforma.bundle', 'src/define.ts'),
  scriptBundle('proforma-assessment.bundle', 'src/register/proforma-assessment.ts'),
  scriptBundle('proforma-app.bundle', 'src/register/proforma-app.ts'),
  // The same elements as a classic script, for pages that strip type="module" (Moodle's Additional
  // HTML and HTML blocks, say): everything in one file, except the PDF and signature code, which
  // it loads on demand as ES modules from dist/chunks/, built just before it.
  classicLazyModules(),
  classicScript('proforma.classic', 'src/define.ts'),
  // embed.html, its stylesheet and its script: <proforma-app> configured by the page's address.
  scriptBundle('embed', 'src/embed/embed.ts', { files: ['src/embed/embed.html', 'src/embed/embed.css'] }),
  // The host page's script that sizes embed.html's frames: a classic script with no dependencies.
  classicLittleScript('embed-host', 'src/embed/embed-host.ts'),
  // embed.html's first script, which starts fetching the form while embed.js loads.
  classicLittleScript('embed-preload', 'src/embed/embed-preload.ts'),
  // The PDF export's worker for the bundles, self-contained: a worker shares no chunk with the page.
  // What it loads on demand (a translation's words) is a chunk of its own beside it.
  {
    input: { 'chunks/export-worker': 'src/pdf/export-worker.ts' },
    onwarn,
    output: {
      dir: 'dist',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/export-worker-[name]-[hash].js',
      format: 'es',
      sourcemap: true,
    },
    plugins: bundlePlugins(),
  },
  // The verifier's worker for the bundles, self-contained in the same way.
  {
    input: { 'chunks/verify-worker': 'src/pdf/verify-worker.ts' },
    onwarn,
    output: {
      dir: 'dist',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/verify-worker-[name]-[hash].js',
      format: 'es',
      sourcemap: true,
    },
    plugins: bundlePlugins(),
  },
];

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

/** @param {{ module?: boolean, after?: object[] }} [options] `module: false` for a classic script. */
function bundlePlugins({ module = true, after = [] } = {}) {
  return [
    leaveOutJsPdfExtras(),
    litLocalizeWithoutItsRuntime(),
    nodeResolve({ exportConditions: ['production'] }),
    typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: false, declarationMap: false }),
    ...after,
    minifyTemplateLiterals(),
    terser({ ecma: 2022, module, compress: { passes: 2 }, format: { comments: false, preamble: COMPILE_HINT } }),
  ];
}

/**
 * One self-contained bundle; what it loads on demand goes to dist/chunks/, found beside it.
 * `files` are copied to dist/ unchanged.
 */
function scriptBundle(name, input, { files = [] } = {}) {
  return {
    input: { [name]: input },
    onwarn,
    // Let the bundle itself export what its lazy chunks share with it, rather than
    // becoming a one-line file that loads a second one.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      format: 'es',
      sourcemap: true,
    },
    plugins: [...bundlePlugins(), copyFiles(files)],
  };
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
function classicLazyModules() {
  return {
    input: Object.fromEntries([...classicLazy].map(([source, { name }]) => [name, source])),
    onwarn,
    output: {
      dir: 'dist',
      entryFileNames: 'chunks/[name]-[hash].js',
      chunkFileNames: 'chunks/classic-[name]-[hash].js',
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

/** One classic (non-module) script: Lit and every element inlined, the lazy modules above loaded beside it. */
function classicScript(name, input) {
  return {
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
    input: { [name]: input },
    output: { dir: 'dist', entryFileNames: '[name].js', format: 'iife' },
    plugins: [
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: false, declarationMap: false }),
      terser({ ecma: 2022, compress: { passes: 2 }, format: { comments: false } }),
    ],
  };
}
