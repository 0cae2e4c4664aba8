import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { ProformaDrafts } from '../../src/components/proforma-drafts/proforma-drafts.js';
import type { ProformaOpenDraftEvent } from '../../src/events/open-draft.js';
import { IndexedDbDraftStore } from '../../src/services/indexeddb-draft-store.js';
import { freshNamespace, makeDraft, putRawRecord, textOf } from '../drafts/helpers.js';

async function draftsList(namespace: string, forms = 'kinds'): Promise<ProformaDrafts> {
  const element = await fixture<ProformaDrafts>(
    html`<proforma-drafts namespace=${namespace} forms=${forms} locale="en-GB"></proforma-drafts>`,
  );
  await waitUntil(() => !textOf(element).includes('Loading your drafts'), 'drafts never loaded');
  return element;
}

const titles = (element: ProformaDrafts) =>
  [...element.shadowRoot!.querySelectorAll('.draft h3')].map((h) => h.textContent?.trim());

const button = (scope: Element | ShadowRoot, text: string) => {
  const found = [...scope.querySelectorAll('button')].find((b) => b.textContent?.includes(text));
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};

const backupFile = (content: unknown) =>
  new Blob([typeof content === 'string' ? content : JSON.stringify(content)], { type: 'application/json' });

describe('<proforma-drafts>', () => {
  it('lists drafts, newest first, with form, last edited and outcome, and is accessible', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbDraftStore(namespace);
    await store.save(makeDraft('older', { updatedAt: '2026-11-01T10:00:00.000Z' }), undefined);
    await store.save(
      makeDraft(
        'newer',
        { updatedAt: '2026-11-03T10:00:00.000Z', tool: { name: 'Padlet' } },
        { outcome: 'not-approved' },
      ),
      undefined,
    );

    const element = await draftsList(namespace);

    expect(titles(element)).to.deep.equal(['Padlet', 'Tool older']);
    const first = element.shadowRoot!.querySelector('.draft')!;
    expect(first.textContent).to.contain('Every kind').and.to.contain('Not approved').and.to.contain('3 Nov 2026');
    await expect(element).to.be.accessible();
  });

  it('shows the newest twenty, and the rest on request with focus on the first of them', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbDraftStore(namespace);
    await store.restore(
      Array.from({ length: 60 }, (_, i) =>
        makeDraft(`d${String(i).padStart(2, '0')}`, {
          updatedAt: `2026-11-01T10:${String(i).padStart(2, '0')}:00.000Z`,
        }),
      ),
    );
    const element = await draftsList(namespace);
    expect(titles(element)).to.have.lengthOf(20);
    expect(titles(element)[0], 'newest first').to.equal('Tool d59');

    button(element.shadowRoot!, 'Show all 60 drafts').click();
    await element.updateComplete;

    expect(titles(element)).to.have.lengthOf(60);
    expect(element.shadowRoot!.activeElement?.textContent).to.equal('Tool d39');
  });

  it('opens a draft by firing proforma-open-draft', async () => {
    const namespace = freshNamespace();
    await new IndexedDbDraftStore(namespace).save(makeDraft('a'), undefined);
    const element = await draftsList(namespace);

    setTimeout(() => button(element.shadowRoot!, 'Open Tool a').click());
    const event = (await oneEvent(element, 'proforma-open-draft')) as ProformaOpenDraftEvent;

    expect(event.detail).to.deep.equal({ draftId: 'a', formId: 'kinds' });
  });

  it('duplicates a draft to re-assess the tool', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbDraftStore(namespace);
    await store.save(makeDraft('a', { tool: { name: 'Padlet' } }), undefined);
    const element = await draftsList(namespace);

    button(element.shadowRoot!, 'Duplicate').click();

    await waitUntil(() => titles(element).length === 2, 'no copy appeared');
    const copies = (await store.list()).drafts.filter((d) => d.assessment.id !== 'a');
    expect(copies).to.have.lengthOf(1);
    expect(copies[0]!.assessment.answers).to.deep.equal({ 'tool-name': { value: 'Tool a' } });
    expect(copies[0]!.assessment.revision).to.equal(1);
  });

  it('deletes with undo, and moves focus to Undo', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbDraftStore(namespace);
    await store.save(makeDraft('a', { tool: { name: 'Padlet' } }), undefined);
    const element = await draftsList(namespace);

    button(element.shadowRoot!, 'Delete').click();
    await waitUntil(() => textOf(element).includes('Deleted “Padlet”'));
    expect(await store.get('a')).to.equal(undefined);
    expect(element.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Undo');

    button(element.shadowRoot!, 'Undo').click();

    await waitUntil(() => titles(element).includes('Padlet'), 'undo did not bring the draft back');
    expect((await store.get('a'))?.assessment.revision).to.equal(1);
  });

  it('marks a draft whose form this page does not have, and keeps it', async () => {
    const namespace = freshNamespace();
    await new IndexedDbDraftStore(namespace).save(
      makeDraft('x', { form: { id: 'retired-form', version: '2.0.0' } }),
      undefined,
    );

    const element = await draftsList(namespace);

    expect(textOf(element)).to.contain('This page does not have the form “retired-form”');
    expect(element.shadowRoot!.querySelector('.draft .actions')!.textContent).to.not.contain('Open');
  });

  it('lists a damaged record apart, with its data to download, beside the good drafts', async () => {
    const namespace = freshNamespace();
    await new IndexedDbDraftStore(namespace).save(makeDraft('good'), undefined);
    await putRawRecord(namespace, 'broken', 'not a draft at all');

    const element = await draftsList(namespace);

    expect(titles(element)).to.deep.equal(['Tool good']);
    expect(textOf(element)).to.contain('Damaged drafts').and.to.contain('broken: not a valid draft');
    expect(button(element.shadowRoot!, 'Download the data of broken')).to.be.instanceOf(HTMLButtonElement);
    await expect(element).to.be.accessible();
  });

  it('lists a draft whose record was overwritten with garbage as damaged, not openable under its old summary', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbDraftStore(namespace);
    await store.save(makeDraft('good'), undefined);
    await store.save(makeDraft('overwritten', { tool: { name: 'Padlet' } }), undefined);
    await putRawRecord(namespace, 'overwritten', { garbage: true });

    const element = await draftsList(namespace);
    await waitUntil(() => textOf(element).includes('Damaged drafts'), 'the overwritten record was never found');

    expect(titles(element)).to.deep.equal(['Tool good']);
    expect(textOf(element)).to.contain('overwritten (last saved as “Padlet”): not a valid draft');
    expect([...element.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent?.trim())).not.to.include(
      'Open Padlet',
    );
    expect(button(element.shadowRoot!, 'Download the data of overwritten')).to.be.instanceOf(HTMLButtonElement);
    await expect(element).to.be.accessible();
  });

  it('merges a backup by id, keeping the higher revision, and reports every rejected record', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbDraftStore(namespace);
    await store.save(makeDraft('mine', { revision: 5, tool: { name: 'Mine, newer' } }), undefined);
    const element = await draftsList(namespace);

    await element.importBackup(
      backupFile({
        kind: 'proforma-drafts-backup',
        format: 1,
        exportedAt: '2026-11-20T10:00:00.000Z',
        drafts: [
          makeDraft('mine', { revision: 3, tool: { name: 'Mine, older' } }),
          makeDraft('theirs', { revision: 2 }),
          { assessment: { id: 'half' } },
          42,
        ],
      }),
    );

    expect((await store.get('mine'))?.assessment.tool.name, 'never overwritten by an older one').to.equal(
      'Mine, newer',
    );
    expect((await store.get('theirs'))?.assessment.revision).to.equal(2);
    const report = textOf(element);
    expect(report).to.contain('Restored 1 draft(s).').and.to.contain('Kept 1 draft(s) already here');
    expect(report).to.contain('2 record(s) in the file could not be used');
    expect(report).to.contain('Record 3 (half)').and.to.contain('Record 4');
  });

  const malformed: Array<{ name: string; content: unknown; says: string }> = [
    { name: 'a file that is not JSON', content: '{ "kind": "proforma-drafts-backup", ', says: 'not readable JSON' },
    { name: 'JSON that is not a backup', content: { drafts: [] }, says: 'not a proforma drafts backup' },
    {
      name: 'a backup of a newer format',
      content: { kind: 'proforma-drafts-backup', format: 9, drafts: [] },
      says: 'format 9',
    },
    {
      name: 'a backup without a list',
      content: { kind: 'proforma-drafts-backup', format: 1, drafts: 'none' },
      says: 'no list',
    },
  ];
  for (const { name, content, says } of malformed) {
    it(`leaves existing drafts untouched when given ${name}`, async () => {
      const namespace = freshNamespace();
      const store = new IndexedDbDraftStore(namespace);
      await store.save(makeDraft('kept'), undefined);
      const element = await draftsList(namespace);
      const before = await store.list();

      await element.importBackup(backupFile(content));

      expect(textOf(element)).to.contain('Nothing was restored').and.to.contain(says);
      expect(await store.list()).to.deep.equal(before);
    });
  }

  it('exports every draft, damaged ones included, as one backup that imports again', async () => {
    const namespace = freshNamespace();
    await new IndexedDbDraftStore(namespace).save(makeDraft('a'), undefined);
    const element = await draftsList(namespace);
    let saved: Blob | undefined;
    const originalCreate = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      saved = blob;
      return originalCreate(blob);
    };
    try {
      button(element.shadowRoot!, 'Download a backup of all drafts').click();
      await waitUntil(() => saved, 'no file was offered');
    } finally {
      URL.createObjectURL = originalCreate;
    }
    const backup = JSON.parse(await saved!.text());
    expect(backup.kind).to.equal('proforma-drafts-backup');
    expect(backup.drafts.map((d: { assessment: { id: string } }) => d.assessment.id)).to.deep.equal(['a']);

    const other = await draftsList(freshNamespace());
    await other.importBackup(saved!);
    expect(titles(other)).to.deep.equal(['Tool a']);
  });
});
