import { expect } from '@open-wc/testing';
import { trustEvent } from '../../../src/model/register/changes.js';
import { importSignedPdfsToLog } from '../../../src/services/register/import-pdfs.js';
import { MemoryRegisterStore } from '../../../src/services/register/memory-register-store.js';
import { appendAfterSigning, padletForm } from '../../pdf/signing-fixtures.js';
import { sameNameKeys, signedPadletBy } from '../../register/forgeries.js';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const options = { forms: [padletForm], by: { name: 'J. Evans, IT lead' }, now: NOW };

describe('signed PDFs into the register’s log', function () {
  // Each test signs PDFs with new keys and checks them in a worker.
  this.timeout(20_000);

  it('adds the tool, keeps the PDF as evidence and names the signer', async () => {
    const { teacher } = await sameNameKeys();
    const pdf = await signedPadletBy(teacher);
    const store = new MemoryRegisterStore();
    const [result] = await importSignedPdfsToLog([{ name: 'padlet.pdf', bytes: pdf }], store, options);
    expect(result).to.include({ result: 'created', tool: 'Padlet', signerRecognised: false });
    const detail = (await store.entry(result!.entryId!, NOW))!;
    expect(detail.entry).to.include({ tool: 'Padlet', status: 'submitted', signerName: 'Siân Jones' });
    expect(detail.entry.signerFingerprint).to.equal(teacher.fingerprint);
    const [evidence] = detail.evidence;
    expect([...(await store.evidence(evidence!.sha256))!.bytes]).to.deep.equal([...pdf]);
  });

  it('refuses the same file again, a changed file and an unsigned one, writing nothing for them', async () => {
    const { teacher } = await sameNameKeys();
    const pdf = await signedPadletBy(teacher);
    const store = new MemoryRegisterStore();
    await importSignedPdfsToLog([{ name: 'padlet.pdf', bytes: pdf }], store, options);
    const results = await importSignedPdfsToLog(
      [
        { name: 'again.pdf', bytes: pdf },
        { name: 'changed.pdf', bytes: appendAfterSigning(pdf) },
        { name: 'plain.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n%%EOF\n') },
      ],
      store,
      options,
    );
    expect(results.map(({ result, reason }) => [result, reason?.code])).to.deep.equal([
      ['refused', 'register-rule'],
      ['refused', 'invalid'],
      ['refused', 'unsigned'],
    ]);
    expect((await store.read(NOW)).eventCount).to.equal(1);
  });

  it('re-assesses the tool from a newer revision signed by the same key', async () => {
    const { teacher } = await sameNameKeys();
    const store = new MemoryRegisterStore();
    const [first] = await importSignedPdfsToLog(
      [{ name: 'r3.pdf', bytes: await signedPadletBy(teacher, 3) }],
      store,
      options,
    );
    const [second] = await importSignedPdfsToLog(
      [{ name: 'r4.pdf', bytes: await signedPadletBy(teacher, 4) }],
      store,
      options,
    );
    expect(second).to.include({ result: 'updated', entryId: first!.entryId });
    const entry = (await store.read(NOW)).entries[0]!;
    expect(entry.assessment?.revision).to.equal(4);
    expect(entry.log.map(({ type }) => type)).to.deep.equal(['re-assessed', 'imported']);
  });

  it('keeps a genuine file beside a forged copy that came first, and trusting a key settles it', async () => {
    const { teacher, forger } = await sameNameKeys();
    const store = new MemoryRegisterStore();
    const results = await importSignedPdfsToLog(
      [
        { name: 'forged.pdf', bytes: await signedPadletBy(forger) },
        { name: 'genuine.pdf', bytes: await signedPadletBy(teacher) },
      ],
      store,
      options,
    );
    expect(results.map(({ result }) => result)).to.deep.equal(['created', 'side-by-side']);
    expect(results[1]!.rivalOf).to.equal(results[0]!.entryId);
    let [dispute] = (await store.read(NOW)).signerDisputes;
    expect(dispute!.entries.map(({ signerFingerprint }) => signerFingerprint)).to.have.members([
      forger.fingerprint,
      teacher.fingerprint,
    ]);
    expect(dispute!.standing).to.equal(undefined);
    await store.append([
      trustEvent(
        { name: 'Siân Jones', role: 'Teacher', fingerprint: teacher.fingerprint },
        { by: options.by, at: NOW.toISOString() },
      ),
    ]);
    [dispute] = (await store.read(NOW)).signerDisputes;
    expect(dispute!.standing?.id).to.equal(results[1]!.entryId);
  });

  it('refuses an assessment made with a form the register was not given', async () => {
    const { teacher } = await sameNameKeys();
    const [result] = await importSignedPdfsToLog(
      [{ name: 'padlet.pdf', bytes: await signedPadletBy(teacher) }],
      new MemoryRegisterStore(),
      { ...options, forms: [] },
    );
    expect(result!.reason).to.deep.equal({ code: 'unknown-form', formId: 'padlet-check', formVersion: '1.0.0' });
  });
});
