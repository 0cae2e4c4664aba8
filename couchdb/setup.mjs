// What `proforma-couchdb setup` and `proforma-couchdb user` do, step by step. Each step looks before
// it writes and writes only what differs, so running a command again changes nothing; each answers
// one line for the person running it, and whether it changed anything.
import {
  PERSON_ROLES,
  publishedDesignDocument,
  registerDesignDocument,
  schoolNames,
  securityRoles,
  submissionsDesignDocument,
} from './design-documents.mjs';
import { CouchSetupError } from './server.mjs';

/** The headers and methods the register's pages use across sites (PouchDB's replication among them). */
const CORS_METHODS = 'GET, PUT, POST, HEAD, DELETE';
const CORS_HEADERS = 'accept, authorization, content-type, origin, referer';

/** One line of what a command did, and whether it changed anything. */
export const step = (changed, text) => ({ changed, text });

export async function ensureDatabase(client, database) {
  const found = await client.expect(
    [200, 404],
    `look for the database ${database}`,
    'GET',
    encodeURIComponent(database),
  );
  if (found.status === 200) return step(false, `Database ${database} is there already.`);
  await client.expect([201, 202], `create the database ${database}`, 'PUT', encodeURIComponent(database));
  return step(true, `Created the database ${database}.`);
}

/** The fields of a design document that setup writes, to compare with the server's copy. */
function sameDesign(installed, wanted) {
  return Object.keys(wanted).every(
    (field) => field === '_id' || JSON.stringify(installed[field]) === JSON.stringify(wanted[field]),
  );
}

export async function ensureDesignDocument(client, database, design) {
  const path = `${encodeURIComponent(database)}/${design._id}`;
  const found = await client.expect([200, 404], `read the rules of ${database}`, 'GET', path);
  if (found.status === 200 && sameDesign(found.json, design))
    return step(false, `The rules of ${database} are up to date.`);
  const body = found.status === 200 ? { ...design, _rev: found.json._rev } : design;
  await client.expect([201, 202], `install the rules of ${database}`, 'PUT', path, body);
  return step(true, `${found.status === 200 ? 'Updated' : 'Installed'} the rules of ${database}.`);
}

/**
 * Makes `roles` the members among the school's own roles (`schoolRoles`): adds those missing and
 * takes away the school's others (a teacher, from a register set up before teachers sent to the
 * submissions database); anyone else the server's admin put there is kept.
 */
export async function ensureMembers(client, database, roles, schoolRoles = roles) {
  const path = `${encodeURIComponent(database)}/_security`;
  const found = await client.expect([200], `read who may use ${database}`, 'GET', path);
  const security = found.json && typeof found.json === 'object' ? found.json : {};
  const members = { names: security.members?.names ?? [], roles: security.members?.roles ?? [] };
  const missing = roles.filter((role) => !members.roles.includes(role));
  const extra = members.roles.filter((role) => schoolRoles.includes(role) && !roles.includes(role));
  if (missing.length === 0 && extra.length === 0)
    return step(false, `Who may use ${database} is set already (${roles.join(', ')}).`);
  const admins = { names: security.admins?.names ?? [], roles: security.admins?.roles ?? [] };
  const kept = members.roles.filter((role) => !extra.includes(role));
  const wanted = { ...security, admins, members: { ...members, roles: [...kept, ...missing] } };
  await client.expect([200], `set who may use ${database}`, 'PUT', path, wanted);
  const changes = [
    ...(missing.length > 0 ? [`may now be used by ${missing.join(', ')}`] : []),
    ...(extra.length > 0 ? [`may no longer be used by ${extra.join(', ')}`] : []),
  ];
  return step(true, `${database} ${changes.join(', and ')}.`);
}

/** `origin` as a browser sends it ("https://intranet.example.sch.uk"), or an error that says what is wrong. */
export function normalOrigin(origin) {
  let url;
  try {
    url = new URL(origin);
  } catch {
    throw new CouchSetupError(`--origin "${origin}" is not a site's address, e.g. https://intranet.example.sch.uk`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CouchSetupError(`--origin "${origin}" must start with https:// or http://.`);
  }
  return url.origin;
}

// Second-level names under which a site's own name is one label further down (example.co.uk), and
// those under which it is two (a school's school.council.sch.uk). A short list rather than the whole
// public suffix list: an origin it misjudges is taken as another site, which only sets same_site
// where it was not needed.
const SECOND_LEVEL = new Set([
  'ac',
  'co',
  'com',
  'edu',
  'gov',
  'govt',
  'ltd',
  'net',
  'nhs',
  'org',
  'plc',
  'police',
  'school',
]);
const COUNCIL_LEVEL = new Set(['sch.uk']);

/** The "site" of a URL as browsers judge SameSite: its scheme and its registrable domain. */
export function siteOf(href) {
  const { protocol, hostname } = new URL(href);
  if (/^[\d.]+$/.test(hostname) || hostname.startsWith('[') || !hostname.includes('.'))
    return `${protocol}//${hostname}`;
  const labels = hostname.split('.');
  const lastTwo = labels.slice(-2).join('.');
  let keep = 2;
  if (COUNCIL_LEVEL.has(lastTwo)) keep = 4;
  else if (labels.at(-1).length === 2 && SECOND_LEVEL.has(labels.at(-2))) keep = 3;
  return `${protocol}//${labels.slice(-keep).join('.')}`;
}

async function ensureCors(client, origins) {
  const steps = [];
  const enableSection = client.flavour === 'couchdb' ? 'chttpd' : 'httpd';
  if (await client.setConfig(enableSection, 'enable_cors', 'true')) steps.push(step(true, 'Turned on CORS.'));
  const current = (await client.config('cors', 'origins')) ?? '';
  if (current.trim() === '*') {
    // Any site at all, with the sign-in cookie, could read the register: only the named ones may.
    await client.setConfig('cors', 'origins', origins.join(', '));
    steps.push(step(true, `CORS let every site in (origins = *): now only ${origins.join(', ')}.`));
  } else {
    const listed = current
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
    const added = origins.filter((origin) => !listed.includes(origin));
    if (added.length > 0) {
      await client.setConfig('cors', 'origins', [...listed, ...added].join(', '));
      steps.push(step(true, `CORS now lets in ${added.join(', ')}.`));
    } else {
      steps.push(step(false, `CORS lets in ${origins.join(', ')} already.`));
    }
  }
  const wanted = [
    ['credentials', 'true'],
    ['methods', CORS_METHODS],
    ['headers', CORS_HEADERS],
  ];
  const changed = [];
  for (const [key, value] of wanted) if (await client.setConfig('cors', key, value)) changed.push(key);
  if (changed.length > 0) steps.push(step(true, `Set CORS ${changed.join(', ')} for signed-in pages.`));
  return steps;
}

/** `[chttpd_auth]` from CouchDB 3.2; 3.0 and 3.1 read the same keys in `[couch_httpd_auth]`. */
function authSection(client) {
  if (client.flavour !== 'couchdb') return 'chttpd_auth';
  const [major, minor] = client.version.split('.').map((part) => Number.parseInt(part, 10));
  return major === 3 && minor < 2 ? 'couch_httpd_auth' : 'chttpd_auth';
}

async function ensureCrossSiteCookie(client, origins) {
  const serverSite = siteOf(client.where);
  const elsewhere = origins.filter((origin) => siteOf(origin) !== serverSite);
  if (elsewhere.length === 0) return [];
  const section = authSection(client);
  const changed = await client.setConfig(section, 'same_site', 'None');
  const steps = [
    step(
      changed,
      changed
        ? `Set [${section}] same_site = None: ${elsewhere.join(', ')} is on another site than the server, so the sign-in cookie must travel across sites.`
        : `[${section}] same_site is None already, for ${elsewhere.join(', ')} on another site.`,
    ),
  ];
  if (!client.where.startsWith('https:')) {
    steps.push(
      step(
        false,
        'Warning: browsers keep a cross-site cookie only over HTTPS: serve CouchDB over HTTPS for those sites.',
      ),
    );
  }
  if (client.flavour !== 'couchdb') {
    steps.push(step(false, 'Note: PouchDB Server keeps the setting but does not use it; Apache CouchDB does.'));
  }
  return steps;
}

/**
 * Sets up a school on the server: its three databases, their rules, who may use them, and, for each
 * origin, CORS (and same_site, for an origin on another site). Answers the steps, in order.
 */
export async function setupSchool(client, { school, origins = [] }) {
  const names = schoolNames(school);
  const allowed = securityRoles(school);
  const sites = origins.map(normalOrigin);
  const steps = [];
  // Apache CouchDB keeps its people in _users, which a new single-node server may not have yet.
  const users = await client.expect([200, 404], 'look for the _users database', 'GET', '_users');
  if (users.status === 404) {
    await client.expect([201, 202], 'create the _users database', 'PUT', '_users');
    steps.push(step(true, 'Created the _users database, where CouchDB keeps its people.'));
  }
  steps.push(await ensureDatabase(client, names.register));
  steps.push(await ensureDatabase(client, names.submissions));
  steps.push(await ensureDatabase(client, names.published));
  steps.push(await ensureDesignDocument(client, names.register, registerDesignDocument(school)));
  steps.push(await ensureDesignDocument(client, names.submissions, submissionsDesignDocument(school)));
  steps.push(await ensureDesignDocument(client, names.published, publishedDesignDocument(school)));
  const schoolRoles = Object.values(names.roles);
  steps.push(await ensureMembers(client, names.register, allowed.register, schoolRoles));
  steps.push(await ensureMembers(client, names.submissions, allowed.submissions, schoolRoles));
  steps.push(await ensureMembers(client, names.published, allowed.published, schoolRoles));
  if (sites.length > 0) {
    steps.push(...(await ensureCors(client, sites)));
    steps.push(...(await ensureCrossSiteCookie(client, sites)));
  }
  return steps;
}

/**
 * Adds a person to the server with one role in the school (approver, teacher or staff), or brings
 * an existing person's role and password up to date. Their roles in other schools are kept.
 */
export async function addPerson(client, { school, name, password, role }) {
  const names = schoolNames(school);
  if (!PERSON_ROLES.includes(role)) {
    throw new CouchSetupError(`--role must be one of ${PERSON_ROLES.join(', ')} (got "${role ?? ''}").`);
  }
  return ensurePerson(client, {
    name,
    password,
    role,
    of: school,
    ownRoles: Object.values(names.roles),
    wantedRole: names.roles[role],
  });
}

/**
 * Adds a person, or brings their role and password up to date, with `wantedRole` as their one role
 * among `ownRoles` (those of the school or trust `of`); every other role they hold is kept.
 */
export async function ensurePerson(client, { name, password, role, of, ownRoles, wantedRole }) {
  if (!name || name.startsWith('_'))
    throw new CouchSetupError('--name is the name the person signs in with, not starting with "_".');
  if (!password) throw new CouchSetupError('--password is needed: the password the person signs in with.');
  const path = `_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  const found = await client.expect([200, 404], `look for ${name}`, 'GET', path);
  if (found.status === 404) {
    await client.expect([201, 202], `add ${name}`, 'PUT', path, { name, type: 'user', roles: [wantedRole], password });
    return [step(true, `Added ${name} as ${role} of ${of}.`)];
  }
  const person = found.json;
  const earlier = (person.roles ?? []).filter((held) => ownRoles.includes(held));
  const roleChanged = earlier.length !== 1 || earlier[0] !== wantedRole;
  const passwordChanged = !(await client.acceptsPassword(name, password));
  if (!roleChanged && !passwordChanged)
    return [step(false, `${name} is ${role} of ${of} already, with that password.`)];
  const roles = [...(person.roles ?? []).filter((held) => !ownRoles.includes(held)), wantedRole];
  await client.expect([201, 202], `update ${name}`, 'PUT', path, { ...person, roles, password });
  const steps = [];
  if (roleChanged) {
    const was = earlier.map((held) => held.slice(`proforma-${of}-`.length)).join(' and ');
    steps.push(step(true, `${name} is now ${role} of ${of}${was ? ` (was ${was})` : ''}.`));
  }
  if (passwordChanged) steps.push(step(true, `Changed the password of ${name}.`));
  return steps;
}
