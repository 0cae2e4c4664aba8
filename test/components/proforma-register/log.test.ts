import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { ProformaRegister } from '../../../src/components/proforma-register/proforma-register.js';
import type { DecidedEvent, RegisterEvent } from '../../../src/model/register/index.js';
import { registerStoreContext } from '../../../src/services/contexts.js';
import { MemoryRegisterStore } from '../../../src/services/register/memory-register-store.js';
import { catchDownloads } from '../../a11y/helpers.js';
import { at, decided, retired, reviewStarted, underReview } from '../../model/register/log.js';
import { padletForm, signedPadletPdf } from '../../pdf/signing-fixtures.js';
import { entry, freshNamespace, seededStore } from '../../register/entries.js';
import { writeEarlierRegister } from '../../services/register/earlier-register.js';
import { controlLabelled } from '../helpers.js';

// What the register element shows of its log: each tool's changes newest first, decisions in
// conflict and how they are settled, changes the register set aside, a register moved from the
// earlier version, the signed PDF kept as evidence, and the log exported.

const root = (element: Element) => element.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

function button(scope: Element | ShadowRoot, words: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((each) => text(each) === words);
  if (!found) throw new Error(`no button "${words}"`);
  return found;
}

const historyItems = (element: Element) =>
  [...root(element).querySelectorAll('.history > li')].map((item) => text(item));

async function registerOf(store: MemoryRegisterStore): Promise<ProformaRegister> {
  const element = await fixture<ProformaRegister>(
    html`<proforma-register lang="en-GB" .store=${store}></proforma-register>`,
  );
  await waitUntil(() => root(element).querySelector('tbody tr'), 'the register never loaded');
  return element;
}

async function openTool(element: ProformaRegister, tool: string): Promise<void> {
  button(root(element), tool).click();
  await waitUntil(() => root(element).activeElement?.id === 'detail-heading', 'the detail never opened');
}

async function typeInto(control: HTMLElement, words: string): Promise<void> {
  control.focus();
  await sendKeys({ type: words });
}

describe('<proforma-register> and its log', () => {
  it('uses a store the host page provides through context, and shows a tool’s log newest first', async () => {
    const provided = new MemoryRegisterStore(underReview('padlet'));
    // A plain provider element, as a host page would have.
    const host = document.createElement('div');
    document.body.append(host);
    try {
      new ContextProvider(host, { context: registerStoreContext, initialValue: provided });
      const element = document.createElement('proforma-register') as ProformaRegister;
      element.lang = 'en-GB';
      host.append(element);
      await waitUntil(() => root(element).querySelector('tbody tr'), 'the provided register never loaded');

      await openTool(element, 'Tool padlet');

      const history = historyItems(element);
      expect(history).to.have.length(2);
      expect(history[0]).to.contain('Status changed').and.to.contain('by J. Evans, IT lead');
      expect(history[0]).to.contain('Status: from “Submitted” to “Under review”');
      expect(history[1]).to.contain('Imported');
    } finally {
      host.remove();
    }
  });

  it('shows decisions made apart side by side, and a decision made having seen both settles them', async () => {
    const store = new MemoryRegisterStore([
      ...underReview('kahoot'),
      decided('kahoot-3', 'kahoot', 'kahoot-2', at(3), { approver: 'Carys Jones, deputy head' }),
      decided('kahoot-4', 'kahoot', 'kahoot-2', at(4), { outcome: 'not-approved', approver: 'Dafydd Rees, DSL' }),
    ]);
    const element = await registerOf(store);
    expect(text(root(element).querySelector('#conflicts-heading'))).to.equal('Decisions to settle');

    await openTool(element, 'Tool kahoot');
    const sides = [...root(element).querySelectorAll('.conflict .side-by-side > li')].map((side) => text(side));
    expect(sides).to.have.length(2);
    expect(sides[0]).to.contain('Approved').and.to.contain('Carys Jones, deputy head');
    expect(sides[1]).to.contain('Not approved').and.to.contain('Dafydd Rees, DSL');
    await expect(element).to.be.accessible();

    await typeInto(controlLabelled(root(element), 'Your name'), 'J. Evans, IT lead');
    controlLabelled(root(element), 'Approved with conditions').click();
    await typeInto(controlLabelled(root(element), 'Conditions'), 'Comments turned off');
    await typeInto(controlLabelled(root(element), 'Approver'), 'Carys Jones, deputy head');
    button(root(element), 'Record the decision').click();
    await waitUntil(() => !root(element).querySelector('.conflict'), 'the conflict was never settled');

    const { entries, conflicts } = await store.read();
    expect(conflicts).to.deep.equal([]);
    expect(entries[0]!.status).to.equal('approved-with-conditions');
    const settling = entries[0]!.log[0] as DecidedEvent;
    expect([settling.basedOn, ...(settling.alsoSeen ?? [])].sort()).to.deep.equal(['kahoot-3', 'kahoot-4']);
  });

  it('lists the changes it set aside in plain words, and shows the rest of the register', async () => {
    const aside: RegisterEvent[] = [
      retired('ghost-2', 'ghost', 'ghost-1', at(3)),
      reviewStarted('padlet-3', 'padlet', 'padlet-2', '2099-01-01T09:00:00.000Z'),
    ];
    const element = await registerOf(new MemoryRegisterStore([...underReview('padlet'), ...aside]));

    const listed = [...root(element).querySelectorAll('section:has(#rejected-heading) li')].map((item) => text(item));
    expect(listed).to.have.length(2);
    expect(listed.join(' '))
      .to.contain('It follows a change the register does not hold.')
      .and.to.contain('It is dated in the future.')
      .and.to.contain('Review started of “Tool padlet”');
    expect(text(root(element).querySelector('tbody'))).to.contain('Tool padlet');
    await expect(element).to.be.accessible();
  });

  it('says that a register kept by the earlier version was moved, and how much of it', async () => {
    const namespace = freshNamespace();
    await writeEarlierRegister(namespace, { entries: [entry('padlet', { tool: 'Padlet' }), entry('flip')] });

    const element = await fixture<ProformaRegister>(
      html`<proforma-register lang="en-GB" namespace=${namespace}></proforma-register>`,
    );
    await waitUntil(() => root(element).querySelector('tbody tr'), 'the register never loaded');

    expect(text(root(element)))
      .to.contain('Your register was moved to the new format, with all its history.')
      .and.to.contain('Tools moved: 2.');
    expect([...root(element).querySelectorAll('tbody th')].map((cell) => text(cell))).to.deep.equal([
      'Padlet',
      'Tool flip',
    ]);
  });

  it('offers the signed PDF a tool was imported from', async () => {
    const element = await fixture<ProformaRegister>(
      html`<proforma-register
        lang="en-GB"
        .store=${new MemoryRegisterStore()}
        .forms=${[padletForm]}
      ></proforma-register>`,
    );
    await waitUntil(() => text(root(element)).includes('The register is empty'), 'the register never loaded');
    await typeInto(controlLabelled(root(element), 'Your name'), 'J. Evans');
    const pdf = await signedPadletPdf();
    const input = controlLabelled(root(element), 'Import signed PDFs');
    const transfer = new DataTransfer();
    transfer.items.add(new File([pdf as BlobPart], 'padlet.pdf', { type: 'application/pdf' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => root(element).querySelector('tbody tr'), 'never imported', { timeout: 8000 });

    await openTool(element, 'Padlet');
    await waitUntil(
      () => [...root(element).querySelectorAll('button')].some((each) => text(each).startsWith('Download the signed')),
      'no signed PDF offered',
    );
    const downloads = catchDownloads();
    try {
      button(root(element), 'Download the signed PDF (padlet.pdf)').click();
      await waitUntil(() => downloads.files.length === 1, 'nothing downloaded');
    } finally {
      downloads.stop();
    }

    expect(downloads.files[0]!.name).to.equal('padlet.pdf');
    const bytes = new Uint8Array(await (await fetch(downloads.files[0]!.href)).arrayBuffer());
    expect(bytes.length).to.equal(pdf.length);
    expect(bytes.every((byte, index) => byte === pdf[index])).to.equal(true);
  });

  it('exports the log as register JSON of version 2, and imports it into another register', async () => {
    const store = await seededStore([entry('padlet', { tool: 'Padlet' }), entry('flip', { tool: 'Flip' })]);
    const element = await fixture<ProformaRegister>(
      html`<proforma-register lang="en-GB" namespace=${store.namespace}></proforma-register>`,
    );
    await waitUntil(() => root(element).querySelector('tbody tr'), 'the register never loaded');
    const downloads = catchDownloads();
    try {
      button(root(element), 'Export JSON').click();
      await waitUntil(() => downloads.files.length === 1, 'no JSON');
    } finally {
      downloads.stop();
    }
    const json = await (await fetch(downloads.files[0]!.href)).text();
    expect(JSON.parse(json)).to.include({ kind: 'proforma-register', version: 2 });

    const other = new MemoryRegisterStore();
    const copy = await registerOfEmpty(other);
    await typeInto(controlLabelled(root(copy), 'Your name'), 'J. Evans');
    const input = controlLabelled(root(copy), 'Import JSON');
    const transfer = new DataTransfer();
    transfer.items.add(new File([json], 'approved-tools.json', { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => text(root(copy)).includes('2 tools imported from approved-tools.json'), 'never imported');

    expect(await other.events()).to.deep.equal(await store.events());
  });
});

async function registerOfEmpty(store: MemoryRegisterStore): Promise<ProformaRegister> {
  const element = await fixture<ProformaRegister>(
    html`<proforma-register lang="en-GB" .store=${store}></proforma-register>`,
  );
  await waitUntil(() => text(root(element)).includes('The register is empty'), 'the register never loaded');
  return element;
}
