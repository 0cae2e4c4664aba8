import { jsonToRegisterLog } from '../../model/register-log-json.js';
import { registerFromEvents } from '../../model/register/fold.js';
import type { RegisterView } from '../../services/register/register-store.js';

// A register JSON file at a web address (a published register, most often),
// read and folded as the store's log is, so that the element shows it the
// same way; nothing of it can be changed.

/** Why the file at a web address could not be shown; the element puts it in words. */
export class RegisterFileError extends Error {
  override name = 'RegisterFileError';
  constructor(
    readonly url: string,
    readonly problem:
      | { kind: 'network' }
      | { kind: 'status'; status: number; statusText: string }
      | { kind: 'unreadable'; problems: string[] },
  ) {
    super(`The register at ${url} could not be shown (${problem.kind}).`);
  }
}

/** The register the file at `url` holds, as of `now`, and when the file was written. */
export async function readRegisterAt(url: string, now: Date): Promise<{ view: RegisterView; exportedAt: string }> {
  let text: string;
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) {
      throw new RegisterFileError(url, { kind: 'status', status: response.status, statusText: response.statusText });
    }
    text = await response.text();
  } catch (error) {
    if (error instanceof RegisterFileError) throw error;
    throw new RegisterFileError(url, { kind: 'network' });
  }
  // Keys a file of version 1 trusts are trusted "by" the file.
  const read = jsonToRegisterLog(text, { at: now.toISOString(), by: { name: url } });
  if ('errors' in read) {
    throw new RegisterFileError(url, {
      kind: 'unreadable',
      problems: read.errors.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message)),
    });
  }
  const view = { ...registerFromEvents(read.events, { now }), damaged: [], eventCount: read.events.length };
  return { view, exportedAt: read.exportedAt };
}
