import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ProformaRegister } from '../../src/components/proforma-register/proforma-register.js';
import type { ProformaRegisterChangeEvent } from '../../src/events/register-change.js';
import { registerToJson } from '../../src/model/register-json.js';
import { StorageFullError } from '../../src/services/draft-store.js';
import type { RegisterEntry } from '../../src/model/register-entry.js';
import type { IndexedDbRegisterStore } from '../../src/services/register/indexeddb-register-store.js';
import type { RegisterStore } from '../../src/services/register/register-store.js';
import { padletForm, plainPdf, signedPadletPdf, smallAssessment } from '../pdf/signing-fixtures.js';
import { entry, FINGERPRINT, mixedEntries, seededStore, storedEntry } from '../register/entries.js';
import { sameNameKeys, signedPadletBy } from '../register/forgeries.js';
import { catchDownloads } from '../a11y/helpers.js';
import { controlLabelled } from './helpers.js';

const root = (element: Element) => element.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function renderRegister(store: IndexedDbRegisterStore, readonly = false): Promise<ProformaRegister> {
  const element = await fixture<ProformaRegister>(
    html`<proforma-register lang="en-GB" namespace=${store.namespace} ?readonly=${readonly}></proforma-register>`,
  );
  await waitUntil(() => !text(root(element)).includes('Loading the register'), 'the register never loaded');
  return element;
}

/** Each row of the table as [tool, status, outcome, readiness, review due, owners]. */
const rows = (element: Element) =>
  [...root(element).querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => text(cell)));

const tools = (element: Element) => rows(element).map(([tool]) => tool);

function button(scope: Element | ShadowRoot, words: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((each) => text(each) === words);
  if (!found) throw new Error(`no button "${words}"`);
  return found;
}

const hasButton = (scope: Element | ShadowRoot, words: string) =>
  [...scope.querySelectorAll('button')].some((each) => text(each) === words);

const toolsShown = (element: Element) => text(root(element).querySelector('.count'));

async function openTool(element: ProformaRegister, tool: string): Promise<void> {
  button(root(element), tool).click();
  await waitUntil(() => root(element).activeElement?.id === 'detail-heading', 'the detail never opened');
}

async function typeInto(control: HTMLElement, words: string): Promise<void> {
  control.focus();
  await sendKeys({ type: words });
}

async function choose(element: ProformaRegister, label: string, file: File): Promise<void> {
  const input = controlLabelled(root(element), label);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** An empty register that scores PDFs of the Padlet form, with the IT lead's name typed in. */
async function emptyRegisterForPdfs(): Promise<{ store: IndexedDbRegisterStore; element: ProformaRegister }> {
  const store = await seededStore([]);
  const element = await fixture<ProformaRegister>(
    html`<proforma-register lang="en-GB" namespace=${store.namespace} .forms=${[padletForm]}></proforma-register>`,
  );
  await waitUntil(() => text(root(element)).includes('The register is empty'), 'the register never loaded');
  await typeInto(controlLabelled(root(element), 'Your name'), 'J. Evans');
  return { store, element };
}

const errorSummary = (element: Element) => root(element).querySelector('.error-summary');
const historyItems = (element: Element) =>
  [...root(element).querySelectorAll('.history > li')].map((item) => text(item));

describe('<proforma-register>', () => {
  it('lists tools with their status in words, review due and expired included, and is accessible', async () => {
    const element = await renderRegister(await seededStore(mixedEntries()));

    const byTool = new Map(rows(element).map(([tool, status, ...rest]) => [tool, [status, ...rest]]));
    expect(byTool.get('Padlet')?.[0]).to.equal('Approved');
    expect(byTool.get('Canva')?.[0], 'ten days before its review date').to.equal('Review due');
    expect(byTool.get('Flip')?.[0], 'five days after its review date').to.equal('Expired');
    expect(byTool.get('Kahoot!')?.[0]).to.equal('Under review');
    expect(byTool.get('TikTok')?.[0]).to.equal('Not approved');
    expect(byTool.get('Padlet')).to.include('90%').and.to.include('Siân Jones, Łukasz Nowak');
    expect(toolsShown(element)).to.equal('5 tools shown');
    await expect(element).to.be.accessible();
  });

  it('sorts by review date from the column header, and says how it is sorted', async () => {
    const element = await renderRegister(await seededStore(mixedEntries()));
    const header = () => button(root(element), 'Review due').closest('th')!;

    button(root(element), 'Review due').click();
    await element.updateComplete;
    expect(tools(element)).to.deep.equal(['Flip', 'Canva', 'Padlet', 'Kahoot!', 'TikTok']);
    expect(header().getAttribute('aria-sort')).to.equal('ascending');

    button(root(element), 'Review due').click();
    await element.updateComplete;
    expect(tools(element).slice(0, 3)).to.deep.equal(['Padlet', 'Canva', 'Flip']);
    expect(header().getAttribute('aria-sort')).to.equal('descending');
    expect(button(root(element), 'Tool').closest('th')!.hasAttribute('aria-sort')).to.equal(false);
  });

  it('filters by status, review date, subject and a search typed in the search box', async () => {
    const element = await renderRegister(await seededStore(mixedEntries()));
    const pick = async (label: string, value: string) => {
      const select = controlLabelled<HTMLSelectElement>(root(element), label);
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await element.updateComplete;
    };

    await pick('Status', 'review-due');
    expect(tools(element)).to.deep.equal(['Canva']);
    expect(toolsShown(element)).to.equal('1 tool shown');
    await pick('Status', '');
    await pick('Review due', 'overdue');
    expect(tools(element)).to.deep.equal(['Flip']);
    await pick('Review due', '30');
    expect(tools(element)).to.deep.equal(['Canva']);
    await pick('Review due', '');
    await pick('Subject', 'Art');
    expect(tools(element)).to.deep.equal(['Padlet']);
    await pick('Subject', '');

    await typeInto(controlLabelled(root(element), 'Search'), 'kahoot asa');
    await waitUntil(() => tools(element).length === 1, 'the search never applied');
    expect(tools(element)).to.deep.equal(['Kahoot!']);
    expect(toolsShown(element)).to.equal('1 tool shown');
  });

  it('shows a long register fifty tools at a time, and says which page', async () => {
    const many = Array.from({ length: 120 }, (_, i) => entry(`t${String(i).padStart(3, '0')}`));
    const element = await renderRegister(await seededStore(many));
    const pageText = () => text(root(element).querySelector('.pages p'));

    expect(toolsShown(element)).to.equal('120 tools shown');
    expect(rows(element)).to.have.length(50);
    expect(pageText()).to.equal('Page 1 of 3');

    button(root(element), 'Next page').click();
    await element.updateComplete;
    expect(pageText()).to.equal('Page 2 of 3');
    expect(tools(element)[0]).to.equal('Tool t050');

    button(root(element), 'Next page').click();
    await element.updateComplete;
    expect(rows(element)).to.have.length(20);
    expect(button(root(element), 'Next page').getAttribute('aria-disabled')).to.equal('true');
    button(root(element), 'Next page').click();
    await element.updateComplete;
    expect(pageText(), 'no page after the last').to.equal('Page 3 of 3');
  });

  it('opens a tool’s detail with its history, newest first, and goes back to where it was', async () => {
    const kahoot = entry('kahoot', {
      tool: 'Kahoot!',
      status: 'under-review',
      signerFingerprint: FINGERPRINT,
      assessment: smallAssessment({ id: 'kahoot-assessment', tool: { name: 'Kahoot!' } }),
      history: [
        ...entry('x').history,
        {
          at: '2026-02-01T10:00:00.000Z',
          by: 'J. Evans, IT lead',
          action: 'status',
          changes: [{ field: 'status', from: 'submitted', to: 'under-review' }],
          reason: 'Asked for by the computing department',
        },
      ],
    });
    const element = await renderRegister(await seededStore([kahoot, ...mixedEntries().slice(0, 2)]));

    await openTool(element, 'Kahoot!');

    expect(text(root(element).querySelector('#detail-heading'))).to.equal('Kahoot!');
    const history = historyItems(element);
    expect(history[0]).to.contain('Status changed').and.to.contain('by J. Evans, IT lead');
    expect(history[0]).to.contain('Status: from “Submitted” to “Under review”');
    expect(history[0]).to.contain('Why: Asked for by the computing department');
    expect(history[1]).to.contain('Imported');
    expect(text(root(element)))
      .to.contain('Signer not recognised')
      .and.to.contain(FINGERPRINT);
    expect(text(root(element)))
      .to.contain('The assessment')
      .and.to.contain('kahoot-assessment');
    await expect(element).to.be.accessible();

    button(root(element), 'Back to the list').click();
    await element.updateComplete;
    expect(text(root(element).activeElement)).to.equal('Kahoot!');
  });

  it('records a decision made with the keyboard, and shows it in the table and the history', async () => {
    const store = await seededStore([
      entry('kahoot', { tool: 'Kahoot!', status: 'under-review', outcome: 'approved', readiness: 85 }),
    ]);
    const element = await renderRegister(store);
    await openTool(element, 'Kahoot!');

    await typeInto(controlLabelled(root(element), 'Your name'), 'J. Evans, IT lead');
    const approvedRadio = controlLabelled(root(element), 'Approved');
    expect(approvedRadio.checked, 'the assessment’s outcome is chosen at first').to.equal(true);
    approvedRadio.focus();
    await sendKeys({ press: 'ArrowDown' });
    await typeInto(controlLabelled(root(element), 'Conditions'), 'Pupils use nicknames');
    const changed = oneEvent(element, 'proforma-register-change');
    await typeInto(controlLabelled(root(element), 'Approver'), 'C. Jones, deputy head');
    await sendKeys({ press: 'Enter' });
    const { detail } = (await changed) as ProformaRegisterChangeEvent;

    expect(detail.action).to.equal('decided');
    await element.updateComplete;
    expect(text(root(element).querySelector('[role="status"]'))).to.contain(
      'Decision recorded for Kahoot!: Approved with conditions.',
    );
    expect(historyItems(element)[0])
      .to.contain('Decision recorded')
      .and.to.contain('by J. Evans, IT lead')
      .and.to.contain('Approver: set to “C. Jones, deputy head”');
    expect(text(root(element).querySelector('.facts'))).to.contain('Status Approved with conditions');
    expect(hasButton(root(element), 'Record the decision'), 'a decided tool has no decision form').to.equal(false);

    button(root(element), 'Back to the list').click();
    await element.updateComplete;
    expect(rows(element)[0]![1]).to.equal('Approved with conditions');
    const stored = await storedEntry(store, 'kahoot');
    expect(stored?.status).to.equal('approved-with-conditions');
    expect(stored?.conditions).to.deep.equal(['Pupils use nicknames']);
  });

  it('refuses to approve a tool with one account owner, saying the rule, and is accessible', async () => {
    const store = await seededStore([
      entry('solo', { tool: 'Solo', status: 'under-review', outcome: 'approved', owners: [{ name: 'Siân Jones' }] }),
    ]);
    const element = await renderRegister(store);
    await openTool(element, 'Solo');
    await typeInto(controlLabelled(root(element), 'Your name'), 'J. Evans');
    await typeInto(controlLabelled(root(element), 'Approver'), 'C. Jones');

    button(root(element), 'Record the decision').click();
    await waitUntil(() => errorSummary(element), 'no error summary');

    const summary = errorSummary(element)!;
    expect(text(summary)).to.contain('The decision was not recorded');
    expect(text(summary)).to.contain('An approved tool needs at least two named account owners.');
    expect(text(summary)).to.contain('this entry names 1');
    expect(root(element).activeElement).to.equal(summary);
    summary.querySelector('a')!.click();
    expect(text(root(element).activeElement)).to.equal('Account owners');
    expect((await storedEntry(store, 'solo'))?.status, 'nothing saved').to.equal('under-review');
    await expect(element).to.be.accessible();
  });

  it('needs your name and a reason to retire a tool', async () => {
    const store = await seededStore(mixedEntries());
    const element = await renderRegister(store);
    await openTool(element, 'Padlet');

    button(root(element), 'Retire the tool').click();
    await waitUntil(() => errorSummary(element), 'no error summary');
    expect(text(errorSummary(element)))
      .to.contain('Enter your name')
      .and.to.contain('Say why the tool is being retired.');
    expect(controlLabelled(root(element), 'Why is it being retired?').getAttribute('aria-invalid')).to.equal('true');
    await expect(element).to.be.accessible();

    await typeInto(controlLabelled(root(element), 'Your name'), 'J. Evans');
    await typeInto(controlLabelled(root(element), 'Why is it being retired?'), 'Replaced by Canva');
    button(root(element), 'Retire the tool').click();
    await waitUntil(() => historyItems(element)[0]?.includes('Retired'), 'never retired');

    expect(errorSummary(element)).to.equal(null);
    expect(historyItems(element)[0]).to.contain('Why: Replaced by Canva');
    expect((await storedEntry(store, 'padlet'))?.status).to.equal('retired');
  });

  it('trusts a signer’s key with the person’s name and role', async () => {
    const store = await seededStore([entry('kahoot', { tool: 'Kahoot!', signerFingerprint: FINGERPRINT })]);
    const element = await renderRegister(store);
    await openTool(element, 'Kahoot!');
    await typeInto(controlLabelled(root(element), 'Your name'), 'J. Evans');

    button(root(element), 'Trust this key').click();
    await element.updateComplete;
    await typeInto(controlLabelled(root(element), 'Name of the person'), 'Siân Jones');
    await typeInto(controlLabelled(root(element), 'Their role'), 'Teacher');
    button(root(element), 'Trust the key').click();
    await waitUntil(() => text(root(element)).includes('The key of Siân Jones (Teacher).'), 'never trusted');

    expect(text(root(element))).not.to.contain('Signer not recognised');
    expect((await store.read()).trustedKeys.map(({ name, fingerprint }) => [name, fingerprint])).to.deep.equal([
      ['Siân Jones', FINGERPRINT],
    ]);
  });

  it('says plainly when the browser’s storage is full, and changes nothing', async () => {
    const store = await seededStore([entry('kahoot', { tool: 'Kahoot!' })]);
    const fullStore: RegisterStore = {
      persistent: true,
      read: (now) => store.read(now),
      events: () => store.events(),
      entry: (id, now) => store.entry(id, now),
      append: () => Promise.reject(new StorageFullError('quota')),
      evidence: (sha256) => store.evidence(sha256),
      watch: (listener) => store.watch(listener),
    };
    const element = await fixture<ProformaRegister>(
      html`<proforma-register lang="en-GB" .store=${fullStore}></proforma-register>`,
    );
    await waitUntil(() => tools(element).length === 1, 'the register never loaded');
    await openTool(element, 'Kahoot!');
    await typeInto(controlLabelled(root(element), 'Your name'), 'J. Evans');

    button(root(element), 'Start a review').click();
    await waitUntil(() => errorSummary(element), 'no error summary');

    expect(text(errorSummary(element)))
      .to.contain('Nothing was changed')
      .and.to.contain('storage is full');
    expect(historyItems(element)).to.have.length(1);
    expect((await storedEntry(store, 'kahoot'))?.status).to.equal('submitted');
    await expect(element).to.be.accessible();
  });

  it('imports a CSV through the file input, and lists every problem of a bad one', async () => {
    const store = await seededStore([]);
    const element = await renderRegister(store);
    await typeInto(controlLabelled(root(element), 'Your name'), 'J. Evans');

    const csv = (body: string, name: string) => new File([body], name, { type: 'text/csv' });
    await choose(element, 'Import CSV', csv('Tool,Status\r\nMiro,Submitted\r\nFlip,Maybe\r\n', 'bad.csv'));
    await waitUntil(() => text(root(element)).includes('Nothing was imported from bad.csv'), 'no problems shown');
    expect(text(root(element))).to.contain('Row 3, column “Status”');
    expect((await store.read()).entries).to.deep.equal([]);
    await expect(element).to.be.accessible();

    await choose(element, 'Import CSV', csv('Tool,Status\r\nMiro,Submitted\r\nFlip,Approved\r\n', 'good.csv'));
    await waitUntil(() => text(root(element)).includes('2 tools imported from good.csv'), 'never imported');
    expect(tools(element)).to.deep.equal(['Flip', 'Miro']);
    expect((await store.read()).entries).to.have.length(2);
  });

  it('imports signed PDFs, flagging a signer it does not recognise, and refuses an unsigned one', async () => {
    const { element } = await emptyRegisterForPdfs();
    const signed = new File([(await signedPadletPdf()) as BlobPart], 'padlet.pdf', { type: 'application/pdf' });
    const unsigned = new File([plainPdf() as BlobPart], 'unsigned.pdf', { type: 'application/pdf' });

    const input = controlLabelled(root(element), 'Import signed PDFs');
    const transfer = new DataTransfer();
    transfer.items.add(signed);
    transfer.items.add(unsigned);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => text(root(element)).includes('1 of 2 PDFs imported'), 'never imported', { timeout: 8000 });

    const report = [...root(element).querySelectorAll('.results li')].map((item) => text(item));
    expect(report[0]).to.contain('padlet.pdf: Added “Padlet” to the register.').and.to.contain('Signer not recognised');
    expect(report[1]).to.contain('unsigned.pdf: Not imported: the PDF is not signed');
    expect(tools(element)).to.deep.equal(['Padlet']);
    expect(rows(element)[0]![1]).to.equal('Submitted');
    await expect(element).to.be.accessible();
  });

  it('counts the PDFs imported in the plural forms of English and of Welsh', async () => {
    const { element } = await emptyRegisterForPdfs();
    const signed = new File([(await signedPadletPdf()) as BlobPart], 'padlet.pdf', { type: 'application/pdf' });
    const unsigned = new File([plainPdf() as BlobPart], 'unsigned.pdf', { type: 'application/pdf' });
    const importPdfs = (...files: File[]) => {
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      const input = controlLabelled(root(element), 'Import signed PDFs');
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const reportHeading = () => text(root(element).querySelector('#import-report-heading'));
    const inWelsh = async (words: string) => {
      element.locale = 'cy';
      await waitUntil(() => reportHeading() === words, `the Welsh report says “${reportHeading()}”`);
      element.locale = '';
      await waitUntil(() => !reportHeading().startsWith('Mewnforiwyd'), 'back in English');
    };

    importPdfs(signed, unsigned);
    await waitUntil(() => reportHeading() === '1 of 2 PDFs imported', 'never imported', { timeout: 8000 });
    await inWelsh('Mewnforiwyd 1 o’r 2 PDF');

    importPdfs(unsigned);
    await waitUntil(() => reportHeading() === '0 of 1 PDF imported', 'never imported', { timeout: 8000 });
    await inWelsh('Mewnforiwyd 0 o 1 PDF');
  });

  it('shows a forged copy and the genuine file side by side, settled by trusting one key, and is accessible', async () => {
    const { store, element } = await emptyRegisterForPdfs();
    const { teacher, forger } = await sameNameKeys();
    const pdf = async (name: string, key: typeof teacher) =>
      new File([(await signedPadletBy(key)) as BlobPart], name, { type: 'application/pdf' });
    const input = controlLabelled(root(element), 'Import signed PDFs');
    const transfer = new DataTransfer();
    transfer.items.add(await pdf('forged.pdf', forger));
    transfer.items.add(await pdf('genuine.pdf', teacher));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => text(root(element)).includes('2 of 2 PDFs imported'), 'never imported', { timeout: 8000 });

    const disputes = () => root(element).querySelector('.disputes');
    const sides = () => [...root(element).querySelectorAll('.side-by-side > li')].map((side) => text(side));
    expect(text(root(element).querySelector('.results'))).to.contain(
      'genuine.pdf: Added “Padlet” beside another file of the same assessment signed by a different key',
    );
    expect(text(disputes())).to.contain('Files that claim the same assessment').and.to.contain('Not settled');
    expect(sides()).to.have.length(2);
    expect(sides()[0]).to.contain('Signed in the name of Siân Jones').and.to.contain(forger.fingerprint);
    expect(sides()[1]).to.contain('Signed in the name of Siân Jones').and.to.contain(teacher.fingerprint);
    expect(sides().every((side) => side.includes('Key trusted No'))).to.equal(true);
    expect(tools(element)).to.deep.equal(['Padlet', 'Padlet']);
    await expect(element).to.be.accessible();

    button(root(element), `Open the entry signed with key ${teacher.fingerprint.slice(0, 11)}…`).click();
    await waitUntil(() => root(element).activeElement?.id === 'detail-heading', 'the detail never opened');
    expect(text(disputes())).to.contain('Another file claims this assessment');
    button(root(element), 'Trust this key').click();
    await element.updateComplete;
    await typeInto(controlLabelled(root(element), 'Name of the person'), 'Siân Jones');
    button(root(element), 'Trust the key').click();
    await waitUntil(() => text(disputes()).includes('Settled'), 'trusting the key never settled it');

    expect(text(disputes())).to.contain('Settled: the entry signed by the trusted key of Siân Jones stands.');
    expect(sides()[0]).to.contain('Signed by an untrusted key: retire this entry if it is a forgery.');
    expect(sides()[1]).to.contain('This entry stands.').and.to.contain('The entry shown on this page.');
    await expect(element).to.be.accessible();
    expect((await store.read()).entries).to.have.length(2);
  });

  it('takes signed PDFs dropped anywhere on it, marking its drop zone while they are held over it', async () => {
    const { store, element } = await emptyRegisterForPdfs();
    const transfer = new DataTransfer();
    transfer.items.add(new File([(await signedPadletPdf()) as BlobPart], 'padlet.pdf', { type: 'application/pdf' }));
    const dropZone = () => root(element).querySelector('[part="drop-zone"]')!;
    const drag = (type: string) =>
      element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));

    drag('dragover');
    await element.updateComplete;
    expect(dropZone().classList.contains('dragging')).to.equal(true);
    drag('dragleave');
    await element.updateComplete;
    expect(dropZone().classList.contains('dragging')).to.equal(false);

    drag('dragover');
    drag('drop');
    await waitUntil(() => tools(element).includes('Padlet'), 'the dropped PDF was never imported', { timeout: 8000 });
    expect(dropZone().classList.contains('dragging')).to.equal(false);
    expect((await store.read()).entries.map((each) => each.tool)).to.deep.equal(['Padlet']);
  });

  it('exports the register as CSV and as a published JSON for staff, named with the date', async () => {
    const store = await seededStore([entry('kahoot', { tool: 'Kahoot!', assessment: smallAssessment() })]);
    const element = await renderRegister(store);
    const downloads = catchDownloads();
    try {
      button(root(element), 'Export CSV').click();
      await waitUntil(() => downloads.files.length === 1, 'no CSV');
      button(root(element), 'Export for staff (published)').click();
      await waitUntil(() => downloads.files.length === 2, 'no JSON');
    } finally {
      downloads.stop();
    }

    const date = new Date().toISOString().slice(0, 10);
    expect(downloads.files.map(({ name }) => name)).to.deep.equal([
      `approved-tools-${date}.csv`,
      `approved-tools-for-staff-${date}.json`,
    ]);
    const published = JSON.parse(await (await fetch(downloads.files[1]!.href)).text()) as {
      published: boolean;
      entries: RegisterEntry[];
    };
    expect(published.published).to.equal(true);
    expect(published.entries[0]!.tool).to.equal('Kahoot!');
    expect(published.entries[0]!.assessment).to.equal(undefined);
  });

  it('shows a published register read-only: no decisions, imports, names or assessments', async () => {
    const json = registerToJson(
      [
        entry('kahoot', {
          tool: 'Kahoot!',
          status: 'under-review',
          signerFingerprint: FINGERPRINT,
          assessment: smallAssessment({ id: 'kahoot-assessment', tool: { name: 'Kahoot!' } }),
        }),
        ...mixedEntries().slice(0, 3),
      ],
      [],
      { published: true, now: new Date('2026-11-21T09:00:00Z') },
    );
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    try {
      const element = await fixture<ProformaRegister>(
        html`<proforma-register lang="en-GB" readonly src=${url}></proforma-register>`,
      );
      await waitUntil(() => tools(element).length === 4, 'the published register never loaded');
      expect(text(root(element))).to.contain('The register as published on 21 Nov 2026');
      expect(root(element).querySelector('input[type="file"]')).to.equal(null);
      expect(() => controlLabelled(root(element), 'Your name')).to.throw();

      await openTool(element, 'Kahoot!');

      expect(hasButton(root(element), 'Record the decision')).to.equal(false);
      expect(hasButton(root(element), 'Retire the tool')).to.equal(false);
      expect(hasButton(root(element), 'Trust this key')).to.equal(false);
      expect(text(root(element)))
        .not.to.contain('The assessment')
        .and.not.to.contain('J. Evans');
      expect(historyItems(element)[0]).to.contain('Imported');
      await expect(element).to.be.accessible();
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('says why a published register cannot be read', async () => {
    const url = URL.createObjectURL(
      new Blob(['{"kind": "proforma-register", "version": 1,'], { type: 'application/json' }),
    );
    try {
      const element = await fixture<ProformaRegister>(
        html`<proforma-register lang="en-GB" readonly src=${url}></proforma-register>`,
      );
      await waitUntil(() => root(element).querySelector('[role="alert"]'), 'no message');

      expect(text(root(element).querySelector('[role="alert"]')))
        .to.contain('cannot be read')
        .and.to.contain('this is not JSON');
      await expect(element).to.be.accessible();
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('leaves out the private fields of this browser’s register in the staff view', async () => {
    const store = await seededStore([
      entry('kahoot', { tool: 'Kahoot!', assessment: smallAssessment({ id: 'kahoot-assessment' }) }),
    ]);
    const element = await renderRegister(store, true);

    await openTool(element, 'Kahoot!');

    expect(text(root(element)))
      .not.to.contain('kahoot-assessment')
      .and.not.to.contain('J. Evans');
    expect(hasButton(root(element), 'Start a review')).to.equal(false);
  });
});
