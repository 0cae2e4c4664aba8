// embed.html's first render, for bench/run.mjs: the page opened at the top level (not framed), as
// a teacher's browser loads it, with the built-in social-tool form.

export const EMBED_PAGE_URL = '/dist/embed.html?form=social-tool-risk-assessment';

/**
 * Runs in the page before its own scripts: notes `performance.now()` (ms since navigation start)
 * when the first question is in <proforma-app>'s <proforma-assessment>, following each shadow root
 * with a MutationObserver.
 */
function noteFirstQuestion() {
  const when = (root, find, then) => {
    const found = find(root);
    if (found) return then(found);
    const observer = new MutationObserver(() => {
      const later = find(root);
      if (!later) return;
      observer.disconnect();
      then(later);
    });
    observer.observe(root, { childList: true, subtree: true });
  };
  when(
    document,
    (root) => root.querySelector('proforma-app')?.shadowRoot,
    (app) =>
      when(
        app,
        (root) => root.querySelector('proforma-assessment')?.shadowRoot,
        (assessment) =>
          when(
            assessment,
            (root) => root.querySelector('.question'),
            () => {
              window.firstQuestionAt = performance.now();
            },
          ),
      ),
  );
}

/**
 * ms from navigation start to the first question of embed.html, `runs` times, each on a fresh page.
 * `prepare(page)` is called on each page before it loads (the bench records its requests).
 */
export async function timeEmbedFirstRender(browser, baseUrl, { runs, prepare }) {
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    const page = await browser.newPage();
    try {
      prepare(page);
      await page.setViewport({ width: 1280, height: 900 });
      await page.evaluateOnNewDocument(noteFirstQuestion);
      await page.goto(`${baseUrl}${EMBED_PAGE_URL}`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.firstQuestionAt !== undefined, { timeout: 15000 });
      times.push(await page.evaluate(() => window.firstQuestionAt));
    } finally {
      await page.close();
    }
  }
  return times;
}
