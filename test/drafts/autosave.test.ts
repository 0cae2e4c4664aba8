import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { draftStoreContext } from '../../src/services/contexts.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ProformaAssessment } from '../../src/components/proforma-assessment/proforma-assessment.js';
import type { Draft } from '../../src/model/draft.js';
import { StorageFullError, type DraftStore } from '../../src/services/draft-store.js';
import { IndexedDbDraftStore } from '../../src/services/indexeddb-draft-store.js';
import { MemoryDraftStore } from '../../src/services/memory-draft-store.js';
import { controlLabelled, kindsForm, questionTitled, root } from '../components/helpers.js';
import { freshNamespace, makeDraft, putRawRecord, textOf } from './helpers.js';

async function assessment(namespace: string, draftId = '', store?: DraftStore): Promise<ProformaAssessment> {
  const element = await fixture<ProformaAssessment>(
    html`<proforma-assessment
      .form=${kindsForm()}
      .draftStore=${store}
      namespace=${namespace}
      draft-id=${draftId}
    ></proforma-assessment>`,
  );
  await element.updateComplete;
  return element;
}

const saveStatus = (element: ProformaAssessment) =>
  root(element).querySelector('.save-status')?.textContent?.trim() ?? '';

async function typeToolName(element: ProformaAssessment, text: string): Promise<void> {
  controlLabelled(root(element), 'Name of the tool').focus();
  await sendKeys({ type: text });
}

/**
 * Two elements on one saved draft, as two tabs would be: both change it, A
 * saves first, so B's save is refused and B is told.
 */
async function twoTabsInConflict() {
  const namespace = freshNamespace();
  const store = new IndexedDbDraftStore(namespace);
  await store.save(makeDraft('shared'), undefined);
  const tabA = await assessment(namespace, 'shared');
  const tabB = await assessment(namespace, 'shared');
  await waitUntil(() => tabA.answers['tool-name']?.value === 'Tool shared' && tabB.answers['tool-name']);
  controlLabelled(questionTitled(tabA, 'Platform'), 'Web').click();
  controlLabelled(questionTitled(tabB, 'Platform'), 'App').click();
  await tabA.saveNow();
  await tabB.saveNow();
  await waitUntil(() => root(tabB).querySelector('[role="alert"]'), 'tab B was not told of the conflict');
  return { store, tabA, tabB };
}

describe('<proforma-assessment> drafts', () => {
  it('saves after a pause, and a new element with the draft id shows everything typed', async () => {
    const namespace = freshNamespace();
    const first = await assessment(namespace);
    await typeToolName(first, 'Padlet');
    controlLabelled(questionTitled(first, 'Pupil content can be private'), 'Partly met').click();
    await waitUntil(() => saveStatus(first).startsWith('Saved'), 'never saved', { timeout: 3000 });
    const draftId = first.draftId;
    first.remove();

    const second = await assessment(namespace, draftId);

    await waitUntil(() => second.answers['tool-name']?.value === 'Padlet', 'draft not restored');
    expect(second.answers['privacy']?.value).to.equal('partly');
    expect(controlLabelled(root(second), 'Name of the tool').value).to.equal('Padlet');
  });

  it('saves at once when the element goes away before the pause is over', async () => {
    const namespace = freshNamespace();
    const first = await assessment(namespace);
    await typeToolName(first, 'Seesaw');
    expect(saveStatus(first)).to.not.match(/^Saved/);
    first.remove();
    // A page that is closing saves in the same way; here the test waits for it to finish.
    await first.saveNow();
    const draftId = first.draftId;
    expect(draftId, 'a new assessment gets an id at its first change').to.match(/^[0-9a-f-]{36}$/);

    const second = await assessment(namespace, draftId);

    await waitUntil(() => second.answers['tool-name']?.value === 'Seesaw', 'typing before the pause was lost');
  });

  it('never lets a stale tab overwrite a newer save, and lets the person choose', async () => {
    const { store, tabA, tabB } = await twoTabsInConflict();

    expect(textOf(tabB)).to.contain('This draft was changed in another tab or window');
    expect((await store.get('shared'))?.assessment.answers['platform']?.value, 'A’s save stands').to.equal('web');

    const keepMine = [...root(tabB).querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Keep my version'),
    )!;
    keepMine.click();
    await waitUntil(async () => (await store.get('shared'))?.assessment.answers['platform']?.value === 'app');
    // Tab A had nothing unsaved, so it takes B's version when it hears of it.
    await waitUntil(() => tabA.answers['platform']?.value === 'app', 'tab A did not take the newer version');
    expect(textOf(tabA)).to.contain('Updated from another tab');
  });

  it('offers the other tab’s version instead, when chosen', async () => {
    const { tabB } = await twoTabsInConflict();

    [...root(tabB).querySelectorAll('button')].find((b) => b.textContent?.includes('Use the other version'))!.click();
    await tabB.updateComplete;

    expect(tabB.answers['platform']?.value).to.equal('web');
    expect(root(tabB).querySelector('[role="alert"]')).to.equal(null);
  });

  it('says when storage is full, offers a backup, and loses nothing', async () => {
    const memory = new MemoryDraftStore();
    const full: DraftStore = {
      persistent: true,
      list: () => memory.list(),
      summaries: () => memory.summaries(),
      get: (id) => memory.get(id),
      damagedRecord: (id) => memory.damagedRecord(id),
      save: async () => {
        throw new StorageFullError('QuotaExceededError');
      },
      restore: async () => {
        throw new StorageFullError('QuotaExceededError');
      },
      delete: (id) => memory.delete(id),
    };
    const element = await assessment(freshNamespace(), '', full);
    await typeToolName(element, 'Kahoot');
    await element.saveNow();
    await element.updateComplete;

    expect(saveStatus(element)).to.equal('Not saved: this browser’s storage is full');
    const alert = root(element).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('storage is full');
    expect([...alert.querySelectorAll('button')].map((b) => b.textContent?.trim())).to.include(
      'Download a backup of your answers',
    );
    expect(element.answers['tool-name']?.value, 'the answer is still there').to.equal('Kahoot');
    expect((await memory.list()).drafts, 'no partial write').to.deep.equal([]);
    await expect(element).to.be.accessible();
  });

  it('warns when drafts are kept only in memory', async () => {
    const element = await assessment(freshNamespace(), '', new MemoryDraftStore());
    await typeToolName(element, 'Flip');
    await element.saveNow();
    await element.updateComplete;

    expect(textOf(element)).to.contain('your answers are kept only while this page is open');
    expect(saveStatus(element)).to.match(/^Kept on this page only/);
  });

  it('opens a draft made under an older form version, keeping answers it no longer asks', async () => {
    const memory = new MemoryDraftStore();
    const old: Draft = makeDraft('old', {
      form: { id: 'kinds', version: '0.9.0' },
      answers: { 'tool-name': { value: 'Padlet' }, 'retired-question': { value: 'met', notes: 'Checked in 2025' } },
    });
    await memory.restore([old]);
    const element = await assessment(freshNamespace(), 'old', memory);
    await waitUntil(() => element.answers['tool-name']?.value === 'Padlet');
    await element.updateComplete;

    expect(textOf(element)).to.contain('This draft was made with version 0.9.0 of the form; this is version 1.0.0.');
    const kept = root(element).querySelector('.no-longer-asked')!;
    expect(kept.textContent).to.contain('retired-question').and.to.contain('Checked in 2025');

    await typeToolName(element, ' board');
    await element.saveNow();
    const saved = await memory.get('old');
    expect(saved?.assessment.answers['retired-question']?.notes, 'kept when saved again').to.equal('Checked in 2025');
    expect(saved?.assessment.form.version).to.equal('1.0.0');
    expect(saved?.assessment.revision).to.equal(2);
  });

  it('uses a store the host page provides through context', async () => {
    const provided = new MemoryDraftStore();
    // A plain provider element, as a host page would have (not a fixture: a plain
    // div waits for an animation frame, which a background test page never gets).
    const host = document.createElement('div');
    document.body.append(host);
    try {
      new ContextProvider(host, { context: draftStoreContext, initialValue: provided });
      const element = document.createElement('proforma-assessment') as ProformaAssessment;
      element.form = kindsForm();
      host.append(element);
      await element.updateComplete;

      await typeToolName(element, 'Canva');
      await element.saveNow();

      const saved = await provided.get(element.draftId);
      expect(saved?.assessment.tool.name).to.equal('Canva');
      expect(saved?.assessment.form).to.deep.equal({ id: 'kinds', version: '1.0.0' });
    } finally {
      host.remove();
    }
  });

  it('says whether the browser agreed to keep drafts under storage pressure', async () => {
    const element = await assessment(freshNamespace());
    await typeToolName(element, 'Padlet');
    await element.saveNow();

    await waitUntil(
      () => /Drafts stay in this browser|The browser may clear drafts/.test(textOf(element)),
      'nothing said about persistent storage',
    );
  });

  it('saves the open draft before opening another named by draft-id', async () => {
    const memory = new MemoryDraftStore();
    await memory.restore([makeDraft('first'), makeDraft('second')]);
    const element = await assessment(freshNamespace(), 'first', memory);
    await waitUntil(() => element.answers['tool-name']?.value === 'Tool first');
    controlLabelled(questionTitled(element, 'Platform'), 'App').click();

    element.draftId = 'second';
    await waitUntil(() => element.answers['tool-name']?.value === 'Tool second', 'second draft not opened');

    expect((await memory.get('first'))?.assessment.answers['platform']?.value, 'saved under the first').to.equal('app');
    expect((await memory.get('second'))?.assessment.answers['platform'], 'not under the second').to.equal(undefined);
  });

  it('says at once that the draft opened is damaged and kept, and saves the answers as a new draft', async () => {
    const namespace = freshNamespace();
    await putRawRecord(namespace, 'broken', { assessment: 'not readable' });
    const element = await assessment(namespace, 'broken');
    // The first word about the draft is the one that counts.
    await waitUntil(() => /damaged|There is no saved draft/.test(textOf(element)), 'nothing said about the draft');

    expect(textOf(element))
      .to.contain('The draft broken saved in this browser is damaged and cannot be opened. It is kept as it is')
      .and.not.to.contain('There is no saved draft');
    await expect(element).to.be.accessible();

    const created = oneEvent(element, 'proforma-draft-created');
    await typeToolName(element, 'Padlet');
    const { detail } = await created;
    await element.saveNow();

    const store = new IndexedDbDraftStore(namespace);
    expect(detail.draftId).to.not.equal('broken');
    expect(element.draftId).to.equal(detail.draftId);
    expect((await store.get(detail.draftId))?.assessment.tool.name).to.equal('Padlet');
    expect(await store.damagedRecord('broken'), 'the damaged data is kept').to.deep.include({
      raw: { assessment: 'not readable' },
    });
    expect(textOf(element)).to.contain('The draft broken saved in this browser is damaged');
  });

  it('still says a draft that is not there is not there', async () => {
    const element = await assessment(freshNamespace(), 'nowhere');

    await waitUntil(() => textOf(element).includes('There is no saved draft nowhere'), 'never said');
    expect(textOf(element)).not.to.contain('damaged');
  });
});
