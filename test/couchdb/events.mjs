// Register events as CouchDB documents (the event, with `_id` = its id), one of each type, for the
// tests of the server's rules. They follow src/model/register/events.ts; test/node/couchdb-design
// checks them against the built schema.
import { randomUUID } from 'node:crypto';

export const FINGERPRINT = `${'AB:'.repeat(31)}AB`;

/** A minimal assessment and what it filled in, for `imported` and `re-assessed` events. */
const assessed = {
  assessment: { id: 'assessment-1', form: { id: 'social-tool-risk-assessment', version: '1.0.0' } },
  fields: { tool: 'Padlet', outcome: 'approved' },
};

/** What each type of event adds to the fields every event has. */
export const EVENT_FIELDS = {
  imported: assessed,
  're-assessed': assessed,
  submitted: {},
  'review-started': {},
  decided: {
    outcome: 'approved-with-conditions',
    conditions: ['Comments moderated before they show'],
    approver: 'Ann Evans, deputy head',
    decisionDate: '2026-12-07',
    reviewDue: '2027-06-07',
  },
  retired: { reason: 'The school stopped using it.' },
  edited: { changes: { vendor: 'Wallwisher Inc.' }, cleared: ['dpiaReference'] },
  'carried-over': { action: 'imported', changes: [] },
  'key-trusted': { key: { name: 'Ann Evans', role: 'Deputy head', fingerprint: FINGERPRINT } },
  'key-distrusted': { fingerprint: FINGERPRINT },
};

export const EVENT_TYPES = Object.keys(EVENT_FIELDS);

/** An event of `type` by the person signed in as `author`, as the document that holds it. */
export function eventDocument(type, author, overrides = {}) {
  const id = `event-${randomUUID()}`;
  const aboutEntry = type.startsWith('key-') ? {} : { entryId: 'entry-padlet', basedOn: 'event-earlier' };
  return {
    _id: id,
    id,
    type,
    at: '2026-12-07T10:15:00.000Z',
    by: { name: author },
    ...aboutEntry,
    ...EVENT_FIELDS[type],
    ...overrides,
  };
}

/** A PDF's first bytes, base64: enough for the server, which never reads the PDF. */
const PDF_DATA = Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64');

/** A teacher's submission, sent by `sender` (the person signed in), as the document that holds it. */
export function submissionDocument(sender, overrides = {}) {
  return {
    _id: randomUUID(),
    kind: 'proforma-submission',
    version: 1,
    submittedAt: '2026-12-07T10:15:00.000Z',
    by: { name: 'Tom Jones' },
    recordedBy: sender,
    tool: { name: 'Padlet', url: 'https://padlet.com' },
    fileName: 'padlet-risk-assessment-2026-12-07.pdf',
    _attachments: { 'assessment.pdf': { content_type: 'application/pdf', data: PDF_DATA } },
    ...overrides,
  };
}
