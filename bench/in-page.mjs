// Functions the benchmark runs inside the page with page.evaluate. Puppeteer sends each one's
// source text to the page, so none can use anything from this module: they share only what
// installHelpers puts on globalThis.bench.

/**
 * Puts the helpers the other functions use on `globalThis.bench`; run it once per page load.
 * `waitUntil` resolves with performance.now() at the first moment `isDone()` is true, checking
 * at once and after every DOM change under `root`. `settle` waits for a frame and a moment of
 * quiet, so that loading work does not land in a timing.
 */
export function installHelpers() {
  const waitUntil = (root, isDone, timeoutMs = 10000) =>
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
        reject(new Error('timed out waiting for every question to be in the DOM'));
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
 */
export async function answerEverything() {
  const element = document.querySelector('proforma-assessment');
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
