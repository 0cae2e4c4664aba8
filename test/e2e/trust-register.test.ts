import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ProformaRegister } from '../../src/components/proforma-register/proforma-register.js';
import { registerFromEvents } from '../../src/model/register/fold.js';
import type { RegisterEvent } from '../../src/model/register/events.js';
import { publishRegister } from '../../src/services/register/publish-register.js';
import { text } from '../a11y/helpers.js';
import { NOW, at, decided, imported, reviewStarted, underReview } from '../model/register/log.js';
import { freshTag, newSchool, personOf, requestsAs, type School } from '../services/register/couch-school.js';
import { tabTo } from './keyboard.js';

// A trust's staff see every tool its schools publish in <proforma-register mode="trust">, each once
// with where the schools stand on it, on a real CouchDB-protocol server (`proforma-couchdb trust`),
// and a school's decision once it reaches the trust's database, without a reload. (PouchDB Server
// replicates a published tool into the trust once, not its later changes: the live decision here is
// on a tool the trust did not hold.) One file at a
// time, with the other rounds: the session cookie is the whole browser's.

interface Trust {
  trust: string;
  database: string;
}

const trustStaff = { name: `trust-staff-${freshTag()}`, password: 'Coed y Brenin 42' };
const outsider = personOf('staff', 'oli');

/** The events of a tool called `name` imported, reviewed and decided `outcome`. */
function decidedTool(entryId: string, name: string, outcome: 'approved' | 'not-approved'): RegisterEvent[] {
  return [
    imported(`${entryId}-1`, entryId, at(1), { tool: name }),
    reviewStarted(`${entryId}-2`, entryId, `${entryId}-1`, at(2)),
    decided(`${entryId}-3`, entryId, `${entryId}-2`, at(3), { outcome }),
  ];
}

const entriesOf = (events: RegisterEvent[]) => registerFromEvents(events, { now: NOW }).entries;

describe('the trust’s register, live', function () {
  this.timeout(40_000);
  const gwyn = personOf('approver', 'gwen');
  const bryn = personOf('approver', 'bryn');
  let schools: [School, School];
  let trust: Trust;

  /** Publishes `events` as the school's register for staff, as its approver's browser does. */
  const publish = (school: School, approver: typeof gwyn, events: RegisterEvent[]) =>
    publishRegister(school.published, school.school, entriesOf(events), { fetch: requestsAs(approver) });

  /** Sets the trust up, or brings its database up to date with its schools' published registers. */
  const replicate = async () =>
    (trust = await executeServerCommand<Trust, object>('couchdb-trust', {
      trust: trust?.trust,
      schools: schools.map(({ school }) => school),
      people: [trustStaff],
      origin: location.origin,
    }));

  before(async () => {
    schools = [await newSchool([gwyn]), await newSchool([bryn])];
    // Staff of a school outside the trust.
    await newSchool([outsider]);
    await publish(schools[0], gwyn, [
      ...decidedTool('padlet', 'Padlet', 'approved'),
      ...decidedTool('tiktok', 'TikTok', 'not-approved'),
    ]);
    await publish(schools[1], bryn, [...decidedTool('p1', 'Padlet', 'approved'), ...underReview('canva')]);
    await replicate();
  });

  afterEach(async () => {
    fixtureCleanup();
    await fetch(`${schools[0].server}/_session`, { method: 'DELETE', credentials: 'include' });
  });

  async function signedIn(name: string, password: string): Promise<ProformaRegister> {
    const element = await fixture<ProformaRegister>(
      html`<proforma-register lang="en-GB" mode="trust" couch-url=${trust.database}></proforma-register>`,
    );
    const shadow = element.shadowRoot!;
    await waitUntil(() => text(shadow).includes('Sign in to see the trust’s register'), 'no sign-in offered', {
      timeout: 10_000,
    });
    await expect(element).to.be.accessible();
    await tabTo('Name');
    await sendKeys({ type: name });
    await tabTo('Password');
    await sendKeys({ type: password });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !shadow.querySelector('#sign-in-password'), 'the sign-in form stayed', { timeout: 10_000 });
    return element;
  }

  /** The line each tool's summary reads, in order. */
  const lines = (element: ProformaRegister) =>
    [...element.shadowRoot!.querySelectorAll('.trust-tools > li > details > summary')].map((summary) => text(summary));

  it('shows each tool once, where the schools stand on it, and a school’s decision as it arrives', async () => {
    const element = await signedIn(trustStaff.name, trustStaff.password);
    const shadow = element.shadowRoot!;
    await waitUntil(() => lines(element).length === 3, 'the tools are not listed', { timeout: 10_000 });
    expect(lines(element)).to.deep.equal([
      'Padlet approved at 2 schools',
      'TikTok not approved at 1 school',
      'Tool canva being assessed at 1 school',
    ]);
    expect(text(shadow)).to.contain('Up to date');
    await expect(element).to.be.accessible();

    // Each school's decision, with the keyboard: the tool opened, its table read.
    await tabTo('Padlet approved at 2 schools');
    await sendKeys({ press: 'Enter' });
    const table = () => text(shadow.querySelector('.trust-tools details[open] table'));
    await waitUntil(() => table().includes(schools[1].school), 'the schools’ decisions never showed');
    expect(table()).to.contain(`${schools[0].school} Approved`).and.to.contain(`${schools[1].school} Approved`);
    await expect(element).to.be.accessible();

    // Only one school's tools.
    const school = shadow.querySelector<HTMLSelectElement>('#filter-school')!;
    school.value = schools[1].school;
    school.dispatchEvent(new Event('change'));
    await waitUntil(() => lines(element).length === 2, 'the school filter did nothing');
    expect(lines(element)).to.deep.equal(['Padlet approved at 2 schools', 'Tool canva being assessed at 1 school']);
    shadow.querySelector<HTMLButtonElement>('.filters .actions button')!.click();
    await waitUntil(() => lines(element).length === 3, 'the filters never cleared');

    // Bryn's school decides on a tool no school had; once the trust's database has it, the trust sees it.
    await publish(schools[1], bryn, [
      ...decidedTool('p1', 'Padlet', 'approved'),
      ...underReview('canva'),
      ...decidedTool('quizlet', 'Quizlet', 'not-approved'),
    ]);
    await replicate();
    await waitUntil(() => lines(element).includes('Quizlet not approved at 1 school'), 'the decision never showed', {
      timeout: 10_000,
    });
  });

  it('tells someone the trust’s register is not for that it is not, and shows nothing of it', async () => {
    const element = await signedIn(outsider.name, outsider.password);
    const shadow = element.shadowRoot!;
    await waitUntil(
      () => text(shadow).includes(`You are signed in as ${outsider.name}, who may not see this trust’s register`),
      'no clear message',
      { timeout: 10_000 },
    );
    expect(shadow.querySelector('.trust-tools'), 'no tools shown').to.equal(null);
    await expect(element).to.be.accessible();
  });
});
