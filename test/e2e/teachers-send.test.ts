import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ProformaAssessment } from '../../src/components/proforma-assessment/proforma-assessment.js';
import type { ProformaPdfExportedEvent } from '../../src/events/pdf-exported.js';
import { catchDownloads, focused, text, untilShown } from '../a11y/helpers.js';
import { outcomeForm } from '../a11y/states.js';
import { freshNamespace } from '../drafts/helpers.js';
import { newSchool, personOf, requestsAs } from '../services/register/couch-school.js';
import { tabTo } from './keyboard.js';

// A teacher signs an assessment and sends it to the IT lead, with the keyboard alone, through the
// school's real CouchDB-protocol server: the signed PDF, byte for byte, lands in the school's
// submissions database in the teacher's name. One file at a time, as the other rounds: the
// session cookie the sign-in sets is the whole browser's.

describe('the teacher sends a signed assessment to the IT lead', function () {
  this.timeout(60_000);

  it('signs, signs in to the school’s server and sends the PDF, all with the keyboard', async () => {
    const teacher = personOf('teacher', 'sian');
    const itLead = personOf('approver', 'ceri');
    const school = await newSchool([teacher, itLead]);
    const element = await fixture<ProformaAssessment>(
      html`<proforma-assessment
        lang="en-GB"
        namespace=${freshNamespace()}
        school-name="Ysgol Gwyn"
        couch-url=${school.register}
        .form=${outcomeForm()}
        .answers=${{
          'tool-name': { value: 'Padlet' },
          privacy: { value: 'met' },
          moderation: { value: 'met' },
          terms: { value: 'https://padlet.com/about/terms' },
        }}
      ></proforma-assessment>`,
    );
    const shadow = element.shadowRoot!;
    expect(shadow.querySelector('proforma-submissions'), 'nothing to send before a PDF is signed').to.equal(null);

    await tabTo('Sign and save as PDF');
    await sendKeys({ press: 'Enter' });
    const panel = await waitUntil(() => shadow.querySelector('proforma-export'), 'no signing panel').then(() =>
      shadow.querySelector('proforma-export')!,
    );
    await waitUntil(() => !text(panel.shadowRoot).includes('Looking for your signing key'), 'the key was not read');
    await tabTo('Your full name');
    await sendKeys({ type: 'Siân Prydderch' });
    await tabTo('Your role');
    await sendKeys({ type: 'Year 6 teacher' });
    await tabTo('Or type your name to sign');
    await sendKeys({ type: 'Siân Prydderch' });
    await untilShown(panel, 'Signature typed: Siân Prydderch');

    const downloads = catchDownloads();
    let pdf: Uint8Array;
    try {
      await tabTo('Sign and save PDF');
      const exported = oneEvent(element, 'proforma-pdf-exported') as Promise<ProformaPdfExportedEvent>;
      await sendKeys({ press: 'Enter' });
      pdf = (await exported).detail.pdf;
    } finally {
      downloads.stop();
    }

    await waitUntil(() => shadow.querySelector('proforma-submissions'), 'no offer to send to the IT lead');
    const sending = shadow.querySelector('proforma-submissions')!;
    await untilShown(sending, 'Sign in to the school’s server');
    await expect(element).to.be.accessible();
    await tabTo('Name');
    await sendKeys({ type: teacher.name });
    await tabTo('Password');
    await sendKeys({ type: teacher.password });
    await sendKeys({ press: 'Enter' });
    await untilShown(sending, `Signed in as ${teacher.name}`);
    await waitUntil(() => text(focused()) === 'Send to the IT lead', 'focus did not move to the send button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => text(sending.shadowRoot!.querySelector('.submissions')).includes('Sent to the IT lead'),
      'the PDF was never sent',
      { timeout: 15_000 },
    );
    expect(text(sending.shadowRoot!.querySelector('.submissions'))).to.contain('Padlet');
    expect(focused()?.id, 'focus moves to what became of the PDF').to.equal('sent');

    const listing = await requestsAs(itLead)(`${school.submissions}/_all_docs?include_docs=true`, { method: 'GET' });
    const { rows } = (await listing.json()) as { rows: Array<{ id: string; doc: Record<string, unknown> }> };
    const [sent] = rows.filter(({ id }) => !id.startsWith('_design/')).map(({ doc }) => doc);
    expect(sent).to.deep.include({ recordedBy: teacher.name, by: { name: 'Siân Prydderch' } });
    expect(sent!.tool).to.deep.equal({ name: 'Padlet' });
    const attachment = await requestsAs(itLead)(`${school.submissions}/${sent!._id as string}/assessment.pdf`, {
      method: 'GET',
    });
    expect(new Uint8Array(await attachment.arrayBuffer()), 'the PDF as signed').to.deep.equal(pdf);
    await expect(element).to.be.accessible();
  });
});
