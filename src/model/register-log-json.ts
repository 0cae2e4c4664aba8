import canonicalize from 'canonicalize';
import * as z from 'zod/mini';
import { REGISTER_FILE_KIND, RegisterFileSchema } from './register-entry.js';
import {
  describeIssue,
  jsonToRegister,
  newerVersion,
  readRegisterFile,
  type RegisterJsonProblem,
} from './register-json.js';
import { eventsFromRegister, type CarryOver } from './register/carry-over.js';
import {
  REGISTER_EVENT_TYPES,
  RegisterEventSchema,
  registerEventSchemaOf,
  type RegisterEvent,
} from './register/events.js';

// Register JSON of version 2: the register's log, every event as written. Apart
// from register-json.ts, so that a page reading files of version 1 does not
// carry the events' schema.

/** A register JSON file of version 2: the register's log, every event as it was written. */
export interface RegisterLogFile {
  kind: typeof REGISTER_FILE_KIND;
  version: 2;
  exportedAt: string;
  events: RegisterEvent[];
}

/** The file around its events, each event checked on its own against the schema of its type. */
const LogFileHeaderSchema = z.object({
  kind: z.literal(REGISTER_FILE_KIND),
  version: z.literal(2),
  exportedAt: RegisterFileSchema.shape.exportedAt,
  events: z.array(z.unknown()),
});

export const RegisterLogFileSchema: z.ZodMiniType<RegisterLogFile> = z.object({
  ...LogFileHeaderSchema.shape,
  events: z.array(RegisterEventSchema),
});

/** The register's log as one JSON file of version 2, every event in the order the log holds them. */
export function registerLogToJson(events: readonly RegisterEvent[], { now }: { now: Date }): string {
  const file: RegisterLogFile = {
    kind: REGISTER_FILE_KIND,
    version: 2,
    exportedAt: now.toISOString(),
    events: [...events],
  };
  return `${JSON.stringify(RegisterLogFileSchema.parse(file), null, 2)}\n`;
}

export type RegisterLogJsonResult =
  | {
      events: RegisterEvent[];
      version: 1 | 2;
      /** When the file was written. */
      exportedAt: string;
      /** Set when the file is a register published for staff (version 1), without assessments or names. */
      published?: true;
    }
  | { errors: RegisterJsonProblem[] };

/**
 * Reads a register JSON file as events, all or nothing: a file of version 2
 * gives its events, each checked against the schema, and no two different
 * events may share an id; one of version 1 gives each entry's history as
 * events (`eventsFromRegister`, carried over by `carryOver`), and each
 * trusted key as a key trusted.
 */
export function jsonToRegisterLog(text: string, carryOver: CarryOver): RegisterLogJsonResult {
  const read = readRegisterFile(text);
  if ('errors' in read) return read;
  if (read.version === 1) {
    const result = jsonToRegister(text);
    if ('errors' in result) return result;
    const { entries, trustedKeys, exportedAt, published } = result.file;
    return {
      version: 1,
      events: eventsFromRegister(entries, trustedKeys, carryOver),
      exportedAt,
      ...(published ? { published: true as const } : {}),
    };
  }
  if (read.version !== 2) return { errors: [newerVersion(read.version, 2)] };
  const result = RegisterLogFileSchema.safeParse(read.input);
  if (!result.success) return { errors: eventFileProblems(read.input) };
  const errors: RegisterJsonProblem[] = [];
  const seen = new Map<string, number>();
  result.data.events.forEach((event, index) => {
    const earlier = seen.get(event.id);
    if (earlier === undefined) seen.set(event.id, index);
    else if (canonicalize(event) !== canonicalize(result.data.events[earlier])) {
      errors.push({
        path: `events[${index}].id`,
        message: `"${event.id}" is also the id of a different change, events[${earlier}]; a change is never rewritten`,
      });
    }
  });
  return errors.length > 0
    ? { errors }
    : { version: 2, events: result.data.events, exportedAt: result.data.exportedAt };
}

/** Every problem of a file of version 2: of the file around its events, then of each event against its type's schema. */
function eventFileProblems(input: Record<string, unknown>): RegisterJsonProblem[] {
  const header = LogFileHeaderSchema.safeParse(input);
  const problems = header.success ? [] : header.error.issues.map((issue) => describeIssue(issue, input));
  const events = input['events'];
  if (!Array.isArray(events)) return problems;
  events.forEach((event: unknown, index) => {
    const type = (event as { type?: unknown } | null)?.type;
    const schema = registerEventSchemaOf(type);
    const issues = schema
      ? (schema.safeParse(event).error?.issues ?? [])
      : (TypeSchema.safeParse(event).error?.issues ?? []);
    for (const issue of issues) {
      problems.push(describeIssue({ ...issue, path: ['events', index, ...issue.path] }, input));
    }
  });
  return problems;
}

/** What an event of no known type is told: the types there are. */
const TypeSchema = z.object({ type: z.enum(REGISTER_EVENT_TYPES as [string, ...string[]]) });
