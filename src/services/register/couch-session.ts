// Signing in to the CouchDB server that holds a shared register: CouchDB's own session (`_session`,
// a name and password answered with a cookie), which the browser keeps and sends with each request.
// The password goes to the server once and is never kept.

/** The person a server's session names: their name and roles. */
export interface CouchSession {
  name: string;
  roles: string[];
}

export type CouchSignInProblem = 'wrong-name-or-password' | 'offline' | 'refused';

/** A sign-in, sign-out or session question the server did not answer as hoped; `problem` says why, as data. */
export class CouchSignInError extends Error {
  override name = 'CouchSignInError';
  constructor(
    readonly problem: CouchSignInProblem,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Sends one request; how the store sends every other (its `credentials`, its `fetch`). */
export type CouchFetch = (url: string, init: RequestInit) => Promise<Response>;

/** The server's address, ending in "/", from a database's: what is left when the database's name is taken off. */
export function serverUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/[^/]*$/, '');
  return url.href;
}

/**
 * The school whose shared register is the database at `databaseUrl`, when it is named as
 * `proforma-couchdb setup` names it (`…/proforma-<school>-register`).
 */
export function schoolOfRegister(databaseUrl: string): string | undefined {
  return /\/proforma-([a-z0-9][a-z0-9-]*)-register\/?$/.exec(databaseUrl.split(/[?#]/)[0]!)?.[1];
}

/**
 * The school whose register for staff is the database at `databaseUrl`, when it is named as
 * `proforma-couchdb setup` names it (`…/proforma-<school>-published`).
 */
export function schoolOfPublished(databaseUrl: string): string | undefined {
  return /\/proforma-([a-z0-9][a-z0-9-]*)-published\/?$/.exec(databaseUrl.split(/[?#]/)[0]!)?.[1];
}

/** Whether `session` may record decisions in `school`'s register: one of its approvers, or a server admin. */
export function isApproverOf(session: CouchSession, school: string | undefined): boolean {
  return (
    session.roles.includes('_admin') || (school !== undefined && session.roles.includes(`proforma-${school}-approver`))
  );
}

/** The database's address without a name and password written into it: they are never kept. */
export function databaseUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = '';
  url.password = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

async function send(fetch: CouchFetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    throw new CouchSignInError('offline', `The server could not be reached: ${(error as Error).message}`);
  }
}

async function reasonOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { reason?: unknown };
  return typeof body.reason === 'string' ? body.reason : `${response.status} ${response.statusText}`;
}

/** Signs `name` in with `password`: the server sets its session cookie. */
export async function signIn(
  fetch: CouchFetch,
  serverUrl: string,
  name: string,
  password: string,
): Promise<CouchSession> {
  const response = await send(fetch, `${serverUrl}_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (response.status === 401) {
    throw new CouchSignInError('wrong-name-or-password', await reasonOf(response), 401);
  }
  if (!response.ok) throw new CouchSignInError('refused', await reasonOf(response), response.status);
  const body = (await response.json()) as { name?: unknown; roles?: unknown };
  return { name: typeof body.name === 'string' ? body.name : name, roles: rolesOf(body.roles) };
}

/** Ends the server's session (its cookie is cleared). */
export async function signOut(fetch: CouchFetch, serverUrl: string): Promise<void> {
  const response = await send(fetch, `${serverUrl}_session`, { method: 'DELETE' });
  if (!response.ok) throw new CouchSignInError('refused', await reasonOf(response), response.status);
}

/** Who the server takes the browser for: undefined when no one is signed in. */
export async function currentSession(fetch: CouchFetch, serverUrl: string): Promise<CouchSession | undefined> {
  const response = await send(fetch, `${serverUrl}_session`, { method: 'GET' });
  if (!response.ok) throw new CouchSignInError('refused', await reasonOf(response), response.status);
  const body = (await response.json()) as { userCtx?: { name?: unknown; roles?: unknown } };
  const name = body.userCtx?.name;
  return typeof name === 'string' && name !== '' ? { name, roles: rolesOf(body.userCtx?.roles) } : undefined;
}

function rolesOf(roles: unknown): string[] {
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
}

/** The school's databases beside its register's address (`…/proforma-<school>-register`). */
export interface SchoolAddresses {
  school: string;
  /** Where teachers send signed PDFs (`…/proforma-<school>-submissions`). */
  submissions: string;
  /** The register for staff (`…/proforma-<school>-published`). */
  published: string;
}

/** The school's other databases beside its register's; undefined for an address named otherwise. */
export function schoolAddressesOf(registerUrl: string): SchoolAddresses | undefined {
  const school = schoolOfRegister(registerUrl);
  if (school === undefined) return undefined;
  const address = (kind: string) => new URL(`proforma-${school}-${kind}`, serverUrlOf(registerUrl)).href;
  return { school, submissions: address('submissions'), published: address('published') };
}
