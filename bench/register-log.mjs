// The register as a log of events, 10,000 tools with 30,000 events, timed in the page on the built
// modules (dist/model, dist/services/register) loaded through an import map: folding the log, a
// fresh page's first read of the register from IndexedDB, recording a decision until it is read
// back, and carrying over a register of 10,000 tools kept by the earlier version.
//
// The functions below marked "in the page" run in Chromium through page.evaluate: each is
// self-contained, and gets the URLs of the built modules as arguments.

/** Tools in the register; each is imported, reviewed and decided: three events a tool. */
export const REGISTER_LOG_TOOLS = 10_000;

/**
 * In the page: the events of REGISTER_LOG_TOOLS tools made by the model, as a person's changes
 * make them (`entryFromAssessment` for what an import records, `moveEvent`, `decisionEvent`), from
 * one assessment of the social-tool form with the complete answers of the answer pass; the
 * decisions approve, approve with conditions and do not approve in turn. Written to the
 * namespace's IndexedDbRegisterStore when `namespace` is given. Gives the events, and the ids of
 * the tools not approved.
 */
export async function seedRegisterLog({ modelUrl, storeUrl, formUrl, answers, tools, namespace }) {
  const model = await import(modelUrl);
  const form = model.parseFormDefinition(await (await fetch(formUrl)).json());
  const by = { name: 'J. Evans, IT lead' };
  const start = Date.parse('2025-01-06T09:00:00.000Z');
  const at = (minutes) => new Date(start + minutes * 60_000).toISOString();
  const template = {
    id: 'assessment-0',
    form: { id: form.id, version: form.version },
    tool: { name: 'Tool 0', url: 'https://tool-0.example' },
    answers,
    createdAt: at(0),
    updatedAt: at(0),
    revision: 1,
  };
  const fields = model.assessedFieldsOf(model.entryFromAssessment(template, form, { by: by.name, at: at(0) }));
  const outcomes = ['approved', 'approved-with-conditions', 'not-approved'];
  const events = [];
  const notApproved = [];
  for (let tool = 0; tool < tools; tool += 1) {
    const entryId = `tool-${tool}`;
    const name = `Tool ${tool}`;
    const assessment = { ...template, id: `assessment-${tool}`, tool: { name, url: `https://tool-${tool}.example` } };
    const imported = {
      id: `${entryId}-imported`,
      type: 'imported',
      entryId,
      at: at(tool * 3),
      by,
      assessment,
      fields: { ...fields, tool: name, url: assessment.tool.url },
    };
    const [entry] = model.registerFromEvents([imported], { now: new Date(at(tool * 3 + 3)) }).entries;
    const review = model.moveEvent(entry, 'under-review', { by, at: at(tool * 3 + 1), id: `${entryId}-review` });
    events.push(imported, review);
    const [reviewed] = model.registerFromEvents([imported, review], { now: new Date(at(tool * 3 + 3)) }).entries;
    const outcome = outcomes[tool % outcomes.length];
    if (outcome === 'not-approved') notApproved.push(entryId);
    const draft = {
      outcome,
      conditions: outcome === 'approved-with-conditions' ? ['Pupils use class accounts only'] : [],
      approver: 'C. Jones, deputy head',
      decisionDate: at(tool * 3 + 2).slice(0, 10),
    };
    const decided = model.decisionEvent(reviewed, draft, { by, at: at(tool * 3 + 2), id: `${entryId}-decided` });
    if (decided.problems) throw new Error(`the model refused a decision: ${decided.problems[0].message}`);
    events.push(decided.event);
  }
  if (namespace !== undefined) {
    const { IndexedDbRegisterStore } = await import(storeUrl);
    const store = new IndexedDbRegisterStore(namespace);
    await store.append(events);
    await store.close();
  }
  return { events, notApproved };
}

/** In the page: `registerFromEvents` on the seeded log, `runs` times after two to warm up. */
export async function timeRegisterFold({ modelUrl, storeUrl, formUrl, answers, tools, runs }) {
  const { registerFromEvents } = await import(modelUrl);
  const seeded = await globalThis.benchRegisterLog.seed({ modelUrl, storeUrl, formUrl, answers, tools });
  const now = new Date();
  const check = (state) => {
    if (state.entries.length !== tools || state.rejected.length > 0) {
      throw new Error(`the fold gave ${state.entries.length} entries and ${state.rejected.length} events set aside`);
    }
  };
  for (let warm = 0; warm < 2; warm += 1) check(registerFromEvents(seeded.events, { now }));
  await globalThis.bench.settle();
  const ms = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const state = registerFromEvents(seeded.events, { now });
    ms.push(performance.now() - started);
    check(state);
  }
  return { ms, events: seeded.events.length };
}

/**
 * In the page, freshly loaded: the register read from the namespace's IndexedDB by a new store (the
 * fold kept beside the log, checked against it); then a tool not approved is reviewed again
 * (not timed), and a decision on it recorded and the register read again until it shows it.
 */
export async function timeRegisterReadAndDecide({ modelUrl, storeUrl, namespace, entryId, tools }) {
  const [{ decisionEvent, moveEvent }, { IndexedDbRegisterStore }] = await Promise.all([
    import(modelUrl),
    import(storeUrl),
  ]);
  const by = { name: 'J. Evans, IT lead' };
  await globalThis.bench.settle();
  let started = performance.now();
  const store = new IndexedDbRegisterStore(namespace);
  const view = await store.read();
  const readMs = performance.now() - started;
  if (view.entries.length !== tools) throw new Error(`the register read ${view.entries.length} entries, not ${tools}`);
  const decided = view.entries.find(({ id }) => id === entryId);
  await store.append([moveEvent(decided, 'under-review', { by, at: new Date().toISOString() })]);
  const entry = (await store.read()).entries.find(({ id }) => id === entryId);
  const draft = { outcome: 'approved', conditions: [], approver: 'C. Jones, deputy head', decisionDate: '2026-12-01' };
  await globalThis.bench.settle();
  started = performance.now();
  const { event, problems } = decisionEvent(entry, draft, { by, at: new Date().toISOString() });
  if (problems) throw new Error(`the model refused the decision: ${problems[0].message}`);
  await store.append([event]);
  const after = await store.read();
  const decideMs = performance.now() - started;
  const shown = after.entries.find(({ id }) => id === entryId);
  if (shown?.status !== 'approved') throw new Error(`the decision on ${entryId} shows as ${shown?.status}`);
  await store.close();
  return { readMs, decideMs };
}

/**
 * In the page: the seeded register written as the version before the log kept it, each entry with
 * its log as a history (`entryWithHistory`) and its assessment.
 */
export async function seedEarlierRegister({ modelUrl, storeUrl, formUrl, answers, tools, namespace }) {
  const { registerFromEvents, entryWithHistory } = await import(modelUrl);
  const seeded = await globalThis.benchRegisterLog.seed({ modelUrl, storeUrl, formUrl, answers, tools });
  const { entries } = registerFromEvents(seeded.events, { now: new Date() });
  // The earlier version's layout (src/services/register/earlier-register.ts reads it): in one
  // object store, the entries without their assessments spread over 32 JSON records by the FNV-1a
  // hash of their ids, and each assessment under ['assessment', id].
  const database = await new Promise((resolve, reject) => {
    const request = indexedDB.open(`proforma-${namespace}-register`);
    request.onupgradeneeded = () => request.result.createObjectStore('register');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const bucketOf = (id) => {
    let hash = 0x811c9dc5;
    for (let index = 0; index < id.length; index += 1) {
      hash ^= id.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    return (hash >>> 0) % 32;
  };
  const buckets = new Map();
  const transaction = database.transaction('register', 'readwrite');
  const objects = transaction.objectStore('register');
  for (const entry of entries.map((each) => entryWithHistory(each))) {
    const { assessment, ...rest } = entry;
    const bucket = bucketOf(entry.id);
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), rest]);
    if (assessment) objects.put(assessment, ['assessment', entry.id]);
  }
  for (const [bucket, items] of buckets) objects.put(JSON.stringify(items), ['entries', bucket]);
  await new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  database.close();
  return entries.length;
}

/** In the page, freshly loaded: the earlier register of the namespace carried over into a new store's log. */
export async function timeCarryOver({ storeUrl, carryOverUrl, namespace, tools }) {
  const [{ IndexedDbRegisterStore }, { carryOverEarlierRegister }] = await Promise.all([
    import(storeUrl),
    import(carryOverUrl),
  ]);
  await globalThis.bench.settle();
  const started = performance.now();
  const store = new IndexedDbRegisterStore(namespace);
  const note = await carryOverEarlierRegister(store, {
    at: new Date().toISOString(),
    by: { name: 'J. Evans, IT lead' },
  });
  const ms = performance.now() - started;
  if (note?.entries !== tools) throw new Error(`the carry-over moved ${note?.entries} entries, not ${tools}`);
  const view = await store.read();
  if (view.entries.length !== tools || view.rejected.length > 0) {
    throw new Error(`after the carry-over: ${view.entries.length} entries, ${view.rejected.length} set aside`);
  }
  await store.close();
  return { ms, events: view.eventCount };
}

/**
 * The four figures, `runs` times each: the fold on one page; the first read and a decision on a
 * fresh page each run, the register seeded once; the carry-over on a fresh page and a fresh
 * namespace each run.
 *
 * @param {{ openPage: (path: string) => Promise<import('puppeteer-core').Page>, urls: Record<string, string>,
 *   answers: object, runs: number, freshNamespace: () => string }} bench
 */
export async function timeRegisterLog({ openPage, urls, answers, runs, freshNamespace }) {
  const common = { ...urls, answers, tools: REGISTER_LOG_TOOLS };
  const page = async () => {
    const opened = await openPage('/bench/register-log.html');
    await opened.evaluate(`globalThis.benchRegisterLog = { seed: ${seedRegisterLog.toString()} };`);
    return opened;
  };
  const folding = await page();
  const fold = await folding.evaluate(timeRegisterFold, { ...common, runs });
  await folding.close();

  const namespace = freshNamespace();
  const seeding = await page();
  const { notApproved } = await seeding.evaluate(
    async (args) => {
      const { notApproved } = await globalThis.benchRegisterLog.seed(args);
      return { notApproved };
    },
    { ...common, namespace },
  );
  await seeding.close();
  const read = [];
  const decide = [];
  for (let run = 0; run < runs; run += 1) {
    const reading = await page();
    const timed = await reading.evaluate(timeRegisterReadAndDecide, {
      ...urls,
      namespace,
      entryId: notApproved[run],
      tools: REGISTER_LOG_TOOLS,
    });
    read.push(timed.readMs);
    decide.push(timed.decideMs);
    await reading.close();
  }

  const carryOver = [];
  let carriedEvents;
  for (let run = 0; run < runs; run += 1) {
    const earlier = freshNamespace();
    const writing = await page();
    const written = await writing.evaluate(seedEarlierRegister, { ...common, namespace: earlier });
    await writing.close();
    if (written !== REGISTER_LOG_TOOLS) throw new Error(`the earlier register holds ${written} entries`);
    const carrying = await page();
    const timed = await carrying.evaluate(timeCarryOver, { ...urls, namespace: earlier, tools: REGISTER_LOG_TOOLS });
    carryOver.push(timed.ms);
    carriedEvents = timed.events;
    await carrying.close();
  }
  return { fold: fold.ms, events: fold.events, read, decide, carryOver, carriedEvents };
}
