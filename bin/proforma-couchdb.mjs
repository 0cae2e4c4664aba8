#!/usr/bin/env node
// proforma-couchdb: sets up a school's shared register on Apache CouchDB 3 (or PouchDB Server), a
// trust's view of its schools' published registers, and adds the people who use them. Every
// command can be run again: it changes only what differs.
import { parseArgs } from 'node:util';
import { connectAsAdmin, CouchSetupError } from '../couchdb/server.mjs';
import { addPerson, setupSchool } from '../couchdb/setup.mjs';
import { schoolNames, trustNames } from '../couchdb/design-documents.mjs';
import { addTrustPerson, setupTrust } from '../couchdb/trust.mjs';

const USAGE = `Usage:
  proforma-couchdb setup <server-url> --school <id> [--origin <site>]...
  proforma-couchdb user <server-url> --school <id> --name <name> --password <password>
                        --role approver|teacher|staff
  proforma-couchdb trust <server-url> --trust <id> --school <id>...
  proforma-couchdb user <server-url> --trust <id> --name <name> --password <password>
                        --role trust-staff
  proforma-couchdb --help

setup  creates the databases proforma-<id>-register, proforma-<id>-submissions and
       proforma-<id>-published, installs their rules, says who may use them, and lets each
       --origin (the site of the pages that show the register, e.g.
       https://intranet.example.sch.uk) reach the server (CORS; and same_site = None for a
       site other than the server's).
user   adds a person who signs in with <name> and <password>, or updates their role and
       password. An approver reads and writes the register; a teacher sends signed
       assessments to the submissions database (and reads it, never the register); staff
       read the published register. With --trust, trust-staff read the trust's database.
trust  creates the database proforma-<id>-trust, readable by the trust's staff and written
       only by the server's replication, and replicates into it, continuously, the tools
       each --school publishes (the schools must be set up first).

The server admin's name and password go in the URL (https://admin:password@host:6984) or
in the environment variables COUCHDB_ADMIN and COUCHDB_PASSWORD. Needs Apache CouchDB 3 or
later, or PouchDB Server. Running a command again changes nothing that is already right.`;

const OPTIONS = {
  school: { type: 'string', multiple: true },
  trust: { type: 'string' },
  origin: { type: 'string', multiple: true },
  name: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

class UsageError extends Error {}

function parse(argv) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error.message);
  }
}

async function main(argv) {
  const { values, positionals } = parse(argv);
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const [command, serverUrl, ...extra] = positionals;
  if (!['setup', 'user', 'trust'].includes(command)) throw new UsageError(`Unknown command "${command}".`);
  if (!serverUrl) throw new UsageError(`${command} needs the server's URL.`);
  if (extra.length > 0) throw new UsageError(`Unexpected "${extra.join(' ')}".`);
  const schools = values.school ?? [];
  const forTrust = command === 'trust' || (command === 'user' && values.trust !== undefined);
  if (forTrust && !values.trust) throw new UsageError(`${command} needs --trust <id>.`);
  if (command === 'trust' && schools.length === 0) throw new UsageError('trust needs a --school <id> for each school.');
  if (command === 'user' && forTrust && schools.length > 0)
    throw new UsageError('user takes --school or --trust, not both: a person has a role in one at a time.');
  if (!forTrust && schools.length === 0) throw new UsageError(`${command} needs --school <id>.`);
  if (!forTrust && schools.length > 1) throw new UsageError(`${command} takes one --school <id>.`);
  if (command === 'setup' && values.trust) throw new UsageError('setup takes no --trust: set up a trust with trust.');
  try {
    for (const school of schools) schoolNames(school);
    if (forTrust) trustNames(values.trust);
  } catch (error) {
    throw new UsageError(error.message);
  }
  if (command !== 'user' && (values.name || values.password || values.role)) {
    throw new UsageError(`${command} takes no --name, --password or --role: add people with proforma-couchdb user.`);
  }
  if (command !== 'setup' && values.origin)
    throw new UsageError(`${command} takes no --origin: give the sites to setup.`);

  const client = await connectAsAdmin(serverUrl);
  const server = client.flavour === 'couchdb' ? `CouchDB ${client.version}` : `PouchDB Server ${client.version}`;
  console.log(`${server} at ${client.where}`);
  const person = { name: values.name, password: values.password, role: values.role };
  const steps =
    command === 'setup'
      ? await setupSchool(client, { school: schools[0], origins: values.origin ?? [] })
      : command === 'trust'
        ? await setupTrust(client, { trust: values.trust, schools })
        : forTrust
          ? await addTrustPerson(client, { trust: values.trust, ...person })
          : await addPerson(client, { school: schools[0], ...person });
  for (const { text } of steps) console.log(`  ${text}`);
  const changes = steps.filter((done) => done.changed).length;
  console.log(
    changes === 0
      ? 'Nothing changed: all was in place already.'
      : `Done: ${changes} change${changes === 1 ? '' : 's'}.`,
  );
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`proforma-couchdb: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof CouchSetupError) {
    console.error(`proforma-couchdb: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(`proforma-couchdb: something unexpected went wrong:\n${error?.stack ?? error}`);
    process.exitCode = 1;
  }
}
