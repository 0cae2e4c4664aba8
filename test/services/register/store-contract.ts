// What every register store does, run against each one: the log grows only, a batch is written
// all or none, the answers and signed PDFs come back as they went in, and watchers hear of changes.
import { expect } from '@open-wc/testing';
import type { RegisterEvent } from '../../../src/model/register/events.js';
import { sha256Hex } from '../../../src/services/register/log-records.js';
import type { RegisterStore } from '../../../src/services/register/register-store.js';
import { RegisterStoreError } from '../../../src/services/register/register-store.js';
import { NOW, assessmentOf, at, decided, fieldsOf, imported, reviewStarted } from '../../model/register/log.js';

/** An import of Padlet whose assessment has answers, naming a signed PDF as its evidence. */
export async function padletImport(id = 'padlet-1'): Promise<{ event: RegisterEvent; pdf: Uint8Array }> {
  const pdf = new TextEncoder().encode(`%PDF-1.7 signed assessment ${id}`);
  const assessment = assessmentOf('assessment-padlet', 'Padlet');
  assessment.answers = { privacy: { value: 'met' }, notes: { value: 'Pupils’ walls are private' } };
  const evidence = { name: 'padlet.pdf', sha256: await sha256Hex(pdf) };
  return { pdf, event: imported(id, 'padlet', at(1), { fields: fieldsOf('Padlet'), assessment, evidence }) };
}

async function refusal(work: Promise<unknown>): Promise<RegisterStoreError> {
  try {
    await work;
  } catch (error) {
    expect(error).to.be.instanceOf(RegisterStoreError);
    return error as RegisterStoreError;
  }
  throw new Error('the store took a batch it should have refused');
}

export function registerStoreContract(make: () => RegisterStore): void {
  it('starts empty', async () => {
    const view = await make().read(NOW);
    expect(view.entries).to.deep.equal([]);
    expect(view.rejected).to.deep.equal([]);
    expect(view.eventCount).to.equal(0);
  });

  it('folds what it holds into the register, and gives every event back with its answers', async () => {
    const store = make();
    const { event } = await padletImport();
    const events = [event, reviewStarted('padlet-2', 'padlet', 'padlet-1', at(2))];
    await store.append(events);
    const view = await store.read(NOW);
    expect(view.entries.map(({ id, tool, status }) => [id, tool, status])).to.deep.equal([
      ['padlet', 'Padlet', 'under-review'],
    ]);
    expect(view.eventCount).to.equal(2);
    expect(await store.events()).to.deep.equal(events);
  });

  it('gives one entry with its assessment’s answers, its log newest first, and its signed PDF', async () => {
    const store = make();
    const { event, pdf } = await padletImport();
    await store.append(
      [event],
      [{ name: 'padlet.pdf', sha256: (event as { evidence: { sha256: string } }).evidence.sha256, bytes: pdf }],
    );
    await store.append([reviewStarted('padlet-2', 'padlet', 'padlet-1', at(2))]);
    const detail = (await store.entry('padlet', NOW))!;
    expect(detail.entry.assessment?.answers).to.deep.equal({
      privacy: { value: 'met' },
      notes: { value: 'Pupils’ walls are private' },
    });
    expect(detail.entry.log.map(({ id }) => id)).to.deep.equal(['padlet-2', 'padlet-1']);
    expect(detail.evidence.map(({ name }) => name)).to.deep.equal(['padlet.pdf']);
    const file = (await store.evidence(detail.evidence[0]!.sha256))!;
    expect(file.name).to.equal('padlet.pdf');
    expect([...file.bytes]).to.deep.equal([...pdf]);
    expect(await store.entry('no-such-tool', NOW)).to.equal(undefined);
  });

  it('writes a batch all or none: a change that is not one refuses the whole batch', async () => {
    const store = make();
    const { event } = await padletImport();
    const broken = { ...reviewStarted('padlet-2', 'padlet', 'padlet-1', at(2)), at: 'yesterday' };
    const error = await refusal(store.append([event, broken as RegisterEvent]));
    expect(error.problem).to.equal('not-an-event');
    expect(error.message).to.contain('Change 2 of 2').and.to.contain('Nothing was saved');
    expect((await store.read(NOW)).eventCount).to.equal(0);
  });

  it('never rewrites a change: the same change again is kept once, another under its id is refused', async () => {
    const store = make();
    const { event } = await padletImport();
    await store.append([event]);
    await store.append([event, event]);
    expect((await store.read(NOW)).eventCount).to.equal(1);
    const rewritten = { ...event, at: at(3) } as RegisterEvent;
    const error = await refusal(store.append([reviewStarted('padlet-2', 'padlet', 'padlet-1', at(2)), rewritten]));
    expect(error.problem).to.equal('duplicate-id');
    expect(error.message).to.contain('"padlet-1"');
    const kept = await store.events();
    expect(kept).to.deep.equal([event]);
  });

  it('keeps a change the rules refuse, and shows it with its reason', async () => {
    const store = make();
    await store.append([decided('ghost-1', 'ghost', 'ghost-0', at(2))]);
    const view = await store.read(NOW);
    expect(view.entries).to.deep.equal([]);
    expect(view.rejected.map(({ event, rule }) => [event.id, rule])).to.deep.equal([['ghost-1', 'unknown-based-on']]);
  });

  it('refuses a signed PDF that is not the file its change names, and writes nothing', async () => {
    const store = make();
    const { event } = await padletImport();
    const sha256 = (event as { evidence: { sha256: string } }).evidence.sha256;
    const error = await refusal(
      store.append([event], [{ name: 'padlet.pdf', sha256, bytes: new TextEncoder().encode('another file') }]),
    );
    expect(error.problem).to.equal('evidence-mismatch');
    expect((await store.read(NOW)).eventCount).to.equal(0);
    expect(await store.evidence(sha256)).to.equal(undefined);
  });

  it('tells its watchers of each change, until they stop watching', async () => {
    const store = make();
    let heard = 0;
    const stop = store.watch(() => (heard += 1));
    const { event } = await padletImport();
    await store.append([event]);
    expect(heard).to.equal(1);
    await store.append([event]);
    expect(heard, 'nothing new was written').to.equal(1);
    stop();
    await store.append([reviewStarted('padlet-2', 'padlet', 'padlet-1', at(2))]);
    expect(heard).to.equal(1);
  });
}
