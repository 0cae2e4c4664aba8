// What `proforma-couchdb trust` and `proforma-couchdb user --trust` do: a trust's database, filled
// by one continuous replication from each school's published register, and its staff. Like setup,
// each step looks before it writes, and running the command again changes nothing.
import { publishedDesignDocument, schoolNames, trustDesignDocument, trustNames } from './design-documents.mjs';
import { ensureDatabase, ensureDesignDocument, ensureMembers, ensurePerson, step } from './setup.mjs';
import { CouchSetupError } from './server.mjs';

/** The roles a person may be given in a trust, as `proforma-couchdb user --trust --role` names them. */
export const TRUST_PERSON_ROLES = ['trust-staff'];

/** The filter, in each school's published database, through which the trust takes only published tools. */
export const PUBLISHED_TOOLS_FILTER = 'proforma/tools';

/**
 * The `_replicator` document that keeps the trust's database filled from one school's published
 * register: continuous, through the filter, signed in as the server's admin on both sides (the
 * trust's database takes writes from its admin only; the published one lets only its members read).
 */
export function replicationDocument(client, trust, school) {
  const names = trustNames(trust);
  const database = (name) => ({
    url: new URL(encodeURIComponent(name), client.base).href,
    ...(client.authorization ? { headers: { Authorization: client.authorization } } : {}),
  });
  return {
    _id: names.replication(school),
    source: database(schoolNames(school).published),
    target: database(names.database),
    continuous: true,
    filter: PUBLISHED_TOOLS_FILTER,
  };
}

/** The fields of a replication that `trust` writes, to compare with the server's copy. */
const REPLICATION_FIELDS = ['source', 'target', 'continuous', 'filter'];

/** States in which the server has given up on a replication (CouchDB's and PouchDB Server's words). */
const GIVEN_UP = ['failed', 'error'];

async function ensureReplicatorDatabase(client) {
  const found = await client.expect([200, 404], 'look for the _replicator database', 'GET', '_replicator');
  if (found.status === 200) return [];
  const created = await client.request('PUT', '_replicator');
  if (created.status !== 201 && created.status !== 202) {
    throw new CouchSetupError(
      `${client.where} keeps no continuous replications (it has no _replicator database and would not make one: HTTP ${created.status}). ` +
        'Replicate each school by hand instead: POST /_replicate with source, target and filter "proforma/tools".',
    );
  }
  return [step(true, 'Created the _replicator database, where CouchDB keeps its continuous replications.')];
}

async function ensureReplication(client, trust, school) {
  const wanted = replicationDocument(client, trust, school);
  const path = `_replicator/${encodeURIComponent(wanted._id)}`;
  const from = schoolNames(school).published;
  const found = await client.expect([200, 404], `read the replication ${wanted._id}`, 'GET', path);
  const same =
    found.status === 200 &&
    REPLICATION_FIELDS.every((field) => JSON.stringify(found.json[field]) === JSON.stringify(wanted[field])) &&
    !GIVEN_UP.includes(found.json._replication_state);
  if (same) return step(false, `${from} is replicated into the trust already.`);
  const body = found.status === 200 ? { ...wanted, _rev: found.json._rev } : wanted;
  const written = await client.request('PUT', path, body);
  if (written.status === 404 || written.status === 405 || written.status === 501) {
    throw new CouchSetupError(
      `${client.where} does not run replications written to _replicator (HTTP ${written.status}). ` +
        `Replicate ${from} by hand instead: POST /_replicate with its filter "${PUBLISHED_TOOLS_FILTER}".`,
    );
  }
  if (written.status !== 201 && written.status !== 202) {
    const reason = written.json?.reason ?? written.json?.error ?? written.text.slice(0, 200);
    throw new CouchSetupError(
      `Could not start replicating ${from}: ${client.where} answered HTTP ${written.status} (${reason}).`,
    );
  }
  return step(
    true,
    `${found.status === 200 ? 'Restarted' : 'Started'} the continuous replication of ${from}'s published tools into the trust.`,
  );
}

/**
 * PouchDB Server 4.2 keeps `_replicator` documents, but its continuous replications carry new
 * documents only (not a later revision of one) and can stop the server when one ends: on it, each
 * school is replicated once, now, by `POST /_replicate`, and the command says so.
 */
async function replicateOnce(client, trust, school) {
  const from = schoolNames(school).published;
  const address = (name) => {
    const url = new URL(encodeURIComponent(name), client.base);
    const [user, password] = Buffer.from((client.authorization ?? 'Basic ').slice(6), 'base64')
      .toString()
      .split(/:(.*)/s);
    if (user) {
      url.username = encodeURIComponent(user);
      url.password = encodeURIComponent(password ?? '');
    }
    return url.href;
  };
  const answer = await client.expect([200], `replicate ${from} into the trust`, 'POST', '_replicate', {
    source: address(from),
    target: address(trustNames(trust).database),
    filter: PUBLISHED_TOOLS_FILTER,
  });
  const written = answer.json?.docs_written ?? 0;
  return step(
    written > 0,
    `Replicated ${written} published tool${written === 1 ? '' : 's'} of ${from} into the trust, once: PouchDB Server does not keep a continuous replication reliably. Run trust again to bring the trust up to date, or use Apache CouchDB.`,
  );
}

/**
 * Sets up a trust: its database and rules, who may read it (its staff, and each school's approvers,
 * teachers and staff), and one continuous replication from
 * each school's published register (the schools must be set up already; their published rules are
 * brought up to date, for the filter the replication uses). Answers the steps, in order.
 */
export async function setupTrust(client, { trust, schools }) {
  const names = trustNames(trust);
  if (schools.length === 0) throw new CouchSetupError('trust needs at least one --school whose register it shows.');
  const steps = [];
  for (const school of schools) {
    const published = schoolNames(school).published;
    const found = await client.expect([200, 404], `look for ${published}`, 'GET', encodeURIComponent(published));
    if (found.status === 404) {
      throw new CouchSetupError(
        `The school ${school} is not set up on ${client.where} (no ${published}): run proforma-couchdb setup --school ${school} first.`,
      );
    }
  }
  steps.push(await ensureDatabase(client, names.database));
  steps.push(await ensureDesignDocument(client, names.database, trustDesignDocument()));
  // The schools' own people read it too: a teacher starting an assessment is offered the trust's.
  const schoolRoles = schools.flatMap((school) => Object.values(schoolNames(school).roles));
  steps.push(await ensureMembers(client, names.database, [names.role, ...schoolRoles]));
  const continuous = client.flavour === 'couchdb';
  if (continuous) steps.push(...(await ensureReplicatorDatabase(client)));
  for (const school of schools) {
    const published = schoolNames(school).published;
    steps.push(await ensureDesignDocument(client, published, publishedDesignDocument(school)));
    steps.push(await (continuous ? ensureReplication(client, trust, school) : replicateOnce(client, trust, school)));
  }
  return steps;
}

/** Adds a person who reads the trust's database (role trust-staff), or brings their password up to date. */
export async function addTrustPerson(client, { trust, name, password, role }) {
  const names = trustNames(trust);
  if (!TRUST_PERSON_ROLES.includes(role)) {
    throw new CouchSetupError(
      `--role with --trust must be ${TRUST_PERSON_ROLES.join(' or ')} (got "${role ?? ''}"); a school's roles go with --school.`,
    );
  }
  return ensurePerson(client, { name, password, role, of: trust, ownRoles: [names.role], wantedRole: names.role });
}
