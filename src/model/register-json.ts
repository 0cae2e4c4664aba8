import type * as z from 'zod/mini';
import { calendarDateProblem } from './register-csv.js';
import {
  REGISTER_FILE_KIND,
  RegisterEntrySchema,
  RegisterFileSchema,
  type HistoryEvent,
  type RegisterEntry,
  type RegisterFile,
  type TrustedKey,
} from './register-entry.js';
import { valueAt } from './json-path.js';
import { jsonPath } from './json-path.js';

/** One thing wrong with a register JSON file: where (a JSON path such as `entries[2].status`) and what. */
export interface RegisterJsonProblem {
  /** Empty for the file as a whole. */
  path: string;
  message: string;
  /** Where the JSON stops being JSON, counted from 1. */
  line?: number;
  column?: number;
}

export type RegisterJsonResult = { file: RegisterFile } | { errors: RegisterJsonProblem[] };

export interface RegisterJsonOptions {
  /** Leave out what only the IT lead should see, for publishing the register to staff. */
  published?: boolean;
  /** When the file is written; goes in `exportedAt`. */
  now: Date;
}

/** The entry fields a published register shows, and so the only fields whose changes its history shows. */
const PUBLISHED_FIELDS: ReadonlySet<string> = new Set(
  Object.keys(RegisterEntrySchema.shape).filter((field) => field !== 'assessment' && field !== 'history'),
);

/**
 * The entry as a published register shows it to staff. Left out: the
 * assessment (answers, notes, evidence). The history keeps when each thing
 * was done and what changed in the published fields, but not who did it
 * (`by` is left empty, as the schema needs a string) nor their reason, and
 * not changes to fields a published register leaves out.
 */
export function publishedEntry(entry: RegisterEntry): RegisterEntry {
  const { history, ...shown } = entry;
  delete shown.assessment;
  return {
    ...shown,
    history: history.map(({ at, action, changes }): HistoryEvent => ({
      at,
      by: '',
      action,
      changes: changes.filter(({ field }) => PUBLISHED_FIELDS.has(field)),
    })),
  };
}

/**
 * The register as one pretty-printed JSON file. `published: true` makes the
 * version for staff: each entry as `publishedEntry` gives it, and no
 * trusted keys (who holds a signing key is the IT lead's business).
 * Throws when an entry does not fit the schema, which the register store
 * never lets happen.
 */
export function registerToJson(
  entries: readonly RegisterEntry[],
  trustedKeys: readonly TrustedKey[],
  { published = false, now }: RegisterJsonOptions,
): string {
  const file: RegisterFile = {
    kind: REGISTER_FILE_KIND,
    version: 1,
    exportedAt: now.toISOString(),
    ...(published ? { published: true } : {}),
    entries: published ? entries.map(publishedEntry) : [...entries],
    trustedKeys: published ? [] : [...trustedKeys],
  };
  return `${JSON.stringify(RegisterFileSchema.parse(file), null, 2)}\n`;
}

/**
 * Reads a register JSON file, all or nothing: the file, or every problem
 * found in it. Checked: that it is JSON (else where it stops being JSON),
 * that it is a proforma register of a version this library reads, every
 * entry and trusted key against the schema, dates that are days of the
 * calendar, and that no two entries share an id nor two keys a fingerprint.
 */
export function jsonToRegister(text: string): RegisterJsonResult {
  const read = readRegisterFile(text);
  if ('errors' in read) return read;
  if (typeof read.version === 'number' && read.version > 1) return { errors: [newerVersion(read.version, 1)] };
  return registerFileOfVersion1(read.input);
}

/** The register file's version (a number, or what stands in its place), once it is JSON and a proforma register. */
export function readRegisterFile(
  text: string,
): { input: Record<string, unknown>; version: unknown } | { errors: RegisterJsonProblem[] } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { errors: [{ path: '', message: 'the file is empty' }] };
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    const { offset, reason } = jsonSyntaxError(body);
    const { line, column } = lineAndColumn(body, offset);
    return {
      errors: [{ path: '', line, column, message: `this is not JSON: ${reason} at line ${line}, column ${column}` }],
    };
  }
  const kind = isObject(input) ? input['kind'] : undefined;
  if (kind !== REGISTER_FILE_KIND) {
    const what = typeof kind === 'string' ? ` (it is a "${kind}" file)` : '';
    return { errors: [{ path: 'kind', message: `this is not a proforma register${what}` }] };
  }
  const record = input as Record<string, unknown>;
  return { input: record, version: record['version'] };
}

/** The problem with a file's version, where the newest this reader knows is `newest`. */
export function newerVersion(version: unknown, newest: number): RegisterJsonProblem {
  if (typeof version === 'number' && version > newest) {
    return {
      path: 'version',
      message: `this register was saved by a newer proforma (file version ${version}); update proforma on this page to read it`,
    };
  }
  return { path: 'version', message: `should be 1 or 2, not ${describeValue(version)}` };
}

function registerFileOfVersion1(input: Record<string, unknown>): RegisterJsonResult {
  const result = RegisterFileSchema.safeParse(input);
  const errors = (result.error?.issues ?? []).map((issue) => describeIssue(issue, input));
  errors.push(...ruleProblems(input));
  if (errors.length > 0) return { errors: sortByPath(errors) };
  return { file: result.data! };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a schema cannot say: days that are not in the calendar, ids and fingerprints used twice. */
function ruleProblems(input: Record<string, unknown>): RegisterJsonProblem[] {
  const problems: RegisterJsonProblem[] = [];
  const entries = Array.isArray(input['entries']) ? (input['entries'] as unknown[]) : [];
  entries.forEach((entry, index) => {
    if (!isObject(entry)) return;
    for (const field of ['decisionDate', 'reviewDue']) {
      const value = entry[field];
      // A date of the wrong shape is the schema's to report.
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) continue;
      const problem = calendarDateProblem(value);
      if (problem) problems.push({ path: `entries[${index}].${field}`, message: problem });
    }
  });
  problems.push(...usedTwice(entries, 'entries', 'id'));
  const keys = Array.isArray(input['trustedKeys']) ? (input['trustedKeys'] as unknown[]) : [];
  problems.push(...usedTwice(keys, 'trustedKeys', 'fingerprint'));
  return problems;
}

function usedTwice(items: unknown[], listName: string, field: string): RegisterJsonProblem[] {
  const problems: RegisterJsonProblem[] = [];
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const value = isObject(item) ? item[field] : undefined;
    if (typeof value !== 'string' || value === '') return;
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, index);
    else {
      problems.push({
        path: `${listName}[${index}].${field}`,
        message: `"${value}" is also the ${field} of ${listName}[${earlier}]; each must be different`,
      });
    }
  });
  return problems;
}

/** Problems in the order of the file: the file's own fields, then entries by index, then keys. */
function sortByPath(problems: RegisterJsonProblem[]): RegisterJsonProblem[] {
  const order = (path: string) => {
    const list = /^(entries|trustedKeys)\[(\d+)\]/.exec(path);
    return list ? [list[1] === 'entries' ? 1 : 2, Number(list[2])] : [0, 0];
  };
  return problems
    .map((problem, index) => ({ problem, index, key: order(problem.path) }))
    .sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.index - b.index)
    .map(({ problem }) => problem);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

export function describeIssue(issue: z.core.$ZodIssue, input: unknown): RegisterJsonProblem {
  const value = valueAt(input, issue.path);
  const message = ((): string => {
    switch (issue.code) {
      case 'invalid_type': {
        const expected = KINDS[issue.expected] ?? issue.expected;
        return value === undefined ? `is missing (${expected})` : `should be ${expected}, not ${describeValue(value)}`;
      }
      case 'invalid_value':
        return `should be ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((known) => JSON.stringify(known)).join(', ')}, not ${describeValue(value)}`;
      case 'too_small':
        if (issue.origin === 'string') return 'must not be empty';
        return `should be at least ${String(issue.minimum)}, not ${describeValue(value)}`;
      case 'not_multiple_of':
        return `should be a whole number, not ${describeValue(value)}`;
      case 'invalid_format':
        return `${issue.message}, not ${describeValue(value)}`;
      default:
        return `is not valid (${issue.code})`;
    }
  })();
  return { path: jsonPath(issue.path), message };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

class JsonSyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Where and why `text`, which `JSON.parse` refused, stops being JSON.
 * Browsers word this differently and do not always say where, so the place
 * is found by reading the text again.
 */
function jsonSyntaxError(text: string): { offset: number; reason: string } {
  let at = 0;
  const found = () => (at >= text.length ? 'the end of the file' : text[at] === '"' ? 'a quote mark' : `"${text[at]}"`);
  const fail = (expected: string): never => {
    throw new JsonSyntaxProblem(at, `expected ${expected} but found ${found()}`);
  };
  const space = () => {
    while (at < text.length && ' \t\r\n'.includes(text[at]!)) at += 1;
  };
  const string = () => {
    const start = at;
    at += 1;
    for (;;) {
      if (at >= text.length) throw new JsonSyntaxProblem(start, 'a text in quotes is never closed');
      const char = text[at]!;
      if (char === '"') break;
      if (char < ' ')
        throw new JsonSyntaxProblem(at, 'a line break or tab inside quotes must be written as \\n or \\t');
      if (char === '\\') {
        const escape = /\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
        escape.lastIndex = at;
        if (!escape.test(text)) throw new JsonSyntaxProblem(at, 'a backslash inside quotes must be written as \\\\');
        at = escape.lastIndex;
      } else at += 1;
    }
    at += 1;
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') {
      at += 1;
      space();
      if (text[at] === '}') {
        at += 1;
        return;
      }
      for (;;) {
        space();
        if (text[at] !== '"') fail('a name in double quotes');
        string();
        space();
        if (text[at] !== ':') fail('":"');
        at += 1;
        value();
        space();
        if (text[at] === '}') break;
        if (text[at] !== ',') fail('"," or "}"');
        at += 1;
      }
      at += 1;
    } else if (char === '[') {
      at += 1;
      space();
      if (text[at] === ']') {
        at += 1;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[at] === ']') break;
        if (text[at] !== ',') fail('"," or "]"');
        at += 1;
      }
      at += 1;
    } else if (char === '"') {
      string();
    } else {
      const literal = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null/y;
      literal.lastIndex = at;
      if (!literal.test(text)) fail('a value');
      at = literal.lastIndex;
    }
  };
  try {
    value();
    space();
    if (at < text.length) fail('the end of the file');
  } catch (error) {
    if (error instanceof JsonSyntaxProblem) return error;
    // Nesting deep enough to exhaust the stack: say no more than that it is not JSON.
  }
  return { offset: at, reason: 'the text cannot be read' };
}
