// Functions the benchmark runs inside the page with page.evaluate. Puppeteer sends each one's
// source text to the page, so none can use anything from this module: they share only what
// installHelpers puts on globalThis.bench.

/**
 * Puts the helpers the other functions use on `globalThis.bench`; run it once per page load.
 * `waitUntil` resolves with performance.now() at the first moment `isDone()` is true, checking
 * at once and after every DOM change under `root` (`what` names the wait if it times out).
 * `settle` waits for a frame and a moment of quiet, so that loading work does not land in a timing.
 */
export function installHelpers() {
  const waitUntil = (root, isDone, timeoutMs = 10000, what = 'every question to be in the DOM') =>
    new Promise((resolve, reject) => {
      if (isDone()) {
        resolve(performance.now());
        return;
      }
      const observer = new MutationObserver(() => {
        if (!isDone()) return;
        const at = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        resolve(at);
      });
      observer.observe(root, { childList: true, subtree: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
    });
  const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
  globalThis.bench = { waitUntil, settle };
}

/**
 * First render of proforma: a fresh <proforma-assessment>, `.form` set to the already-parsed
 * definition, appended; ends when its shadow root holds one `.question` per visible question
 * (checked after `updateComplete`). Includes schema validation, scoring and render.
 * `layoutMs` also includes the style and layout the browser then does for it.
 */
export async function renderProforma({ formUrl, expectedQuestions }) {
  const form = await (await fetch(formUrl)).json();
  await globalThis.bench.settle();
  const host = document.getElementById('host');
  const element = document.createElement('proforma-assessment');
  const start = performance.now();
  element.form = form;
  host.append(element);
  await element.updateComplete;
  const count = () => element.shadowRoot.querySelectorAll('.question').length;
  const domAt = await globalThis.bench.waitUntil(element.shadowRoot, () => count() === expectedQuestions);
  // Reading a size makes the browser compute style and layout now.
  void document.documentElement.offsetHeight;
  const layoutAt = performance.now();
  return { domMs: domAt - start, layoutMs: layoutAt - start, questions: count() };
}

/**
 * First render of SurveyJS: `new Survey.Model(json)` and `survey.render(div)`; ends when every
 * visible question has its element (`[data-name]`) in the div.
 */
export async function renderSurveyJs({ formUrl }) {
  const json = await (await fetch(formUrl)).json();
  await globalThis.bench.settle();
  const host = document.getElementById('host');
  const start = performance.now();
  const survey = new globalThis.Survey.Model(json);
  survey.render(host);
  const names = survey.getAllQuestions(true).map((question) => question.name);
  const rendered = () => names.filter((name) => host.querySelector(`[data-name="${CSS.escape(name)}"]`)).length;
  const domAt = await globalThis.bench.waitUntil(host, () => rendered() === names.length);
  void document.documentElement.offsetHeight;
  const layoutAt = performance.now();
  return { domMs: domAt - start, layoutMs: layoutAt - start, questions: rendered() };
}

/**
 * A full answer pass through the UI: every visible control of every question is clicked or
 * filled and its input/change event dispatched, waiting for the element to re-render after
 * each one, as a person's answers would. Questions that appear on the way are answered too.
 * Everything is answered "met" or with a valid value, so the outcome should be "approved".
 * `host` selects the element (the page's first <proforma-assessment> unless given).
 */
export async function answerEverything({ host = 'proforma-assessment' } = {}) {
  const element = document.querySelector(host);
  const root = element.shadowRoot;
  let events = 0;
  const changed = async () => {
    events += 1;
    await element.updateComplete;
  };
  const click = async (control) => {
    control.click();
    await changed();
  };
  const fill = async (control, value, type = 'input') => {
    control.value = value;
    control.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    await changed();
  };
  const numberIn = (input) => {
    const min = input.min === '' ? -Infinity : Number(input.min);
    const max = input.max === '' ? Infinity : Number(input.max);
    return String(Math.min(max, Math.max(min, 13)));
  };
  const answer = {
    item: (question) => click(question.querySelector('input[type=radio][value=met]')),
    yesno: (question) => click(question.querySelector('input[type=radio][value=yes]')),
    choice: (question) => click(question.querySelector('input[type=radio]')),
    multichoice: (question) => click(question.querySelector('input[type=checkbox]')),
    text: (question) => fill(question.querySelector('input'), 'Example'),
    longtext: (question) => fill(question.querySelector('textarea'), 'Pupils write for a real audience.'),
    url: (question) => fill(question.querySelector('input'), 'https://example.org/'),
    date: (question) => fill(question.querySelector('input'), '2025-09-01'),
    number: (question) => {
      const input = question.querySelector('input');
      return fill(input, numberIn(input));
    },
    people: async (question) => {
      const rows = question.querySelectorAll('ol.people > li');
      for (const [index, row] of [...rows].entries()) {
        const [name, role] = row.querySelectorAll('input');
        await fill(name, `Person ${index + 1}`);
        await fill(role, 'Teacher');
      }
    },
    hazard: async (question) => {
      const selects = [...question.querySelectorAll('select')];
      for (const select of selects.slice(0, 2)) await fill(select, '2', 'change');
      await fill(question.querySelector('textarea'), 'Comments moderated before they appear.');
      for (const select of selects.slice(2)) await fill(select, '1', 'change');
    },
    signoff: async (question) => {
      await fill(question.querySelector('input[type=text]'), 'A. Teacher');
      await fill(question.querySelector('input[type=date]'), '2025-09-01');
    },
  };

  await globalThis.bench.settle();
  const answered = new Set();
  const start = performance.now();
  for (;;) {
    const waiting = [...root.querySelectorAll('.question')].filter((question) => !answered.has(question.id));
    if (waiting.length === 0) break;
    for (const question of waiting) {
      answered.add(question.id);
      await answer[question.dataset.kind](question);
    }
  }
  const ms = performance.now() - start;
  const score = element.currentScore;
  return {
    ms,
    events,
    questions: answered.size,
    outcome: score?.outcome,
    reasons: score?.reasons,
    answers: element.answers,
  };
}

/**
 * scoreAssessment in the page: imports dist/model (`modelUrl`) as ES modules, parses the form
 * with parseFormDefinition, checks that `answers` score "approved", calls it `warmUp` times, then
 * times `batches` batches of `callsPerBatch` calls. Returns each batch's time divided by its
 * calls: the page's clock is coarsened (0.1 ms without cross-origin isolation), too coarse to
 * time a single call.
 */
export async function timeScoring({ modelUrl, formUrl, answers, warmUp, batches, callsPerBatch }) {
  const { parseFormDefinition, scoreAssessment } = await import(modelUrl);
  const form = parseFormDefinition(await (await fetch(formUrl)).json());
  const first = scoreAssessment(form, answers);
  if (first.outcome !== 'approved') {
    throw new Error(
      `scoreAssessment in the page gave "${first.outcome}", not "approved": ${JSON.stringify(first.reasons)}`,
    );
  }
  // Every result is looked at, so that no call can be skipped as unused.
  let approved = 0;
  for (let i = 0; i < warmUp; i += 1) if (scoreAssessment(form, answers).outcome === 'approved') approved += 1;
  await globalThis.bench.settle();
  const perCallMs = [];
  for (let batch = 0; batch < batches; batch += 1) {
    const start = performance.now();
    for (let i = 0; i < callsPerBatch; i += 1) if (scoreAssessment(form, answers).outcome === 'approved') approved += 1;
    perCallMs.push((performance.now() - start) / callsPerBatch);
  }
  if (approved !== warmUp + batches * callsPerBatch) throw new Error('scoreAssessment did not always give "approved"');
  return { perCallMs, crossOriginIsolated: globalThis.crossOriginIsolated === true };
}

/**
 * Readies a page for timing autosave: a <proforma-assessment> for the form at `formUrl` under
 * `namespace`, appended and rendered. From then on `globalThis.bench.autosave` records the time of
 * every `input` event (listened for on the document, capturing), every `complete` event of a
 * read-write transaction on `databaseName` (the moment IndexedDB has committed a write; heard by
 * wrapping IDBDatabase.prototype.transaction, the page's code unchanged), and every message on
 * the BroadcastChannel `channelName`, on which the element announces each save once it is written.
 */
export async function prepareAutosave({ formUrl, namespace, expectedQuestions, databaseName, channelName }) {
  const element = document.createElement('proforma-assessment');
  element.setAttribute('namespace', namespace);
  element.setAttribute('form-src', formUrl);
  document.getElementById('host').append(element);
  await globalThis.bench.waitUntil(
    element.shadowRoot,
    () => element.shadowRoot.querySelectorAll('.question').length === expectedQuestions,
  );

  const log = { inputs: [], commits: [], heard: [], wake: undefined };
  document.addEventListener('input', () => log.inputs.push(performance.now()), true);
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const opened = transaction.apply(this, args);
    if (this.name === databaseName && opened.mode === 'readwrite') {
      opened.addEventListener('complete', () => log.commits.push(performance.now()));
    }
    return opened;
  };
  const channel = new BroadcastChannel(channelName);
  channel.addEventListener('message', (event) => {
    log.heard.push({ at: performance.now(), id: event.data?.id, revision: event.data?.revision });
    log.wake?.();
  });
  globalThis.bench.autosave = log;
  await globalThis.bench.settle();
}

/** Forgets what `prepareAutosave`'s log holds, before the next burst of typing. */
export function startAutosaveBurst() {
  const log = globalThis.bench.autosave;
  log.inputs = [];
  log.commits = [];
  log.heard = [];
}

/**
 * Waits for the save announced after the last burst of typing, then a moment more (so that a
 * second save would be seen), and returns what `prepareAutosave`'s log holds.
 */
export async function autosaveWritten({ timeoutMs }) {
  const log = globalThis.bench.autosave;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no save announced within ${timeoutMs} ms of typing`)), timeoutMs);
    log.wake = () => {
      clearTimeout(timer);
      resolve();
    };
    if (log.heard.length > 0) log.wake();
  });
  log.wake = undefined;
  await globalThis.bench.settle();
  const element = document.querySelector('proforma-assessment');
  return {
    inputs: log.inputs,
    commits: log.commits,
    heard: log.heard,
    value: element.shadowRoot.querySelector('#q-tool-name-input')?.value,
    draftId: element.draftId,
  };
}

/**
 * Puts `count` drafts into a namespace the way a school would: a backup file restored through
 * <proforma-drafts namespace="…">. Each is of the form `form` (its id and version), titled
 * `formTitle`, with `answers` and the tool's name `Tool <n>`, revision 1, dated an hour apart,
 * the outcomes taken in turn from `outcomes`. Resolves with how many drafts the list then holds.
 */
export async function seedDrafts({ namespace, count, form, formTitle, answers, outcomes }) {
  const firstDay = Date.UTC(2026, 0, 5, 9);
  const drafts = Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const name = `Tool ${n}`;
    const created = firstDay + n * 3_600_000;
    return {
      assessment: {
        id: crypto.randomUUID(),
        form,
        tool: { name },
        answers: { ...answers, 'tool-name': { value: name } },
        createdAt: new Date(created).toISOString(),
        updatedAt: new Date(created + 1_800_000).toISOString(),
        revision: 1,
      },
      formTitle,
      outcome: outcomes[n % outcomes.length],
    };
  });
  const backup = { kind: 'proforma-drafts-backup', format: 1, exportedAt: new Date().toISOString(), drafts };
  const element = document.createElement('proforma-drafts');
  element.setAttribute('namespace', namespace);
  document.body.append(element);
  await element.updateComplete;
  await element.importBackup(new Blob([JSON.stringify(backup)], { type: 'application/json' }));
  await element.updateComplete;
  const restored = element.shadowRoot.textContent.match(/Restored (\d+) draft/);
  element.remove();
  return restored ? Number(restored[1]) : 0;
}

/**
 * The drafts list: a fresh <proforma-drafts namespace="…"> appended; ends when it shows the
 * newest drafts it lists at first (`shownAtFirst`, each a `.draft`) and, when there are more, the
 * button that shows all `expected` of them. Fails if any record is listed as damaged instead.
 * `layoutMs` also includes the style and layout the browser then does for it.
 */
export async function renderDrafts({ namespace, expected, shownAtFirst }) {
  await globalThis.bench.settle();
  const element = document.createElement('proforma-drafts');
  element.setAttribute('namespace', namespace);
  const start = performance.now();
  document.getElementById('host').append(element);
  const root = element.shadowRoot;
  const listed = () => root.querySelectorAll('.draft').length;
  const showAll = () => [...root.querySelectorAll('button')].find((b) => b.textContent.includes('Show all'));
  const damaged = () => [...root.querySelectorAll('[aria-labelledby="damaged-heading"] li')];
  const firstPage = Math.min(expected, shownAtFirst);
  const domAt = await globalThis.bench.waitUntil(
    root,
    () => damaged().length > 0 || (listed() >= firstPage && (expected <= shownAtFirst || showAll() !== undefined)),
    20000,
    `${expected} drafts to be listed`,
  );
  void document.documentElement.offsetHeight;
  const layoutAt = performance.now();
  const offered = showAll()?.textContent.replace(/\s+/g, ' ').trim() ?? '';
  if (damaged().length > 0 || (expected > shownAtFirst && !offered.includes(`Show all ${expected} drafts`))) {
    const problems = damaged().map((item) => item.textContent.replace(/\s+/g, ' ').trim());
    throw new Error(
      `<proforma-drafts> listed ${listed()} drafts, offered "${offered}", and ${problems.length} damaged: ${problems.slice(0, 3).join('; ')}`,
    );
  }
  return { domMs: domAt - start, layoutMs: layoutAt - start, drafts: listed() };
}

/**
 * Shows the social-tool form with complete answers on a page that loaded only the form's bundle,
 * and stops links with `download` from saving files (the export's download is recorded instead).
 * Long main-thread tasks are recorded from here on, for `exportThroughPanel`.
 */
export async function prepareExport({ formUrl, answers, namespace }) {
  const form = await (await fetch(formUrl)).json();
  const click = HTMLAnchorElement.prototype.click;
  globalThis.bench.downloads = [];
  HTMLAnchorElement.prototype.click = function (...args) {
    if (this.download) globalThis.bench.downloads.push(this.download);
    else click.apply(this, args);
  };
  globalThis.bench.longTasks = [];
  new PerformanceObserver((list) => globalThis.bench.longTasks.push(...list.getEntries())).observe({
    type: 'longtask',
  });
  const element = document.createElement('proforma-assessment');
  element.setAttribute('namespace', namespace);
  element.setAttribute('school-name', 'Ysgol Gwyn');
  element.form = form;
  element.answers = answers;
  document.getElementById('host').append(element);
  await element.updateComplete;
  const outcome = element.shadowRoot.querySelector('[part="outcome"]')?.textContent?.trim();
  if (!/Approved/.test(outcome ?? '')) throw new Error(`the complete answers give "${outcome}", not an approval`);
}

/**
 * One export through the page's own UI: "Sign and save as PDF" opened (the first time), the
 * signer's name and role and a typed signature filled in, "Sign and save PDF" pressed. `ms` runs
 * from the press to `proforma-pdf-exported`; `longestTaskMs` is the longest main-thread task in
 * that time. The PDF comes back as base64 for the verify timing.
 */
export async function exportThroughPanel({ timeoutMs = 20000 }) {
  const element = document.querySelector('proforma-assessment');
  const root = element.shadowRoot;
  const opener = [...root.querySelectorAll('button')].find((button) => /Sign and save as PDF/.test(button.textContent));
  if (opener) opener.click();
  const submit = () => root.querySelector('proforma-export')?.shadowRoot?.querySelector('button[type=submit]');
  // The panel renders into its own shadow root, which no observer here sees: poll for it.
  for (const start = performance.now(); !submit(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out waiting for the export panel');
  }
  const panel = root.querySelector('proforma-export');
  const fill = (input, value) => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  fill(panel.shadowRoot.querySelector('#signer-name'), 'Łukasz Nowak');
  fill(panel.shadowRoot.querySelector('#signer-role'), 'Class teacher');
  fill(panel.shadowRoot.querySelector('#signer-school'), 'Ysgol Gwyn');
  const pad = panel.shadowRoot.querySelector('proforma-signature');
  fill(pad.shadowRoot.querySelector('#typed'), 'Łukasz Nowak');
  await panel.updateComplete;
  await globalThis.bench.settle();
  const exported = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no proforma-pdf-exported')), timeoutMs);
    panel.addEventListener(
      'proforma-pdf-exported',
      (event) => {
        clearTimeout(timer);
        resolve({ at: performance.now(), detail: event.detail });
      },
      { once: true },
    );
  });
  const pressed = performance.now();
  submit().click();
  const { at, detail } = await exported;
  const during = globalThis.bench.longTasks.filter((task) => task.startTime >= pressed && task.startTime <= at);
  let binary = '';
  for (let index = 0; index < detail.pdf.length; index += 0x8000) {
    binary += String.fromCharCode(...detail.pdf.subarray(index, index + 0x8000));
  }
  return {
    ms: at - pressed,
    longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
    bytes: detail.pdf.length,
    fileName: detail.fileName,
    downloads: [...globalThis.bench.downloads],
    pdfBase64: btoa(binary),
  };
}

/**
 * Checks a PDF with a fresh <proforma-verify> (page loading every element): the file chosen
 * through its input, `ms` to the result shown. The first check loads the verify code (a chunk).
 */
export async function verifyThroughElement({ pdfBase64, fileName }) {
  const bytes = Uint8Array.from(atob(pdfBase64), (character) => character.charCodeAt(0));
  const host = document.getElementById('host');
  host.replaceChildren();
  const element = document.createElement('proforma-verify');
  host.append(element);
  await element.updateComplete;
  await globalThis.bench.settle();
  const input = element.shadowRoot.querySelector('input[type=file]');
  const transfer = new DataTransfer();
  transfer.items.add(new File([bytes], fileName, { type: 'application/pdf' }));
  const start = performance.now();
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const result = () => element.shadowRoot.querySelector('.result .headline');
  const shown = () => Boolean(result()) && !/^\s*Checking/.test(result().textContent);
  const at = await globalThis.bench.waitUntil(element.shadowRoot, shown, 10000, 'the result');
  return { ms: at - start, headline: result().textContent.replace(/\s+/g, ' ').trim() };
}

/**
 * Checks a file of about `bytes` crafted to take quadratic time in a search for the signature's
 * date (`%PDF-1.7 <<`, then `/M (D:` repeated, then a byte range and a `/Contents` that fit) with
 * a fresh <proforma-verify>: the file chosen through its input, `ms` to the result shown, and the
 * longest main-thread task (longtask, 50 ms or more; 0 when none) meanwhile.
 */
export async function verifyCraftedThroughElement({ bytes }) {
  const head = `%PDF-1.7\n<<${'/M (D:'.repeat(Math.floor(bytes / 6))}`;
  const range = (numbers) => `/ByteRange [${numbers.map((n) => String(n).padStart(10, '0')).join(' ')}] /Contents `;
  const contents = '<30030201000000>';
  const tail = ' >>\n%%EOF\n';
  const contentsStart = head.length + range([0, 0, 0, 0]).length;
  const text = head + range([0, contentsStart, contentsStart + contents.length, tail.length]) + contents + tail;
  const host = document.getElementById('host');
  host.replaceChildren();
  const element = document.createElement('proforma-verify');
  host.append(element);
  await element.updateComplete;
  const input = element.shadowRoot.querySelector('input[type=file]');
  const transfer = new DataTransfer();
  transfer.items.add(new File([new TextEncoder().encode(text)], 'crafted.pdf', { type: 'application/pdf' }));
  await globalThis.bench.settle();
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const start = performance.now();
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const result = () => element.shadowRoot.querySelector('.result .headline');
  const shown = () => Boolean(result()) && !/^\s*Checking/.test(result().textContent);
  const at = await globalThis.bench.waitUntil(element.shadowRoot, shown, 30000, 'the result');
  // Long tasks are reported after they end: one more frame lets the last of them in.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  observer.disconnect();
  const during = tasks.filter((task) => task.startTime + task.duration >= start && task.startTime <= at);
  return {
    ms: at - start,
    longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
    bytes: text.length,
    headline: result().textContent.replace(/\s+/g, ' ').trim(),
  };
}

/**
 * Writes `count` register entries straight into the namespace's register database, in one
 * transaction, as the version before the log kept them (src/services/register/earlier-register.ts
 * reads them): the entries spread
 * over 32 records under ['entries', n], each a JSON string of the entries whose id's FNV-1a hash
 * is n modulo 32.
 * Statuses, outcomes, review dates, subjects and year groups vary, so filters find some of each.
 */
export async function seedRegister({ namespace, count, today }) {
  const statuses = ['approved', 'approved-with-conditions', 'not-approved', 'submitted', 'under-review', 'retired'];
  const outcomes = ['approved', 'approved-with-conditions', 'not-approved'];
  const subjects = ['Computing', 'English', 'Science', 'Art', 'Music', 'History'];
  const years = ['Year 3', 'Year 5', 'Year 7', 'Year 9', 'Year 11'];
  const day = (offset) => new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86400000).toISOString().slice(0, 10);
  const database = await new Promise((resolve, reject) => {
    const request = indexedDB.open(`proforma-${namespace}-register`);
    request.onupgradeneeded = () => request.result.createObjectStore('register');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const transaction = database.transaction('register', 'readwrite');
  const store = transaction.objectStore('register');
  const buckets = Array.from({ length: 32 }, () => []);
  const bucketOf = (id) => {
    let hash = 0x811c9dc5;
    for (let index = 0; index < id.length; index += 1) {
      hash ^= id.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    return (hash >>> 0) % 32;
  };
  for (let index = 0; index < count; index += 1) {
    const status = statuses[index % statuses.length];
    const decided = status.startsWith('approved') || status === 'not-approved';
    const id = `tool-${index}`;
    buckets[bucketOf(id)].push({
      id,
      tool: `Tool ${String(index).padStart(5, '0')}`,
      vendor: `Vendor ${index % 97}`,
      url: `https://tool-${index}.example/`,
      purpose: 'Pupils publish their writing for a real audience.',
      subjects: [subjects[index % subjects.length]],
      yearGroups: [years[index % years.length]],
      status,
      outcome: outcomes[index % outcomes.length],
      readiness: 50 + (index % 51),
      conditions: status === 'approved-with-conditions' ? ['Comments are pre-moderated.'] : [],
      owners: [{ name: `Owner ${index % 13}` }, { name: `Owner ${(index + 5) % 13}` }],
      ...(decided
        ? { decisionDate: day(-200 - (index % 100)), reviewDue: day(((index * 7919 + 123) % 400) - 60) }
        : {}),
      history: [{ at: `${today}T09:00:00.000Z`, by: 'Bench', action: 'imported', changes: [] }],
    });
  }
  buckets.forEach((entries, bucket) => {
    if (entries.length > 0) store.put(JSON.stringify(entries), ['entries', bucket]);
  });
  await new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  database.close();
  return count;
}

/**
 * The register, on a page with every element: a fresh <proforma-register namespace=…> appended,
 * timed to its first page of rows (`rows` of them); then a sort (the "Review due" column) and a
 * filter (status "Approved"), each timed from the click or change to the element's update; then
 * "Export CSV", timed to the download (links with `download` are recorded, not followed).
 */
export async function timeRegister({ namespace, rows, timeoutMs = 20000 }) {
  const click = HTMLAnchorElement.prototype.click;
  const downloads = [];
  HTMLAnchorElement.prototype.click = function (...args) {
    if (this.download) downloads.push({ name: this.download, href: this.href, at: performance.now() });
    else click.apply(this, args);
  };
  await globalThis.bench.settle();
  const host = document.getElementById('host');
  host.replaceChildren();
  const element = document.createElement('proforma-register');
  element.setAttribute('namespace', namespace);
  const start = performance.now();
  host.append(element);
  const shown = () => element.shadowRoot?.querySelectorAll('tbody tr').length ?? 0;
  for (; shown() < rows; await new Promise((resolve) => setTimeout(resolve, 1))) {
    if (performance.now() - start > timeoutMs) throw new Error(`the register showed ${shown()} rows, not ${rows}`);
  }
  const firstRenderMs = performance.now() - start;
  const root = element.shadowRoot;
  await globalThis.bench.settle();

  const firstTool = () => root.querySelector('tbody tr')?.textContent;
  const before = firstTool();
  const sortButton = [...root.querySelectorAll('th button')].find((button) => /Review due/.test(button.textContent));
  let at = performance.now();
  sortButton.click();
  await element.updateComplete;
  const sortMs = performance.now() - at;
  if (firstTool() === before) throw new Error('sorting by review due did not change the first row');
  await globalThis.bench.settle();

  const count = () => root.querySelector('.count')?.textContent.trim();
  const countBefore = count();
  const status = root.querySelector('#filter-status');
  status.value = 'approved';
  at = performance.now();
  status.dispatchEvent(new Event('change', { bubbles: true }));
  await element.updateComplete;
  const filterMs = performance.now() - at;
  if (count() === countBefore) throw new Error(`filtering by status left "${count()}"`);
  await globalThis.bench.settle();

  const exportButton = [...root.querySelectorAll('button')].find(
    (button) => button.textContent.trim() === 'Export CSV',
  );
  at = performance.now();
  exportButton.click();
  for (; downloads.length === 0; await new Promise((resolve) => setTimeout(resolve, 1))) {
    if (performance.now() - at > timeoutMs) throw new Error('Export CSV offered no file');
  }
  const exportMs = downloads[0].at - at;
  const csv = await (await fetch(downloads[0].href)).text();
  HTMLAnchorElement.prototype.click = click;
  return { firstRenderMs, sortMs, filterMs, exportMs, csv, shownAfterFilter: count() };
}

/**
 * Imports a CSV through a fresh <proforma-register>'s "Import CSV" (someone named in "Your name"
 * first), into an empty namespace: `ms` from choosing the file to "… tools imported" shown.
 */
export async function timeRegisterCsvImport({ namespace, csv, timeoutMs = 60000 }) {
  const host = document.getElementById('host');
  host.replaceChildren();
  const element = document.createElement('proforma-register');
  element.setAttribute('namespace', namespace);
  host.append(element);
  await element.updateComplete;
  for (let waited = 0; !element.shadowRoot.querySelector('#import-csv'); waited += 1) {
    if (waited > 2000) throw new Error('no Import CSV field');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const actor = element.shadowRoot.querySelector('#actor');
  actor.value = 'Bench';
  actor.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
  await globalThis.bench.settle();
  const input = element.shadowRoot.querySelector('#import-csv');
  const transfer = new DataTransfer();
  transfer.items.add(new File([csv], 'approved-tools.csv', { type: 'text/csv' }));
  const start = performance.now();
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const done = () => /tools imported/.test(element.shadowRoot.textContent);
  const failed = () => /Nothing was imported/i.test(element.shadowRoot.textContent);
  for (; !done(); await new Promise((resolve) => setTimeout(resolve, 2))) {
    if (failed()) throw new Error(`the CSV import failed: ${element.shadowRoot.textContent.slice(0, 400)}`);
    if (performance.now() - start > timeoutMs) throw new Error('the CSV import did not finish');
  }
  return { ms: performance.now() - start };
}
