// The scripts a page loads first, as `npm run build` writes them: each opens with V8's explicit
// compile hint (see COMPILE_HINT in rollup.config.mjs), which lets the first form render without
// waiting for its functions to compile one by one. A minifier that drops the comment drops it silently.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const firstScripts = [
  'dist/proforma-assessment.bundle.js',
  'dist/proforma-app.bundle.js',
  'dist/proforma.bundle.js',
  'dist/proforma.classic.js',
  'dist/embed.js',
];

test('every script a page loads first opens with the compile hint, and its source map still matches', () => {
  for (const path of firstScripts) {
    const code = readFileSync(path, 'utf8');
    assert.ok(code.startsWith(COMPILE_HINT), `${path} does not start with ${JSON.stringify(COMPILE_HINT)}`);
    // The hint is a line of its own, so the code's mappings start on the second line.
    const map = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
    assert.ok(map.mappings.startsWith(';'), `${path}.map maps code onto the hint's line`);
  }
});
