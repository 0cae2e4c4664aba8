// A test-runner command that presses a key on the focused control and answers the file chooser
// it opens with given files, so that a test opens the chooser the way a person does (a key press
// on a file input) and still picks files without a dialog.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** How long the command waits for the chooser after the key press before saying none opened. */
const CHOOSER_WAIT_MS = 10_000;

/** How long the chosen files are kept on disk: the page reads them when it is given them, or soon after. */
const KEEP_FILES_MS = 60_000;

/** The next `Page.fileChooserOpened` of a DevTools session, or a failure after `CHOOSER_WAIT_MS`. */
function nextChooser(client, key) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('Page.fileChooserOpened', opened);
      reject(new Error(`${key} opened no file chooser: the focused control is not an enabled file input`));
    }, CHOOSER_WAIT_MS);
    function opened(event) {
      clearTimeout(timer);
      resolve(event);
    }
    client.once('Page.fileChooserOpened', opened);
  });
}

/**
 * `executeServerCommand('choose-files', { press: 'Enter', files: [{ name, base64 }] })` presses the
 * key, waits for the file chooser that press opens, gives it the files, and answers `true` once the
 * page has them. The browser has confirmed that it intercepts choosers before the key goes down,
 * and a press that opens no chooser fails the command with a reason instead of leaving the test
 * waiting.
 */
export function fileChooserPlugin() {
  return {
    name: 'file-chooser',
    async executeCommand({ command, payload, session }) {
      if (command !== 'choose-files') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('choose-files needs a Chromium launched by puppeteer');
      const page = session.browser.getPage(session.id);
      const folder = await mkdtemp(join(tmpdir(), 'proforma-chooser-'));
      const client = await page.createCDPSession();
      try {
        const paths = [];
        for (const file of payload?.files ?? []) {
          const path = join(folder, basename(String(file.name)));
          await writeFile(path, Buffer.from(String(file.base64), 'base64'));
          paths.push(path);
        }
        const key = String(payload?.press ?? 'Enter');
        await client.send('Page.enable');
        await client.send('Page.setInterceptFileChooserDialog', { enabled: true });
        const opened = nextChooser(client, key);
        await page.keyboard.press(key);
        const { backendNodeId } = await opened;
        await client.send('DOM.setFileInputFiles', { files: paths, backendNodeId });
        return true;
      } finally {
        await client.detach().catch(() => undefined);
        setTimeout(() => void rm(folder, { recursive: true, force: true }), KEEP_FILES_MS).unref();
      }
    },
  };
}
