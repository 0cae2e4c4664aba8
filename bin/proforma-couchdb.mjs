#!/usr/bin/env node
// proforma-couchdb: sets up a school's shared register on Apache CouchDB 3 (or PouchDB Server),
// and adds the people who use it. Both commands can be run again: they change only what differs.
import { parseArgs } from 'node:util';
import { connectAsAdmin, CouchSetupError } from '../couchdb/server.mjs';
import { addPerson, setupSchool } from '../couchdb/setup.mjs';
import { schoolNames } from '../couchdb/design-documents.mjs';

const USAGE = `Usage:
  proforma-couchdb setup <server-url> --school <id> [--origin <site>]...
  proforma-couchdb user <server-url> --school <id> --name <name> --password <password>
                        --role approver|teacher|staff
  proforma-couchdb --help

setup  creates the databases proforma-<id>-register and proforma-<id>-published, installs
       their rules, says who may use them, and lets each --origin (the site of the pages that
       show the register, e.g. https://intranet.example.sch.uk) reach the server (CORS; and
       same_site = None for a site other than the server's).
user   adds a person who signs in with <name> and <password>, or updates their role and
       password. An approver reads and writes the register; a teacher may only submit
       assessments to it; staff read the published register.

The server admin's name and password go in the URL (https://admin:password@host:6984) or
in the environment variables COUCHDB_ADMIN and COUCHDB_PASSWORD. Needs Apache CouchDB 3 or
later, or PouchDB Server. Running a command again changes nothing that is already right.`;

const OPTIONS = {
  school: { type: 'string' },
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
  if (command !== 'setup' && command !== 'user') throw new UsageError(`Unknown command "${command}".`);
  if (!serverUrl) throw new UsageError(`${command} needs the server's URL.`);
  if (extra.length > 0) throw new UsageError(`Unexpected "${extra.join(' ')}".`);
  if (!values.school) throw new UsageError(`${command} needs --school <id>.`);
  try {
    schoolNames(values.school);
  } catch (error) {
    throw new UsageError(error.message);
  }
  if (command === 'setup' && (values.name || values.password || values.role)) {
    throw new UsageError('setup takes no --name, --password or --role: add people with proforma-couchdb user.');
  }
  if (command === 'user' && values.origin) throw new UsageError('user takes no --origin: give the sites to setup.');

  const client = await connectAsAdmin(serverUrl);
  const server = client.flavour === 'couchdb' ? `CouchDB ${client.version}` : `PouchDB Server ${client.version}`;
  console.log(`${server} at ${client.where}`);
  const steps =
    command === 'setup'
      ? await setupSchool(client, { school: values.school, origins: values.origin ?? [] })
      : await addPerson(client, {
          school: values.school,
          name: values.name,
          password: values.password,
          role: values.role,
        });
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
