import { readFile } from 'node:fs/promises';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

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

/** zod's own modules import each other in a circle; that is theirs and harmless. */
const onwarn = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
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
  // embed.html, its stylesheet and its script: <proforma-app> configured by the page's address.
  scriptBundle('embed', 'src/embed/embed.ts', { files: ['src/embed/embed.html', 'src/embed/embed.css'] }),
  // The host page's script that sizes embed.html's frames: a classic script with no dependencies.
  {
    input: { 'embed-host': 'src/embed/embed-host.ts' },
    output: { dir: 'dist', entryFileNames: '[name].js', format: 'iife' },
    plugins: [
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: false, declarationMap: false }),
      terser({ ecma: 2022, compress: { passes: 2 }, format: { comments: false } }),
    ],
  },
  // The PDF export's worker for the bundles, self-contained: a worker shares no chunk with the page.
  {
    input: { 'chunks/export-worker': 'src/pdf/export-worker.ts' },
    onwarn,
    output: { dir: 'dist', entryFileNames: '[name].js', format: 'es', sourcemap: true, inlineDynamicImports: true },
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

function bundlePlugins() {
  return [
    leaveOutJsPdfExtras(),
    nodeResolve({ exportConditions: ['production'] }),
    typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: false, declarationMap: false }),
    minifyTemplateLiterals(),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
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
