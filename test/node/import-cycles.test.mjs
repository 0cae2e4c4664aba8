// No module of src/ comes back round to itself through its imports. Every import counts: `import
// type` too (a type the two modules share belongs in a third they both import, and a cycle of types
// becomes one of values the day a type becomes a class), and `import()` too (a module loaded on
// demand still depends on the one that loads it). A cycle is named from one module round to itself.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

/** Every TypeScript file under `folder`, however deep. */
function typescriptFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return typescriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Each file's imports of other files of src/: `import`, `import type`, `export … from` and `import()`,
 * as TypeScript's own scanner finds them (not in comments or strings). A relative specifier that names
 * no source file is listed in `unresolved`, so that no import is left out of the walk unseen.
 */
function importGraph(files) {
  const graph = new Map();
  const unresolved = [];
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const imports = [];
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
      if (existsSync(target)) imports.push(target);
      else unresolved.push(`${relative('.', file)} imports ${specifier}`);
    }
    graph.set(resolve(file), [...new Set(imports)]);
  }
  return { graph, unresolved };
}

/** One cycle through each group of modules that import one another, as the paths round it. */
function cycles(graph) {
  const found = [];
  const state = new Map(); // undefined: not seen; 'open': on the current path; 'done': no cycle back through it.
  const path = [];
  const visit = (file) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found.map((cycle) => cycle.map((file) => relative('.', file)).join(' → '));
}

const { graph, unresolved } = importGraph(typescriptFiles('src'));

test('every relative import in src/ names a source file', () => {
  assert.deepEqual(unresolved, []);
});

test('the walk reaches the imports it should', () => {
  // The assessment loads its draft code on demand and imports a type of the drafts' own: both are seen.
  const assessment = graph.get(resolve('src/components/proforma-assessment/proforma-assessment.ts'));
  assert.ok(assessment?.includes(resolve('src/components/proforma-assessment/drafts.ts')));
  assert.ok(graph.size > 100, `only ${graph.size} files found under src/`);
});

test('no module in src/ imports itself, directly or round a cycle', () => {
  const found = cycles(graph);
  assert.deepEqual(found, [], `import cycles in src/:\n${found.join('\n')}`);
});
