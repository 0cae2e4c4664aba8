// Signs with our CMS code in Node and has OpenSSL verify the result, independently of our code.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';

const folder = mkdtempSync(join(tmpdir(), 'proforma-cms-'));
const bundle = join(folder, 'signing.mjs');
await build({
  entryPoints: ['src/signing.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: bundle,
  logLevel: 'error',
});
const { createDeviceKey, signDetached } = await import(bundle);

const openssl = (args) =>
  execFileSync('openssl', args, { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** `openssl cms -verify` of a detached DER signature over a file; throws when OpenSSL refuses it. */
const opensslVerify = (signatureFile, dataFile) =>
  openssl([
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    signatureFile,
    '-content',
    dataFile,
    '-noverify',
    '-out',
    '/dev/null',
  ]);

test('OpenSSL verifies a detached signature made with a device key', async () => {
  const key = await createDeviceKey({ name: 'Łukasz Nowak', role: 'Class teacher', school: 'Ysgol Gwyn' });
  const data = new TextEncoder().encode('%PDF-1.7 bytes that a signature covers');
  writeFileSync(join(folder, 'data.bin'), data);
  writeFileSync(join(folder, 'signature.der'), await signDetached(data, key));

  const verified = opensslVerify('signature.der', 'data.bin');
  assert.equal(verified, '');
  const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'signature.der']);
  assert.match(printed, /signingCertificateV2|id-smime-aa-signingCertificateV2/);
  assert.match(printed, /ecdsa-with-SHA256/);
});

test('OpenSSL refuses the signature when a byte of the data changes', async () => {
  const key = await createDeviceKey({ name: 'Ann Jones', role: 'DSL', school: 'Example School' });
  const data = new TextEncoder().encode('the original bytes');
  writeFileSync(join(folder, 'signature2.der'), await signDetached(data, key));
  data[0] ^= 1;
  writeFileSync(join(folder, 'changed.bin'), data);

  assert.throws(() => opensslVerify('signature2.der', 'changed.bin'));
});
