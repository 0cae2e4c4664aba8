import { csvToRegister, decodeCsv, registerToCsv } from '../../model/register-csv.js';
import { registerToJson } from '../../model/register-json.js';
import { jsonToRegisterLog, registerLogToJson } from '../../model/register-log-json.js';
import { entryWithHistory } from '../../model/register/carry-over.js';
import { newEventId } from '../../model/register/changes.js';
import { isKeyEvent, type EventAuthor, type RegisterEvent } from '../../model/register/events.js';
import { entryRecord, eventsFromFileEntries } from '../../model/register/file-events.js';
import { registerFromEvents } from '../../model/register/fold.js';
import { RegisterRuleError } from '../../model/register/rule-error.js';
import type { RegisterStore } from './register-store.js';

// The register to and from files: a CSV for Excel and register JSON in as
// events of the log, all or nothing; CSV, JSON of version 2 (the log) and
// the register published for staff out. The rules are the model's; this
// module reads and appends to the store.

/** One thing wrong with an imported file: a CSV row and column, or a JSON path; none for the file as a whole. */
export interface RegisterImportProblem {
  /** The CSV row as a spreadsheet numbers it (the header is row 1). */
  row?: number;
  /** Where in a JSON file, such as `entries[2].status`. */
  path?: string;
  /** The CSV column's name in the header, or its letter. */
  column?: string;
  message: string;
}

/** The events written and how many tools the file named, or nothing written and every problem found. */
export type RegisterImportResult = { imported: number; events: RegisterEvent[] } | { errors: RegisterImportProblem[] };

export interface RegisterFileImportOptions {
  /** Who is importing. */
  by: EventAuthor;
  /** When; now unless given. */
  now?: Date;
}

function assertSomeoneNamed(by: EventAuthor): void {
  if (by.name.trim() === '') {
    throw new RegisterRuleError('who', 'Every change to the register needs the name of who made it.');
  }
}

async function appended(store: RegisterStore, events: RegisterEvent[]): Promise<RegisterImportResult> {
  await store.append(events);
  const tools = new Set(events.flatMap((event) => (isKeyEvent(event) ? [] : [event.entryId])));
  return { imported: tools.size, events };
}

/**
 * Imports a register CSV (as Excel saves it), all or nothing: every row is
 * read first and any bad row stops the import with every problem listed;
 * otherwise each row becomes one event, "imported from CSV", and all are
 * appended at once. A row with the id of an entry in the register records
 * the entry as the row has it, its assessment kept; a row without an id is
 * a new tool. Given the file's bytes, bytes that are not UTF-8 are refused
 * with the rows that hold them (see `decodeCsv`). Throws what the store
 * throws (storage full, say): nothing is then written.
 */
export async function importRegisterCsv(
  file: string | Uint8Array,
  store: RegisterStore,
  options: RegisterFileImportOptions,
): Promise<RegisterImportResult> {
  assertSomeoneNamed(options.by);
  const decoded = typeof file === 'string' ? { text: file } : decodeCsv(file);
  if ('errors' in decoded) return decoded;
  const now = options.now ?? new Date();
  const { entries } = await store.read(now);
  const read = csvToRegister(decoded.text, entries.map(entryRecord));
  if ('errors' in read) return read;
  const events = eventsFromFileEntries(read.entries, entries, {
    at: now.toISOString(),
    by: options.by,
    action: 'imported from CSV',
    newId: newEventId,
  });
  return appended(store, events);
}

/**
 * Imports a register JSON file, all or nothing: the events of a file of
 * version 2, or the histories of one of version 1 as events (with ids made
 * from the entries', so that the same file twice is the same events). The
 * file is refused, with every reason, when the register would set any of
 * its events aside: a published register over one that holds its tools, an
 * entry the register already holds with another history, changes dated in
 * the future… Throws what the store throws: nothing is then written.
 */
export async function importRegisterJson(
  text: string,
  store: RegisterStore,
  options: RegisterFileImportOptions,
): Promise<RegisterImportResult> {
  assertSomeoneNamed(options.by);
  const now = options.now ?? new Date();
  const read = jsonToRegisterLog(text, { at: now.toISOString(), by: options.by });
  if ('errors' in read) return { errors: read.errors.map(({ path, message }) => ({ path, message })) };
  const incoming = new Set(read.events);
  const { rejected } = registerFromEvents([...(await store.events()), ...read.events], { now });
  const refused = rejected.filter(({ event }) => incoming.has(event));
  if (refused.length === 0) return appended(store, read.events);
  if (read.published) {
    const toolOf = new Map(
      read.events.flatMap((event) =>
        event.type === 'carried-over' && event.entry ? [[event.entryId, event.entry.tool]] : [],
      ),
    );
    const ids = new Set(refused.flatMap(({ event }) => (isKeyEvent(event) ? [] : [event.entryId])));
    const tools = [...ids].map((id) => `"${toolOf.get(id) ?? id}"`);
    const named = tools.length > 3 ? `${tools.slice(0, 3).join(', ')} and ${tools.length - 3} more` : tools.join(', ');
    return {
      errors: [
        {
          path: 'published',
          message:
            'this is the published copy of a register, made for staff: it leaves out the assessments and who made ' +
            `each change, so importing it would rewrite the history of ${named}, which this register already holds. ` +
            'Nothing was imported: import a full export of the register (not the published one) instead.',
        },
      ],
    };
  }
  return {
    errors: refused.map(({ event, message }) => ({
      path: `events[${read.events.indexOf(event)}]`,
      message: isKeyEvent(event) ? message : `"${event.entryId}": ${message}`,
    })),
  };
}

/** The register as CSV for Excel. */
export async function exportRegisterCsv(store: RegisterStore): Promise<string> {
  return registerToCsv((await store.read()).entries.map(entryRecord));
}

export interface RegisterJsonExportOptions {
  /** The version for staff (version 1): no assessments, no names or reasons in the history, no trusted keys. */
  published?: boolean;
  /** When the file is written; now unless given. */
  now?: Date;
}

/** The register as one JSON file: its whole log (version 2), or the register published for staff. */
export async function exportRegisterJson(
  store: RegisterStore,
  { published = false, now = new Date() }: RegisterJsonExportOptions = {},
): Promise<string> {
  if (!published) return registerLogToJson(await store.events(), { now });
  const { entries } = await store.read(now);
  return registerToJson(entries.map(entryWithHistory), [], { published: true, now });
}
