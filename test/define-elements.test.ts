import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import { ProformaAssessment } from '../src/components/proforma-assessment/proforma-assessment.js';
import type { ProformaExport } from '../src/components/proforma-export/proforma-export.js';
import { defineElement } from '../src/define-element.js';
import { defineProformaElements, proformaElements } from '../src/define-elements.js';
import type { ProformaPdfExportedEvent } from '../src/events/pdf-exported.js';
import { checkFormDefinition } from '../src/model/form-rules.js';
import { freshNamespace } from './drafts/helpers.js';
import { completeSocialAssessment } from './pdf/fixtures.js';
import { controlLabelled, root, SOCIAL_FORM_URL } from './components/helpers.js';

/** Laying out and signing the whole social-tool form takes a few seconds in a busy browser. */
const EXPORT_TIMEOUT = 30_000;

const buttonNamed = (scope: ParentNode, name: string) =>
  [...scope.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);

/** A `<proforma-assessment…>` under `tag` with the social form answered in full, its signing panel opened. */
async function openPanel(tag: string): Promise<{ assessment: ProformaAssessment; panel: ProformaExport }> {
  const assessment = await fixture<ProformaAssessment>(
    `<${tag} form-src="${SOCIAL_FORM_URL}" namespace="${freshNamespace()}"></${tag}>`,
  );
  await waitUntil(() => assessment.definition, 'the form did not load');
  assessment.answers = completeSocialAssessment(checkFormDefinition(assessment.definition)!).answers;
  await assessment.updateComplete;
  buttonNamed(root(assessment), 'Sign and save as PDF')!.click();
  await waitUntil(() => root(assessment).querySelector('#export'), 'the panel did not open');
  const panel = root(assessment).querySelector<ProformaExport>('#export')!;
  await panel.updateComplete;
  return { assessment, panel };
}

/** Links with `download` are not followed during a test. */
const followLink = HTMLAnchorElement.prototype.click;

describe('registering the elements', () => {
  beforeEach(() => {
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (!this.hasAttribute('download')) followLink.call(this);
    };
  });

  afterEach(() => {
    HTMLAnchorElement.prototype.click = followLink;
  });

  it('registers every element again, and under a suffix, without an error', () => {
    expect(() => defineProformaElements()).not.to.throw();
    expect(() => defineProformaElements({ suffix: 'school' })).not.to.throw();
    expect(() => defineProformaElements({ suffix: '-school' })).not.to.throw();
    expect(() => defineElement('proforma-assessment', ProformaAssessment)).not.to.throw();
    for (const [tag, elementClass] of Object.entries(proformaElements)) {
      const suffixed = customElements.get(`${tag}-school`);
      expect(suffixed, `${tag}-school is registered`).not.to.equal(undefined);
      expect(suffixed, `${tag}-school has a class of its own`).not.to.equal(customElements.get(tag));
      expect(document.createElement(`${tag}-school`)).to.be.instanceOf(elementClass);
    }
  });

  it('renders the signing panel and signature of a suffixed form under the same suffix', async function () {
    this.timeout(EXPORT_TIMEOUT);
    defineProformaElements({ suffix: 'left' });
    const { assessment, panel } = await openPanel('proforma-assessment-left');

    expect(panel.localName).to.equal('proforma-export-left');
    expect(root(assessment).querySelector('proforma-export'), 'no panel under the plain tag').to.equal(null);
    const pad = root(panel).querySelector('#signature')!;
    expect(pad.localName).to.equal('proforma-signature-left');
    expect(root(panel).querySelector('proforma-signature'), 'no signature under the plain tag').to.equal(null);
    await expect(assessment).to.be.accessible();

    // The suffixed signature is the one the panel signs with.
    panel.fontsSrc = '/dist/fonts/';
    for (const [label, text] of [
      ['Your full name', 'Siân Prydderch'],
      ['Your role', 'Year 6 teacher'],
      ['School', 'Ysgol Gwyn'],
    ] as const) {
      controlLabelled(root(panel), label).focus();
      await sendKeys({ type: text });
    }
    controlLabelled(root(pad), 'Or type your name to sign').focus();
    await sendKeys({ type: 'Siân Prydderch' });
    const exported = oneEvent(assessment, 'proforma-pdf-exported') as Promise<ProformaPdfExportedEvent>;
    buttonNamed(root(panel), 'Sign and save PDF')!.click();
    expect((await exported).detail.fingerprint).to.match(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('registers the inner elements under the suffix of a form registered on its own', async () => {
    defineElement('proforma-assessment', ProformaAssessment, { suffix: 'alone' });
    expect(customElements.get('proforma-export-alone'), 'not registered before it is needed').to.equal(undefined);

    const { panel } = await openPanel('proforma-assessment-alone');

    expect(panel.localName).to.equal('proforma-export-alone');
    expect(customElements.get('proforma-export-alone')).to.be.a('function');
    expect(root(panel).querySelector('#signature')!.localName).to.equal('proforma-signature-alone');
  });
});
