import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import {
  reminderDate,
  reviewRemindersCalendar,
  type RemindedEntry,
  type ReviewReminderWords,
} from '../../../src/model/register/review-reminders.js';

const WORDS: ReviewReminderWords = {
  calendarName: 'Approved tools: reviews due',
  summary: ({ tool, reviewDue }) => `${tool}: review due on ${reviewDue}`,
  description: ({ tool, conditions }) => [`Assess ${tool} again.`, ...conditions].join('\n\n'),
};
const NOW = new Date('2026-12-07T10:30:00.000Z');

const tool = (id: string, fields: Partial<RemindedEntry>): RemindedEntry => ({
  id,
  tool: id,
  status: 'approved',
  conditions: [],
  ...fields,
});

/** The file as a calendar program reads it: each event's uid, title, notes, first day and day after. */
function eventsIn(calendarText: string) {
  const calendar = new ICAL.Component(ICAL.parse(calendarText));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
    };
  });
}

describe('review reminders (iCalendar)', () => {
  it('gives each tool with a review date one all-day event a month before it, soonest first, and none to the others', () => {
    const text = reviewRemindersCalendar(
      [
        tool('padlet', { tool: 'Padlet', reviewDue: '2027-05-25' }),
        tool('kahoot', { tool: 'Kahoot!', status: 'not-approved' }),
        tool('canva', { tool: 'Canva', status: 'approved-with-conditions', reviewDue: '2027-03-31' }),
        tool('flip', { tool: 'Flip', status: 'retired', reviewDue: '2027-01-10' }),
        tool('seesaw', { tool: 'Seesaw', status: 'submitted' }),
      ],
      WORDS,
      { now: NOW, registerId: 'ysgol-gwyn' },
    );

    const events = eventsIn(text);
    expect(events.map(({ summary }) => summary)).to.deep.equal([
      'Canva: review due on 2027-03-31',
      'Padlet: review due on 2027-05-25',
    ]);
    expect(events.map(({ start, end, allDay }) => [start, end, allDay])).to.deep.equal([
      // A month before 31 March is the last day of February.
      ['2027-02-28', '2027-03-01', true],
      ['2027-04-25', '2027-04-26', true],
    ]);
    expect(events.map(({ uid }) => uid)).to.deep.equal([
      'review-ysgol-gwyn-canva@proforma',
      'review-ysgol-gwyn-padlet@proforma',
    ]);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).to.equal('Approved tools: reviews due');
  });

  it('keeps commas, semicolons, line breaks and long Welsh words intact through the calendar program', () => {
    const conditions = ['Pupils post under first names only; no photos, ever', 'Comments pre-moderated'];
    const longTool = 'Llwyfan blogio’r ysgol, “Ysgol Gwyn”; dosbarthiadau Blwyddyn 5 a 6 — ŵyr, ŷd a chân';
    const text = reviewRemindersCalendar(
      [tool('blog', { tool: longTool, reviewDue: '2027-09-01', conditions })],
      WORDS,
      {
        now: NOW,
        registerId: 'default',
      },
    );

    const [event] = eventsIn(text);
    expect(event!.summary).to.equal(`${longTool}: review due on 2027-09-01`);
    expect(event!.description).to.equal([`Assess ${longTool} again.`, ...conditions].join('\n\n'));
    const lines = text.split('\r\n');
    expect(
      lines.filter((line) => new TextEncoder().encode(line).length > 75),
      'no line longer than 75 octets',
    ).to.deep.equal([]);
    expect(text.endsWith('\r\n')).to.equal(true);
  });

  it('is an empty calendar, still readable, when no tool has a review date', () => {
    const text = reviewRemindersCalendar([tool('kahoot', { status: 'not-approved' })], WORDS, {
      now: NOW,
      registerId: 'default',
    });
    expect(eventsIn(text)).to.deep.equal([]);
  });

  it('puts the reminder a month before the review, on the month’s last day when it is shorter', () => {
    expect(reminderDate('2027-05-25')).to.equal('2027-04-25');
    expect(reminderDate('2027-01-15')).to.equal('2026-12-15');
    expect(reminderDate('2028-03-30')).to.equal('2028-02-29');
    expect(reminderDate('not a date')).to.equal(undefined);
  });
});
