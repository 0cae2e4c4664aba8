import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ProformaRegister } from '../../src/components/proforma-register/proforma-register.js';
import { registerFromEvents } from '../../src/model/register/fold.js';
import { publishRegister } from '../../src/services/register/publish-register.js';
import { text } from '../a11y/helpers.js';
import { NOW, at, decided, underReview } from '../model/register/log.js';
import { newSchool, personOf, requestsAs, type Person, type School } from '../services/register/couch-school.js';
import { tabTo } from './keyboard.js';

// Staff read the register for staff (`…/proforma-<school>-published`) in <proforma-register>,
// signed in with the keyboard on a real CouchDB-protocol server, and see an approver's decision as
// it is published, without a reload; someone the shared register is not for is told so and shown
// nothing. Here, with the other rounds, one file at a time: the session cookie is the whole browser's.

const approver = personOf('approver', 'ann');
const staff = personOf('staff', 'sue');
const teacher = personOf('teacher', 'tom');

const entriesOf = (events: Parameters<typeof registerFromEvents>[0]) =>
  registerFromEvents(events, { now: NOW }).entries;

describe('the register for staff, live', function () {
  this.timeout(30_000);
  let school: School;

  before(async () => {
    school = await newSchool([approver, staff, teacher]);
  });
  /** Whoever the test signed in as. */
  let signedInPerson: Person | undefined;
  afterEach(async () => {
    fixtureCleanup();
    await fetch(`${school.server}/_session`, { method: 'DELETE', credentials: 'include' });
    // A new password ends every session of theirs: an answer to a request the element made before it
    // went may otherwise bring the session cookie back after the sign-out.
    if (signedInPerson) {
      signedInPerson.password = `${signedInPerson.password}, again`;
      await executeServerCommand('couchdb-person', { school: school.school, ...signedInPerson });
      signedInPerson = undefined;
    }
  });

  /** The element on `address`, once it offers the sign-in form, signed in as `person` with the keyboard. */
  async function signedIn(address: string, person: Person, offered: string): Promise<ProformaRegister> {
    const element = await fixture<ProformaRegister>(
      html`<proforma-register lang="en-GB" couch-url=${address}></proforma-register>`,
    );
    const shadow = element.shadowRoot!;
    await waitUntil(() => text(shadow).includes(offered), undefined, { timeout: 10_000 }).catch(() => {
      throw new Error(`never said "${offered}", but: ${text(shadow)}`);
    });
    await expect(element).to.be.accessible();
    signedInPerson = person;
    await tabTo('Name');
    await sendKeys({ type: person.name });
    await tabTo('Password');
    await sendKeys({ type: person.password });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !shadow.querySelector('#sign-in-password'), 'the sign-in form stayed', { timeout: 10_000 });
    return element;
  }

  it('shows staff the published tools, and an approver’s decision as it is published', async () => {
    const padlet = underReview('padlet');
    await publishRegister(school.published, school.school, entriesOf(padlet), { fetch: requestsAs(approver) });
    const databasesBefore = (await indexedDB.databases()).map(({ name }) => name);

    const element = await signedIn(school.published, staff, 'Sign in to see the register for staff');
    const shadow = element.shadowRoot!;
    await waitUntil(() => text(shadow.querySelector('table')).includes('Tool padlet'), 'the tool is not listed', {
      timeout: 10_000,
    });
    await waitUntil(() => text(shadow).includes('Up to date: decisions show here'), 'never up to date');
    expect(text(shadow)).to.contain(`Signed in as ${staff.name}`);
    expect(text(shadow.querySelector('table'))).to.contain('Tool padlet Under review');
    expect(shadow.querySelector('input[type="file"]'), 'nothing to import').to.equal(null);
    expect(text(shadow)).not.to.contain('Move this register');
    await expect(element).to.be.accessible();

    const decidedPadlet = [...padlet, decided('padlet-3', 'padlet', 'padlet-2', at(3))];
    await publishRegister(school.published, school.school, entriesOf(decidedPadlet), { fetch: requestsAs(approver) });
    await waitUntil(
      () => text(shadow.querySelector('table')).includes('Tool padlet Approved'),
      'the approver’s decision never showed',
      { timeout: 10_000 },
    );

    await tabTo('Tool padlet');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow.querySelector('#detail-heading'), 'the tool never opened');
    expect(text(shadow), 'no decision form').not.to.contain('Record a decision');
    expect(text(shadow)).not.to.contain('Decisions and changes');
    await expect(element).to.be.accessible();
    expect(
      (await indexedDB.databases()).map(({ name }) => name),
      'nothing kept in the browser',
    ).to.deep.equal(databasesBefore);
  });

  for (const [person, role] of [
    [staff, 'staff'],
    [teacher, 'a teacher'],
  ] as const) {
    it(`tells ${role} signing in to the shared register that it is not for them, and shows nothing of it`, async () => {
      const element = await signedIn(school.register, person, 'Sign in to the shared register');
      const shadow = element.shadowRoot!;
      await waitUntil(
        () => text(shadow).includes(`You are signed in as ${person.name}, who may not open this register`),
        'no clear message',
        { timeout: 10_000 },
      );
      expect(shadow.querySelector('table'), 'no tools shown').to.equal(null);
      expect(text(shadow)).not.to.contain('The register is empty');
      expect(shadow.querySelector('input[type="file"]'), 'nothing to import').to.equal(null);
      await expect(element).to.be.accessible();
    });
  }
});
