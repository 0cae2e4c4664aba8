// dist/embed.html as an intranet or VLE page shows it: in an iframe from another origin, sized by
// dist/embed-host.js. The host page is http://localhost:<port>, the frame http://127.0.0.1:<port>:
// one server, two origins. Needs the build (`npm run build`) and Chromium.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { chromiumArguments, findChromium } from '../../scripts/find-browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

const BUILT = ['dist/embed.html', 'dist/embed.js', 'dist/embed.css', 'dist/embed-host.js'];
/** The iframe's height before embed-host.js sizes it. */
const FIRST_HEIGHT = 150;
const WAIT = { timeout: 20000 };

/** In-memory pages of the host site; filled in once the server's port is known. */
const pages = {};
let server;
let browser;
let userDataDir;
let hostOrigin;
let embedOrigin;

const html = (body) => ({ body, type: 'text/html; charset=utf-8' });
const hostPage = (body) =>
  html(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>A school's intranet page</title>
  </head>
  <body>
    <h1>Online tools</h1>
    ${body}
  </body>
</html>
`);

/** embed.html's address with these query parameters. */
const embedUrl = (query) => `${embedOrigin}/dist/embed.html?${new URLSearchParams(query)}`;

before(async () => {
  const missing = BUILT.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`${missing.join(', ')} not built: run \`npm run build\` first, then run the tests again.`);
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: install one or set CHROME_PATH.');
  // Bound to 127.0.0.1 alone; Chromium reaches it as localhost too, a different origin.
  server = await startServer({ host: '127.0.0.1', folders: ['dist'], pages });
  hostOrigin = `http://localhost:${server.port}`;
  embedOrigin = `http://127.0.0.1:${server.port}`;
  pages['/host/static.html'] =
    hostPage(`<iframe data-proforma-embed title="Risk assessment" width="900" height="${FIRST_HEIGHT}"
      src="${embedUrl({ form: 'social-tool-risk-assessment', namespace: 'embed-test', school: 'Ysgol Gwyn' })}"></iframe>
    <script src="/dist/embed-host.js"></script>`);
  // Frames are added by the test, after embed-host.js has run.
  pages['/host/empty.html'] = hostPage('<script src="/dist/embed-host.js"></script>');
  // embed-host.js is added by the test, after the frames.
  pages['/host/bare.html'] = hostPage('');
  // Posts a height to its parent as embed.html would, for every origin to hear.
  pages['/host/poster.html'] = html(
    '<!doctype html><html lang="en"><head><title>Poster</title><script src="/host/poster.js"></script></head></html>',
  );
  pages['/host/poster.js'] = {
    body: `parent.postMessage({ type: 'proforma-embed-height', height: Number(new URLSearchParams(location.search).get('height')) }, '*');`,
    type: 'text/javascript; charset=utf-8',
  };
  userDataDir = await mkdtemp(join(tmpdir(), 'proforma-embed-frame-'));
  browser = await puppeteer.launch({ executablePath, headless: true, userDataDir, args: chromiumArguments() });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

/**
 * Runs in every document of the page, frames included: records what the page's CSP refuses, and
 * gives the test `window.appRoot()`, <proforma-app>'s shadow root.
 */
function inEveryDocument() {
  window.policyViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.policyViolations.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'}`);
  });
  window.appRoot = () => document.querySelector('proforma-app')?.shadowRoot;
}

/**
 * A host page in a fresh tab, with every request it or its frames make and every console error
 * recorded, and a record of the messages of embed.html's kind that the host page hears.
 */
async function openHost(path) {
  const page = await browser.newPage();
  const requests = [];
  const consoleErrors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.evaluateOnNewDocument(inEveryDocument);
  await page.goto(`${hostOrigin}${path}`, { waitUntil: 'load' });
  await listenOnHost(page);
  return { page, requests, consoleErrors };
}

/** Records, after embed-host.js's listener, each height message the host page hears. */
const listenOnHost = (page) =>
  page.evaluate(() => {
    window.heard = [];
    addEventListener('message', (event) => {
      if (event.data?.type === 'proforma-embed-height' || event.data?.type === 'test-barrier') {
        window.heard.push({ origin: event.origin, type: event.data.type, height: event.data.height });
      }
    });
  });

/** Adds an iframe to the host page, tracked by embed-host.js or not; resolves with its id. */
const addFrame = (page, { src, tracked = true, id }) =>
  page.evaluate(
    ({ src, tracked, id, height }) => {
      const frame = document.createElement('iframe');
      frame.id = id;
      frame.title = id;
      frame.width = '900';
      frame.height = String(height);
      if (tracked) frame.dataset.proformaEmbed = '';
      frame.src = src;
      document.body.append(frame);
    },
    { src, tracked, id, height: FIRST_HEIGHT },
  );

/** The frame of the page whose address starts with `url`. */
const frameAt = (page, url) => page.waitForFrame((frame) => frame.url().startsWith(url), WAIT);

/** The height of the iframe's content box on the host page, in CSS pixels: what embed.html has to show itself. */
const iframeHeight = (page, selector = 'iframe') => page.$eval(selector, (frame) => frame.clientHeight);

/** embed.html's own height, which it reports. */
const documentHeight = (frame) =>
  frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

/** Waits until the iframe is exactly as tall as embed.html inside it, and returns that height. */
async function frameFitsContent(page, frame, selector = 'iframe') {
  let last;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const [outer, inner] = [await iframeHeight(page, selector), await documentHeight(frame)];
    if (outer === inner && outer !== FIRST_HEIGHT) return outer;
    last = `the iframe is ${outer}px, embed.html ${inner}px`;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The iframe never took embed.html's height: ${last}`);
}

/** Waits until the host page has heard every message `frame` posted before now. */
async function hostHeardEverything(page, frame) {
  // Messages from one window to another arrive in order: once the barrier is heard, so is all before it.
  await frame.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            parent.postMessage({ type: 'test-barrier' }, '*');
            resolve();
          }),
        ),
      ),
  );
  await page.waitForFunction(() => window.heard.some((message) => message.type === 'test-barrier'), WAIT);
}

/** Presses Enter on `element` in the frame, as a keyboard user does once they have tabbed to it. */
async function press(page, element) {
  await element.focus();
  await page.keyboard.press('Enter');
}

/** Opens the view of <proforma-app> named `label` from its navigation, in the frame. */
async function openView(page, frame, label) {
  const button = await frame.waitForFunction(
    (label) =>
      [...(window.appRoot()?.querySelectorAll('nav button') ?? [])].find((each) => each.textContent.trim() === label),
    WAIT,
    label,
  );
  await press(page, button);
}

/** Every request not to the test server's two origins (data: and the page's own blob: URLs stay on the machine). */
const offSite = (requests) =>
  requests.filter(
    (url) =>
      !url.startsWith(`${hostOrigin}/`) &&
      !url.startsWith(`${embedOrigin}/`) &&
      !url.startsWith('data:') &&
      !url.startsWith(`blob:${embedOrigin}/`),
  );

test('a teacher answers in the framed embed.html, and the draft is there after the page is loaded again', async () => {
  const { page, requests, consoleErrors } = await openHost('/host/static.html');
  try {
    let frame = await frameAt(page, `${embedOrigin}/dist/embed.html`);
    const input = await frame.waitForFunction(
      () =>
        document
          .querySelector('proforma-app')
          ?.shadowRoot?.querySelector('proforma-assessment')
          ?.shadowRoot?.querySelector('#q-tool-name-input'),
      WAIT,
    );
    const formHeight = await frameFitsContent(page, frame);
    assert.ok(formHeight > 1000, `the iframe grew to the form's ${formHeight}px`);
    assert.equal(
      await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight),
      true,
      'the form fits in its frame, with nothing to scroll inside it',
    );
    const school = await frame.evaluate(() => window.appRoot().querySelector('.school')?.textContent.trim());
    assert.equal(school, 'Ysgol Gwyn', 'the school named in the address');

    await input.focus();
    await page.keyboard.type('Padlet');
    await frame.waitForFunction(
      () =>
        /^Saved/.test(
          window
            .appRoot()
            .querySelector('proforma-assessment')
            .shadowRoot.querySelector('.save-status')
            ?.textContent.trim(),
        ),
      WAIT,
    );

    await page.reload({ waitUntil: 'load' });
    await listenOnHost(page);
    frame = await frameAt(page, `${embedOrigin}/dist/embed.html`);
    await frameFitsContent(page, frame);
    await openView(page, frame, 'My drafts');
    const openButton = await frame.waitForFunction(
      () =>
        [
          ...(window
            .appRoot()
            .querySelector('proforma-drafts')
            ?.shadowRoot?.querySelectorAll('.draft button.primary') ?? []),
        ].find((button) => button.textContent.trim() === 'Open Padlet'),
      WAIT,
    );
    const draftsHeight = await frameFitsContent(page, frame);
    assert.ok(draftsHeight < formHeight, `the iframe shrank to the drafts' ${draftsHeight}px from ${formHeight}px`);

    await press(page, openButton);
    await frame.waitForFunction(
      () =>
        window.appRoot().querySelector('proforma-assessment')?.shadowRoot?.querySelector('#q-tool-name-input')
          ?.value === 'Padlet',
      WAIT,
    );
    const reopenedHeight = await frameFitsContent(page, frame);
    assert.ok(reopenedHeight > draftsHeight, `the iframe grew again to ${reopenedHeight}px for the form`);

    assert.deepEqual(offSite(requests), [], 'nothing is requested from another site');
    assert.ok(
      requests.includes(`${embedOrigin}/dist/forms/social-tool-risk-assessment.json`),
      "the frame's own requests are among those recorded",
    );
    assert.deepEqual(
      await frame.evaluate(() => window.policyViolations),
      [],
      'no securitypolicyviolation in embed.html',
    );
    assert.deepEqual(
      consoleErrors.filter((text) => /Content Security Policy/i.test(text)),
      [],
    );
  } finally {
    await page.close();
  }
});

test('embed.html enforces its Content-Security-Policy', async () => {
  const { page } = await openHost('/host/empty.html');
  try {
    await addFrame(page, { src: embedUrl({ namespace: 'embed-policy' }), id: 'embed' });
    const frame = await frameAt(page, `${embedOrigin}/dist/embed.html`);
    await frame.waitForFunction(() => document.querySelector('proforma-app'), WAIT);
    await frame.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color: red">inline</p>'));
    await frame.waitForFunction(() => window.policyViolations.length > 0, WAIT);
    assert.deepEqual(await frame.evaluate(() => window.policyViolations), ['style-src-attr refused inline']);
  } finally {
    await page.close();
  }
});

test('a frame added to the page later is sized, and a frame follows only its own messages from its own origin', async () => {
  const { page, requests } = await openHost('/host/empty.html');
  try {
    await addFrame(page, {
      src: embedUrl({ namespace: 'embed-later', parent: hostOrigin, view: 'verify' }),
      id: 'embed',
    });
    const frame = await frameAt(page, `${embedOrigin}/dist/embed.html`);
    await frame.waitForFunction(() => window.appRoot()?.querySelector('proforma-verify'), WAIT);
    const height = await frameFitsContent(page, frame, '#embed');

    // The host page itself posting, as a script on it could: not one of the frames.
    await page.evaluate(() => postMessage({ type: 'proforma-embed-height', height: 77 }, '*'));
    // A frame that embed-host.js was not asked to size, from embed.html's origin.
    await addFrame(page, { src: `${embedOrigin}/host/poster.html?height=78`, tracked: false, id: 'untracked' });
    // A frame it sizes, posting from the origin of its src: taken, as embed.html's would be.
    await addFrame(page, { src: `${embedOrigin}/host/poster.html?height=79`, id: 'tracked' });
    // A frame it sizes, asking for more than any page needs.
    await addFrame(page, { src: `${embedOrigin}/host/poster.html?height=1000000000`, id: 'huge' });
    await page.waitForFunction(
      () => [77, 78, 79, 1e9].every((height) => window.heard.some((message) => message.height === height)),
      WAIT,
    );
    // The same frame taken to the host's origin: its src still names embed.html's.
    await page.evaluate((url) => {
      document.querySelector('#tracked').contentWindow.location.href = url;
    }, `${hostOrigin}/host/poster.html?height=80`);
    await page.waitForFunction(() => window.heard.some((message) => message.height === 80), WAIT);

    assert.deepEqual(
      await page.evaluate(() =>
        window.heard.filter((m) => m.height > 0 && m.height < 100).sort((a, b) => a.height - b.height),
      ),
      [
        { origin: hostOrigin, type: 'proforma-embed-height', height: 77 },
        { origin: embedOrigin, type: 'proforma-embed-height', height: 78 },
        { origin: embedOrigin, type: 'proforma-embed-height', height: 79 },
        { origin: hostOrigin, type: 'proforma-embed-height', height: 80 },
      ],
      'every message reached the host page',
    );
    assert.equal(await iframeHeight(page, '#embed'), height, 'the embed kept its own height');
    assert.equal(await iframeHeight(page, '#untracked'), FIRST_HEIGHT, 'an untracked frame is never sized');
    assert.equal(
      await iframeHeight(page, '#tracked'),
      79,
      "a message from another origin than the frame's src is ignored",
    );
    assert.deepEqual(offSite(requests), []);
  } finally {
    await page.close();
  }
});

test('embed-host.js sizes a frame that loaded before it', async () => {
  const { page } = await openHost('/host/bare.html');
  try {
    await addFrame(page, { src: embedUrl({ namespace: 'embed-early', view: 'drafts' }), id: 'embed' });
    const frame = await frameAt(page, `${embedOrigin}/dist/embed.html`);
    await frame.waitForFunction(() => window.appRoot()?.querySelector('proforma-drafts'), WAIT);
    await hostHeardEverything(page, frame);
    assert.equal(await iframeHeight(page, '#embed'), FIRST_HEIGHT, 'no one has sized the frame yet');

    await page.addScriptTag({ url: '/dist/embed-host.js' });

    await frameFitsContent(page, frame, '#embed');
  } finally {
    await page.close();
  }
});

test('embed.html posts its height only to the parent its address names', async () => {
  const { page } = await openHost('/host/empty.html');
  try {
    await addFrame(page, {
      src: embedUrl({ namespace: 'embed-parent', parent: 'https://vle.example.sch.uk' }),
      id: 'embed',
    });
    const frame = await frameAt(page, `${embedOrigin}/dist/embed.html`);
    await frame.waitForFunction(
      () => window.appRoot()?.querySelector('proforma-assessment')?.shadowRoot?.querySelector('.question'),
      WAIT,
    );
    await hostHeardEverything(page, frame);

    assert.deepEqual(await page.evaluate(() => window.heard.filter((m) => m.type !== 'test-barrier')), []);
    assert.equal(await iframeHeight(page, '#embed'), FIRST_HEIGHT);
  } finally {
    await page.close();
  }
});

test('mistakes in the address are listed on the page, and nothing is fetched from another site', async () => {
  const { page, requests } = await openHost('/host/empty.html');
  try {
    await addFrame(page, {
      src: embedUrl({
        form: 'https://forms.example.com/tool.json',
        mode: 'teacher',
        colour: 'red',
        lang: 'not a language',
      }),
      id: 'embed',
    });
    const frame = await frameAt(page, `${embedOrigin}/dist/embed.html`);
    const notice = await frame.waitForFunction(() => document.querySelector('.embed-problems'), WAIT);
    const { heading, problems } = await notice.evaluate((element) => ({
      heading: element.querySelector('h1').textContent,
      problems: [...element.querySelectorAll('li')].map((item) => item.textContent),
    }));
    await frameFitsContent(page, frame, '#embed');

    assert.equal(heading, 'This risk assessment cannot be shown');
    assert.deepEqual(problems, [
      'There is no setting “colour”. The settings are form, mode, view, school, logo, register, namespace, lang, parent.',
      `The form https://forms.example.com/tool.json is on another site. This page loads nothing from another site: put the file on ${embedOrigin}, beside embed.html.`,
      '“not a language” is not a language tag: use one such as en-GB or cy.',
    ]);
    assert.equal(await frame.evaluate(() => document.querySelector('proforma-app')), null, 'no half-working app');
    assert.deepEqual(offSite(requests), []);
  } finally {
    await page.close();
  }
});
