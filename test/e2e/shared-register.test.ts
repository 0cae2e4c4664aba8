import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ProformaRegister } from '../../src/components/proforma-register/proforma-register.js';
import { CouchRegisterStore } from '../../src/couch.js';
import { decisionEvent } from '../../src/model/register/changes.js';
import { text } from '../a11y/helpers.js';
import { entry, seededStore } from '../register/entries.js';
import { newSchool, personOf, registerWhen, requestsAs, statusWhen } from '../services/register/couch-school.js';
import { tabTo } from './keyboard.js';
import { publishedDatabaseOf } from '../../src/components/proforma-register/shared-register.js';

// The IT lead moves the school's register from their browser to the shared one, with the keyboard
// alone, on a real CouchDB-protocol server; a colleague's decision, made in another browser, then
// shows without a reload. Here, with the other rounds, one file at a time: the session cookie the
// sign-in sets is the whole browser's, and no other test may sign in beside it.

describe('the shared register, with the keyboard alone', function () {
  // Signing in, moving a register, and a round trip through the server, one key press at a time.
  this.timeout(30_000);

  it('signs in, moves this browser’s register into the shared one, and shows a colleague’s decision live', async () => {
    const itLead = personOf('approver', 'ceri');
    const deputy = personOf('approver', 'dafydd');
    const school = await newSchool([itLead, deputy]);
    const browserRegister = await seededStore([
      entry('padlet', { tool: 'Padlet', status: 'under-review', owners: [{ name: 'A. Jones' }, { name: 'B. Smith' }] }),
    ]);
    const element = await fixture<ProformaRegister>(
      html`<proforma-register
        lang="en-GB"
        namespace=${browserRegister.namespace}
        couch-url=${school.register}
      ></proforma-register>`,
    );
    const shadow = element.shadowRoot!;
    await waitUntil(() => text(shadow).includes('Sign in to the shared register'), 'no sign-in offered', {
      timeout: 10_000,
    });
    await expect(element).to.be.accessible();

    await tabTo('Name');
    await sendKeys({ type: itLead.name });
    await tabTo('Password');
    await sendKeys({ type: itLead.password });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(shadow).includes(`Signed in as ${itLead.name}`), 'never signed in', { timeout: 10_000 });
    expect(shadow.querySelector<HTMLInputElement>('#sign-in-password'), 'the password field is gone').to.equal(null);

    await waitUntil(() => text(shadow).includes('keeps a register of its own'), 'no offer to move the register');
    await tabTo('Move this register to the shared one');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(shadow).includes('Moved: the shared register now holds'), 'the register never moved', {
      timeout: 15_000,
    });
    await waitUntil(() => text(shadow).includes('Padlet'), 'the moved tool is not listed');
    expect(
      (await browserRegister.read()).entries.map(({ tool }) => tool),
      'this browser’s register is kept',
    ).to.deep.equal(['Padlet']);

    // The deputy head, in another browser (a replica of its own, signed in by its own credentials).
    const deputyStore = new CouchRegisterStore(school.register, {
      fetch: requestsAs(deputy),
      replica: `deputy-${crypto.randomUUID()}`,
    });
    try {
      const seen = await registerWhen(deputyStore, (view) => view.entries.some(({ tool }) => tool === 'Padlet'));
      const padlet = seen.entries.find(({ tool }) => tool === 'Padlet')!;
      const decided = decisionEvent(
        padlet,
        {
          outcome: 'approved',
          conditions: [],
          approver: deputy.name,
          decisionDate: '2026-12-07',
          owners: padlet.owners,
        },
        { by: { name: deputy.name }, at: new Date().toISOString() },
      );
      expect(decided.problems).to.equal(undefined);
      await deputyStore.append([decided.event!]);
      await statusWhen(deputyStore, (status) => status.state === 'up-to-date');

      await waitUntil(
        () => text(shadow.querySelector('table')).includes('Approved'),
        'the deputy’s decision never showed here',
        { timeout: 10_000 },
      );
    } finally {
      await deputyStore.deleteReplica();
    }
    await waitUntil(() => text(shadow).includes('Up to date with the shared register'), 'never up to date');
    await expect(element).to.be.accessible();

    // The IT lead's browser, an approver's, brought the register for staff up to date.
    const published = await publishedTool(school.published, 'Padlet', 'approved');
    expect(published.entry).to.not.have.property('assessment');
  });
});

/**
 * The published document of `tool` once it shows `status`, read through the published database's
 * changes feed as this page's signed-in person: each long poll waits for the next change.
 */
async function publishedTool(database: string, tool: string, status: string) {
  type Document = { _id: string; entry?: { tool: string; status: string } & Record<string, unknown> };
  let since: string | number = 0;
  for (let polls = 0; polls < 20; polls += 1) {
    const response = await fetch(`${database}/_changes?feed=longpoll&include_docs=true&timeout=5000&since=${since}`, {
      credentials: 'include',
    });
    const { results, last_seq } = (await response.json()) as { results: Array<{ doc?: Document }>; last_seq: string };
    const found = results.map(({ doc }) => doc).find((doc) => doc?.entry?.tool === tool && doc.entry.status === status);
    if (found) return found as Required<Document>;
    since = last_seq;
  }
  throw new Error(`${tool} never showed as ${status} in the register for staff`);
}

describe('publishedDatabaseOf', () => {
  it('finds the published database beside a school’s register, and nothing beside another address', () => {
    expect(publishedDatabaseOf('https://couch.example.sch.uk/proforma-ysgol-gwyn-register')).to.deep.equal({
      url: 'https://couch.example.sch.uk/proforma-ysgol-gwyn-published',
      school: 'ysgol-gwyn',
    });
    expect(publishedDatabaseOf('https://couch.example.sch.uk/registers/ysgol')).to.equal(undefined);
  });
});
