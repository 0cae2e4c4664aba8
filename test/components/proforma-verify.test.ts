import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ProformaVerify } from '../../src/components/proforma-verify/proforma-verify.js';
import type { ProformaVerifiedEvent } from '../../src/events/verified.js';
import type { Assessment } from '../../src/model/assessment.js';
import { canonicalAssessmentJson } from '../../src/model/canonical-json.js';
import type { FormDefinition } from '../../src/model/form-definition.js';
import { signPdf } from '../../src/pdf/pdf-signature.js';
import { createDeviceKey, type DeviceKey } from '../../src/services/device-key.js';
import { appendAfterSigning, plainPdf, smallAssessment } from '../pdf/signing-fixtures.js';
import { controlLabelled } from './helpers.js';
import { attachedFileNumber, embeddedAssessment, signAgain } from '../pdf/attack-files.js';

const signer = { name: 'Łukasz Nowak', role: 'Teacher', school: 'Ysgol Gwyn' };
const signedAt = new Date('2026-11-21T09:30:00Z');
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');

/** A form the signed assessment below matches: 3 of 4 points is 75%, approved with conditions. */
const padletForm: FormDefinition = {
  format: '1.0',
  id: 'padlet-check',
  version: '1.0.0',
  title: 'Padlet check',
  scoring: {
    readiness: { approved: 80, approvedWithConditions: 60 },
    riskBands: { green: 4, amber: 9, red: 16 },
    residualRisk: { approved: 'green', approvedWithConditions: 'red' },
  },
  sections: [
    {
      id: 'only',
      title: 'Only section',
      questions: [
        { id: 'privacy', kind: 'item', title: 'Pupil content can be private', critical: true },
        { id: 'moderation', kind: 'item', title: 'Comments are moderated' },
      ],
    },
  ],
};

const padletAssessment = smallAssessment({
  form: { id: 'padlet-check', version: '1.0.0' },
  tool: { name: 'Padlet', url: 'https://padlet.com', vendor: 'Wallwisher Inc.' },
  answers: { privacy: { value: 'met' }, moderation: { value: 'partly' } },
});

let key: DeviceKey;
let signed: Uint8Array;

function sign(pdf: Uint8Array, withKey: DeviceKey, assessment: Assessment = padletAssessment): Promise<Uint8Array> {
  return signPdf(
    pdf,
    withKey,
    {
      name: 'assessment.json',
      bytes: new TextEncoder().encode(canonicalAssessmentJson(assessment)),
      mimeType: 'application/json',
      description: 'The assessment data',
    },
    { name: withKey.signer.name, reason: 'Risk assessment completed', signedAt },
  );
}

const pdfFile = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name, { type: 'application/pdf' });

function flipByteAfter(pdf: Uint8Array, marker: string): Uint8Array {
  const copy = pdf.slice();
  const at = latin1(pdf).indexOf(marker) + marker.length + 2;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

/** What the element shows, as one line of text. */
const shown = (element: Element) => element.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

/** The text of the result listed under the heading `fileName`. */
function resultFor(element: Element, fileName: string): string {
  const heading = [...element.shadowRoot!.querySelectorAll('h3')].find((h) => h.textContent?.trim() === fileName);
  if (!heading) throw new Error(`no result headed "${fileName}"`);
  return heading.closest('li')!.textContent!.replace(/\s+/g, ' ').trim();
}

async function verifier(
  properties: { trustedFingerprints?: string[]; forms?: FormDefinition[] } = {},
): Promise<ProformaVerify> {
  return fixture<ProformaVerify>(
    html`<proforma-verify
      lang="en-GB"
      .trustedFingerprints=${properties.trustedFingerprints ?? []}
      .forms=${properties.forms ?? []}
    ></proforma-verify>`,
  );
}

/** Chooses files with the file input, as a person would. */
function pick(element: ProformaVerify, ...files: File[]): void {
  const input = controlLabelled(element.shadowRoot!, 'Choose a signed PDF');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Waits until every file shown is checked. */
async function checked(element: ProformaVerify): Promise<void> {
  await element.updateComplete;
  await waitUntil(() => !shown(element).includes('Checking…'), 'the files were never checked', { timeout: 8000 });
}

/** Chooses files with the file input, as a person would, and waits until every one is checked. */
async function choose(element: ProformaVerify, ...files: File[]): Promise<void> {
  pick(element, ...files);
  await checked(element);
}

describe('<proforma-verify>', () => {
  before(async () => {
    key = await createDeviceKey(signer);
    signed = await sign(plainPdf('Outcome: Approved with conditions'), key);
  });

  it('offers a file input, reached with Tab, and is accessible before any file is chosen', async () => {
    const element = await verifier();
    const before = document.createElement('button');
    before.textContent = 'Before';
    element.before(before);
    before.focus();

    await sendKeys({ press: 'Tab' });

    const input = controlLabelled(element.shadowRoot!, 'Choose a signed PDF');
    expect(element.shadowRoot!.activeElement, 'Tab reaches the file input').to.equal(input);
    expect(input.accept).to.contain('application/pdf');
    expect(input.multiple, 'several files at once').to.equal(true);
    await expect(element).to.be.accessible();
    before.remove();
  });

  it('says who signed a valid file, when, with which key, and what it assesses', async () => {
    const element = await verifier({ forms: [padletForm] });

    await choose(element, pdfFile(signed, 'padlet.pdf'));

    const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(signedAt);
    const result = resultFor(element, 'padlet.pdf');
    expect(result).to.contain(
      `Valid: signed by Łukasz Nowak (Teacher, Ysgol Gwyn) on 21 November 2026 at ${time}, and not changed since.`,
    );
    expect(result, 'the key, to compare with the one recorded').to.contain(key.fingerprint);
    expect(result).to.contain('Padlet').and.to.contain('https://padlet.com').and.to.contain('Wallwisher Inc.');
    expect(result).to.contain('Padlet check (padlet-check, version 1.0.0)').and.to.contain('a-1');
    expect(result, 'last updated').to.contain('20 November 2026');
    expect(result, 'outcome from the form given').to.contain('Approved with conditions').and.to.contain('75%');
    expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent, 'announced').to.contain('Valid:');
    await expect(element).to.be.accessible();
  });

  it('shows the summary without an outcome when it has no form for the assessment', async () => {
    const element = await verifier();

    await choose(element, pdfFile(signed, 'padlet.pdf'));

    const result = resultFor(element, 'padlet.pdf');
    expect(result).to.contain('padlet-check, version 1.0.0');
    expect(result).not.to.contain('Outcome');
  });

  it('says a file changed after signing is not valid, and how it was changed', async () => {
    const element = await verifier();

    await choose(
      element,
      pdfFile(flipByteAfter(signed, '/MediaBox'), 'flipped.pdf'),
      pdfFile(appendAfterSigning(signed), 'appended.pdf'),
    );

    const flipped = resultFor(element, 'flipped.pdf');
    expect(flipped).to.contain('Not valid:').and.to.contain('Łukasz Nowak');
    expect(flipped).to.contain('The file was changed after it was signed');
    expect(flipped, 'no summary from a changed file').not.to.contain('The assessment');
    const appended = resultFor(element, 'appended.pdf');
    expect(appended).to.contain('Not valid:');
    expect(appended).to.contain('Something was added to the file after it was signed.');
    await expect(element).to.be.accessible();
  });

  it('says a file changed and signed again under the same name is not valid, naming both keys', async () => {
    const impostor = await createDeviceKey(signer);
    const forged = await signAgain(signed, impostor, () => [
      [attachedFileNumber(signed), embeddedAssessment(smallAssessment({ tool: { name: 'Changed' } }))],
    ]);
    const element = await verifier();

    await choose(element, pdfFile(forged, 'forged.pdf'));

    const result = resultFor(element, 'forged.pdf');
    expect(result).to.contain('Not valid:');
    expect(result).to.contain(
      `Signed by Łukasz Nowak (fingerprint ${key.fingerprint}), then changed and signed again by another key calling itself Łukasz Nowak (fingerprint ${impostor.fingerprint}).`,
    );
    expect(result, 'no summary from a forged file').not.to.contain('The assessment');
    await expect(element).to.be.accessible();
  });

  it('refuses a file over 50 MB without reading it, saying why', async () => {
    const element = await verifier();

    await choose(element, pdfFile(new Uint8Array(50 * 1024 * 1024 + 1), 'huge.pdf'));

    expect(resultFor(element, 'huge.pdf')).to.contain(
      'The file is 51 MB, far larger than a signed assessment, so it was not checked. Files over 50 MB are not read.',
    );
    await expect(element).to.be.accessible();
  });

  it('says an unsigned PDF is not signed', async () => {
    const element = await verifier();

    await choose(element, pdfFile(plainPdf(), 'draft.pdf'));

    expect(resultFor(element, 'draft.pdf')).to.contain('Not signed: this PDF has no digital signature');
  });

  it('says a file that is not a PDF is not one, without throwing', async () => {
    const element = await verifier();

    await choose(element, new File(['Dear IT lead, here is the form.'], 'letter.txt', { type: 'text/plain' }));

    expect(resultFor(element, 'letter.txt')).to.contain('Not valid: this file is not a PDF.');
  });

  it('checks several files at once, one result each, and fires proforma-verified for each', async () => {
    const element = await verifier();
    const fired: ProformaVerifiedEvent[] = [];
    element.addEventListener('proforma-verified', (event) => fired.push(event));

    await choose(
      element,
      pdfFile(signed, 'one.pdf'),
      pdfFile(plainPdf(), 'two.pdf'),
      new File(['not a pdf'], 'three.txt'),
    );

    expect(resultFor(element, 'one.pdf')).to.contain('Valid:');
    expect(resultFor(element, 'two.pdf')).to.contain('Not signed:');
    expect(resultFor(element, 'three.txt')).to.contain('Not valid: this file is not a PDF.');
    expect(fired.map((event) => [event.detail.fileName, event.detail.result.status])).to.deep.equal([
      ['one.pdf', 'valid'],
      ['two.pdf', 'unsigned'],
      ['three.txt', 'invalid'],
    ]);
  });

  it('fires proforma-verified with the result, leaving the shadow root', async () => {
    const element = await verifier();

    setTimeout(() => void choose(element, pdfFile(signed, 'padlet.pdf')));
    const event = (await oneEvent(document, 'proforma-verified')) as ProformaVerifiedEvent;

    expect(event.composed && event.bubbles).to.equal(true);
    expect(event.detail.fileName).to.equal('padlet.pdf');
    expect(event.detail.result.status).to.equal('valid');
    expect(event.detail.result.signer?.fingerprint).to.equal(key.fingerprint);
    expect(event.detail.result.assessment?.tool.name).to.equal('Padlet');
  });

  it('names the fingerprint of a key the school does not trust', async () => {
    const impostor = await createDeviceKey(signer);
    const resigned = await sign(plainPdf('Outcome: Approved'), impostor);
    const element = await verifier({ trustedFingerprints: [key.fingerprint] });

    await choose(element, pdfFile(resigned, 'resigned.pdf'), pdfFile(signed, 'genuine.pdf'));

    const untrusted = resultFor(element, 'resigned.pdf');
    expect(untrusted).to.contain('Not valid:');
    expect(untrusted).to.contain(`not one of the keys your school trusts. Its fingerprint is ${impostor.fingerprint}.`);
    const genuine = resultFor(element, 'genuine.pdf');
    expect(genuine).to.contain('Valid:').and.to.contain('This key is one of the keys your school trusts.');
  });

  it('accepts trusted fingerprints however they were copied', async () => {
    const copied = key.fingerprint.replace(/:/g, '').toLowerCase();
    const element = await verifier({ trustedFingerprints: [copied] });

    await choose(element, pdfFile(signed, 'padlet.pdf'));

    expect(resultFor(element, 'padlet.pdf')).to.contain('Valid:');
  });

  it('shows only the files chosen last when a choice comes while the one before is being checked', async () => {
    const element = await verifier();
    const fired: string[] = [];
    element.addEventListener('proforma-verified', (event) => fired.push(event.detail.fileName));

    pick(element, pdfFile(signed, 'first.pdf'), pdfFile(plainPdf(), 'second.pdf'));
    pick(element, pdfFile(signed, 'chosen-again.pdf'));
    await checked(element);

    expect(element.shadowRoot!.querySelectorAll('.results h3').length).to.equal(1);
    expect(resultFor(element, 'chosen-again.pdf')).to.contain('Valid:');
    expect(fired, 'no event for the files of the earlier choice').to.deep.equal(['chosen-again.pdf']);
  });

  it('checks the files again when it is moved on the page while checking them, and tells of each once', async () => {
    const element = await verifier();
    const fired: string[] = [];
    element.addEventListener('proforma-verified', (event) => fired.push(event.detail.fileName));

    pick(element, pdfFile(signed, 'moved.pdf'));
    element.parentElement!.append(element);
    await checked(element);

    expect(resultFor(element, 'moved.pdf')).to.contain('Valid:');
    expect(fired).to.deep.equal(['moved.pdf']);
  });

  it('checks files dropped onto it', async () => {
    const element = await verifier();
    const transfer = new DataTransfer();
    transfer.items.add(pdfFile(signed, 'dropped.pdf'));

    element.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await element.updateComplete;
    await waitUntil(() => !shown(element).includes('Checking…'), 'the dropped file was never checked');

    expect(resultFor(element, 'dropped.pdf')).to.contain('Valid:');
  });
});
