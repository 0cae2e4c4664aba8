// Runs a command with a CouchDB-protocol server for the tests (see server.mjs), handed to it and to
// everything it starts in PROFORMA_TEST_COUCHDB, then stops the server: `npm test` wraps its test
// runs in it, so that one server serves the whole run.
//   node test/couchdb/with-server.mjs <command> [arguments...]
import { spawn } from 'node:child_process';
import { SHARED_SERVER_VARIABLE, startTestCouchServer } from './server.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: node test/couchdb/with-server.mjs <command> [arguments...]');
  process.exit(2);
}

const server = await startTestCouchServer();
console.log(`Test CouchDB server: ${server.kind} at ${server.origin}`);
const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, [SHARED_SERVER_VARIABLE]: server.adminUrl },
});
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
const [code, signal] = await new Promise((resolve) => child.once('exit', (...end) => resolve(end)));
await server.stop();
process.exitCode = code ?? (signal ? 1 : 0);
