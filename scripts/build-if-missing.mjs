// Before `npm test`: builds dist/ when a file the tests read from the build is missing (a fresh
// clone, say). A build that is there is used as it is: after changing the sources, `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the tests of the built files read: the bundles, the PDF worker and fonts, the manifest. */
export const BUILT_FILES_THE_TESTS_READ = [
  'dist/proforma.bundle.js',
  'dist/proforma.classic.js',
  'dist/chunks/export-worker.js',
  'dist/fonts/noto-sans-regular.ttf',
  'dist/fonts/noto-sans-bold.ttf',
  'dist/custom-elements.json',
];

/** The files of BUILT_FILES_THE_TESTS_READ that are not there. */
export const missingBuiltFiles = () => BUILT_FILES_THE_TESTS_READ.filter((file) => !existsSync(file));

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = missingBuiltFiles();
  if (missing.length > 0) {
    console.log(`No ${missing.join(', ')}: building dist/ first.`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const { status } = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
    process.exit(status ?? 1);
  }
}
