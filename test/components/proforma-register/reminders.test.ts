import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import ICAL from 'ical.js';
import '../../../src/define.js';
import type { ProformaRegister } from '../../../src/components/proforma-register/proforma-register.js';
import { catchDownloads } from '../../a11y/helpers.js';
import { entry, seededStore } from '../../register/entries.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<proforma-register> review reminders', () => {
  it('exports a calendar file with one reminder for each tool that has a review date', async () => {
    const store = await seededStore([
      entry('padlet', { tool: 'Padlet', status: 'approved', reviewDue: '2027-05-25' }),
      entry('canva', {
        tool: 'Canva',
        status: 'approved-with-conditions',
        reviewDue: '2027-03-31',
        conditions: ['No pupil accounts'],
      }),
      entry('kahoot', { tool: 'Kahoot!', status: 'not-approved' }),
    ]);
    const element = await fixture<ProformaRegister>(html`<proforma-register .store=${store}></proforma-register>`);
    await waitUntil(() => text(element.shadowRoot).includes('Canva'), 'the register never loaded');
    const button = [...element.shadowRoot!.querySelectorAll('button')].find(
      (each) => text(each) === 'Export review reminders (calendar)',
    )!;

    const downloads = catchDownloads();
    try {
      button.click();
      await waitUntil(() => downloads.files.length === 1, 'no calendar file');
    } finally {
      downloads.stop();
    }

    const [file] = downloads.files;
    expect(file!.name).to.equal(`review-reminders-${new Date().toISOString().slice(0, 10)}.ics`);
    const calendar = new ICAL.Component(ICAL.parse(await (await fetch(file!.href)).text()));
    const events = calendar.getAllSubcomponents('vevent').map((each) => new ICAL.Event(each));
    expect(events.map((event) => [event.summary, event.startDate.toString()])).to.deep.equal([
      ['Canva: review due on 31 Mar 2027', '2027-02-28'],
      ['Padlet: review due on 25 May 2027', '2027-04-25'],
    ]);
    expect(events[0]!.description).to.contain('Conditions of the approval: No pupil accounts');
    await expect(element).to.be.accessible();
  });
});
