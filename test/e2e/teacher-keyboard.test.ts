import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ProformaAssessment } from '../../src/components/proforma-assessment/proforma-assessment.js';
import { verifyPdf } from '../../src/pdf/verify-pdf.js';
import { catchDownloads, focused, text, untilShown } from '../a11y/helpers.js';
import { outcomeForm } from '../a11y/states.js';
import { outcomeText } from '../components/helpers.js';
import { freshNamespace } from '../drafts/helpers.js';
import { runPdfTool } from '../pdf/pdf-tools.js';
import { accessibleWords, tabTo } from './keyboard.js';

// The teacher's whole round with the keyboard alone: answer the form, sign with a typed
// signature, choose the paper and save the signed PDF. Every step is a key press or typing;
// nothing is clicked or set from the test.

/** Tabs to the radio group of a question, on its first choice or the one chosen. */
async function tabToChoices(questionId: string): Promise<HTMLInputElement> {
  for (let presses = 0; presses < 40; presses += 1) {
    const control = focused();
    if (control instanceof HTMLInputElement && control.type === 'radio' && control.name === `q-${questionId}`) {
      return control;
    }
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached the choices of ${questionId}`);
}

/** Moves the choice of a radio group with the arrow keys until the words chosen are `words`. */
async function arrowTo(words: string): Promise<void> {
  for (let presses = 0; presses < 5 && accessibleWords(focused()) !== words; presses += 1) {
    await sendKeys({ press: 'ArrowDown' });
  }
  expect(accessibleWords(focused())).to.equal(words);
  expect((focused() as HTMLInputElement).checked, 'the choice follows the arrow keys').to.equal(true);
}

describe('the teacher, with the keyboard alone', function () {
  // The form, the signing panel and a signed PDF, one key press at a time.
  this.timeout(60_000);

  it('answers the form, signs with a typed signature and saves the signed PDF', async () => {
    const element = await fixture<ProformaAssessment>(
      html`<proforma-assessment
        lang="en-GB"
        namespace=${freshNamespace()}
        school-name="Ysgol Gwyn"
        .form=${outcomeForm()}
      ></proforma-assessment>`,
    );
    const shadow = element.shadowRoot!;

    await tabTo('Name of the tool (required)');
    await sendKeys({ type: 'Padlet' });
    // Space chooses the first choice of a group; the arrow keys move the choice along it.
    await tabToChoices('privacy');
    await sendKeys({ press: 'Space' });
    await arrowTo('Met');
    await tabToChoices('moderation');
    await sendKeys({ press: 'Space' });
    await arrowTo('Partly met');
    await tabTo('Terms of service');
    await sendKeys({ type: 'https://padlet.com/about/terms' });
    await element.updateComplete;
    expect(outcomeText(element)).to.contain('Approved with conditions');
    expect(element.answers).to.deep.equal({
      'tool-name': { value: 'Padlet' },
      privacy: { value: 'met' },
      moderation: { value: 'partly' },
      terms: { value: 'https://padlet.com/about/terms' },
    });

    await tabTo('Sign and save as PDF');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.localName === 'h2', 'focus did not move to the signing panel');
    expect(text(focused())).to.equal('Sign and save as PDF');
    const panel = shadow.querySelector('proforma-export')!;
    await waitUntil(() => !text(panel.shadowRoot).includes('Looking for your signing key'), 'the key was not read');

    await tabTo('Your full name');
    await sendKeys({ type: 'Siân Prydderch' });
    await tabTo('Your role');
    await sendKeys({ type: 'Year 6 teacher' });
    await tabTo('School');
    expect((focused() as HTMLInputElement).value, 'the school comes from the page').to.equal('Ysgol Gwyn');
    await tabTo('Or type your name to sign');
    await sendKeys({ type: 'Siân Prydderch' });
    await untilShown(panel, 'Signature typed: Siân Prydderch');
    await tabTo('A4');
    await arrowTo('US Letter');

    const downloads = catchDownloads();
    let pdf: Uint8Array;
    try {
      await tabTo('Sign and save PDF');
      // Signing takes what it takes on a busy machine: the test waits for the export's event, not a clock.
      const exported = oneEvent(element, 'proforma-pdf-exported');
      await sendKeys({ press: 'Enter' });
      await exported;
      await panel.updateComplete;
      expect(downloads.files.length, 'the signed PDF is offered as a download').to.equal(1);
      pdf = new Uint8Array(await (await fetch(downloads.files[0]!.href)).arrayBuffer());
    } finally {
      downloads.stop();
    }

    const today = new Date().toISOString().slice(0, 10);
    expect(downloads.files[0]!.name).to.equal(`padlet-risk-assessment-${today}.pdf`);
    expect(text(panel.shadowRoot)).to.contain(`Signed and saved as padlet-risk-assessment-${today}.pdf.`);
    expect(text(focused()), 'focus stays on the sign button').to.equal('Sign and save PDF');
    const signature = await runPdfTool('pdfsig', pdf);
    expect(signature.stdout, signature.stdout + signature.stderr).to.contain(
      'Signature Validation: Signature is Valid.',
    );
    expect(signature.stdout).to.contain('Total document signed');
    const info = await runPdfTool('pdfinfo', pdf);
    expect(info.stdout, 'the paper chosen with the arrow keys').to.match(/Page size:\s+612 x 792 pts/);
    const verified = await verifyPdf(pdf);
    expect(verified.signer).to.include({ name: 'Siân Prydderch', role: 'Year 6 teacher', school: 'Ysgol Gwyn' });
    expect(verified.assessment!.answers['moderation']).to.deep.equal({ value: 'partly' });
  });
});
