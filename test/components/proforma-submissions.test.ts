// A teacher sends a signed PDF to the IT lead through the school's real CouchDB-protocol server:
// signing in with the keyboard, sending, waiting offline, and the decision recorded. Waits on what
// the element shows, never on the clock. This file's page has a browser context of its own, so the
// session cookie its sign-in sets is no other file's.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defineElement } from '../../src/define-element.js';
import { ProformaSubmissions } from '../../src/components/proforma-submissions/proforma-submissions.js';
import type { CouchFetch } from '../../src/services/register/couch-session.js';
import { text } from '../a11y/helpers.js';
import { tabTo } from '../e2e/keyboard.js';
import { freshTag, newSchool, personOf, requestsAs, type School } from '../services/register/couch-school.js';

defineElement('proforma-submissions', ProformaSubmissions);

const ann = personOf('approver', 'ann');
const tom = personOf('teacher', 'tom');
const tess = personOf('teacher', 'tess');

const signed = (tool: string) => ({
  pdf: new TextEncoder().encode('%PDF-1.7\n%%EOF\n'),
  fileName: `${tool}-risk-assessment-2026-12-08.pdf`,
  signerName: 'Tom Jones',
  tool: { name: tool },
});

/** The submissions on the server, as an approver reads them. */
async function onServer(school: School): Promise<Array<{ recordedBy: string; tool: { name: string } }>> {
  const response = await requestsAs(ann)(`${school.submissions}/_all_docs?include_docs=true`, { method: 'GET' });
  const { rows } = (await response.json()) as { rows: Array<{ id: string; doc: never }> };
  return rows.filter(({ id }) => !id.startsWith('_design/')).map(({ doc }) => doc);
}

const shown = (element: HTMLElement, words: string, message: string) =>
  waitUntil(() => text(element.shadowRoot).includes(words), message, { timeout: 10_000 });

/** Waits until the list of sent assessments says `words` of one of them. */
const listed = (element: HTMLElement, words: string, message: string) =>
  waitUntil(() => text(element.shadowRoot!.querySelector('.submissions')).includes(words), message, {
    timeout: 10_000,
  });

describe('<proforma-submissions>', function () {
  this.timeout(30_000);
  let school: School;

  before(async () => {
    school = await newSchool([ann, tom, tess]);
  });

  it('asks a teacher to sign in, with the keyboard alone, then sends the signed PDF to the IT lead', async () => {
    const element = await fixture<ProformaSubmissions>(
      html`<proforma-submissions
        lang="en-GB"
        couch-url=${school.register}
        .signed=${signed('Padlet')}
      ></proforma-submissions>`,
    );
    await shown(element, 'Sign in to the school’s server', 'no sign-in offered');
    await expect(element).to.be.accessible();

    await tabTo('Name');
    await sendKeys({ type: tom.name });
    await tabTo('Password');
    await sendKeys({ type: tom.password });
    await sendKeys({ press: 'Enter' });
    await shown(element, `Signed in as ${tom.name}`, 'never signed in');
    const root = element.shadowRoot!;
    expect(root.querySelector('#sign-in-password'), 'the password field is gone').to.equal(null);

    await tabTo('Send to the IT lead');
    await sendKeys({ press: 'Enter' });
    await listed(element, 'Sent to the IT lead', 'never sent');
    expect(text(root.querySelector('.submissions'))).to.contain('Padlet');
    expect((await onServer(school)).map(({ recordedBy, tool }) => [recordedBy, tool.name])).to.deep.equal([
      [tom.name, 'Padlet'],
    ]);
    await expect(element).to.be.accessible();

    await tabTo('Sign out');
    await sendKeys({ press: 'Enter' });
    await shown(element, 'Sign in to the school’s server', 'the sign-in form did not come back');
  });

  it('tells the teacher a PDF sent offline is waiting, sends it once back online, then shows the decision', async () => {
    let offline = false;
    const asTess = requestsAs(tess);
    const unpluggable: CouchFetch = (url, init) =>
      offline ? Promise.reject(new TypeError('Failed to fetch')) : asTess(url, init);
    const element = await fixture<ProformaSubmissions>(
      html`<proforma-submissions
        lang="en-GB"
        couch-url=${school.register}
        .fetch=${unpluggable}
        .signed=${signed(`Canva ${freshTag()}`)}
      ></proforma-submissions>`,
    );
    await shown(element, `Signed in as ${tess.name}`, 'the session was not found');
    offline = true;
    (element.shadowRoot!.querySelector('#send') as HTMLButtonElement).click();
    await listed(element, 'Waiting to be sent (offline)', 'not told it waits');
    expect(text(element.shadowRoot)).to.contain('Offline: what you send waits in this browser');
    await expect(element).to.be.accessible();

    offline = false;
    window.dispatchEvent(new Event('online'));
    await listed(element, 'Sent to the IT lead', 'not sent once back online');
    const [submission] = (await onServer(school)).filter(({ recordedBy }) => recordedBy === tess.name);
    expect(submission, 'on the server').to.not.equal(undefined);

    const id = `${school.school}:entry-${freshTag()}`;
    const { _id: submissionId } = submission as unknown as { _id: string };
    const published = await requestsAs(ann)(`${school.published}/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        _id: id,
        school: school.school,
        entry: {
          id: id.split(':')[1],
          tool: 'Canva',
          subjects: [],
          yearGroups: [],
          status: 'not-approved',
          conditions: [],
          owners: [],
          history: [],
        },
        publishedAt: new Date().toISOString(),
        submissions: [submissionId],
      }),
    });
    expect(published.status).to.equal(201);
    await listed(element, 'Decision recorded: not approved', 'the decision never showed');
  });

  it('speaks Welsh', async () => {
    const element = await fixture<ProformaSubmissions>(
      html`<proforma-submissions
        locale="cy"
        couch-url=${school.register}
        .fetch=${requestsAs(tess)}
        .signed=${signed('Padlet')}
      ></proforma-submissions>`,
    );
    await shown(element, 'Anfon at yr arweinydd TG', 'no Welsh');
    expect(text(element.shadowRoot)).not.to.contain('Send to the IT lead');
  });
});
