import { expect } from '@open-wc/testing';
import type { RegisterEntry, TrustedKey } from '../../src/model/register-entry.js';
import { retire, signerDisputes } from '../../src/model/register/index.js';
import type { DeviceKey } from '../../src/services/device-key.js';
import { importSignedPdfs, type PdfImportResult } from '../../src/services/register-import.js';
import { RegisterStore } from '../../src/services/register-store.js';
import { padletForm } from '../pdf/signing-fixtures.js';
import { freshNamespace } from './entries.js';
import { sameNameKeys, SIGNER, signedPadletBy } from './forgeries.js';

const BY = 'J. Evans, IT lead';
const options = { forms: [padletForm], by: BY, now: new Date('2026-11-25T12:00:00.000Z') };

let teacher: DeviceKey;
let forger: DeviceKey;
let genuine: Uint8Array;
let forged: Uint8Array;

before(async () => {
  ({ teacher, forger } = await sameNameKeys());
  genuine = await signedPadletBy(teacher);
  forged = await signedPadletBy(forger);
});

const trustedKeyOf = (key: DeviceKey): TrustedKey => ({
  name: key.signer.name,
  role: key.signer.role,
  fingerprint: key.fingerprint,
  addedAt: '2026-11-25T12:00:00.000Z',
});

async function importOne(store: RegisterStore, name: string, bytes: Uint8Array): Promise<PdfImportResult> {
  const [result] = await importSignedPdfs([{ name, bytes }], store, options);
  return result!;
}

const signedWith = (entries: readonly RegisterEntry[], key: DeviceKey) =>
  entries.find((entry) => entry.signerFingerprint === key.fingerprint);

describe('a forged copy and the genuine file of one assessment', () => {
  for (const order of ['forgery first', 'genuine first'] as const) {
    it(`keeps both, side by side, whichever comes first (${order})`, async () => {
      const store = new RegisterStore(freshNamespace());
      const files = order === 'forgery first' ? [forged, genuine] : [genuine, forged];

      const first = await importOne(store, 'first.pdf', files[0]!);
      const second = await importOne(store, 'second.pdf', files[1]!);

      expect(first.result).to.equal('created');
      expect(second.result, JSON.stringify(second.reason)).to.equal('side-by-side');
      expect(second.rivalOf).to.equal(first.entryId);
      const { entries } = await store.listWithAssessments();
      expect(entries.map(({ tool, signerName, assessment }) => [tool, signerName, assessment?.revision])).to.deep.equal(
        [
          ['Padlet', SIGNER.name, 3],
          ['Padlet', SIGNER.name, 3],
        ],
      );
      expect(entries.map(({ signerFingerprint }) => signerFingerprint).sort()).to.deep.equal(
        [teacher.fingerprint, forger.fingerprint].sort(),
      );
      const disputes = signerDisputes(entries, []);
      expect(disputes).to.have.length(1);
      expect(disputes[0]!.entries.map(({ id }) => id)).to.deep.equal([first.entryId, second.entryId]);
      expect(disputes[0]!.standing, 'no key is trusted yet').to.equal(undefined);
    });
  }

  it('still refuses the same file a second time, saying the register holds it', async () => {
    const store = new RegisterStore(freshNamespace());
    await importOne(store, 'forged.pdf', forged);
    await importOne(store, 'genuine.pdf', genuine);
    const before = await store.listWithAssessments();

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
    expect(await store.listWithAssessments()).to.deep.equal(before);
  });

  it('is settled by trusting one key: that entry stands, and retiring the other ends it', async () => {
    const store = new RegisterStore(freshNamespace());
    await importOne(store, 'forged.pdf', forged);
    await importOne(store, 'genuine.pdf', genuine);

    await store.trust(trustedKeyOf(teacher));
    const trusted = (await store.trustedKeys()).map(({ fingerprint }) => fingerprint);
    const { entries } = await store.list();
    const [settled] = signerDisputes(entries, trusted);

    expect(settled?.standing?.signerFingerprint).to.equal(teacher.fingerprint);
    expect(settled?.entries).to.have.length(2);

    const forgery = signedWith(entries, forger)!;
    await store.save(retire(forgery, { by: BY, at: '2026-11-26T09:00:00.000Z', reason: 'A forgery' }));
    expect(signerDisputes((await store.list()).entries, trusted)).to.deep.equal([]);
  });

  it('takes a later revision from the teacher’s key into the teacher’s entry, leaving the forgery beside it', async () => {
    const store = new RegisterStore(freshNamespace());
    await importOne(store, 'forged.pdf', forged);
    const first = await importOne(store, 'genuine.pdf', genuine);

    const later = await importOne(store, 'genuine v4.pdf', await signedPadletBy(teacher, 4));

    expect(later).to.include({ result: 'updated', entryId: first.entryId });
    const { entries } = await store.listWithAssessments();
    expect(signedWith(entries, teacher)?.assessment?.revision).to.equal(4);
    expect(signedWith(entries, forger)?.assessment?.revision).to.equal(3);
    expect(signerDisputes(entries, [])).to.have.length(1);
  });
});
