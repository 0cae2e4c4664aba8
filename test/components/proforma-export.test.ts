import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ProformaAssessment } from '../../src/components/proforma-assessment/proforma-assessment.js';
import type { ProformaExport } from '../../src/components/proforma-export/proforma-export.js';
import type { ProformaPdfExportedEvent } from '../../src/events/pdf-exported.js';
import type { Assessment } from '../../src/model/assessment.js';
import { checkFormDefinition } from '../../src/model/form-rules.js';
import type { FormDefinition } from '../../src/model/form-definition.js';
import { verifyPdf } from '../../src/pdf/verify-pdf.js';
import { freshNamespace } from '../drafts/helpers.js';
import { completeSocialAssessment } from '../pdf/fixtures.js';
import { runPdfTool } from '../pdf/pdf-tools.js';
import { controlLabelled, questionTitled, root, SOCIAL_FORM_URL } from './helpers.js';

/** The fonts the build writes; the source tree has none beside the PDF code. */
const FONTS = '/dist/fonts/';
/** Laying out and signing the whole social-tool form takes a few seconds in a busy browser. */
const EXPORT_TIMEOUT = 30_000;

let form: FormDefinition;

const flatText = (element: Element) => (root(element).textContent ?? '').replace(/\s+/g, ' ');

/** The element that has focus, looking inside shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const buttonNamed = (scope: ParentNode, name: string) =>
  [...scope.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);

const typedSignature = (panel: ProformaExport) =>
  controlLabelled(root(panel.shadowRoot!.querySelector('proforma-signature')!), 'Or type your name to sign');

async function renderExport(assessment: Assessment = completeSocialAssessment(form)): Promise<ProformaExport> {
  const element = await fixture<ProformaExport>(
    html`<proforma-export
      .assessment=${assessment}
      .form=${form}
      namespace=${freshNamespace()}
      fonts-src=${FONTS}
    ></proforma-export>`,
  );
  await waitUntil(() => !flatText(element).includes('Looking for your signing key'), 'the key was not read');
  return element;
}

/** Control+A, so that what is typed next replaces the field's text. */
async function selectAllWithKeys(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'KeyA' });
  await sendKeys({ up: 'Control' });
}

/** Empties a field with the keyboard. */
async function clear(control: HTMLInputElement): Promise<void> {
  control.focus();
  control.select();
  await sendKeys({ press: 'Backspace' });
}

/** Types into a field as a person would, replacing what was there. */
async function fill(control: HTMLInputElement, text: string): Promise<void> {
  control.focus();
  control.select();
  await sendKeys({ type: text });
}

/** Fills in the signer and a typed signature. */
async function fillIn(
  element: ProformaExport,
  signer = { name: 'Siân Prydderch', role: 'Year 6 teacher', school: 'Ysgol Gwyn' },
): Promise<void> {
  await fill(controlLabelled(root(element), 'Your full name'), signer.name);
  await fill(controlLabelled(root(element), 'Your role'), signer.role);
  await fill(controlLabelled(root(element), 'School'), signer.school);
  await fill(typedSignature(element), signer.name);
}

/** Presses the sign button, and waits for the PDF. */
async function sign(element: ProformaExport) {
  const exported = oneEvent(element, 'proforma-pdf-exported') as Promise<ProformaPdfExportedEvent>;
  buttonNamed(root(element), 'Sign and save PDF')!.click();
  return (await exported).detail;
}

/** Fills in the signer and a typed signature, presses sign, and waits for the PDF. */
async function fillAndSign(element: ProformaExport) {
  await fillIn(element);
  return sign(element);
}

/** Links with `download` are not followed during a test: their names are kept here instead. */
let downloads: string[];
const followLink = HTMLAnchorElement.prototype.click;
/** Removed after each test: what `fixture()` cannot make, as it waits for a frame a background page never gets. */
const madeByHand: Element[] = [];

/** The social form with complete answers set by the host page, and its "Sign and save as PDF" panel opened. */
async function openPanelOnCompleteForm() {
  const assessmentElement = await fixture<ProformaAssessment>(
    html`<proforma-assessment form-src=${SOCIAL_FORM_URL} namespace=${freshNamespace()}></proforma-assessment>`,
  );
  await waitUntil(() => assessmentElement.definition, 'the form did not load');
  assessmentElement.answers = completeSocialAssessment(form).answers;
  await assessmentElement.updateComplete;
  buttonNamed(root(assessmentElement), 'Sign and save as PDF')!.click();
  await waitUntil(() => root(assessmentElement).querySelector('proforma-export'), 'the panel did not open');
  return { assessmentElement, panel: root(assessmentElement).querySelector('proforma-export')! };
}

describe('<proforma-export>', () => {
  before(async () => {
    form = checkFormDefinition(await (await fetch(SOCIAL_FORM_URL)).json())!;
  });

  beforeEach(() => {
    downloads = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.hasAttribute('download')) downloads.push(this.download);
      else followLink.call(this);
    };
  });

  afterEach(() => {
    HTMLAnchorElement.prototype.click = followLink;
    for (const element of madeByHand.splice(0)) element.remove();
  });

  it('signs and saves from the keyboard alone, from the button at the end of the form', async function () {
    this.timeout(EXPORT_TIMEOUT);
    const assessmentElement = await fixture<ProformaAssessment>(
      html`<proforma-assessment form-src=${SOCIAL_FORM_URL} namespace=${freshNamespace()}></proforma-assessment>`,
    );
    await waitUntil(() => assessmentElement.definition, 'the form did not load');
    const answers = completeSocialAssessment(form).answers;
    assessmentElement.answers = answers;
    await assessmentElement.updateComplete;

    // Tabbing through some seventy questions proves nothing more: start at the button.
    buttonNamed(root(assessmentElement), 'Sign and save as PDF')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(assessmentElement).querySelector('proforma-export'), 'the panel did not open');
    const panel = root(assessmentElement).querySelector('proforma-export')!;
    // What a host page serving the fonts from its own folder would set.
    panel.fontsSrc = FONTS;
    await waitUntil(() => focused()?.localName === 'h2', 'focus did not move to the panel');
    expect(focused()!.textContent).to.equal('Sign and save as PDF');
    await waitUntil(() => !flatText(panel).includes('Looking for your signing key'), 'the key was not read');

    for (const [label, text] of [
      ['Your full name', 'Siân Prydderch'],
      ['Your role', 'Year 6 teacher'],
      ['School', 'Ysgol Gwyn'],
    ]) {
      await sendKeys({ press: 'Tab' });
      expect(focused(), `Tab reaches “${label}”`).to.equal(controlLabelled(root(panel), label!));
      await selectAllWithKeys();
      await sendKeys({ type: text! });
    }
    await sendKeys({ press: 'Tab' });
    expect(focused(), 'Tab reaches the typed signature').to.equal(typedSignature(panel));
    await sendKeys({ type: 'Siân Prydderch' });
    for (let presses = 0; presses < 5 && focused()?.textContent?.trim() !== 'Sign and save PDF'; presses += 1) {
      await sendKeys({ press: 'Tab' });
    }
    expect(focused()?.textContent?.trim(), 'Tab reaches the sign button').to.equal('Sign and save PDF');
    const exported = oneEvent(assessmentElement, 'proforma-pdf-exported') as Promise<ProformaPdfExportedEvent>;
    await sendKeys({ press: 'Enter' });
    const { pdf, fileName, fingerprint } = (await exported).detail;

    const verified = await verifyPdf(pdf);
    expect(verified.problems).to.deep.equal([]);
    expect(verified.status).to.equal('valid');
    expect(verified.signer).to.deep.equal({
      name: 'Siân Prydderch',
      role: 'Year 6 teacher',
      school: 'Ysgol Gwyn',
      fingerprint,
    });
    expect(verified.assessment!.answers).to.deep.equal(answers);
    const signature = await runPdfTool('pdfsig', pdf);
    expect(signature.stdout, signature.stdout + signature.stderr).to.contain(
      'Signature Validation: Signature is Valid.',
    );
    expect(signature.stdout).to.contain('Total document signed');
    const today = new Date().toISOString().slice(0, 10);
    expect(fileName).to.equal(`padlet-risk-assessment-${today}.pdf`);
    expect(downloads, 'the PDF was offered for download').to.deep.equal([fileName]);
    await panel.updateComplete;
    expect(flatText(panel)).to.contain(`Signed and saved as ${fileName}.`);
    expect(focused()?.textContent?.trim(), 'focus stays on the sign button').to.equal('Sign and save PDF');
  });

  it('lists each problem as a link to its field when fields are empty, and moves focus to the list', async () => {
    const element = await renderExport();
    await clear(controlLabelled(root(element), 'Your full name'));
    await clear(controlLabelled(root(element), 'Your role'));

    buttonNamed(root(element), 'Sign and save PDF')!.click();
    await waitUntil(() => root(element).querySelector('[role="alert"]'), 'no problems were shown');

    const summary = root(element).querySelector<HTMLElement>('[role="alert"]')!;
    expect(focused(), 'focus moves to the list of problems').to.equal(summary);
    expect(summary.textContent).to.contain('There is a problem');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((link) => link.textContent!.trim())).to.deep.equal([
      'Enter your full name',
      'Enter your role, for example “Class teacher”',
      'Enter the name of your school',
      'Sign by drawing your signature or typing your name',
    ]);
    for (const label of ['Your full name', 'Your role', 'School']) {
      expect(controlLabelled(root(element), label).getAttribute('aria-invalid'), label).to.equal('true');
    }
    links[1]!.focus();
    await sendKeys({ press: 'Enter' });
    expect(focused(), 'the link moves focus to its field').to.equal(controlLabelled(root(element), 'Your role'));
    links[3]!.click();
    expect(focused(), 'the signature link moves focus to where one signs with keys').to.equal(typedSignature(element));
  });

  it('asks for the assessment to be finished first, and offers no way to sign', async () => {
    const finished = completeSocialAssessment(form);
    const element = await renderExport({ ...finished, answers: { 'tool-name': { value: 'Padlet' } } });

    expect(flatText(element)).to.match(
      /Finish the assessment first: \d+ required question\(s\) are not answered yet\./,
    );
    expect(buttonNamed(root(element), 'Sign and save PDF')).to.equal(undefined);
    expect(root(element).querySelector('input')).to.equal(null);
  });

  it('takes the name and role from the first sign-off already answered', async () => {
    const element = await renderExport();

    expect(controlLabelled(root(element), 'Your full name').value).to.equal('Łukasz Nowak');
    expect(controlLabelled(root(element), 'Your role').value).to.equal('Teacher (assessor)');
    expect(controlLabelled(root(element), 'School').value, 'no school given yet').to.equal('');
  });

  it('shows the fingerprint of the key that signed, and a new one after “Make a new signing key”', async function () {
    this.timeout(EXPORT_TIMEOUT);
    const element = await renderExport();
    expect(flatText(element)).to.contain('This browser has no signing key for you yet');

    const { pdf } = await fillAndSign(element);
    await element.updateComplete;

    const shown = () => root(element).querySelector('[part="fingerprint"]')?.textContent?.trim();
    const { signer } = await verifyPdf(pdf);
    expect(shown(), 'the fingerprint shown is the one in the PDF').to.equal(signer!.fingerprint);
    root(element).querySelector('summary')!.click();
    buttonNamed(root(element), 'Make a new signing key')!.click();
    await waitUntil(() => shown() !== signer!.fingerprint, 'the fingerprint did not change');
    expect(shown()).to.match(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(focused(), 'focus moves to the new fingerprint').to.equal(
      root(element).querySelector('[part="fingerprint"]'),
    );
  });

  it('makes a US Letter page when US Letter is chosen, signing on Enter in a field', async function () {
    this.timeout(EXPORT_TIMEOUT);
    const element = await renderExport();
    controlLabelled(root(element), 'US Letter').click();
    await fillIn(element);

    // Enter in a field signs too.
    controlLabelled(root(element), 'School').focus();
    const exported = oneEvent(element, 'proforma-pdf-exported') as Promise<ProformaPdfExportedEvent>;
    await sendKeys({ press: 'Enter' });
    const { pdf } = (await exported).detail;

    const info = await runPdfTool('pdfinfo', pdf);
    expect(info.stdout, info.stdout + info.stderr).to.match(/Page size:\s+612 x 792 pts/);
  });

  it('is accessible when it opens, when it lists problems, and when the PDF is saved', async function () {
    this.timeout(EXPORT_TIMEOUT);
    const element = await renderExport();
    await expect(element).to.be.accessible();

    await clear(controlLabelled(root(element), 'Your full name'));
    buttonNamed(root(element), 'Sign and save PDF')!.click();
    await waitUntil(() => root(element).querySelector('[role="alert"]'), 'no problems were shown');
    await expect(element).to.be.accessible();

    await fillAndSign(element);
    await waitUntil(() => flatText(element).includes('Signed and saved as'), 'not done');
    await expect(element).to.be.accessible();
  });

  it('says why the PDF could not be made, moves focus there, and keeps what was entered', async function () {
    this.timeout(EXPORT_TIMEOUT);
    const element = await renderExport();
    element.setAttribute('fonts-src', '/no-such-folder/');
    await fill(controlLabelled(root(element), 'School'), 'Ysgol Gwyn');
    await fill(typedSignature(element), 'Łukasz Nowak');

    buttonNamed(root(element), 'Sign and save PDF')!.click();
    await waitUntil(() => flatText(element).includes('The PDF could not be made'), 'no failure shown', {
      timeout: EXPORT_TIMEOUT - 5000,
    });

    const failure = root(element).querySelector<HTMLElement>('[role="alert"]')!;
    expect(failure.textContent).to.contain('The PDF could not be made');
    expect(failure.textContent).to.match(/noto-sans-\w+\.ttf could not be loaded \(HTTP 404\)/);
    expect(focused(), 'focus moves to the failure').to.equal(failure);
    expect(controlLabelled(root(element), 'Your full name').value).to.equal('Łukasz Nowak');
    expect(controlLabelled(root(element), 'School').value).to.equal('Ysgol Gwyn');
    expect(typedSignature(element).value).to.equal('Łukasz Nowak');
    expect(downloads).to.deep.equal([]);
  });

  it('in <proforma-assessment>, follows answers the host page sets after it opened', async () => {
    const { assessmentElement, panel } = await openPanelOnCompleteForm();
    await panel.updateComplete;
    expect(buttonNamed(root(panel), 'Sign and save PDF'), 'ready to sign').to.not.equal(undefined);

    assessmentElement.answers = { 'tool-name': { value: 'Padlet' } };
    await assessmentElement.updateComplete;
    await panel.updateComplete;

    expect(flatText(panel)).to.contain('Finish the assessment first');
  });

  it('in <proforma-assessment>, signs the draft being edited, under its draft id', async function () {
    this.timeout(EXPORT_TIMEOUT);
    const { assessmentElement, panel } = await openPanelOnCompleteForm();
    panel.fontsSrc = FONTS;

    // One change, so the draft code loads after the panel took the answers.
    const deletionTested = questionTitled(assessmentElement, 'Deleting an account has been tried');
    controlLabelled(deletionTested, 'Met').click();
    await waitUntil(() => assessmentElement.draftId, 'no draft was made');
    await assessmentElement.updateComplete;
    const { pdf } = await fillAndSign(panel);

    const { assessment } = await verifyPdf(pdf);
    expect(assessment!.id, 'the PDF carries the draft’s id').to.equal(assessmentElement.draftId);
    expect(assessment!.answers['account-deletion-tested']!.value).to.equal('met');
  });

  it('in a strict sandbox (no forms, downloads or tabs), signs and says how to get the PDF', async function () {
    this.timeout(EXPORT_TIMEOUT);
    // Scripts only, as some embeds allow; window.open then gives null, as when a browser refuses a new tab.
    const frame = document.createElement('iframe');
    frame.title = 'Embedded assessment';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    frame.srcdoc = `<!doctype html><script type="module">import '/src/define/proforma-export.js';</script>`;
    document.body.append(frame);
    madeByHand.push(frame);
    await waitUntil(() => frame.contentWindow?.customElements.get('proforma-export'), 'the frame did not load');
    const element = frame.contentDocument!.createElement('proforma-export');
    Object.assign(element, { assessment: completeSocialAssessment(form), form, namespace: freshNamespace() });
    element.fontsSrc = FONTS;
    frame.contentDocument!.body.append(element);
    await waitUntil(() => !flatText(element).includes('Looking for your signing key'), 'the key was not read');
    // Keys go to the top page while it is in the background, so the frame's fields are set directly.
    for (const [control, text] of [
      [controlLabelled(root(element), 'School'), 'Ysgol Gwyn'],
      [typedSignature(element), 'Łukasz Nowak'],
    ] as const) {
      control.value = text;
      control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }

    const { fileName } = await sign(element);
    await element.updateComplete;

    expect(flatText(element)).to.contain(`Signed. Open the PDF with the link below and save it as ${fileName}.`);
    expect(flatText(element)).not.to.contain('saved as');
    const link = [...root(element).querySelectorAll('a')].find((each) => each.textContent === 'Open the PDF');
    expect(link?.href, 'a link opens the PDF').to.match(/^blob:/);
    expect(link?.hasAttribute('download'), 'it opens rather than downloads, which is blocked').to.equal(false);
  });
});
