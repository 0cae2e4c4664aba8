// No source file grows past 700 lines: a file that long holds several things, each of which reads
// better on its own (an element's controllers, its views, its pure rules). The register element's
// own module is a shell (properties, controllers, the switch between views) under 400. Left out:
// the translations' catalogues that `npm run localize:build` writes into src/generated/, which no
// one reads or edits by hand.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const MAX_LINES = 700;
const MAX_SHELL_LINES = 400;
const GENERATED = 'src/generated/';

/** Every file under `folder`, however deep, as a path from the package's root. */
function filesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The lines of a file, the last counted whether or not it ends with a line break. */
function lineCount(path) {
  const text = readFileSync(path, 'utf8');
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Files over `limit` lines, in words. */
function over(paths, limit) {
  return paths
    .map((path) => ({ path, lines: lineCount(path) }))
    .filter(({ lines }) => lines > limit)
    .map(({ path, lines }) => `${path}: ${lines} lines`);
}

test(`every file in src/ is at most ${MAX_LINES} lines`, () => {
  const files = filesUnder('src');
  assert.ok(files.length > 100, `only ${files.length} files found under src/`);
  const tooLong = over(
    files.filter((path) => !path.startsWith(GENERATED)),
    MAX_LINES,
  );
  assert.deepEqual(tooLong, [], `files over ${MAX_LINES} lines:\n${tooLong.join('\n')}`);
});

test(`the register element's shell is at most ${MAX_SHELL_LINES} lines`, () => {
  // Its data, changes and transfers are controllers beside it, its views render modules.
  const shell = 'src/components/proforma-register/proforma-register.ts';
  assert.deepEqual(over([shell], MAX_SHELL_LINES), []);
});
