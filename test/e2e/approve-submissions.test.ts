import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ProformaRegister } from '../../src/components/proforma-register/proforma-register.js';
import { CouchRegisterStore, CouchSubmissions, SubmissionApprover } from '../../src/couch.js';
import { text } from '../a11y/helpers.js';
import { appendAfterSigning, padletForm } from '../pdf/signing-fixtures.js';
import { sameNameKeys, signedPadletBy } from '../register/forgeries.js';
import {
  newSchool,
  personOf,
  registerWhen,
  requestsAs,
  type Person,
  type School,
} from '../services/register/couch-school.js';
import { tabTo } from './keyboard.js';

// A teacher sends signed PDFs to the school's submissions database over HTTP; the IT lead's open
// register, and a deputy's browser beside it, each check them as an import does and take them in
// without a reload: one entry for the two of them, and a tampered PDF refused with its reason.
// One file at a time, with the other rounds: the page signs in, and its session cookie is the
// whole browser context's.

/** Sends a signed PDF as `teacher` would: one submission document, with the PDF attached. Answers its id. */
async function submit(school: School, teacher: Person, pdf: Uint8Array, fileName: string): Promise<string> {
  const id = crypto.randomUUID();
  let binary = '';
  for (const byte of pdf) binary += String.fromCharCode(byte);
  const response = await requestsAs(teacher)(`${school.submissions}/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'proforma-submission',
      version: 1,
      submittedAt: new Date().toISOString(),
      by: { name: 'Siân Jones' },
      recordedBy: teacher.name,
      tool: { name: 'Padlet', url: 'https://padlet.com' },
      fileName,
      _attachments: { 'assessment.pdf': { content_type: 'application/pdf', data: btoa(binary) } },
    }),
  });
  expect(response.ok, `the submission was not taken: ${await response.text()}`).to.equal(true);
  return id;
}

/** Signs this page in to the server as `person`, as the register's sign-in form does. */
async function signInPage(school: School, person: Person): Promise<void> {
  const response = await fetch(`${school.server}/_session`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: person.name, password: person.password }),
  });
  expect(response.ok, 'the page could not sign in').to.equal(true);
}

describe('teachers’ submissions in the approvers’ browsers', function () {
  // Signing, replicating and checking PDFs in workers, in two browsers at once.
  this.timeout(60_000);

  it('takes a signed PDF in as “Submitted”, once for two approvers, and refuses a tampered one', async () => {
    const itLead = personOf('approver', 'ceri');
    const deputy = personOf('approver', 'dafydd');
    const teacher = personOf('teacher', 'sian');
    const school = await newSchool([itLead, deputy, teacher]);
    await signInPage(school, itLead);
    const element = await fixture<ProformaRegister>(
      html`<proforma-register
        lang="en-GB"
        namespace=${`approve-${crypto.randomUUID()}`}
        couch-url=${school.register}
        .forms=${[padletForm]}
      ></proforma-register>`,
    );
    const shadow = element.shadowRoot!;
    await waitUntil(() => text(shadow).includes('Up to date with the shared register'), 'never up to date', {
      timeout: 15_000,
    });

    // The deputy head's browser, open at the same time: a replica of each database of its own.
    const deputyRegister = new CouchRegisterStore(school.register, {
      fetch: requestsAs(deputy),
      replica: `deputy-${crypto.randomUUID()}`,
    });
    const deputySubmissions = new CouchSubmissions(school.submissions, {
      fetch: requestsAs(deputy),
      replica: `deputy-submissions-${crypto.randomUUID()}`,
    });
    await deputyRegister.session();
    const deputyApprover = new SubmissionApprover(deputyRegister, deputySubmissions, { forms: () => [padletForm] });
    try {
      const { teacher: key } = await sameNameKeys();
      const pdf = await signedPadletBy(key);
      const id = await submit(school, teacher, pdf, 'padlet.pdf');

      await waitUntil(
        () => text(shadow.querySelector('table')).includes('Submitted by Siân Jones'),
        'the submission never showed in the IT lead’s register',
        { timeout: 20_000 },
      );
      const row = text(shadow.querySelector('tbody tr'));
      expect(row).to.include('Padlet').and.to.include('Submitted');
      // The deputy's browser has taken it in too, or learnt from the server that it was: once it is done, one entry.
      await deputyApprover.run();
      const deputyView = await registerWhen(
        deputyRegister,
        (view) => view.entries.length > 0,
        () => new Date(),
      );
      expect(
        deputyView.entries.map(({ id: entryId }) => entryId),
        'one entry in the deputy’s browser',
      ).to.deep.equal([`submitted-${id}`]);
      expect(deputyView.rejected, 'nothing set aside').to.deep.equal([]);
      expect(deputyView.entries[0]!.log.map(({ id: eventId }) => eventId)).to.deep.equal([`submission-${id}`]);
      expect(shadow.querySelectorAll('tbody tr'), 'one entry in the IT lead’s browser').to.have.length(1);
      await expect(element).to.be.accessible();

      // The signed PDF is the entry's evidence, as an import keeps it.
      await tabTo('Padlet');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(shadow).includes('padlet.pdf'), 'the signed PDF is not offered as evidence', {
        timeout: 10_000,
      });
      expect(text(shadow.querySelector('.facts'))).to.include('Submitted by Siân Jones');
      await tabTo('Back to the list');
      await sendKeys({ press: 'Enter' });

      // A PDF changed after it was signed: refused, with the reason an import gives, and nothing written.
      await submit(school, teacher, appendAfterSigning(pdf), 'padlet-changed.pdf');
      await waitUntil(() => text(shadow).includes('Submissions refused'), 'the tampered PDF was not refused', {
        timeout: 20_000,
      });
      const refused = text(shadow.querySelector('[aria-labelledby="submissions-refused-heading"]'));
      expect(refused).to.include('padlet-changed.pdf').and.to.include('Not imported: the signature does not check out');
      expect(refused).to.include('“Siân Jones”').and.to.include(`signed in as ${teacher.name}`);
      expect(shadow.querySelectorAll('tbody tr'), 'nothing added for it').to.have.length(1);
      await expect(element).to.be.accessible();

      await tabTo('Dismiss');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !text(shadow).includes('Submissions refused'), 'the refusal was never dismissed');
    } finally {
      deputyApprover.stop();
      await deputySubmissions.deleteReplica();
      await deputyRegister.deleteReplica();
    }
  });
});
