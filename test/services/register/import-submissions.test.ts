import { expect } from '@open-wc/testing';
import canonicalize from 'canonicalize';
import type { Submission } from '../../../src/model/register/submissions.js';
import { importSignedPdfsToLog, importSubmission } from '../../../src/services/register/import-pdfs.js';
import { MemoryRegisterStore } from '../../../src/services/register/memory-register-store.js';
import { appendAfterSigning, padletForm } from '../../pdf/signing-fixtures.js';
import { sameNameKeys, signedPadletBy } from '../../register/forgeries.js';

const NOW = new Date('2026-12-01T10:00:00.000Z');

function submissionOf(id: string, submittedAt = '2026-11-25T09:30:00.000Z'): Submission {
  return {
    id,
    submittedAt,
    by: { name: 'Siân Jones' },
    recordedBy: 'sjones',
    tool: { name: 'Padlet' },
    fileName: 'padlet.pdf',
  };
}

/** Imports a submission into `store`, as an approver's browser does: appended as the store appends. */
const take = (submission: Submission, bytes: Uint8Array | undefined, store: MemoryRegisterStore) =>
  importSubmission(submission, bytes, store, {
    forms: [padletForm],
    now: NOW,
    append: (events, evidence) => store.append(events, evidence),
  });

describe('teachers’ submissions into the register’s log', function () {
  // Each test signs PDFs with new keys and checks them in a worker.
  this.timeout(20_000);

  it('writes the same event in two browsers: ids and time from the submission, in the teacher’s name', async () => {
    const { teacher } = await sameNameKeys();
    const pdf = await signedPadletBy(teacher);
    const [one, two] = [new MemoryRegisterStore(), new MemoryRegisterStore()];
    const results = [await take(submissionOf('s1'), pdf, one), await take(submissionOf('s1'), pdf, two)];
    expect(results.map(({ result, entryId }) => [result, entryId])).to.deep.equal([
      ['created', 'submitted-s1'],
      ['created', 'submitted-s1'],
    ]);
    const [event] = await one.events();
    expect(canonicalize(event)).to.equal(canonicalize((await two.events())[0]));
    expect(event).to.include({ id: 'submission-s1', type: 'imported', at: '2026-11-25T09:30:00.000Z' });
    expect(event!.by).to.deep.equal({ name: 'sjones' });
    expect((event as { submission?: unknown }).submission).to.deep.equal({
      id: 's1',
      submittedAt: '2026-11-25T09:30:00.000Z',
      by: { name: 'Siân Jones' },
    });
    const detail = (await one.entry('submitted-s1', NOW))!;
    expect(detail.entry.status).to.equal('submitted');
    expect(detail.evidence.map(({ name }) => name)).to.deep.equal(['padlet.pdf']);
  });

  it('re-assesses the tool a newer revision is of, dated after the change it follows', async () => {
    const { teacher } = await sameNameKeys();
    const store = new MemoryRegisterStore();
    const [first] = await importSignedPdfsToLog([{ name: 'r3.pdf', bytes: await signedPadletBy(teacher, 3) }], store, {
      forms: [padletForm],
      by: { name: 'J. Evans, IT lead' },
      now: NOW,
    });
    // Sent before the import above was made: the re-assessment takes the import's time.
    const result = await take(submissionOf('s2', '2026-11-20T09:00:00.000Z'), await signedPadletBy(teacher, 4), store);
    expect(result).to.include({ result: 'updated', entryId: first!.entryId });
    const entry = (await store.read(NOW)).entries[0]!;
    expect(entry.log.map(({ type, id }) => `${type} ${id}`)[0]).to.equal('re-assessed submission-s2');
    expect(entry.log[0]!.at).to.equal(NOW.toISOString());
    expect(entry.assessment?.revision).to.equal(4);
  });

  it('refuses a changed PDF, an unsigned one and none at all, writing nothing', async () => {
    const { teacher } = await sameNameKeys();
    const store = new MemoryRegisterStore();
    const changed = appendAfterSigning(await signedPadletBy(teacher));
    const plain = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    const results = [
      await take(submissionOf('changed'), changed, store),
      await take(submissionOf('plain'), plain, store),
      await take(submissionOf('none'), undefined, store),
    ];
    expect(results.map(({ result, reason }) => [result, reason?.code])).to.deep.equal([
      ['refused', 'invalid'],
      ['refused', 'unsigned'],
      ['refused', 'no-pdf'],
    ]);
    expect((await store.read(NOW)).eventCount).to.equal(0);
  });
});
