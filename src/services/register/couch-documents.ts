import { RegisterEventSchema, type RegisterEvent } from '../../model/register/events.js';
import type { PouchDocument } from './pouchdb.js';
import type { RegisterEvidence } from './register-store.js';

// One register event as one CouchDB document: the event's own fields, `_id` = the event's id, and
// an envelope the server's rules read (couchdb/design-documents.mjs):
// - `recordedBy`: the name of the person signed in when the event was written here, which the
//   server checks against the session;
// - `moved`: the event was made in a browser's own register and moved into the shared one, so its
//   `by` is history, not the person sending it (only an approver may move events).
// The signed PDF an import or re-assessment names is an attachment of that event's document, put
// there when the document is first written: adding it later would change the document.

/** The document fields that are not the event's. */
const ENVELOPE = new Set(['recordedBy', 'moved']);

export interface Envelope {
  recordedBy?: string;
  moved?: true;
}

/** The signed PDF an event names, if any. */
export function evidenceNamedBy(event: RegisterEvent): { name: string; sha256: string } | undefined {
  return event.type === 'imported' || event.type === 're-assessed' ? event.evidence : undefined;
}

/** The name of the attachment that holds the signed PDF whose SHA-256 is `sha256`. */
export const attachmentName = (sha256: string) => `${sha256}.pdf`;

/** The document that holds `event`, with `evidence` (the PDF it names) attached. */
export function documentOf(event: RegisterEvent, envelope: Envelope, evidence?: RegisterEvidence): PouchDocument {
  const doc: PouchDocument = { ...structuredClone(event), _id: event.id };
  if (envelope.recordedBy !== undefined) doc.recordedBy = envelope.recordedBy;
  if (envelope.moved) doc.moved = true;
  if (evidence) {
    doc._attachments = {
      [attachmentName(evidence.sha256)]: {
        content_type: 'application/pdf',
        data: new Blob([evidence.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
      },
    };
  }
  return doc;
}

/** The event a document holds, or why it holds none. */
export function eventOf(doc: PouchDocument): { event: RegisterEvent } | { problem: string } {
  if (doc._deleted) return { problem: 'removed from the shared register' };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!key.startsWith('_') && !ENVELOPE.has(key)) fields[key] = value;
  }
  const parsed = RegisterEventSchema.safeParse(fields);
  if (!parsed.success) return { problem: 'not a change of the register' };
  if (parsed.data.id !== doc._id) return { problem: 'its id is not the id of the document that holds it' };
  return { event: parsed.data };
}

/** Whether the document carries the signed PDF whose SHA-256 is `sha256`. */
export const carriesEvidence = (doc: PouchDocument, sha256: string) =>
  doc._attachments?.[attachmentName(sha256)] !== undefined;
