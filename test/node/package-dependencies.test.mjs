// The npm package as `npm run build` writes it: every package its modules import must be one that
// installing proforma installs, a dependency in package.json, not a devDependency (tslib, for the
// decorators' helper, was one).
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { bareSpecifiers } from '../../bench/model-imports.mjs';

const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

test('every package that dist/ imports is a dependency of proforma', async () => {
  const { dependencies } = JSON.parse(await readFile('package.json', 'utf8'));
  const files = (await readdir('dist', { recursive: true })).filter((file) => file.endsWith('.js'));
  assert.ok(files.includes('index.js'), 'no dist/index.js: build first');
  const undeclared = new Set();
  for (const file of files) {
    for (const specifier of bareSpecifiers(await readFile(join('dist', file), 'utf8'))) {
      if (!Object.hasOwn(dependencies, packageOf(specifier))) undeclared.add(`${packageOf(specifier)} (dist/${file})`);
    }
  }
  assert.deepEqual([...undeclared], [], 'imported by dist/ but not in package.json "dependencies"');
});
