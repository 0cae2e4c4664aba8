// The modules that register one element each: `proforma/define/<tag>.js`, and under the name they
// had before, `proforma/register/<tag>.js`, which host pages may still import. Both names are the
// same built file, so a page that uses both evaluates it once. Reads dist/, as `npm run build` writes it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const { sideEffects } = JSON.parse(readFileSync('package.json', 'utf8'));
const tags = readdirSync('src/define')
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -'.ts'.length));

/** The file the package's own name resolves `specifier` to, relative to the package, e.g. "dist/define/proforma-app.js". */
const resolved = (specifier) => relative(process.cwd(), fileURLToPath(import.meta.resolve(specifier)));

/** Whether one of package.json's `sideEffects` globs names `file` ("dist/…"), so no bundler drops its import. */
const keptForSideEffects = (file) =>
  sideEffects.some((glob) =>
    new RegExp(`^${glob.replace(/^\.\//, '').replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`).test(file),
  );

test('there is a module to register each element alone', () => {
  assert.ok(tags.length >= 6, `src/define/ holds ${tags.join(', ')}`);
});

for (const tag of tags) {
  test(`proforma/define/${tag}.js is built, and proforma/register/${tag}.js is the same file`, () => {
    const file = resolved(`proforma/define/${tag}.js`);
    assert.equal(file, `dist/define/${tag}.js`);
    assert.ok(existsSync(file), `${file} is not built: run npm run build`);
    assert.ok(existsSync(file.replace(/\.js$/, '.d.ts')), `${file} has no declarations beside it`);
    assert.equal(resolved(`proforma/register/${tag}.js`), file, 'the former name is another file');
    assert.ok(keptForSideEffects(file), `package.json "sideEffects" does not name ${file}`);
  });
}
