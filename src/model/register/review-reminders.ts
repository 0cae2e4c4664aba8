import type { RegisterEntry } from '../register-entry.js';
import { addMonths, formatDate, parseDate, type CalendarDate } from './calendar.js';

// The register's review dates as an iCalendar file (RFC 5545), which Outlook, Google Calendar and
// Apple Calendar import: one all-day event per tool, a month before its review is due, so that the
// IT lead is reminded in time to have the tool assessed again.

/** How long before a review its reminder falls. */
export const REMINDER_MONTHS_BEFORE_REVIEW = 1;

/** The fields of an entry a reminder reads. */
export type RemindedEntry = Pick<RegisterEntry, 'id' | 'tool' | 'status' | 'reviewDue' | 'url' | 'conditions'>;

/** The words of the file, in the register's language: the model has none of its own. */
export interface ReviewReminderWords {
  /** The calendar's name, as the calendar program lists it. */
  calendarName: string;
  /** The event's title: the tool, and that its review is due on `reviewDue`. */
  summary(entry: RemindedEntry & { reviewDue: string }): string;
  /** The event's notes. */
  description(entry: RemindedEntry & { reviewDue: string }): string;
}

export interface ReviewReminderOptions {
  /** When the file is made: each event's DTSTAMP. */
  now: Date;
  /** Where the register lives, to keep the events' UIDs apart from another register's (its namespace, say). */
  registerId: string;
}

/** The entries that get a reminder: every tool with a review date that is not retired. */
export function remindedEntries<T extends RemindedEntry>(entries: readonly T[]): Array<T & { reviewDue: string }> {
  return entries.filter(
    (entry): entry is T & { reviewDue: string } =>
      entry.status !== 'retired' && entry.reviewDue !== undefined && parseDate(entry.reviewDue) !== undefined,
  );
}

/** The day a tool's reminder falls on: a month before its review, on the same day or the month's last. */
export function reminderDate(reviewDue: string): string | undefined {
  const due = parseDate(reviewDue);
  return due === undefined ? undefined : formatDate(addMonths(due, -REMINDER_MONTHS_BEFORE_REVIEW));
}

/**
 * The iCalendar text: one all-day event per reminded entry, soonest first. Each event's UID
 * is the register's and the entry's, so a file exported again updates the events an earlier one
 * made rather than adding them twice.
 */
export function reviewRemindersCalendar(
  entries: readonly RemindedEntry[],
  words: ReviewReminderWords,
  { now, registerId }: ReviewReminderOptions,
): string {
  const stamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//proforma//Approved tools register//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(words.calendarName)}`,
  ];
  const soonestFirst = remindedEntries(entries).sort((a, b) => a.reviewDue.localeCompare(b.reviewDue));
  for (const entry of soonestFirst) {
    const day = parseDate(reminderDate(entry.reviewDue)!)!;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${text(`review-${registerId}-${entry.id}`)}@proforma`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(day)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(day))}`,
      `SUMMARY:${text(words.summary(entry))}`,
      `DESCRIPTION:${text(words.description(entry))}`,
      ...(entry.url ? [`URL:${entry.url.replace(/[\r\n]/g, '')}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(folded).join('\r\n') + '\r\n';
}

/** A TEXT value escaped as RFC 5545 asks: backslash, semicolon, comma and line breaks. */
function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A content line folded at 75 octets, continuation lines starting with a space, never inside a character. */
function folded(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // The first line holds 75 octets; the others 74 after their leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(part);
      part = '';
      octets = 0;
    }
    part += character;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n ');
}

function compact(date: CalendarDate): string {
  return formatDate(date).replace(/-/g, '');
}

function nextDay(date: CalendarDate): CalendarDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

function utcStamp(moment: Date): string {
  return moment
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
