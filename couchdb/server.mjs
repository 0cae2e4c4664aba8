// Talking to a CouchDB-protocol server as its admin, for `proforma-couchdb`: finding out what
// answers at the URL (Apache CouchDB 3, or PouchDB Server), checking the admin's name and
// password, and reading and writing documents and configuration. Every failure is a
// `CouchSetupError` whose message says what is wrong in words, without the password.

/** A failure to report to the person running the command, as it is. */
export class CouchSetupError extends Error {
  name = 'CouchSetupError';
}

/** The oldest major version of Apache CouchDB that has what the register needs (`/_node/_local/_config`, `same_site`). */
export const OLDEST_COUCHDB_MAJOR = 3;

/**
 * The server's address without credentials (ending in "/", so that paths resolve below it, as for a
 * CouchDB behind a proxy at a path), and the admin's name and password from the URL or from
 * `COUCHDB_ADMIN` / `COUCHDB_PASSWORD`.
 */
export function serverAddress(serverUrl, env = process.env) {
  let url;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new CouchSetupError(
      `"${withoutCredentials(serverUrl)}" is not a server URL, e.g. https://couch.example.sch.uk:6984`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CouchSetupError(`The server URL must start with https:// or http:// (got ${url.protocol}).`);
  }
  const name = url.username ? decodeURIComponent(url.username) : env.COUCHDB_ADMIN;
  const password = url.password ? decodeURIComponent(url.password) : env.COUCHDB_PASSWORD;
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { base: url, name, password };
}

/** `text` with any `user:password@` in it taken out, to show. */
function withoutCredentials(text) {
  return String(text).replace(/\/\/[^/@]*@/, '//');
}

function basicAuthorization(name, password) {
  return `Basic ${Buffer.from(`${name}:${password ?? ''}`).toString('base64')}`;
}

/** What a network error means to someone setting up a server. */
function unreachable(error, where) {
  const code = error?.cause?.code ?? error?.code;
  if (code === 'ECONNREFUSED') {
    return new CouchSetupError(`Nothing answers at ${where} (connection refused). Is CouchDB running, on that port?`);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new CouchSetupError(`The name of the server in ${where} cannot be found (${code}). Is it spelt right?`);
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') {
    return new CouchSetupError(`The server at ${where} closed the connection before answering.`);
  }
  if (typeof code === 'string' && (code.startsWith('ERR_TLS') || code.includes('CERT'))) {
    return new CouchSetupError(`The HTTPS certificate of ${where} is not trusted (${code}).`);
  }
  if (error?.name === 'TimeoutError') return new CouchSetupError(`${where} did not answer within a minute.`);
  return new CouchSetupError(`${where} cannot be reached: ${error?.cause?.message ?? error?.message ?? error}.`);
}

/** One HTTP request; answers the status and the body, parsed as JSON when it is JSON (PouchDB Server sends JSON as text/plain). */
async function send(url, { method = 'GET', body, authorization, where }) {
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(authorization ? { authorization } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    throw unreachable(error, where);
  }
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

/** What answers at the root: Apache CouchDB (and its version) or PouchDB Server, from the welcome document. */
function identify(welcome, where) {
  if (welcome && typeof welcome === 'object' && typeof welcome.couchdb === 'string') {
    const version = String(welcome.version ?? '');
    const major = Number.parseInt(version, 10);
    if (!(major >= OLDEST_COUCHDB_MAJOR)) {
      throw new CouchSetupError(
        `${where} runs CouchDB ${version || 'of an unknown version'}, which is too old: the register needs Apache CouchDB ${OLDEST_COUCHDB_MAJOR} or later.`,
      );
    }
    return { flavour: 'couchdb', version };
  }
  if (welcome && typeof welcome === 'object' && typeof welcome['express-pouchdb'] === 'string') {
    return { flavour: 'pouchdb-server', version: String(welcome.version ?? '') };
  }
  throw new CouchSetupError(
    `${where} answers, but not as CouchDB does (its root does not welcome as "couchdb"). Is this the address of the CouchDB server itself?`,
  );
}

/**
 * Connects to the server at `serverUrl` as its admin: checks that it is CouchDB 3 or later (or
 * PouchDB Server) and that the name and password are a server admin's. Answers a small client.
 */
export async function connectAsAdmin(serverUrl, env = process.env) {
  const { base, name, password } = serverAddress(serverUrl, env);
  const where = base.href;
  const authorization = name ? basicAuthorization(name, password) : undefined;

  // The welcome first without credentials, so that a wrong password is told apart from "not CouchDB";
  // a server that lets no one in without signing in (require_valid_user) is asked again with them.
  let root = await send(base, { where });
  if (root.status === 401 && authorization) root = await send(base, { authorization, where });
  if (root.status === 401) throw wrongCredentials(name, where);
  if (root.status !== 200) {
    throw new CouchSetupError(
      `${where} answers, but not as CouchDB does (HTTP ${root.status} at its root). Is this the address of the CouchDB server itself?`,
    );
  }
  const { flavour, version } = identify(root.json, where);

  if (!name) {
    throw new CouchSetupError(
      `Give a server admin's name and password, in the URL (https://admin:password@host:port) or in COUCHDB_ADMIN and COUCHDB_PASSWORD.`,
    );
  }
  const session = await send(new URL('_session', base), { authorization, where });
  if (session.status === 401 || session.status === 403) throw wrongCredentials(name, where);
  const roles = session.json?.userCtx?.roles ?? [];
  if (!roles.includes('_admin')) {
    throw new CouchSetupError(`"${name}" signed in to ${where}, but is not a server admin there: setup needs one.`);
  }

  return new CouchAdminClient({ base, authorization, where, flavour, version });
}

function wrongCredentials(name, where) {
  return new CouchSetupError(
    name
      ? `${where} refused the admin name "${name}" and its password (HTTP 401). Check them, in the URL or in COUCHDB_ADMIN and COUCHDB_PASSWORD.`
      : `${where} asks for a server admin's name and password: give them in the URL or in COUCHDB_ADMIN and COUCHDB_PASSWORD.`,
  );
}

/** Requests to one server as its admin. */
export class CouchAdminClient {
  constructor({ base, authorization, where, flavour, version }) {
    this.base = base;
    this.authorization = authorization;
    /** The server's address as it may be shown (no credentials). */
    this.where = where;
    /** "couchdb" for Apache CouchDB, "pouchdb-server" for PouchDB Server. */
    this.flavour = flavour;
    this.version = version;
  }

  /** `path` relative to the server's root, e.g. "proforma-x-register/_security"; answers `{ status, json }`. */
  request(method, path, body) {
    return send(new URL(path, this.base), { method, body, authorization: this.authorization, where: this.where });
  }

  /** Like `request`, but a status other than those in `expected` is an error that says what was being done. */
  async expect(expected, what, method, path, body) {
    const answer = await this.request(method, path, body);
    if (!expected.includes(answer.status)) {
      const reason = answer.json?.reason ?? answer.json?.error ?? answer.text.slice(0, 200);
      throw new CouchSetupError(`Could not ${what}: ${this.where} answered HTTP ${answer.status} (${reason}).`);
    }
    return answer;
  }

  /** Where a configuration value lives: `/_node/_local/_config` on CouchDB, `/_config` on PouchDB Server. */
  configPath(section, key) {
    const prefix = this.flavour === 'couchdb' ? '_node/_local/_config' : '_config';
    return `${prefix}/${encodeURIComponent(section)}/${encodeURIComponent(key)}`;
  }

  /** A configuration value as text, or undefined when it is not set. */
  async config(section, key) {
    const answer = await this.expect(
      [200, 404],
      `read the setting ${section}/${key}`,
      'GET',
      this.configPath(section, key),
    );
    return answer.status === 200 ? String(answer.json) : undefined;
  }

  /** Sets a configuration value; answers whether it changed. */
  async setConfig(section, key, value) {
    if ((await this.config(section, key)) === value) return false;
    await this.expect([200], `change the setting ${section}/${key}`, 'PUT', this.configPath(section, key), value);
    return true;
  }

  /** Whether `name` with `password` is accepted by the server as that person (their password is still that one). */
  async acceptsPassword(name, password) {
    const answer = await send(new URL('_session', this.base), {
      authorization: basicAuthorization(name, password),
      where: this.where,
    });
    return answer.status === 200 && answer.json?.userCtx?.name === name;
  }
}
