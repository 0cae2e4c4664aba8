// The built files (dist/) as a school's page embeds them, served with a strict Content-Security-Policy
// header: an assessment answered, signed and saved as a PDF through the page, with no CSP violation (in
// the page or the PDF worker) and no request to another origin; then the bundles loaded twice, and two
// copies side by side under their own tag suffixes. Pages in test/embed/; Chromium driven by puppeteer.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { answerEverything, installHelpers } from '../../bench/in-page.mjs';
import { missingBuiltFiles } from '../../scripts/build-if-missing.mjs';
import { chromiumArguments, findChromium } from '../../scripts/find-browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

/** What a careful school or VLE sends: nothing inline, nothing evaluated, nothing from elsewhere. */
const STRICT_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');
const REPORTS_PATH = '/csp-reports';
/** Signing the whole social-tool form loads and runs the PDF code: a few seconds on a busy machine. */
const FLOW_TIMEOUT = 120_000;
const SIGNER = { name: 'Łukasz Nowak', role: 'Class teacher', school: 'Ysgol Gwyn' };

const missing = missingBuiltFiles();
if (missing.length > 0) throw new Error(`${missing.join(', ')} missing: run \`npm run build\` first.`);

/** Violations the browser reported to the server (`report-uri`): the PDF worker's as well as the page's. */
const reported = [];
let server;
let browser;
const downloadFolder = mkdtempSync(join(tmpdir(), 'proforma-embed-downloads-'));

before(async () => {
  server = await startServer({
    host: '127.0.0.1',
    folders: ['dist', 'forms', 'test/embed'],
    headers: { 'content-security-policy': `${STRICT_POLICY}; report-uri ${REPORTS_PATH}` },
    pages: {
      [REPORTS_PATH]: (request, response) => {
        let body = '';
        request.on('data', (part) => (body += part));
        request.on('end', () => {
          reported.push(JSON.parse(body)['csp-report'] ?? body);
          response.writeHead(204).end();
        });
      },
    },
  });
  browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: chromiumArguments() });
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(downloadFolder, { recursive: true, force: true });
});

/**
 * Opens `path` in a fresh page and records, from the start: every request, uncaught errors, console
 * errors, and the files the page saves (`saved(name)` gives a file's bytes once it is written).
 */
async function openPage(path) {
  const page = await browser.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  // Each download is written under its id, so two files of the same name stay apart.
  const session = await page.createCDPSession();
  await session.send('Browser.setDownloadBehavior', {
    behavior: 'allowAndName',
    downloadPath: downloadFolder,
    eventsEnabled: true,
  });
  const names = new Map();
  /** Files written and not yet taken by `saved`, and those `saved` waits for, by name. */
  const written = [];
  const waiting = [];
  session.on('Browser.downloadWillBegin', (event) => names.set(event.guid, event.suggestedFilename));
  session.on('Browser.downloadProgress', (event) => {
    if (event.state !== 'completed') return;
    const file = { name: names.get(event.guid), bytes: readFileSync(join(downloadFolder, event.guid)) };
    const waiter = waiting.findIndex((entry) => entry.name === file.name);
    if (waiter === -1) written.push(file);
    else waiting.splice(waiter, 1)[0].resolve(file.bytes);
  });
  /** The next file saved under `name` that no call has taken yet. */
  const saved = (name) => {
    const index = written.findIndex((file) => file.name === name);
    if (index !== -1) return Promise.resolve(written.splice(index, 1)[0].bytes);
    return new Promise((resolve) => waiting.push({ name, resolve }));
  };
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  await page.evaluate(installHelpers);
  return { page, requests, errors, saved };
}

/** Requests to anything but this server's files (data: and the page's own blob: URLs never leave it). */
const offOrigin = (requests) =>
  requests.filter(
    (url) => !url.startsWith(`${server.url}/`) && !url.startsWith('data:') && !url.startsWith(`blob:${server.url}/`),
  );

const pathsOf = (requests) => requests.filter((url) => url.startsWith(server.url)).map((url) => new URL(url).pathname);

/** Every CSP violation so far: those the page's listener heard and those reported to the server. */
async function violations(page) {
  // Reports travel as requests of their own: let them arrive first.
  await page.waitForNetworkIdle({ idleTime: 300 });
  const heard = await page.evaluate(() => window.cspViolations);
  return [...heard, ...reported.splice(0)];
}

/** The social-tool form in `host` (a tag) answered through its controls, as the benchmark does; its score. */
async function answerTheForm(page, host) {
  await page.waitForFunction((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('.question'), {}, host);
  return page.evaluate(answerEverything, { host });
}

/**
 * Opens "Sign and save as PDF" in `host`, types in the signer and a typed signature, and presses
 * "Sign and save PDF"; resolves with the file name once the page says the PDF is saved.
 */
async function signAndSave(page, host) {
  const scope = `${host} >>>`;
  await page.locator(`${scope} ::-p-aria(Sign and save as PDF[role="button"])`).click();
  for (const [label, text] of [
    ['Your full name', SIGNER.name],
    ['Your role', SIGNER.role],
    ['School', SIGNER.school],
    ['Or type your name to sign', SIGNER.name],
  ]) {
    await page.locator(`${scope} ::-p-aria(${label}[role="textbox"])`).fill(text);
  }
  await page.locator(`${scope} ::-p-aria(Sign and save PDF[role="button"])`).click();
  const saved = await page.waitForFunction(
    (tag) => {
      const panel = document.querySelector(tag)?.shadowRoot?.querySelector('#export');
      const text = panel?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
      const failed = panel?.shadowRoot?.querySelector('.failed');
      if (failed) return { failed: failed.textContent.replace(/\s+/g, ' ').trim() };
      return text.match(/Signed and saved as (\S+\.pdf)\./)?.slice(1, 2) ?? false;
    },
    { timeout: FLOW_TIMEOUT, polling: 100 },
    host,
  );
  const value = await saved.jsonValue();
  assert.ok(!value.failed, `the export failed: ${value.failed}`);
  return value[0];
}

/** Answers, signs and saves under `path`; checks the outcome, the PDF, the CSP, the origins and Lit. */
async function completeTheFlow(path) {
  const opened = await openPage(path);
  const { page, requests, errors, saved } = opened;
  const answered = await answerTheForm(page, 'proforma-assessment');
  assert.equal(
    answered.outcome,
    'approved',
    `the answers gave ${answered.outcome}: ${JSON.stringify(answered.reasons)}`,
  );
  const fileName = await signAndSave(page, 'proforma-assessment');

  const today = new Date().toISOString().slice(0, 10);
  assert.match(fileName, new RegExp(`-risk-assessment-${today}\\.pdf$`));
  const pdf = await saved(fileName);
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'the saved file is a PDF');
  assert.match(pdf.toString('latin1'), /\/ByteRange/, 'the PDF is signed');
  assert.deepEqual(await violations(page), [], 'no CSP violation');
  assert.deepEqual(offOrigin(requests), [], 'nothing from another origin');
  assert.deepEqual(errors, [], 'no errors');
  assert.ok(pathsOf(requests).includes('/dist/chunks/export-worker.js'), 'the PDF was made in the worker');
  const lit = await page.evaluate(() => ({
    html: window.litHtmlVersions?.length,
    element: window.litElementVersions?.length,
  }));
  assert.deepEqual(lit, { html: 1, element: 1 }, 'one copy of Lit on the page, after loading the PDF code');
  return opened;
}

test(
  'the module bundle under a strict CSP: a form answered, signed and saved as a PDF',
  { timeout: FLOW_TIMEOUT },
  async () => {
    const { page, requests } = await completeTheFlow('/test/embed/module.html');
    assert.ok(!pathsOf(requests).includes('/dist/proforma.classic.js'));
    await page.close();
  },
);

test(
  'the classic script under a strict CSP: the same, the PDF code loaded on demand from its own chunks',
  { timeout: FLOW_TIMEOUT },
  async () => {
    const { page, requests } = await completeTheFlow('/test/embed/classic.html');
    const paths = pathsOf(requests);
    const scripts = paths.filter((path) => path.endsWith('.js'));
    assert.ok(!scripts.includes('/dist/proforma.bundle.js'), 'the module bundle is not loaded');
    assert.ok(
      scripts.every(
        (path) =>
          path === '/dist/proforma.classic.js' ||
          /^\/dist\/chunks\/(classic-|export-worker)/.test(path) ||
          path.startsWith('/test/embed/'),
      ),
      `only the classic script, its own chunks and the worker: ${scripts.join(', ')}`,
    );
    assert.ok(
      scripts.some((path) => path.startsWith('/dist/chunks/classic-pdf-export-')),
      'the PDF code loaded on demand',
    );
    await page.close();
  },
);

test(
  'the module bundle and the classic script, each loaded twice on one page: no error, every element works',
  { timeout: FLOW_TIMEOUT },
  async () => {
    const { page, errors } = await openPage('/test/embed/twice.html');
    for (const tag of ['proforma-drafts', 'proforma-verify', 'proforma-register']) {
      await page.waitForFunction((name) => document.querySelector(name)?.shadowRoot?.textContent?.trim(), {}, tag);
    }
    assert.equal((await answerTheForm(page, 'proforma-assessment')).outcome, 'approved');
    await page.locator('proforma-assessment >>> ::-p-aria(Sign and save as PDF[role="button"])').click();
    await page.waitForFunction(() =>
      document
        .querySelector('proforma-assessment')
        .shadowRoot.querySelector('#export')
        ?.shadowRoot?.querySelector('#signature'),
    );
    assert.deepEqual(await violations(page), [], 'no CSP violation');
    assert.deepEqual(errors, [], 'no errors');
    await page.close();
  },
);

test(
  'two copies side by side, each under its own suffix, each signing with its own inner elements',
  { timeout: FLOW_TIMEOUT },
  async () => {
    const { page, errors, saved } = await openPage('/test/embed/suffixes.html');
    for (const suffix of ['classic', 'module']) {
      const host = `proforma-assessment-${suffix}`;
      assert.equal((await answerTheForm(page, host)).outcome, 'approved', `${host} is approved`);
      const fileName = await signAndSave(page, host);
      const pdf = await saved(fileName);
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', `${host} saved a PDF`);
      const inner = await page.evaluate((tag) => {
        const panel = document.querySelector(tag).shadowRoot.querySelector('#export');
        return {
          panel: panel.localName,
          signature: panel.shadowRoot.querySelector('#signature').localName,
          registered: panel.constructor === customElements.get(panel.localName),
        };
      }, host);
      assert.deepEqual(inner, {
        panel: `proforma-export-${suffix}`,
        signature: `proforma-signature-${suffix}`,
        registered: true,
      });
    }
    const twoCopies = await page.evaluate(
      () =>
        Object.getPrototypeOf(customElements.get('proforma-export-classic')) !==
        Object.getPrototypeOf(customElements.get('proforma-export-module')),
    );
    assert.ok(twoCopies, 'each suffix has a class from its own copy');
    assert.deepEqual(await violations(page), [], 'no CSP violation');
    assert.deepEqual(errors, [], 'no errors');
    await page.close();
  },
);
