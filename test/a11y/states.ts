// Every element in every state a person can meet: empty, loading done, errors shown, long lists,
// each outcome, panels open. The accessibility, target-size, forced-colours and reflow checks
// each go through this one list, so a state added here is checked every way at once.
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { ProformaApp } from '../../src/components/proforma-app/proforma-app.js';
import type { ProformaAssessment } from '../../src/components/proforma-assessment/proforma-assessment.js';
import type { ProformaDrafts } from '../../src/components/proforma-drafts/proforma-drafts.js';
import type { ProformaExport } from '../../src/components/proforma-export/proforma-export.js';
import type { ProformaRegister } from '../../src/components/proforma-register/proforma-register.js';
import type { ProformaSignature } from '../../src/components/proforma-signature/proforma-signature.js';
import type { ProformaVerify } from '../../src/components/proforma-verify/proforma-verify.js';
import type { Answers } from '../../src/model/answers.js';
import { makeBackup } from '../../src/model/draft.js';
import type { FormDefinition } from '../../src/model/form-definition.js';
import { registerToJson } from '../../src/model/register-json.js';
import { IndexedDbDraftStore } from '../../src/services/indexeddb-draft-store.js';
import { controlLabelled, kindsForm, renderFromUrl, SOCIAL_FORM_URL } from '../components/helpers.js';
import { freshNamespace, makeDraft } from '../drafts/helpers.js';
import { appendAfterSigning, padletForm, plainPdf, signedPadletPdf, smallAssessment } from '../pdf/signing-fixtures.js';
import { entry, FINGERPRINT, mixedEntries, seededStore } from '../register/entries.js';
import { catchDownloads, chooseFiles, deepButton, text, untilShown } from './helpers.js';

/** The fonts the build writes; a host page serving them from its own folder sets `fonts-src` so. */
export const FONTS = '/dist/fonts/';

export interface State {
  /** The element and the state, e.g. "<proforma-register> long list". */
  name: string;
  /** Puts the element on the page in that state. */
  render(): Promise<Element>;
}

/** A form of four questions: whose answers reach each outcome, and one that can be answered wrongly. */
export const outcomeForm = (): FormDefinition => ({
  ...kindsForm(),
  id: 'outcomes',
  title: 'Outcomes',
  sections: [
    {
      id: 'only',
      title: 'About the tool',
      questions: [
        { id: 'tool-name', kind: 'text', title: 'Name of the tool' },
        { id: 'privacy', kind: 'item', title: 'Pupil content can be private', critical: true },
        { id: 'moderation', kind: 'item', title: 'Comments are moderated', condition: 'Turn on moderation.' },
        { id: 'terms', kind: 'url', title: 'Terms of service', required: false },
      ],
    },
  ],
});

/** Answers to `outcomeForm` that reach each outcome. */
export const OUTCOME_ANSWERS: Record<string, Answers> = {
  approved: { 'tool-name': { value: 'Padlet' }, privacy: { value: 'met' }, moderation: { value: 'met' } },
  'approved with conditions': {
    'tool-name': { value: 'Padlet' },
    privacy: { value: 'met' },
    moderation: { value: 'partly' },
  },
  'not approved': { 'tool-name': { value: 'Padlet' }, privacy: { value: 'not-met' }, moderation: { value: 'met' } },
  incomplete: {},
};

const jsonUrl = (content: unknown) =>
  URL.createObjectURL(
    new Blob([typeof content === 'string' ? content : JSON.stringify(content)], { type: 'application/json' }),
  );

/** Types into a field as a person would, with the events a person's typing fires. */
export function typeInto(control: HTMLInputElement | HTMLTextAreaElement, words: string): void {
  control.value = words;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function assessment(form: FormDefinition, answers: Answers = {}): Promise<ProformaAssessment> {
  const element = await fixture<ProformaAssessment>(
    html`<proforma-assessment lang="en-GB" no-autosave .form=${form} .answers=${answers}></proforma-assessment>`,
  );
  await element.updateComplete;
  return element;
}

/** Opens "Sign and save as PDF" and waits until the panel has read the signing key. */
export async function openExportPanel(element: ProformaAssessment): Promise<ProformaExport> {
  deepButton(element, 'Sign and save as PDF').click();
  await waitUntil(() => element.shadowRoot!.querySelector('proforma-export'), 'the panel did not open');
  const panel = element.shadowRoot!.querySelector('proforma-export')!;
  panel.fontsSrc = FONTS;
  panel.namespace = freshNamespace();
  await panel.updateComplete;
  await waitUntil(() => !text(panel.shadowRoot).includes('Looking for your signing key'), 'the key was not read');
  return panel;
}

/** Fills in the signer and a typed signature in the open panel. */
export function fillInSigner(panel: ProformaExport): void {
  const fields = panel.shadowRoot!;
  typeInto(controlLabelled(fields, 'Your full name'), 'Siân Prydderch');
  typeInto(controlLabelled(fields, 'Your role'), 'Year 6 teacher');
  typeInto(controlLabelled(fields, 'School'), 'Ysgol Gwyn');
  const signature = fields.querySelector('proforma-signature')!;
  typeInto(controlLabelled(signature.shadowRoot!, 'Or type your name to sign'), 'Siân Prydderch');
}

/**
 * Holds back what the page sends to its workers until `release` is called, so that the page
 * stays in its "making the PDF" state for as long as a check needs.
 */
export function holdWorkers(): { release(): void } {
  const send = Worker.prototype.postMessage;
  const held: Array<() => void> = [];
  Worker.prototype.postMessage = function (this: Worker, ...message: unknown[]) {
    held.push(() => (send as (...args: unknown[]) => void).apply(this, message));
  } as typeof send;
  return {
    release() {
      Worker.prototype.postMessage = send;
      for (const post of held.splice(0)) post();
    },
  };
}

async function drafts(count: number): Promise<ProformaDrafts> {
  const namespace = freshNamespace();
  const store = new IndexedDbDraftStore(namespace);
  await store.restore(
    Array.from({ length: count }, (_, i) =>
      makeDraft(
        `d${String(i).padStart(2, '0')}`,
        { updatedAt: `2026-11-01T10:${String(i).padStart(2, '0')}:00.000Z` },
        { outcome: (['approved', 'approved-with-conditions', 'not-approved', 'incomplete'] as const)[i % 4] },
      ),
    ),
  );
  const element = await fixture<ProformaDrafts>(
    html`<proforma-drafts lang="en-GB" namespace=${namespace} forms="kinds"></proforma-drafts>`,
  );
  await waitUntil(() => !text(element.shadowRoot).includes('Loading your drafts'), 'drafts never loaded');
  return element;
}

async function verifyWith(...files: File[]): Promise<ProformaVerify> {
  const element = await fixture<ProformaVerify>(html`<proforma-verify .forms=${[padletForm]}></proforma-verify>`);
  if (files.length > 0) {
    chooseFiles(controlLabelled(element.shadowRoot!, 'Choose a signed PDF'), ...files);
    await waitUntil(() => text(element.shadowRoot).includes(files.at(-1)!.name), 'no result');
    await waitUntil(() => !text(element.shadowRoot).includes('Checking…'), 'the check never ended', { timeout: 8000 });
  }
  return element;
}

const pdfFile = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name, { type: 'application/pdf' });

async function register(entries = mixedEntries(), readonly = false): Promise<ProformaRegister> {
  const store = await seededStore(entries);
  const element = await fixture<ProformaRegister>(
    html`<proforma-register
      lang="en-GB"
      namespace=${store.namespace}
      ?readonly=${readonly}
      .forms=${[padletForm]}
    ></proforma-register>`,
  );
  await waitUntil(() => !text(element.shadowRoot).includes('Loading the register'), 'the register never loaded');
  return element;
}

/** A tool under review, signed by a key the register does not trust, with its assessment. */
const underReview = () =>
  entry('kahoot', {
    tool: 'Kahoot!',
    status: 'under-review',
    vendor: 'Kahoot ASA',
    url: 'https://kahoot.com',
    signerFingerprint: FINGERPRINT,
    assessment: smallAssessment({ id: 'kahoot-assessment', tool: { name: 'Kahoot!' } }),
  });

async function registerDetail(): Promise<ProformaRegister> {
  const element = await register([underReview(), ...mixedEntries().slice(0, 2)]);
  deepButton(element, 'Kahoot!').click();
  await waitUntil(() => element.shadowRoot!.activeElement?.id === 'detail-heading', 'the detail never opened');
  return element;
}

/** Presses a button and waits for the element to show what it made of it. */
async function press(element: Element, words: string, shown: string): Promise<void> {
  deepButton(element, words).click();
  await untilShown(element, shown);
}

async function app(attributes: {
  mode?: string;
  view?: string;
  forms?: string;
  registerSrc?: string;
}): Promise<ProformaApp> {
  const element = await fixture<ProformaApp>(
    html`<proforma-app
      lang="en-GB"
      namespace=${freshNamespace()}
      school-name="Ysgol Gwyn"
      mode=${attributes.mode ?? 'teacher'}
      view=${attributes.view ?? ''}
      forms=${attributes.forms ?? SMALL_FORM_URL}
      register-src=${attributes.registerSrc ?? ''}
    ></proforma-app>`,
  );
  return element;
}

/** Waits until the view on screen has its element drawn and its content loaded. */
async function appShowing(element: ProformaApp, words: string): Promise<ProformaApp> {
  await untilShown(element, words, 8000);
  return element;
}

const SMALL_FORM_URL = jsonUrl(outcomeForm());
const OTHER_FORM_URL = jsonUrl({ ...outcomeForm(), id: 'other', title: 'Another form' });
const PUBLISHED_URL = jsonUrl(registerToJson(mixedEntries(), [], { published: true, now: new Date() }));

const outcomeStates: State[] = Object.entries(OUTCOME_ANSWERS).map(([outcome, answers]) => ({
  name: `<proforma-assessment> ${outcome}`,
  render: () => assessment(outcomeForm(), answers),
}));

export const STATES: State[] = [
  {
    name: '<proforma-assessment> without a form',
    render: () => fixture(html`<proforma-assessment no-autosave></proforma-assessment>`),
  },
  {
    name: '<proforma-assessment> with a broken definition',
    async render() {
      const element = await assessment({ id: 'broken' } as unknown as FormDefinition);
      await waitUntil(() => element.shadowRoot!.querySelector('[part="problems"]'), 'no problems listed');
      return element;
    },
  },
  {
    name: '<proforma-assessment> social-tool form',
    render: () => renderFromUrl(SOCIAL_FORM_URL),
  },
  {
    name: '<proforma-assessment> every kind of question',
    render: () => assessment(kindsForm(), { 'under-13': { value: 'yes' }, privacy: { value: 'met', notes: 'Set.' } }),
  },
  ...outcomeStates,
  {
    name: '<proforma-assessment> with errors shown',
    async render() {
      const element = await assessment(outcomeForm(), { terms: { value: 'padlet.com' } });
      await openExportPanel(element);
      return element;
    },
  },
  {
    name: '<proforma-assessment> export panel open',
    async render() {
      const element = await assessment(outcomeForm(), OUTCOME_ANSWERS.approved);
      await openExportPanel(element);
      return element;
    },
  },
  {
    name: '<proforma-assessment> export panel with errors',
    async render() {
      const element = await assessment(outcomeForm(), OUTCOME_ANSWERS.approved);
      const panel = await openExportPanel(element);
      await press(panel, 'Sign and save PDF', 'There is a problem');
      return element;
    },
  },
  {
    name: '<proforma-assessment> exporting',
    async render() {
      const element = await assessment(outcomeForm(), OUTCOME_ANSWERS.approved);
      const panel = await openExportPanel(element);
      fillInSigner(panel);
      const workers = holdWorkers();
      try {
        await press(panel, 'Sign and save PDF', 'Making the PDF');
      } catch (error) {
        workers.release();
        throw error;
      }
      // The check runs on the next frame; the worker is let go after it, in `afterEach`.
      releaseAfterCheck.push(() => workers.release());
      return element;
    },
  },
  {
    name: '<proforma-assessment> PDF saved',
    async render() {
      const element = await assessment(outcomeForm(), OUTCOME_ANSWERS.approved);
      const panel = await openExportPanel(element);
      fillInSigner(panel);
      // Signing takes what it takes on a busy machine: wait for the export's event, not a clock.
      const exported = oneEvent(panel, 'proforma-pdf-exported');
      deepButton(panel, 'Sign and save PDF').click();
      await exported;
      await panel.updateComplete;
      await untilShown(panel, 'Signed and saved as');
      return element;
    },
  },

  { name: '<proforma-drafts> empty', render: () => drafts(0) },
  { name: '<proforma-drafts> long list', render: () => drafts(60) },
  {
    name: '<proforma-drafts> long list, all shown',
    async render() {
      const element = await drafts(60);
      await press(element, 'Show all 60 drafts', 'Tool d00');
      return element;
    },
  },
  {
    name: '<proforma-drafts> restore error',
    async render() {
      const element = await drafts(2);
      chooseFiles(
        element.shadowRoot!.querySelector('input[type="file"]')!,
        new File(['not a backup'], 'backup.json', { type: 'application/json' }),
      );
      await untilShown(element, 'Nothing was restored');
      return element;
    },
  },
  {
    name: '<proforma-drafts> restore with rejected records',
    async render() {
      const element = await drafts(1);
      const backup = makeBackup([makeDraft('restored')]);
      await element.importBackup(
        new Blob([JSON.stringify({ ...backup, drafts: [...backup.drafts, { nonsense: true }] })]),
      );
      await untilShown(element, '1 record(s) in the file could not be used');
      return element;
    },
  },
  {
    name: '<proforma-drafts> deleted, with undo',
    async render() {
      const element = await drafts(2);
      deepButton(element, 'Delete').click();
      await untilShown(element, 'Undo');
      return element;
    },
  },

  { name: '<proforma-verify> empty', render: () => verifyWith() },
  {
    name: '<proforma-verify> valid',
    render: async () => verifyWith(pdfFile(await signedPadletPdf(), 'padlet.pdf')),
  },
  {
    name: '<proforma-verify> invalid and not a PDF',
    render: async () =>
      verifyWith(
        pdfFile(appendAfterSigning(await signedPadletPdf()), 'changed.pdf'),
        new File(['Dear IT lead'], 'letter.txt', { type: 'text/plain' }),
      ),
  },
  { name: '<proforma-verify> unsigned', render: () => verifyWith(pdfFile(plainPdf(), 'draft.pdf')) },

  { name: '<proforma-register> empty', render: () => register([]) },
  { name: '<proforma-register> mixed statuses', render: () => register() },
  {
    name: '<proforma-register> long list',
    render: () => register(Array.from({ length: 120 }, (_, i) => entry(`t${String(i).padStart(3, '0')}`))),
  },
  {
    name: '<proforma-register> filters with no match',
    async render() {
      const element = await register();
      const status = controlLabelled<HTMLSelectElement>(element.shadowRoot!, 'Status');
      status.value = 'retired';
      status.dispatchEvent(new Event('change'));
      await untilShown(element, 'No tools match these filters.');
      return element;
    },
  },
  { name: '<proforma-register> detail', render: registerDetail },
  {
    name: '<proforma-register> decision errors',
    async render() {
      const element = await registerDetail();
      await press(element, 'Record the decision', 'The decision was not recorded');
      return element;
    },
  },
  {
    name: '<proforma-register> trust-key form',
    async render() {
      const element = await registerDetail();
      deepButton(element, 'Trust this key').click();
      await waitUntil(() => element.shadowRoot!.activeElement?.id === 'trust-name', 'the form did not open');
      return element;
    },
  },
  {
    name: '<proforma-register> retire errors',
    async render() {
      const element = await registerDetail();
      await press(element, 'Retire the tool', 'The tool was not retired');
      return element;
    },
  },
  {
    name: '<proforma-register> import problems',
    async render() {
      const element = await register();
      typeInto(controlLabelled(element.shadowRoot!, 'Your name'), 'J. Evans, IT lead');
      chooseFiles(
        controlLabelled(element.shadowRoot!, 'Import CSV'),
        new File(['Tool,Status\r\nFlip,Maybe\r\n'], 'bad.csv', { type: 'text/csv' }),
      );
      await untilShown(element, 'Nothing was imported from bad.csv');
      return element;
    },
  },
  { name: '<proforma-register> staff view', render: () => register(mixedEntries(), true) },
  {
    name: '<proforma-register> published file, detail',
    async render() {
      const element = await fixture<ProformaRegister>(
        html`<proforma-register lang="en-GB" readonly src=${PUBLISHED_URL}></proforma-register>`,
      );
      await untilShown(element, 'Padlet');
      deepButton(element, 'Padlet').click();
      await waitUntil(() => element.shadowRoot!.activeElement?.id === 'detail-heading', 'the detail never opened');
      return element;
    },
  },
  {
    name: '<proforma-register> published file that cannot be read',
    async render() {
      const element = await fixture<ProformaRegister>(
        html`<proforma-register lang="en-GB" readonly src=${jsonUrl('{"kind": ')}></proforma-register>`,
      );
      await untilShown(element, 'cannot be read');
      return element;
    },
  },

  {
    name: '<proforma-signature> empty',
    render: () => fixture(html`<proforma-signature label="Designated safeguarding lead"></proforma-signature>`),
  },
  {
    name: '<proforma-signature> drawn',
    async render() {
      const element = await fixture<ProformaSignature>(html`<proforma-signature></proforma-signature>`);
      const canvas = element.shadowRoot!.querySelector('canvas')!;
      const box = canvas.getBoundingClientRect();
      const at = (x: number) => ({
        clientX: box.left + x * box.width,
        clientY: box.top + box.height / 2,
        pointerId: 1,
        pointerType: 'mouse',
        button: 0,
        bubbles: true,
      });
      canvas.dispatchEvent(new PointerEvent('pointerdown', at(0.2)));
      canvas.dispatchEvent(new PointerEvent('pointermove', at(0.6)));
      canvas.dispatchEvent(new PointerEvent('pointerup', at(0.6)));
      await untilShown(element, 'Signature drawn');
      return element;
    },
  },
  {
    name: '<proforma-signature> typed',
    async render() {
      const element = await fixture<ProformaSignature>(html`<proforma-signature></proforma-signature>`);
      typeInto(controlLabelled(element.shadowRoot!, 'Or type your name to sign'), 'Siân Prydderch');
      await untilShown(element, 'Signature typed');
      return element;
    },
  },

  {
    name: '<proforma-app> teacher, new assessment',
    render: async () => appShowing(await app({}), 'Pupil content can be private'),
  },
  {
    name: '<proforma-app> teacher, choosing a form',
    render: async () => appShowing(await app({ forms: `${SMALL_FORM_URL} ${OTHER_FORM_URL}` }), 'Another form'),
  },
  {
    name: '<proforma-app> teacher, drafts',
    render: async () => appShowing(await app({ view: 'drafts' }), 'No drafts yet'),
  },
  {
    name: '<proforma-app> teacher, check a signed PDF',
    render: async () => appShowing(await app({ view: 'verify' }), 'Choose a signed PDF'),
  },
  {
    name: '<proforma-app> teacher, approved tools',
    render: async () => appShowing(await app({ view: 'register', registerSrc: PUBLISHED_URL }), 'Padlet'),
  },
  {
    name: '<proforma-app> IT lead, register',
    render: async () => appShowing(await app({ mode: 'register' }), 'The register is empty'),
  },
  {
    name: '<proforma-app> IT lead, new assessment',
    render: async () => appShowing(await app({ mode: 'register', view: 'assess' }), 'Pupil content can be private'),
  },
  {
    name: '<proforma-app> public',
    render: async () => appShowing(await app({ mode: 'public', registerSrc: PUBLISHED_URL }), 'Padlet'),
  },
  {
    name: '<proforma-app> public, no register given',
    render: async () => appShowing(await app({ mode: 'public' }), 'No register to show'),
  },
  {
    name: '<proforma-app> unknown mode',
    render: async () => appShowing(await app({ mode: 'admin' }), 'admin'),
  },
  {
    name: '<proforma-app> a form that cannot be read',
    render: async () => appShowing(await app({ forms: 'no-such-form' }), 'no-such-form'),
  },
];

/** Workers held by a state, let go once the state has been checked. */
const releaseAfterCheck: Array<() => void> = [];

/**
 * One test a state: puts the element on the page in that state, then runs `check` on it. Files
 * the element offers for download are caught, not saved.
 */
export function checkEveryState(check: (element: Element) => Promise<void>): void {
  let downloads: ReturnType<typeof catchDownloads>;
  beforeEach(() => {
    downloads = catchDownloads();
  });
  afterEach(() => {
    downloads.stop();
    for (const release of releaseAfterCheck.splice(0)) release();
  });
  for (const state of STATES) {
    it(state.name, async () => check(await state.render()));
  }
}
