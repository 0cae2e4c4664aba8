// A test-runner command that answers the browser's next file chooser with given files, so a
// test can open the chooser the way a person does (a key press on a file input) and still
// pick files without a dialog.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** How long the command waits for the chooser before giving up. */
const CHOOSER_WAIT_MS = 10_000;

/**
 * `executeServerCommand('answer-file-chooser', { files: [{ name, base64 }] })`: answers `true` at
 * once; the next file chooser the page opens is given those files.
 */
export function fileChooserPlugin() {
  return {
    name: 'file-chooser',
    async executeCommand({ command, payload, session }) {
      if (command !== 'answer-file-chooser') return undefined;
      if (session.browser.type !== 'puppeteer')
        throw new Error('answer-file-chooser needs a Chromium launched by puppeteer');
      const page = session.browser.getPage(session.id);
      const folder = await mkdtemp(join(tmpdir(), 'proforma-chooser-'));
      const paths = [];
      for (const file of payload?.files ?? []) {
        const path = join(folder, basename(String(file.name)));
        await writeFile(path, Buffer.from(String(file.base64), 'base64'));
        paths.push(path);
      }
      page
        .waitForFileChooser({ timeout: CHOOSER_WAIT_MS })
        .then((chooser) => chooser.accept(paths))
        .catch(() => undefined)
        // The browser has read the files by the time the test goes on; the folder is then removed.
        .finally(() => setTimeout(() => void rm(folder, { recursive: true, force: true }), 30_000).unref());
      return true;
    },
  };
}
