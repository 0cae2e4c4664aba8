// Requests to a published register's database (or a trust's) with plain `fetch` and CouchDB's HTTP
// API: no PouchDB, which a page that only shows or publishes the register need not load. A failure
// is a `PublishedRegisterError` whose `problem` says, as data, what the person can do about it.
import { databaseUrlOf } from './couch-session.js';

/** Sends one request: the page's `fetch`, or one a host page hands in (a proxy's, a test's). */
export type PublishedFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface PublishedRequestOptions {
  /** Whether the browser sends the CouchDB session cookie: `include` (the default) for a server on another origin. */
  credentials?: RequestCredentials;
  fetch?: PublishedFetch;
  /** Stops the request (and a watch) when aborted. */
  signal?: AbortSignal;
}

export type PublishedRegisterProblem =
  /** No one is signed in, or the session has ended: sign in and try again. */
  | 'sign-in-needed'
  /** The person signed in may not do this (e.g. staff publishing, or reading another school's register). */
  | 'not-allowed'
  /** The server did not answer: offline, or the address is wrong. */
  | 'unreachable'
  /** No such database at that address: the school or trust is not set up there. */
  | 'not-found'
  /** Someone else changed the same tool at the same moment, twice over: publish again. */
  | 'conflict'
  /** The server answered in a way this code cannot use. */
  | 'server';

/** A request to the published register that did not succeed; `problem` says why, `reason` is the server's own words. */
export class PublishedRegisterError extends Error {
  override name = 'PublishedRegisterError';
  constructor(
    readonly problem: PublishedRegisterProblem,
    readonly url: string,
    readonly reason = '',
    readonly status?: number,
  ) {
    super(
      {
        'sign-in-needed': `Sign in to ${url} first.`,
        'not-allowed': `The person signed in may not do this at ${url}${reason ? `: ${reason}` : '.'}`,
        unreachable: `${url} cannot be reached: offline, or not the right address.`,
        'not-found': `There is no register at ${url}: is the school or trust set up on that server?`,
        conflict: `The register at ${url} was changed by someone else at the same time: publish again.`,
        server: `${url} answered in a way that was not expected${reason ? `: ${reason}` : '.'}`,
      }[problem],
    );
  }
}

/** The database's address without a query, a trailing slash, or a name and password written into it. */
export function databaseAddress(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.search = '';
  return databaseUrlOf(url.href);
}

/** The problem an HTTP status stands for, in CouchDB's use of them. */
function problemOfStatus(status: number): PublishedRegisterProblem {
  if (status === 401) return 'sign-in-needed';
  if (status === 403) return 'not-allowed';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  return 'server';
}

/** One JSON request to `url` (under the database at `database`); answers the parsed body, or throws the problem. */
export async function requestJson<T>(
  database: string,
  url: string,
  { credentials = 'include', fetch = globalThis.fetch.bind(globalThis), signal }: PublishedRequestOptions,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      credentials,
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new PublishedRegisterError('unreachable', database, (error as Error).message);
  }
  const body = (await response.json().catch(() => undefined)) as { reason?: unknown; error?: unknown } | undefined;
  if (!response.ok) {
    // A session that has ended is "unauthorized" in CouchDB's words, whatever the status.
    const reason = typeof body?.reason === 'string' ? body.reason : `${response.status} ${response.statusText}`;
    const problem = body?.error === 'unauthorized' ? 'sign-in-needed' : problemOfStatus(response.status);
    throw new PublishedRegisterError(problem, database, reason, response.status);
  }
  if (body === undefined)
    throw new PublishedRegisterError('server', database, 'the answer is not JSON', response.status);
  return body as T;
}
