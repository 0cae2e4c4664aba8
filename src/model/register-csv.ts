import type { Person } from './answers.js';
import { newId } from '../internal/ids.js';
import { RegisterEntrySchema, type RegisterEntry, type StoredStatus } from './register-entry.js';

/*
 * The register as CSV (RFC 4180), for an IT lead to open in Excel, edit and
 * import again.
 *
 * Written: UTF-8 with a byte-order mark (so Excel reads ŵ, ŷ and emoji
 * rightly), CRLF after every row, a cell in double quotes when it holds a
 * comma, a quote, CR, LF, NUL or a character that Excel in some locale takes
 * as its list separator (see LIST_SEPARATORS), with each quote doubled.
 *
 * Formula injection: a cell that begins with `=`, `+`, `-`, `@`, a tab, CR
 * or NUL would be run by a spreadsheet as a formula, so it is written with a
 * single quote in front ("'=SUM(A1)"), which spreadsheets show as text. A
 * cell that holds a list separator is quoted, so that Excel set to that
 * separator (a semicolon in most of Europe) keeps it whole rather than
 * starting a new cell, which might begin with `=`, in the middle of it. So
 * that the escape can always be undone, a cell that begins with a single
 * quote gets one more in front too ("'tis" is written "''tis"). Reading
 * removes exactly one leading single quote from every cell that has one.
 * A file this module wrote therefore reads back to the same values, every
 * character the register holds included (U+0000 and U+FFFD too), and is
 * written again byte for byte; a single quote typed at the start of a cell
 * by hand is read as this escape and dropped.
 *
 * Files that are not CSV text are told apart from the values in them by
 * where they show it: a NUL outside a quoted cell (UTF-16 text, a binary
 * file) or bytes that are not UTF-8 (`decodeCsv`: a file saved in a Windows
 * code page), never by a character inside a cell.
 *
 * Lists: subjects and year groups are joined with "; ", account owners as
 * "Name (Role); Name", conditions one per line in the cell. Reading splits
 * at ";" (or at line breaks, for conditions) and trims each item, so a
 * subject or name that itself holds ";", or a condition that holds a line
 * break, comes back as two. An owner's role is what stands in brackets at
 * the end.
 */

/** The words staff see for each stored status, written to and read from the CSV. */
export const CSV_STATUS_WORDS = {
  draft: 'Draft',
  submitted: 'Submitted',
  'under-review': 'Under review',
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  'not-approved': 'Not approved',
  retired: 'Retired',
} as const satisfies Record<StoredStatus, string>;

type Outcome = NonNullable<RegisterEntry['outcome']>;

/** The words staff see for each outcome of an assessment's score, written to and read from the CSV. */
export const CSV_OUTCOME_WORDS = {
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  'not-approved': 'Not approved',
  incomplete: 'Not finished yet',
} as const satisfies Record<Outcome, string>;

/** One thing wrong with a CSV file: the row as a spreadsheet numbers it (the header is row 1), and the column. */
export interface RegisterCsvProblem {
  row: number;
  /** The column's name in the header, or its letter when it has none. */
  column?: string;
  message: string;
}

export type RegisterCsvResult = { entries: RegisterEntry[] } | { errors: RegisterCsvProblem[] };

export interface CsvImportOptions {
  /** Makes the id of a row whose Id cell is empty (a tool added in the spreadsheet). */
  newId?: () => string;
}

type Read<T> = { value: T } | { problem: string };

interface Codec<T> {
  write(value: T): string;
  read(cell: string): Read<T>;
}

interface Column {
  header: string;
  field: keyof RegisterEntry;
  write(entry: RegisterEntry): string;
  read(cell: string): Read<unknown>;
}

function column<K extends keyof RegisterEntry>(header: string, field: K, codec: Codec<RegisterEntry[K]>): Column {
  return { header, field, write: (entry) => codec.write(entry[field]), read: (cell) => codec.read(cell) };
}

/** Free text; an empty cell leaves the field out. */
const optionalText: Codec<string | undefined> = {
  write: (value) => value ?? '',
  read: (cell) => ({ value: cell === '' ? undefined : cell }),
};

const requiredText = (whenEmpty: string): Codec<string> => ({
  write: (value) => value,
  read: (cell) => (cell.trim() === '' ? { problem: whenEmpty } : { value: cell }),
});

const splitList = (cell: string, separator: RegExp) =>
  cell
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');

const list: Codec<string[]> = {
  write: (values) => values.join('; '),
  read: (cell) => ({ value: splitList(cell, /;/) }),
};

const lines: Codec<string[]> = {
  write: (values) => values.join('\n'),
  read: (cell) => ({ value: splitList(cell, /\r\n|\r|\n/) }),
};

const people: Codec<Person[]> = {
  write: (values) => values.map(({ name, role }) => (role ? `${name} (${role})` : name)).join('; '),
  read: (cell) => ({
    value: splitList(cell, /;/).map((item): Person => {
      // "Name (Role)": the last bracket, closed at the very end. Found by index, not by a pattern,
      // which took quadratic time on a long run of spaces.
      const open = item.endsWith(')') ? item.lastIndexOf('(') : -1;
      const named = open !== -1 && item.indexOf(')', open) === item.length - 1;
      const name = named ? item.slice(0, open).trim() : undefined;
      const role = named ? item.slice(open + 1, -1).trim() : undefined;
      if (!name) return { name: item };
      return role ? { name, role } : { name };
    }),
  }),
};

const shown = (cell: string) => `"${cell.length > 40 ? `${cell.slice(0, 39)}…` : cell}"`;

function number(
  cell: string,
  { whole, min, max, what }: { whole: boolean; min: number; max?: number; what: string },
): Read<number | undefined> {
  const text = cell.trim().replace(/%$/, '').trim();
  if (text === '') return { value: undefined };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) || (whole && !/^[+-]?\d+$/.test(text))) {
    return { problem: `${shown(cell)} is not ${whole ? 'a whole number' : 'a number'}: write ${what}` };
  }
  const value = Number(text);
  if (value < min || (max !== undefined && value > max)) return { problem: `${shown(cell)} is not ${what}` };
  return { value };
}

const minimumAge: Codec<number | undefined> = {
  write: (value) => (value === undefined ? '' : String(value)),
  read: (cell) => number(cell, { whole: true, min: 0, what: 'the age in whole years, such as 13' }),
};

const readiness: Codec<number | null | undefined> = {
  write: (value) => (value === undefined || value === null ? '' : String(value)),
  read: (cell) => number(cell, { whole: false, min: 0, max: 100, what: 'a number from 0 to 100' }),
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * What is wrong with a `yyyy-mm-dd` date, or `undefined` when it is a day in
 * the calendar. The register's schema checks only the shape, so 2026-02-30
 * would pass it.
 */
export function calendarDateProblem(date: string): string | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!parts) return `${shown(date)} is not a date written as yyyy-mm-dd, such as 2026-09-01`;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `there is no month ${month} in ${shown(date)}`;
  const leapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leapYear ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day < 1 || day > daysInMonth) return `there is no ${day} ${MONTHS[month - 1]} ${year}`;
  return undefined;
}

const date: Codec<string | undefined> = {
  write: (value) => value ?? '',
  read: (cell) => {
    const text = cell.trim();
    if (text === '') return { value: undefined };
    const problem = calendarDateProblem(text);
    return problem ? { problem } : { value: text };
  },
};

const normalWords = (text: string) => text.trim().toLowerCase().replaceAll('-', ' ').replace(/\s+/g, ' ');

/** Reads the words staff see (in any case), or the stored value they stand for. */
function words<T extends string>(
  wordsOf: Record<T, string>,
  { required, hint }: { required: boolean; hint?: (cell: string) => string | undefined },
): Codec<T | undefined> {
  const values = Object.keys(wordsOf) as T[];
  const choices = values.map((value) => wordsOf[value]).join(', ');
  return {
    write: (value) => (value === undefined ? '' : wordsOf[value]),
    read: (cell) => {
      if (cell.trim() === '')
        return required ? { problem: `it is empty; write one of ${choices}` } : { value: undefined };
      const wanted = normalWords(cell);
      const value = values.find((known) => normalWords(known) === wanted || normalWords(wordsOf[known]) === wanted);
      if (value !== undefined) return { value };
      return { problem: hint?.(wanted) ?? `${shown(cell)} is not one of ${choices}` };
    },
  };
}

const status = words<StoredStatus>(CSV_STATUS_WORDS, {
  required: true,
  hint: (wanted) =>
    wanted === 'review due' || wanted === 'expired'
      ? `"${wanted === 'expired' ? 'Expired' : 'Review due'}" follows from the review date and is not written: ` +
        'write the decision (such as Approved) and the date in Review due'
      : undefined,
}) as Codec<StoredStatus>;

/** The columns, in the order they are written. Tool and Status must be in a file; the others may be left out. */
const COLUMNS: readonly Column[] = [
  column('Tool', 'tool', requiredText('the tool has no name')),
  column('Vendor', 'vendor', optionalText),
  column('URL', 'url', optionalText),
  column('Purpose', 'purpose', optionalText),
  column('Subjects', 'subjects', list),
  column('Year groups', 'yearGroups', list),
  column('Minimum age', 'minimumAge', minimumAge),
  column('Data collected', 'dataCollected', optionalText),
  column('DPIA reference', 'dpiaReference', optionalText),
  column('Status', 'status', status),
  column('Outcome', 'outcome', words<Outcome>(CSV_OUTCOME_WORDS, { required: false })),
  column('Readiness %', 'readiness', readiness),
  column('Conditions', 'conditions', lines),
  column('Account owners', 'owners', people),
  column('Assessor', 'assessor', optionalText),
  column('Approver', 'approver', optionalText),
  column('Decision date', 'decisionDate', date),
  column('Review due', 'reviewDue', date),
  column('Signer fingerprint', 'signerFingerprint', optionalText),
  column('Id', 'id', optionalText as Codec<string>),
];

const REQUIRED_HEADERS = ['Tool', 'Status'];
const BOM = '\uFEFF';

/**
 * The characters Excel takes as the list separator between cells in one
 * locale or another: the comma (English), the semicolon (most of Europe and
 * Latin America), the Arabic semicolon (Persian and some Arabic settings), the
 * tab (text files, and pasted cells), and the vertical bar that some
 * schools set so that neither commas nor semicolons split.
 */
export const LIST_SEPARATORS = [',', ';', '\u061B', '\t', '|'] as const;

const FORMULA_START = /^[=+\-@\t\r\0']/;
/** A quote, a line break, NUL, or one of LIST_SEPARATORS. */
const NEEDS_QUOTES = /["\r\n\0,;\u061B\t|]/;

/** A cell as written: the formula escape, then quotes when needed. */
function cellText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The register as CSV for Excel: BOM, header, one CRLF-ended row per entry. */
export function registerToCsv(entries: RegisterEntry[]): string {
  const rows = [
    COLUMNS.map((col) => col.header),
    ...entries.map((entry) => COLUMNS.map((col) => cellText(col.write(entry)))),
  ];
  return BOM + rows.map((cells) => `${cells.join(',')}\r\n`).join('');
}

interface CsvRecord {
  row: number;
  cells: string[];
  problems: Array<{ cell: number; message: string }>;
}

const UNQUOTED = /[^,\r\n]*/y;

/**
 * Splits CSV text into records. Problems of a record's syntax are kept with
 * it, so that every bad row is reported; a quote never closed swallows the
 * rest of the file and ends the reading.
 */
function readRecords(text: string): {
  records: CsvRecord[];
  unclosed?: { row: number; cell: number };
  /** A NUL outside any quoted cell: UTF-16 text or a binary file, since a value's NUL is always written quoted. */
  nulOutsideQuotes?: boolean;
} {
  const records: CsvRecord[] = [];
  let nulOutsideQuotes = false;
  let at = 0;
  while (at < text.length) {
    const record: CsvRecord = { row: records.length + 1, cells: [], problems: [] };
    for (;;) {
      const cell = record.cells.length;
      let value = '';
      if (text[at] === '"') {
        at += 1;
        for (;;) {
          const quote = text.indexOf('"', at);
          if (quote < 0) return { records, unclosed: { row: record.row, cell }, nulOutsideQuotes };
          value += text.slice(at, quote);
          at = quote + 1;
          if (text[at] !== '"') break;
          value += '"';
          at += 1;
        }
        UNQUOTED.lastIndex = at;
        const after = UNQUOTED.exec(text)![0];
        if (after !== '') {
          record.problems.push({
            cell,
            message: 'there is text after the closing quote mark: double each quote mark inside a quoted cell ("")',
          });
          value += after;
          at += after.length;
        }
      } else {
        UNQUOTED.lastIndex = at;
        value = UNQUOTED.exec(text)![0];
        at += value.length;
        if (value.includes('\0')) nulOutsideQuotes = true;
        if (value.includes('"')) {
          record.problems.push({
            cell,
            message:
              'a quote mark (") is in the middle of the cell: put the whole cell in quotes and double each quote mark inside it',
          });
        }
      }
      record.cells.push(value);
      if (text[at] !== ',') break;
      at += 1;
    }
    if (text[at] === '\r') at += 1;
    if (text[at] === '\n') at += 1;
    records.push(record);
  }
  return { records, nulOutsideQuotes };
}

/** The column letter a spreadsheet shows: A, B, …, Z, AA, … */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

const normalHeader = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

function readHeader(record: CsvRecord): { columns: Column[] } | { errors: RegisterCsvProblem[] } {
  const errors: RegisterCsvProblem[] = record.problems.map(({ cell, message }) => ({
    row: 1,
    column: columnLetter(cell),
    message,
  }));
  if (record.cells.length === 1 && record.cells[0]!.includes(';')) {
    return {
      errors: [
        {
          row: 1,
          message:
            'the cells are separated by semicolons, not commas: in Excel, save the file as "CSV UTF-8 (Comma delimited)"',
        },
      ],
    };
  }
  const columns: Column[] = [];
  record.cells.forEach((cell, index) => {
    const known = COLUMNS.find((col) => normalHeader(col.header) === normalHeader(cell));
    if (cell.trim() === '') {
      errors.push({ row: 1, column: columnLetter(index), message: 'this column has no name in the first row' });
    } else if (!known) {
      errors.push({
        row: 1,
        column: cell,
        message: `the register has no column called ${shown(cell)}; the columns are ${COLUMNS.map((col) => col.header).join(', ')}`,
      });
    } else if (columns.includes(known)) {
      errors.push({ row: 1, column: known.header, message: `there are two columns called "${known.header}"` });
    }
    if (known) columns.push(known);
  });
  for (const header of REQUIRED_HEADERS) {
    if (!columns.some((col) => col.header === header)) {
      errors.push({
        row: 1,
        column: header,
        message: `the "${header}" column is missing; a register needs Tool and Status`,
      });
    }
  }
  return errors.length > 0 ? { errors } : { columns };
}

/**
 * Reads a register from CSV, all or nothing: either every row becomes an
 * entry, or no entry is returned and `errors` names every bad row (as a
 * spreadsheet numbers rows: the header is row 1) and what is wrong with it.
 *
 * Takes the file with or without a byte-order mark, with CRLF or LF line
 * ends, and its columns in any order; Tool and Status must be there, any
 * other may be left out. Empty rows are skipped. A row with an empty Id is a
 * new tool and gets a new id.
 *
 * A CSV file carries no history and no assessment. A row whose id is that
 * of an entry in `existing` keeps that entry's history, its assessment, and
 * the fields of any column the file leaves out; every other entry starts
 * with an empty history. Entries of `existing` that the file does not name
 * are not returned: what to do with them is the caller's choice.
 */
export function csvToRegister(
  text: string,
  existing: readonly RegisterEntry[] = [],
  { newId: makeId = newId }: CsvImportOptions = {},
): RegisterCsvResult {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  if (body.trim() === '') return { errors: [{ row: 1, message: 'the file is empty' }] };
  if (looksLikeAnotherKindOfFile(body)) return { errors: [NOT_CSV] };

  const { records, unclosed, nulOutsideQuotes } = readRecords(body);
  // UTF-16 text holds a NUL beside every letter once read as UTF-8, where no value's NUL can be: outside quotes.
  if (nulOutsideQuotes) return { errors: [NOT_CSV] };
  if (records.length === 0) {
    return { errors: [{ row: 1, message: 'a quote mark (") opens the first row and is never closed' }] };
  }
  const header = readHeader(records[0]!);
  if ('errors' in header) return header;
  const { columns } = header;
  const nameOf = (cell: number) => columns[cell]?.header ?? columnLetter(cell);

  const errors: RegisterCsvProblem[] = [];
  const entries: RegisterEntry[] = [];
  const existingById = new Map(existing.map((entry) => [entry.id, entry]));
  const rowOfId = new Map<string, number>();
  for (const { row, cells, problems } of records.slice(1)) {
    if (cells.every((cell) => cell === '')) continue;
    const rowErrors: RegisterCsvProblem[] = problems.map(({ cell, message }) => ({
      row,
      column: nameOf(cell),
      message,
    }));
    if (rowErrors.length === 0 && cells.length !== columns.length) {
      rowErrors.push({
        row,
        message:
          `this row has ${cells.length} cells but the first row names ${columns.length} columns: ` +
          'is a comma missing, one too many, or in a cell without quotes?',
      });
    }
    const fields = new Map<keyof RegisterEntry, unknown>();
    if (rowErrors.length === 0) {
      cells.forEach((cell, index) => {
        const col = columns[index]!;
        const read = col.read(cell.startsWith("'") ? cell.slice(1) : cell);
        if ('problem' in read) rowErrors.push({ row, column: col.header, message: read.problem });
        else fields.set(col.field, read.value);
      });
    }
    const givenId = fields.get('id') as string | undefined;
    if (givenId !== undefined) {
      const earlier = rowOfId.get(givenId);
      if (earlier === undefined) rowOfId.set(givenId, row);
      else {
        rowErrors.push({
          row,
          column: 'Id',
          message: `row ${earlier} has the same id ${shown(givenId)}: each tool needs its own (leave Id empty for a new tool)`,
        });
      }
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const base = givenId === undefined ? undefined : existingById.get(givenId);
    const draft: Record<string, unknown> = base
      ? { ...base }
      : { subjects: [], yearGroups: [], conditions: [], owners: [], history: [] };
    for (const [field, value] of fields) {
      if (value === undefined) delete draft[field];
      else draft[field] = value;
    }
    draft['id'] = givenId ?? makeId();
    const checked = RegisterEntrySchema.safeParse(draft);
    if (checked.success) entries.push(checked.data);
    else {
      // Only a field kept from `existing`, not set by the file, can fail here.
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0]);
        errors.push({
          row,
          column: COLUMNS.find((known) => known.field === field)?.header,
          message: `the register's own entry with this id is damaged (its ${field}); it cannot be updated from the file`,
        });
      }
    }
  }
  if (unclosed) {
    errors.push({
      row: unclosed.row,
      column: nameOf(unclosed.cell),
      message: 'a quote mark (") opens this cell and is never closed, so the rest of the file is inside it',
    });
  }
  return errors.length > 0 ? { errors } : { entries };
}

const NOT_CSV: RegisterCsvProblem = {
  row: 1,
  message: 'this is not a CSV file: in Excel, save the register as "CSV UTF-8 (Comma delimited)"',
};

/** A workbook (.xlsx files are zip files) or a PDF, by how it begins. */
function looksLikeAnotherKindOfFile(text: string): boolean {
  return text.startsWith('PK\u0003\u0004') || text.startsWith('%PDF-');
}

const LINE_FEED = 0x0a;

/**
 * A CSV file's bytes as text, for `csvToRegister`; or, when some are not
 * UTF-8 (a file saved as "CSV (Comma delimited)" in a Windows code page, or
 * as UTF-16), every row that holds them. Reading such bytes as U+FFFD would
 * change the register's values without a word; refusing them here, where
 * they are told from real text, lets a U+FFFD the file really holds come
 * back as it was written.
 */
export function decodeCsv(bytes: Uint8Array): { text: string } | { errors: RegisterCsvProblem[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // Not UTF-8: said below, row by row.
  }
  const loose = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const body = loose.startsWith(BOM) ? loose.slice(BOM.length) : loose;
  if (looksLikeAnotherKindOfFile(body) || body.includes('\0') || body.startsWith('\uFFFD\uFFFD')) {
    return { errors: [NOT_CSV] };
  }
  // A line feed is never part of a longer UTF-8 sequence, so each line can be checked on its own; a line
  // break inside quotes stays within its row, as a spreadsheet numbers rows.
  const strict = new TextDecoder('utf-8', { fatal: true });
  const errors: RegisterCsvProblem[] = [];
  let row = 1;
  let insideQuotes = false;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(LINE_FEED, start);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(start, end);
    try {
      strict.decode(line);
    } catch {
      if (errors.at(-1)?.row !== row) {
        errors.push({
          row,
          message: 'some characters could not be read: in Excel, save the file as "CSV UTF-8 (Comma delimited)"',
        });
      }
    }
    for (const byte of line) if (byte === 0x22) insideQuotes = !insideQuotes;
    if (!insideQuotes) row += 1;
    start = end + 1;
  }
  return { errors };
}
