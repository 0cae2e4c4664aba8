// No source file grows past 700 lines: a file that long holds several things, each of which reads
// better on its own (an element's controllers, its views, its pure rules). Left out: the register
// element, which is being taken apart, and the translations' catalogues that `npm run
// localize:build` writes into src/generated/, which no one reads or edits by hand.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const MAX_LINES = 700;
const EXCEPTIONS = new Set(['src/components/proforma-register/proforma-register.ts']);
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

test(`every file in src/ is at most ${MAX_LINES} lines`, () => {
  const files = filesUnder('src');
  assert.ok(files.length > 100, `only ${files.length} files found under src/`);
  const tooLong = files
    .filter((path) => !EXCEPTIONS.has(path) && !path.startsWith(GENERATED))
    .map((path) => ({ path, lines: lineCount(path) }))
    .filter(({ lines }) => lines > MAX_LINES)
    .map(({ path, lines }) => `${path}: ${lines} lines`);
  assert.deepEqual(tooLong, [], `files over ${MAX_LINES} lines:\n${tooLong.join('\n')}`);
});

test('the exceptions are still there to be excepted', () => {
  // An exception for a file that was split, moved or renamed would let its successor grow unchecked.
  for (const path of EXCEPTIONS) assert.ok(existsSync(path), `${path} is gone: take it out of EXCEPTIONS`);
});
