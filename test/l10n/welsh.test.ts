// Every element shown in Welsh, in the states a person meets: no text or label is still the
// English of a message in xliff/cy.xlf, or the English of the shipped form's texts.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import '../../src/define.js';
import type { ProformaApp } from '../../src/components/proforma-app/proforma-app.js';
import type { ProformaAssessment } from '../../src/components/proforma-assessment/proforma-assessment.js';
import type { ProformaDrafts } from '../../src/components/proforma-drafts/proforma-drafts.js';
import type { ProformaRegister } from '../../src/components/proforma-register/proforma-register.js';
import type { ProformaSignature } from '../../src/components/proforma-signature/proforma-signature.js';
import type { ProformaVerify } from '../../src/components/proforma-verify/proforma-verify.js';
import { checkFormDefinition } from '../../src/model/form-rules.js';
import type { FormDefinition } from '../../src/model/form-definition.js';
import type { RegisterEntry } from '../../src/model/register-entry.js';
import { registerToJson } from '../../src/model/register-json.js';
import { IndexedDbDraftStore } from '../../src/services/indexeddb-draft-store.js';
import { freshNamespace, makeDraft } from '../drafts/helpers.js';
import { seededStore } from '../register/entries.js';
import { completeSocialAssessment } from '../pdf/fixtures.js';
import { padletForm, plainPdf, signedPadletPdf } from '../pdf/signing-fixtures.js';
import { SOCIAL_FORM_URL } from '../components/helpers.js';

/**
 * Messages whose Welsh is the same as their English. Any other message translated as its own
 * English fails the test below, so a copied source cannot pass for a translation.
 */
const SAME_IN_WELSH = ['A4', '{0}: {1}', '{0} ({1})', '{0}, {1}', '{0}: {1}, {2}'];

interface Message {
  source: string;
  target: string;
  /** Matches a text that is the English message, whatever its placeholders hold. */
  english: RegExp;
}

/** The messages of the Welsh catalogue, placeholders written `{0}`. */
async function welshCatalogue(): Promise<Message[]> {
  const xliff = new DOMParser().parseFromString(await (await fetch('/xliff/cy.xlf')).text(), 'application/xml');
  const written = (element: Element | null) =>
    [...(element?.childNodes ?? [])]
      .map((node) => (node instanceof Element ? `{${node.getAttribute('id')}}` : node.textContent))
      .join('');
  return [...xliff.querySelectorAll('trans-unit')].map((unit) => {
    const source = written(unit.querySelector('source'));
    const pattern = source
      .split(/\{\d+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&'))
      .join('.+?');
    return { source, target: written(unit.querySelector('target')), english: new RegExp(`^${pattern}$`, 's') };
  });
}

/** Every text node and every aria-label, title, placeholder and alt, through every shadow root. */
function textsShown(root: Element | ShadowRoot, found: string[] = []): string[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) {
      const words = node.data.replace(/\s+/g, ' ').trim();
      if (words) found.push(words);
      continue;
    }
    const element = node as Element;
    for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
      const words = element.getAttribute(attribute)?.trim();
      if (words) found.push(words);
    }
    if (element.shadowRoot) textsShown(element.shadowRoot, found);
  }
  return found;
}

let messages: Message[];
let socialForm: FormDefinition;
/** The English of every text of the social-tool form that has a Welsh one. */
let formEnglish: Set<string>;

/** The texts `element` shows that are still English. */
function englishIn(element: Element): string[] {
  const english = messages.filter(({ source, target }) => target !== source && /[a-z]/i.test(source));
  return [
    ...new Set(
      textsShown(element.shadowRoot!).filter(
        (text) => formEnglish.has(text) || english.some((message) => message.english.test(text)),
      ),
    ),
  ];
}

function expectWelsh(element: Element, state: string): void {
  expect(englishIn(element), `English left in ${state}`).to.deep.equal([]);
}

const shown = (element: Element) => element.shadowRoot!.textContent!.replace(/\s+/g, ' ');

function button(root: ParentNode, words: string): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find(
    (each) => each.textContent!.replace(/\s+/g, ' ').trim() === words,
  );
  if (!found) throw new Error(`no button “${words}”`);
  return found;
}

/** Chooses `files` in the first file input of `root`, as a person would. */
function chooseFiles(root: ParentNode, ...files: File[]): void {
  const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The view `app` shows has its element rendered, with nothing still loading. */
function viewLoaded(app: ProformaApp): boolean {
  const view = [...app.shadowRoot!.querySelectorAll<HTMLElement>('[part="view"]')].find((each) => !each.hidden);
  const inner = view?.querySelector('proforma-assessment, proforma-drafts, proforma-verify, proforma-register');
  const texts = textsShown(app.shadowRoot!).join(' ');
  return Boolean(inner?.shadowRoot?.textContent?.trim()) && !/Wrthi’n (llwytho|agor)/.test(texts);
}

const pdfFile = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name, { type: 'application/pdf' });

function registerEntry(id: string, tool: string, changes: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    id,
    tool,
    vendor: 'Wallwisher Inc.',
    purpose: 'Blogiau dosbarth',
    subjects: ['Cymraeg'],
    yearGroups: ['Blwyddyn 7'],
    status: 'approved',
    outcome: 'approved-with-conditions',
    readiness: 75,
    conditions: ['Diffodd sylwadau'],
    owners: [{ name: 'Siân Jones', role: 'Pennaeth cyfrifiadura' }, { name: 'Łukasz Nowak' }],
    approver: 'C. Jones',
    decisionDate: '2026-01-12',
    reviewDue: '2026-07-12',
    history: [
      {
        at: '2026-01-10T09:00:00.000Z',
        by: 'J. Evans',
        action: 'imported',
        changes: [{ field: 'status', to: 'submitted' }],
      },
      {
        at: '2026-01-12T09:00:00.000Z',
        by: 'C. Jones',
        action: 'decided',
        changes: [
          { field: 'status', from: 'submitted', to: 'approved' },
          { field: 'reviewDue', to: '2026-07-12' },
        ],
        reason: 'Addas i Flwyddyn 7',
      },
    ],
    ...changes,
  };
}

describe('every element in Welsh', () => {
  before(async () => {
    messages = await welshCatalogue();
    const json = await (await fetch(SOCIAL_FORM_URL)).json();
    socialForm = checkFormDefinition(json)!;
    formEnglish = new Set();
    JSON.stringify(json, (_key, value: unknown) => {
      const texts = value as { en?: unknown; cy?: unknown };
      if (typeof texts?.en === 'string' && typeof texts.cy === 'string') formEnglish.add(texts.en);
      return value;
    });
  });

  it('has a Welsh translation of its own for every message but a few', () => {
    const same = messages.filter(({ source, target }) => source === target).map(({ source }) => source);
    expect(same).to.have.members(SAME_IN_WELSH);
  });

  it('shows <proforma-assessment> with the social-tool form: empty, finished, failing, and signing', async function () {
    this.timeout(30000);
    const element = await fixture<ProformaAssessment>(
      html`<proforma-assessment lang="cy" form-src=${SOCIAL_FORM_URL} no-autosave></proforma-assessment>`,
    );
    await waitUntil(() => element.definition, 'the form did not load', { timeout: 5000 });
    await element.updateComplete;
    expect(shown(element), 'the form’s own texts').to.contain('Asesiad risg ar gyfer offeryn ar-lein');
    expect(shown(element), 'the words around them').to.contain('Heb ei orffen eto');
    expectWelsh(element, 'the empty form');

    button(element.shadowRoot!, 'Dangos pob un o’r ' + element.currentScore!.reasons.length).click();
    element.shadowRoot!.querySelector<HTMLElement>('.question[data-kind="item"] summary')!.click();
    await element.updateComplete;
    expectWelsh(element, 'every reason, and an item’s notes');

    const finished = completeSocialAssessment(socialForm).answers;
    element.answers = finished;
    await element.updateComplete;
    expect(shown(element)).to.contain('Cymeradwywyd gydag amodau');
    expectWelsh(element, 'the finished form');

    element.answers = { ...finished, 'privacy-options': { value: 'not-met' } };
    await element.updateComplete;
    expect(shown(element)).to.contain('Heb ei gymeradwyo');
    expectWelsh(element, 'a form failing a critical item');

    button(element.shadowRoot!, 'Llofnodi a chadw fel PDF').click();
    await waitUntil(() => element.shadowRoot!.querySelector('proforma-export'), 'no panel', { timeout: 5000 });
    const panel = element.shadowRoot!.querySelector('proforma-export')!;
    await waitUntil(() => panel.shadowRoot?.querySelector('proforma-signature')?.shadowRoot, 'no signature pad');
    button(panel.shadowRoot!, 'Llofnodi a chadw’r PDF').click();
    await waitUntil(() => shown(panel).includes('Mae problem'), 'no problems listed');
    expectWelsh(element, 'the signing panel with its problems');
  });

  it('shows <proforma-assessment> saving a draft', async () => {
    const element = await fixture<ProformaAssessment>(
      html`<proforma-assessment
        lang="cy"
        form-src=${SOCIAL_FORM_URL}
        namespace=${freshNamespace()}
      ></proforma-assessment>`,
    );
    await waitUntil(() => element.definition, 'the form did not load', { timeout: 5000 });
    const toolName = element.shadowRoot!.querySelector<HTMLInputElement>('#q-tool-name input')!;
    toolName.value = 'Padlet';
    toolName.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => shown(element).includes('Cadwyd'), 'never saved', { timeout: 5000 });
    expectWelsh(element, 'a saved draft');
  });

  it('shows <proforma-drafts> listing drafts', async () => {
    const namespace = freshNamespace();
    const store = new IndexedDbDraftStore(namespace);
    await store.save(makeDraft('one', { form: { id: socialForm.id, version: socialForm.version } }), undefined);
    await store.save(makeDraft('two'), undefined);
    const element = await fixture<ProformaDrafts>(
      html`<proforma-drafts lang="cy" namespace=${namespace} forms=${socialForm.id}></proforma-drafts>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector('.draft'), 'no drafts listed', { timeout: 5000 });
    expect(shown(element)).to.contain('Eich drafftiau');
    expectWelsh(element, 'the list of drafts');
  });

  it('shows <proforma-register> with tools, and a tool’s detail', async () => {
    const store = await seededStore([
      registerEntry('padlet', 'Padlet'),
      registerEntry('kahoot', 'Kahoot!', { status: 'under-review', outcome: 'approved', readiness: 90 }),
    ]);
    const element = await fixture<ProformaRegister>(
      html`<proforma-register lang="cy" namespace=${store.namespace} .forms=${[socialForm]}></proforma-register>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector('tbody tr'), 'the register never loaded');
    expect(shown(element)).to.contain('Dangosir 2 offeryn');
    expect(shown(element), 'dates in Welsh').to.contain('12 Gorff 2026');
    expectWelsh(element, 'the register');

    button(element.shadowRoot!, 'Kahoot!').click();
    await waitUntil(() => element.shadowRoot!.querySelector('#detail-heading'), 'the detail never opened');
    expect(shown(element)).to.contain('Cofnodi penderfyniad');
    expectWelsh(element, 'a tool under review');
    button(element.shadowRoot!, 'Yn ôl i’r rhestr').click();
    await element.updateComplete;
    button(element.shadowRoot!, 'Padlet').click();
    await waitUntil(() => shown(element).includes('Hanes'), 'the detail never opened');
    expectWelsh(element, 'an approved tool and its history');
  });

  it('shows <proforma-verify> with a valid, an unsigned and a broken file', async function () {
    this.timeout(20000);
    const element = await fixture<ProformaVerify>(
      html`<proforma-verify lang="cy" .forms=${[padletForm]}></proforma-verify>`,
    );
    expectWelsh(element, 'the empty checker');
    chooseFiles(
      element.shadowRoot!,
      pdfFile(await signedPadletPdf(), 'padlet.pdf'),
      pdfFile(plainPdf(), 'drafft.pdf'),
      new File(['Annwyl arweinydd TG'], 'llythyr.txt', { type: 'text/plain' }),
    );
    await waitUntil(() => shown(element).includes('Annilys'), 'the files were never checked', { timeout: 10000 });
    expect(shown(element)).to.contain('Dilys: wedi’i lofnodi gan Siân Jones');
    expectWelsh(element, 'the results');
  });

  it('shows <proforma-signature> signed by a typed name', async () => {
    const element = await fixture<ProformaSignature>(
      html`<proforma-signature lang="cy" label="Eich llofnod"></proforma-signature>`,
    );
    expectWelsh(element, 'an empty signature');
    const typed = element.shadowRoot!.querySelector<HTMLInputElement>('input')!;
    typed.value = 'Siân Jones';
    typed.dispatchEvent(new Event('input', { bubbles: true }));
    await element.updateComplete;
    expect(shown(element)).to.contain('Llofnod wedi’i deipio');
    expectWelsh(element, 'a typed signature');
  });

  for (const [mode, views] of [
    ['teacher', ['assess', 'drafts', 'verify', 'register']],
    ['register', ['register', 'verify', 'assess', 'drafts']],
    ['public', []],
  ] as const) {
    it(`shows <proforma-app mode="${mode}"> and each of its views`, async function () {
      this.timeout(20000);
      const published = registerToJson([registerEntry('canva', 'Canva')], [], { published: true, now: new Date() });
      const registerSrc = URL.createObjectURL(new Blob([published], { type: 'application/json' }));
      const app = await fixture<ProformaApp>(
        html`<proforma-app
          lang="cy"
          mode=${mode}
          school-name="Ysgol Gwyn"
          register-src=${registerSrc}
          namespace=${freshNamespace()}
        ></proforma-app>`,
      );
      await waitUntil(() => viewLoaded(app), `the ${mode} app never loaded`, { timeout: 5000 });
      expectWelsh(app, `the ${mode} app`);
      for (const view of views) {
        app.view = view;
        await waitUntil(() => viewLoaded(app), `the ${view} view never loaded`, { timeout: 5000 });
        expectWelsh(app, `the ${view} view of the ${mode} app`);
      }
      URL.revokeObjectURL(registerSrc);
    });
  }
});

describe('the language of the page', () => {
  const pageLanguage = document.documentElement.lang;
  afterEach(() => {
    document.documentElement.lang = pageLanguage;
  });

  it('is followed by an element with no locale or lang of its own, when it is set and when it changes', async () => {
    document.documentElement.lang = 'cy';
    const element = await fixture<ProformaSignature>(html`<proforma-signature></proforma-signature>`);
    expect(shown(element)).to.contain('Dim llofnod eto');

    document.documentElement.lang = 'en-GB';
    await waitUntil(() => shown(element).includes('No signature yet'), 'still in Welsh');

    document.documentElement.lang = 'cy-GB';
    await waitUntil(() => shown(element).includes('Dim llofnod eto'), 'cy-GB is Welsh');
  });

  it('gives way to an element’s own locale or lang, so two languages can share a page', async () => {
    document.documentElement.lang = 'cy';
    // Made by hand: fixture() would wait for a frame, which a page in the background never gets.
    const side = document.createElement('div');
    render(
      html`<proforma-signature locale="en-GB"></proforma-signature>
        <section lang="en"><proforma-drafts namespace=${freshNamespace()}></proforma-drafts></section>
        <proforma-signature></proforma-signature>`,
      side,
    );
    document.body.append(side);
    const [english, drafts, welsh] = side.querySelectorAll('proforma-signature, proforma-drafts');
    await waitUntil(() => shown(drafts!).includes('No drafts yet'), 'the drafts were never listed');
    await waitUntil(() => shown(welsh!).trim(), 'the Welsh signature was never shown');

    expect(shown(english!)).to.contain('No signature yet');
    expect(shown(welsh!)).to.contain('Dim llofnod eto');
    side.remove();
  });

  it('marks an element given a locale with that lang, for screen readers, and unmarks it when the locale goes', async () => {
    document.documentElement.lang = 'en-GB';
    const element = await fixture<ProformaSignature>(html`<proforma-signature locale="cy"></proforma-signature>`);
    expect(element.getAttribute('lang')).to.equal('cy');
    expect(shown(element)).to.contain('Dim llofnod eto');

    element.locale = '';
    await waitUntil(() => shown(element).includes('No signature yet'), 'still in Welsh without its locale');
    expect(element.hasAttribute('lang')).to.equal(false);

    // A lang the host page gave the element itself is the page's to keep.
    const given = await fixture<ProformaSignature>(html`<proforma-signature lang="cy"></proforma-signature>`);
    expect(shown(given)).to.contain('Dim llofnod eto');
    expect(given.getAttribute('lang')).to.equal('cy');
  });
});
