import { expect } from '@open-wc/testing';
import type { RegisterEntryState } from '../../src/model/register/index.js';
import { moveEvent, trustEvent } from '../../src/model/register/index.js';
import type { DeviceKey } from '../../src/services/device-key.js';
import { importSignedPdfsToLog, type PdfImportResult } from '../../src/services/register/import-pdfs.js';
import { MemoryRegisterStore } from '../../src/services/register/memory-register-store.js';
import { padletForm } from '../pdf/signing-fixtures.js';
import { sameNameKeys, SIGNER, signedPadletBy } from './forgeries.js';

const BY = { name: 'J. Evans, IT lead' };
const NOW = new Date('2026-11-25T12:00:00.000Z');
const options = { forms: [padletForm], by: BY, now: NOW };

let teacher: DeviceKey;
let forger: DeviceKey;
let genuine: Uint8Array;
let forged: Uint8Array;

before(async () => {
  ({ teacher, forger } = await sameNameKeys());
  genuine = await signedPadletBy(teacher);
  forged = await signedPadletBy(forger);
});

let seconds = 0;

/** Imports one file a second after the one before, so that the register's order is the order of import. */
async function importOne(store: MemoryRegisterStore, name: string, bytes: Uint8Array): Promise<PdfImportResult> {
  seconds += 1;
  const now = new Date(NOW.getTime() + seconds * 1000);
  const [result] = await importSignedPdfsToLog([{ name, bytes }], store, { ...options, now });
  return result!;
}

const signedWith = (entries: readonly RegisterEntryState[], key: DeviceKey) =>
  entries.find((entry) => entry.signerFingerprint === key.fingerprint);

describe('a forged copy and the genuine file of one assessment', () => {
  for (const order of ['forgery first', 'genuine first'] as const) {
    it(`keeps both, side by side, whichever comes first (${order})`, async () => {
      const store = new MemoryRegisterStore();
      const files = order === 'forgery first' ? [forged, genuine] : [genuine, forged];

      const first = await importOne(store, 'first.pdf', files[0]!);
      const second = await importOne(store, 'second.pdf', files[1]!);

      expect(first.result).to.equal('created');
      expect(second.result, JSON.stringify(second.reason)).to.equal('side-by-side');
      expect(second.rivalOf).to.equal(first.entryId);
      const { entries, signerDisputes } = await store.read(NOW);
      expect(entries.map(({ tool, signerName, assessment }) => [tool, signerName, assessment?.revision])).to.deep.equal(
        [
          ['Padlet', SIGNER.name, 3],
          ['Padlet', SIGNER.name, 3],
        ],
      );
      expect(entries.map(({ signerFingerprint }) => signerFingerprint).sort()).to.deep.equal(
        [teacher.fingerprint, forger.fingerprint].sort(),
      );
      expect(signerDisputes).to.have.length(1);
      expect(signerDisputes[0]!.entries.map(({ id }) => id)).to.deep.equal([first.entryId, second.entryId]);
      expect(signerDisputes[0]!.standing, 'no key is trusted yet').to.equal(undefined);
    });
  }

  it('still refuses the same file a second time, saying the register holds it', async () => {
    const store = new MemoryRegisterStore();
    await importOne(store, 'forged.pdf', forged);
    await importOne(store, 'genuine.pdf', genuine);
    const before = await store.events();

    const again = [
      await importOne(store, 'genuine again.pdf', genuine),
      await importOne(store, 'forged again.pdf', forged),
    ];

    for (const result of again) {
      expect(result.result).to.equal('refused');
      expect(result.reason).to.deep.equal({
        code: 'register-rule',
        rule: 'stale-assessment',
        message: 'The register already holds this assessment at revision 3; this copy is revision 3.',
      });
    }
    expect(await store.events()).to.deep.equal(before);
  });

  it('is settled by trusting one key: that entry stands, and retiring the other ends it', async () => {
    const store = new MemoryRegisterStore();
    await importOne(store, 'forged.pdf', forged);
    await importOne(store, 'genuine.pdf', genuine);

    const change = { by: BY, at: NOW.toISOString() };
    await store.append([
      trustEvent({ name: SIGNER.name, role: SIGNER.role, fingerprint: teacher.fingerprint }, change),
    ]);
    const { entries, signerDisputes } = await store.read(NOW);
    const [settled] = signerDisputes;

    expect(settled?.standing?.signerFingerprint).to.equal(teacher.fingerprint);
    expect(settled?.entries).to.have.length(2);

    const forgery = signedWith(entries, forger)!;
    await store.append([moveEvent(forgery, 'retired', { ...change, reason: 'A forgery' })]);
    expect((await store.read(NOW)).signerDisputes).to.deep.equal([]);
  });

  it('takes a later revision from the teacher’s key into the teacher’s entry, where the forgery no longer claims it', async () => {
    const store = new MemoryRegisterStore();
    await importOne(store, 'forged.pdf', forged);
    const first = await importOne(store, 'genuine.pdf', genuine);

    const later = await importOne(store, 'genuine v4.pdf', await signedPadletBy(teacher, 4));

    expect(later).to.include({ result: 'updated', entryId: first.entryId });
    const { entries, signerDisputes } = await store.read(NOW);
    expect(signedWith(entries, teacher)?.assessment?.revision).to.equal(4);
    expect(signedWith(entries, forger)?.assessment?.revision, 'the forgery is kept').to.equal(3);
    expect(signerDisputes, 'no two files claim one revision now').to.deep.equal([]);
  });
});
