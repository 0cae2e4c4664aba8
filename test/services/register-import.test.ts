import { expect } from '@open-wc/testing';
import type { Assessment } from '../../src/model/assessment.js';
import { canonicalAssessmentJson } from '../../src/model/canonical-json.js';
import type { FormDefinition } from '../../src/model/form-definition.js';
import { parseFormDefinition } from '../../src/model/parse-form-definition.js';
import type { RegisterEntry, TrustedKey } from '../../src/model/register-entry.js';
import { signPdf } from '../../src/pdf/pdf-signature.js';
import { createDeviceKey, type DeviceKey } from '../../src/services/device-key.js';
import { StorageFullError } from '../../src/services/draft-store.js';
import {
  exportRegisterCsv,
  exportRegisterJson,
  importRegisterCsv,
  importRegisterJson,
  importSignedPdfs,
  type RegisterImportProblem,
  type RegisterImportResult,
} from '../../src/services/register-import.js';
import { RegisterStore } from '../../src/services/register-store.js';
import { storeDamagedEntry } from '../register/damage.js';
import { completeSocialAssessment, SOCIAL_ASSESSMENT_ID } from '../pdf/fixtures.js';
import { plainPdf } from '../pdf/signing-fixtures.js';

const BY = 'J. Evans, IT lead';
const NOW = new Date('2026-11-25T12:00:00.000Z');
const freshNamespace = () => `test-${Math.random().toString(36).slice(2)}`;
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');

let form: FormDefinition;
let teacher: DeviceKey;
let stranger: DeviceKey;

before(async () => {
  form = parseFormDefinition(await (await fetch('/forms/social-tool-risk-assessment.json')).json());
  teacher = await createDeviceKey({ name: 'Łukasz Nowak', role: 'Head of computing', school: 'Ysgol Gwyn' });
  stranger = await createDeviceKey({ name: 'Siân Prydderch', role: 'Year 6 teacher', school: 'Ysgol Gwyn' });
});

function trustedKeyOf(key: DeviceKey): TrustedKey {
  return { name: key.signer.name, role: key.signer.role, fingerprint: key.fingerprint, addedAt: NOW.toISOString() };
}

/** The complete Padlet assessment, or another tool's, at a later revision when asked. */
function assessmentOf(changes: { tool?: string; url?: string; id?: string; revision?: number } = {}): Assessment {
  const assessment = completeSocialAssessment(form);
  const tool = changes.tool ?? assessment.tool.name;
  const url = changes.url ?? assessment.tool.url;
  return {
    ...assessment,
    id: changes.id ?? assessment.id,
    revision: changes.revision ?? assessment.revision,
    tool: { ...assessment.tool, name: tool, url },
    answers: { ...assessment.answers, 'tool-name': { value: tool }, 'tool-url': { value: url } },
  };
}

const seesaw = () => assessmentOf({ tool: 'Seesaw', url: 'https://seesaw.com', id: 'seesaw-assessment' });

async function signedPdf(assessment: Assessment, key: DeviceKey = teacher): Promise<Uint8Array> {
  return signPdf(
    plainPdf(`Risk assessment of ${assessment.tool.name}`),
    key,
    {
      name: 'assessment.json',
      bytes: new TextEncoder().encode(canonicalAssessmentJson(assessment)),
      mimeType: 'application/json',
      description: 'The assessment data',
    },
    { name: key.signer.name, reason: 'Risk assessment completed', signedAt: new Date('2026-11-21T09:30:00Z') },
  );
}

/** The PDF with one byte inside its signed range changed. */
function tampered(pdf: Uint8Array): Uint8Array {
  const copy = pdf.slice();
  const at = latin1(pdf).indexOf('/MediaBox') + 12;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

/** A register entry as a store holds one, with only what a test is about changed. */
function entry(id: string, changes: Partial<RegisterEntry> = {}): RegisterEntry {
  const fields: RegisterEntry = {
    id,
    tool: `Tool ${id}`,
    subjects: ['Computing'],
    yearGroups: ['Year 7'],
    status: 'approved',
    outcome: 'approved',
    readiness: 90,
    conditions: [],
    owners: [{ name: 'Siân Jones', role: 'IT lead' }, { name: 'Łukasz Nowak' }],
    decisionDate: '2026-10-01',
    reviewDue: '2027-10-01',
    history: [
      { at: '2026-09-20T09:00:00.000Z', by: 'Rhodri Williams', action: 'imported', changes: [] },
      {
        at: '2026-10-01T15:30:00.000Z',
        by: BY,
        action: 'decided',
        changes: [{ field: 'status', from: 'under-review', to: 'approved' }],
        reason: 'Checked with the DSL',
      },
    ],
    ...changes,
  };
  // A field set to undefined is left out, as a JSON file leaves it out.
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as RegisterEntry;
}

/** A store in a namespace of its own, holding three tools and one trusted key. */
async function seededStore(): Promise<RegisterStore> {
  const store = new RegisterStore(freshNamespace());
  await store.save(
    entry('padlet', { tool: 'Padlet', vendor: 'Wallwisher, Inc.', url: 'https://padlet.com' }),
    entry('seesaw', { tool: 'Seesaw', status: 'under-review', decisionDate: undefined, reviewDue: undefined }),
    entry('scratch', {
      tool: 'Scratch',
      purpose: 'Coding club, "Year 7"',
      conditions: ['Accounts made by the school'],
    }),
  );
  await store.trust(trustedKeyOf(teacher));
  return store;
}

/** Everything a store holds, to compare before and after an import. */
async function contents(store: RegisterStore) {
  return { listing: await store.list(), trustedKeys: await store.trustedKeys() };
}

function errorsOf(result: RegisterImportResult): RegisterImportProblem[] {
  if ('errors' in result) return result.errors;
  return expect.fail(`the import was accepted: ${JSON.stringify(result)}`);
}

function importedOf(result: RegisterImportResult): number {
  if ('imported' in result) return result.imported;
  return expect.fail(`the import was refused: ${JSON.stringify(result.errors)}`);
}

describe('importSignedPdfs', () => {
  it('makes an entry of a valid signed PDF', async () => {
    const store = new RegisterStore(freshNamespace());
    await store.trust(trustedKeyOf(teacher));

    const [result] = await importSignedPdfs([{ name: 'padlet.pdf', bytes: await signedPdf(assessmentOf()) }], store, {
      forms: [form],
      by: BY,
      now: NOW,
    });

    expect(result).to.deep.equal({
      fileName: 'padlet.pdf',
      result: 'created',
      entryId: SOCIAL_ASSESSMENT_ID,
      tool: 'Padlet',
      signer: { name: 'Łukasz Nowak', role: 'Head of computing', fingerprint: teacher.fingerprint },
      signerRecognised: true,
    });
    const stored = await store.get(SOCIAL_ASSESSMENT_ID);
    expect(stored?.tool).to.equal('Padlet');
    expect(stored?.status).to.equal('submitted');
    expect(stored?.outcome).to.equal('approved-with-conditions');
    expect(stored?.owners).to.deep.equal([
      { name: 'Łukasz Nowak', role: 'Head of computing' },
      { name: 'Siân Prydderch', role: 'Year 6 teacher' },
    ]);
    expect(stored?.signerFingerprint).to.equal(teacher.fingerprint);
    expect(stored?.assessment?.revision).to.equal(42);
    expect(stored?.history).to.deep.equal([
      { at: NOW.toISOString(), by: BY, action: 'imported', changes: [{ field: 'status', to: 'submitted' }] },
    ]);
  });

  it('takes the form’s option labels and conditions in the language asked for', async () => {
    const store = new RegisterStore(freshNamespace());

    await importSignedPdfs([{ name: 'padlet.pdf', bytes: await signedPdf(assessmentOf()) }], store, {
      forms: [form],
      by: BY,
      now: NOW,
      locale: 'cy',
    });

    const stored = await store.get(SOCIAL_ASSESSMENT_ID);
    expect(stored?.yearGroups).to.deep.equal(['Blynyddoedd 5 a 6', 'Blynyddoedd 7 i 9']);
    expect(stored?.conditions).to.include(
      'Anfonwch y llythyr at rieni a gofalwyr cyn i ddisgyblion ddefnyddio’r offeryn.',
    );
  });

  it('updates the entry when the same tool is assessed again, keeping its history', async () => {
    const store = new RegisterStore(freshNamespace());
    const options = { forms: [form], by: BY, now: NOW };
    await importSignedPdfs([{ name: 'first.pdf', bytes: await signedPdf(assessmentOf()) }], store, options);

    const [result] = await importSignedPdfs(
      [{ name: 'again.pdf', bytes: await signedPdf(assessmentOf({ revision: 43 })) }],
      store,
      { ...options, now: new Date('2026-12-01T10:00:00.000Z') },
    );

    expect(result?.result).to.equal('updated');
    expect(result?.entryId).to.equal(SOCIAL_ASSESSMENT_ID);
    const { entries } = await store.listWithAssessments();
    expect(entries, 'still one entry for the tool').to.have.length(1);
    expect(entries[0]!.assessment?.revision).to.equal(43);
    expect(entries[0]!.history.map(({ action, at }) => [action, at])).to.deep.equal([
      ['imported', NOW.toISOString()],
      ['reassessed', '2026-12-01T10:00:00.000Z'],
    ]);
  });

  it('refuses the same copy of an assessment a second time', async () => {
    const store = new RegisterStore(freshNamespace());
    const bytes = await signedPdf(assessmentOf());
    await importSignedPdfs([{ name: 'padlet.pdf', bytes }], store, { forms: [form], by: BY });
    const before = await contents(store);

    const [result] = await importSignedPdfs([{ name: 'padlet copy.pdf', bytes }], store, { forms: [form], by: BY });

    expect(result?.result).to.equal('refused');
    expect(result?.reason).to.include({ code: 'register-rule', rule: 'stale-assessment' });
    expect(await contents(store)).to.deep.equal(before);
  });

  it('refuses a PDF changed after it was signed, and an unsigned one, leaving the register as it was', async () => {
    const store = await seededStore();
    const before = await contents(store);

    const results = await importSignedPdfs(
      [
        { name: 'changed.pdf', bytes: tampered(await signedPdf(assessmentOf())) },
        { name: 'unsigned.pdf', bytes: plainPdf() },
      ],
      store,
      { forms: [form], by: BY },
    );

    expect(results.map(({ fileName, result, reason }) => ({ fileName, result, reason }))).to.deep.equal([
      {
        fileName: 'changed.pdf',
        result: 'refused',
        reason: { code: 'invalid', problems: [{ code: 'signature-mismatch' }] },
      },
      {
        fileName: 'unsigned.pdf',
        result: 'refused',
        reason: { code: 'unsigned', problems: [{ code: 'no-signature' }] },
      },
    ]);
    expect(results[0]!.signer?.fingerprint, 'who signed the changed file is still said').to.equal(teacher.fingerprint);
    expect(await contents(store)).to.deep.equal(before);
  });

  it('imports a PDF signed by a key the register does not trust, flagged until the key is trusted', async () => {
    const store = new RegisterStore(freshNamespace());
    const options = { forms: [form], by: BY, now: NOW };

    const [untrusted] = await importSignedPdfs(
      [{ name: 'padlet.pdf', bytes: await signedPdf(assessmentOf(), stranger) }],
      store,
      options,
    );
    await store.trust(trustedKeyOf(stranger));
    const [trusted] = await importSignedPdfs(
      [{ name: 'padlet v43.pdf', bytes: await signedPdf(assessmentOf({ revision: 43 }), stranger) }],
      store,
      options,
    );

    expect(untrusted).to.include({ result: 'created', signerRecognised: false });
    expect(untrusted?.signer?.fingerprint).to.equal(stranger.fingerprint);
    expect(trusted).to.include({ result: 'updated', signerRecognised: true });
    expect((await store.get(SOCIAL_ASSESSMENT_ID))?.signerFingerprint).to.equal(stranger.fingerprint);
  });

  it('takes several files at once, one bad file stopping none of the others', async () => {
    const store = new RegisterStore(freshNamespace());

    const results = await importSignedPdfs(
      [
        { name: 'padlet.pdf', bytes: await signedPdf(assessmentOf()) },
        { name: 'changed.pdf', bytes: tampered(await signedPdf(assessmentOf({ tool: 'Kahoot!', url: '' }))) },
        { name: 'not a pdf.pdf', bytes: new TextEncoder().encode('Tool,Status\r\n') },
        { name: 'seesaw.pdf', bytes: await signedPdf(seesaw()) },
      ],
      store,
      { forms: [form], by: BY },
    );

    expect(results.map(({ fileName, result }) => [fileName, result])).to.deep.equal([
      ['padlet.pdf', 'created'],
      ['changed.pdf', 'refused'],
      ['not a pdf.pdf', 'refused'],
      ['seesaw.pdf', 'created'],
    ]);
    expect(results[2]!.reason).to.deep.equal({ code: 'invalid', problems: [{ code: 'not-a-pdf' }] });
    expect((await store.list()).entries.map(({ tool }) => tool).sort()).to.deep.equal(['Padlet', 'Seesaw']);
  });

  it('lands two assessments of one tool in one batch, in order', async () => {
    const store = new RegisterStore(freshNamespace());

    const results = await importSignedPdfs(
      [
        { name: 'padlet.pdf', bytes: await signedPdf(assessmentOf()) },
        { name: 'padlet v43.pdf', bytes: await signedPdf(assessmentOf({ revision: 43 })) },
      ],
      store,
      { forms: [form], by: BY },
    );

    expect(results.map(({ result, entryId }) => [result, entryId])).to.deep.equal([
      ['created', SOCIAL_ASSESSMENT_ID],
      ['updated', SOCIAL_ASSESSMENT_ID],
    ]);
    const stored = await store.get(SOCIAL_ASSESSMENT_ID);
    expect(stored?.assessment?.revision).to.equal(43);
    expect(stored?.history.map(({ action }) => action)).to.deep.equal(['imported', 'reassessed']);
  });

  it('refuses an assessment made with a form it was not given', async () => {
    const store = new RegisterStore(freshNamespace());
    const otherForm = { ...form, id: 'social-media-account-request' };

    const [result] = await importSignedPdfs([{ name: 'padlet.pdf', bytes: await signedPdf(assessmentOf()) }], store, {
      forms: [otherForm],
      by: BY,
    });

    expect(result).to.include({ result: 'refused', tool: 'Padlet' });
    expect(result?.reason).to.deep.equal({
      code: 'unknown-form',
      formId: 'social-tool-risk-assessment',
      formVersion: form.version,
    });
    expect((await store.list()).entries).to.deep.equal([]);
  });

  it('reports a file the browser could not store as refused, and goes on with the next', async () => {
    class FullOnceStore extends RegisterStore {
      private failed = false;
      override async save(...entries: RegisterEntry[]): Promise<void> {
        if (!this.failed) {
          this.failed = true;
          throw new StorageFullError('The quota has been exceeded.');
        }
        return super.save(...entries);
      }
    }
    const store = new FullOnceStore(freshNamespace());

    const results = await importSignedPdfs(
      [
        { name: 'padlet.pdf', bytes: await signedPdf(assessmentOf()) },
        { name: 'seesaw.pdf', bytes: await signedPdf(seesaw()) },
      ],
      store,
      { forms: [form], by: BY },
    );

    expect(results[0]).to.include({ result: 'refused', tool: 'Padlet' });
    expect(results[0]!.reason).to.deep.equal({ code: 'storage', message: 'The quota has been exceeded.' });
    expect(results[1]).to.include({ result: 'created', tool: 'Seesaw' });
    expect((await store.list()).entries.map(({ tool }) => tool)).to.deep.equal(['Seesaw']);
  });
});

describe('importRegisterCsv', () => {
  const head = 'Tool,Vendor,Status,Outcome,Readiness %,Minimum age,Decision date,Review due,Id';
  const goodRows = ['Padlet,Wallwisher,Under review,,,,,,padlet', 'Scratch,MIT,Approved,Approved,95,8,,,scratch'];
  const csvOf = (...rows: string[]) => `\uFEFF${[head, ...rows].join('\r\n')}\r\n`;

  const malformed: Array<{ name: string; csv: string; first: Omit<RegisterImportProblem, 'message'> }> = [
    { name: 'an empty file', csv: '', first: { row: 1 } },
    { name: 'an Excel workbook', csv: 'PK\u0003\u0004\u0014\u0000[Content_Types].xml', first: { row: 1 } },
    { name: 'cells separated by semicolons', csv: 'Tool;Status;Id\r\nPadlet;Approved;padlet\r\n', first: { row: 1 } },
    {
      name: 'an unknown column',
      csv: 'Tool,Status,Colour,Id\r\nPadlet,Approved,Red,padlet\r\n',
      first: { row: 1, column: 'Colour' },
    },
    { name: 'no Status column', csv: 'Tool,Id\r\nPadlet,padlet\r\n', first: { row: 1, column: 'Status' } },
    { name: 'a row with too few cells', csv: csvOf(...goodRows, 'Seesaw,,Approved'), first: { row: 4 } },
    {
      name: 'a quote never closed',
      csv: csvOf(goodRows[0]!, 'Seesaw,"Seesaw Learning,Approved,,,,,,seesaw', goodRows[1]!),
      first: { row: 3, column: 'Vendor' },
    },
    {
      name: 'a quote in the middle of a cell',
      csv: csvOf(...goodRows, 'See"saw,,Approved,,,,,,seesaw'),
      first: { row: 4, column: 'Tool' },
    },
    {
      name: 'an unknown status',
      csv: csvOf('Seesaw,,Aproved,,,,,,seesaw', ...goodRows),
      first: { row: 2, column: 'Status' },
    },
    {
      name: 'a day not in the calendar',
      csv: csvOf(...goodRows, 'Seesaw,,Approved,,,,2026-02-30,,seesaw'),
      first: { row: 4, column: 'Decision date' },
    },
    {
      name: 'readiness over 100',
      csv: csvOf(...goodRows, 'Seesaw,,Approved,,120,,,,seesaw'),
      first: { row: 4, column: 'Readiness %' },
    },
    {
      name: 'an id used twice',
      csv: csvOf(...goodRows, 'Padlet again,,Draft,,,,,,padlet'),
      first: { row: 4, column: 'Id' },
    },
    { name: 'a tool with no name', csv: csvOf(...goodRows, '  ,,Draft,,,,,,'), first: { row: 4, column: 'Tool' } },
  ];
  for (const { name, csv, first } of malformed) {
    it(`refuses ${name}, leaving the register exactly as it was`, async () => {
      const store = await seededStore();
      const before = await contents(store);

      const errors = errorsOf(await importRegisterCsv(csv, store, { by: BY, now: NOW }));

      expect(errors[0]).to.include(first);
      expect(errors[0]!.message).to.be.a('string').and.not.equal('');
      expect(await contents(store)).to.deep.equal(before);
    });
  }

  it('writes nothing when one row would overwrite a record the register cannot read', async () => {
    const store = await seededStore();
    await storeDamagedEntry(store.namespace, { id: 'broken', tool: 42 });
    const before = await contents(store);

    const errors = errorsOf(
      await importRegisterCsv(csvOf(...goodRows, 'Mended,,Draft,,,,,,broken'), store, { by: BY }),
    );

    expect(errors).to.have.length(1);
    expect(errors[0]!.message).to.contain('nothing was imported').and.to.contain('cannot be read');
    expect(await contents(store)).to.deep.equal(before);
  });

  it('imports every row at once, adding to the history of the entries it changes', async () => {
    const store = await seededStore();
    const padletBefore = await store.get('padlet');
    const csv = 'Tool,Status,Approver,Id\r\nPadlet,Under review,C. Jones,padlet\r\nBook Creator,Draft,,\r\n';

    const imported = importedOf(await importRegisterCsv(csv, store, { by: BY, now: NOW }));

    expect(imported).to.equal(2);
    const { entries } = await store.list();
    expect(entries.map(({ tool }) => tool).sort()).to.deep.equal(['Book Creator', 'Padlet', 'Scratch', 'Seesaw']);
    const padlet = await store.get('padlet');
    expect(padlet?.status).to.equal('under-review');
    expect(padlet?.vendor, 'a column the file leaves out is kept').to.equal('Wallwisher, Inc.');
    expect(padlet?.history).to.deep.equal([
      ...padletBefore!.history,
      {
        at: NOW.toISOString(),
        by: BY,
        action: 'imported from CSV',
        changes: [
          { field: 'status', from: 'approved', to: 'under-review' },
          { field: 'approver', to: 'C. Jones' },
        ],
      },
    ]);
    const bookCreator = entries.find(({ tool }) => tool === 'Book Creator');
    expect(bookCreator?.history.map(({ action, by }) => [action, by])).to.deep.equal([['imported from CSV', BY]]);
  });

  it('exports, imports and exports again to the same text', async () => {
    const store = await seededStore();
    const exported = await exportRegisterCsv(store);

    importedOf(await importRegisterCsv(exported, store, { by: BY, now: NOW }));

    expect(await exportRegisterCsv(store)).to.equal(exported);
    expect((await store.get('scratch'))?.history.at(-1)).to.deep.equal({
      at: NOW.toISOString(),
      by: BY,
      action: 'imported from CSV',
      changes: [],
    });
  });

  it('takes the file’s bytes back as exported, NUL and U+FFFD included, and refuses bytes that are not UTF-8', async () => {
    const store = new RegisterStore(freshNamespace());
    await store.save(entry('odd', { tool: 'Odd\0tool', vendor: 'Gwerthwr \uFFFD', purpose: "x;=cmd|' /C calc'!A0;" }));
    const exported = new TextEncoder().encode(await exportRegisterCsv(store));

    importedOf(await importRegisterCsv(exported, store, { by: BY, now: NOW }));
    const odd = await store.get('odd');
    expect([odd?.tool, odd?.vendor, odd?.purpose]).to.deep.equal([
      'Odd\0tool',
      'Gwerthwr \uFFFD',
      "x;=cmd|' /C calc'!A0;",
    ]);

    const before = await contents(store);
    const latin1Bytes = Uint8Array.from('Tool,Status\r\nCaf\u00e9,Draft\r\n', (letter) => letter.charCodeAt(0));
    const problems = errorsOf(await importRegisterCsv(latin1Bytes, store, { by: BY, now: NOW }));
    expect(problems.map(({ row }) => row)).to.deep.equal([2]);
    expect(problems[0]!.message).to.contain('some characters could not be read');
    expect(await contents(store)).to.deep.equal(before);
  });
});

describe('importRegisterJson', () => {
  /** A full export of a seeded register, with `change` applied to its parsed JSON. */
  async function exportedWith(
    change: (file: Record<string, unknown> & { entries: Array<Record<string, unknown>> }) => void,
  ) {
    const file = JSON.parse(await exportRegisterJson(await seededStore(), { now: NOW }));
    change(file);
    return JSON.stringify(file);
  }

  const malformed: Array<{ name: string; json: () => Promise<string>; path: string }> = [
    { name: 'an empty file', json: async () => '', path: '' },
    { name: 'a file that is not JSON', json: async () => '{ "kind": "proforma-register", ', path: '' },
    { name: 'another kind of file', json: async () => '{ "kind": "proforma-draft", "version": 1 }', path: 'kind' },
    {
      name: 'a file from a newer proforma',
      json: () => exportedWith((file) => (file['version'] = 2)),
      path: 'version',
    },
    {
      name: 'an entry with no tool',
      json: () => exportedWith((file) => delete file.entries[1]!['tool']),
      path: 'entries[1].tool',
    },
    {
      name: 'two entries with one id',
      json: () => exportedWith((file) => (file.entries[2]!['id'] = file.entries[0]!['id'])),
      path: 'entries[2].id',
    },
    {
      name: 'a review date not in the calendar',
      json: () => exportedWith((file) => (file.entries[0]!['reviewDue'] = '2027-02-29')),
      path: 'entries[0].reviewDue',
    },
    {
      name: 'a trusted key that is not a fingerprint',
      json: () => exportedWith((file) => (file['trustedKeys'] = [{ ...trustedKeyOf(stranger), fingerprint: 'AB:CD' }])),
      path: 'trustedKeys[0].fingerprint',
    },
  ];
  for (const { name, json, path } of malformed) {
    it(`refuses ${name}, leaving the register and its keys as they were`, async () => {
      const text = await json();
      const store = await seededStore();
      const before = await contents(store);

      const errors = errorsOf(await importRegisterJson(text, store, { by: BY, now: NOW }));

      expect(errors[0]?.path).to.equal(path);
      expect(await contents(store)).to.deep.equal(before);
    });
  }

  it('carries the history and the trusted keys to another register', async () => {
    const source = await seededStore();
    await source.trust(trustedKeyOf(stranger));
    const target = new RegisterStore(freshNamespace());

    const imported = importedOf(
      await importRegisterJson(await exportRegisterJson(source), target, { by: BY, now: NOW }),
    );

    expect(imported).to.equal(3);
    const [{ entries: sourceEntries }, { entries: targetEntries }] = [await source.list(), await target.list()];
    const withoutHistory = (entry: RegisterEntry) => ({ ...entry, history: [] });
    expect(targetEntries.map(withoutHistory)).to.deep.equal(sourceEntries.map(withoutHistory));
    targetEntries.forEach((entry, index) => {
      expect(entry.history.slice(0, -1), entry.tool).to.deep.equal(sourceEntries[index]!.history);
      expect(entry.history.at(-1)).to.deep.equal({
        at: NOW.toISOString(),
        by: BY,
        action: 'imported from JSON',
        changes: [{ field: 'status', to: entry.status }],
      });
    });
    expect(sortedKeys(await target.trustedKeys())).to.deep.equal(sortedKeys(await source.trustedKeys()));
  });

  it('imports its own export back, keeping the history and adding one event', async () => {
    const store = await seededStore();
    const before = (await store.list()).entries;

    importedOf(await importRegisterJson(await exportRegisterJson(store), store, { by: BY, now: NOW }));

    const after = (await store.list()).entries;
    expect(after.map(({ history }) => history.length)).to.deep.equal(before.map(({ history }) => history.length + 1));
    expect(after.map(({ history }) => history.at(-1)?.changes)).to.deep.equal([[], [], []]);
    expect(await store.trustedKeys()).to.deep.equal([trustedKeyOf(teacher)]);
  });

  it('keeps the register’s own history when an older export comes back over it', async () => {
    const store = await seededStore();
    const older = await exportRegisterJson(store, { now: NOW });
    const padlet = (await store.get('padlet'))!;
    const retired = {
      at: '2026-11-24T09:00:00.000Z',
      by: BY,
      action: 'retired',
      changes: [{ field: 'status', from: 'approved', to: 'retired' }],
    };
    await store.save({ ...padlet, status: 'retired', history: [...padlet.history, retired] });

    importedOf(await importRegisterJson(older, store, { by: BY, now: NOW }));

    const restored = await store.get('padlet');
    expect(restored?.status).to.equal('approved');
    expect(restored?.history.map(({ action }) => action)).to.deep.equal([
      'imported',
      'decided',
      'retired',
      'imported from JSON',
    ]);
    expect(restored?.history.at(-1)?.changes).to.deep.equal([{ field: 'status', from: 'retired', to: 'approved' }]);
  });

  it('refuses a published register over one that holds its entries, saying why', async () => {
    const store = await seededStore();
    const published = await exportRegisterJson(store, { published: true, now: NOW });
    const before = await contents(store);

    const errors = errorsOf(await importRegisterJson(published, store, { by: BY, now: NOW }));

    expect(errors).to.have.length(1);
    expect(errors[0]!.message)
      .to.contain('published copy')
      .and.to.contain('rewrite the history of "Padlet"')
      .and.to.contain('import a full export');
    expect(await contents(store)).to.deep.equal(before);
  });

  it('imports a published register into an empty one', async () => {
    const published = await exportRegisterJson(await seededStore(), { published: true, now: NOW });
    const store = new RegisterStore(freshNamespace());

    expect(importedOf(await importRegisterJson(published, store, { by: BY, now: NOW }))).to.equal(3);
    expect((await store.list()).entries.every(({ assessment }) => assessment === undefined)).to.equal(true);
    expect(await store.trustedKeys(), 'a published register carries no keys').to.deep.equal([]);
  });
});

describe('exportRegisterJson', () => {
  it('writes the register and its trusted keys, or for staff neither keys nor names', async () => {
    const store = await seededStore();

    const full = JSON.parse(await exportRegisterJson(store, { now: NOW }));
    const published = JSON.parse(await exportRegisterJson(store, { published: true, now: NOW }));

    expect(full.exportedAt).to.equal(NOW.toISOString());
    expect(full.entries).to.have.length(3);
    expect(full.trustedKeys).to.deep.equal([trustedKeyOf(teacher)]);
    expect(published.published).to.equal(true);
    expect(published.trustedKeys).to.deep.equal([]);
    expect(published.entries[0].history.map(({ by }: { by: string }) => by)).to.deep.equal(['', '']);
  });
});

function sortedKeys(keys: TrustedKey[]): TrustedKey[] {
  return [...keys].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
}
