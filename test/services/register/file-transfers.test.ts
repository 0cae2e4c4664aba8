import { expect } from '@open-wc/testing';
import type { RegisterEntry, TrustedKey } from '../../../src/model/register-entry.js';
import { registerToJson } from '../../../src/model/register-json.js';
import { eventsFromRegister, historyOf, moveEvent } from '../../../src/model/register/index.js';
import {
  exportRegisterCsv,
  exportRegisterJson,
  importRegisterCsv,
  importRegisterJson,
  type RegisterImportProblem,
  type RegisterImportResult,
} from '../../../src/services/register/file-transfers.js';
import { MemoryRegisterStore } from '../../../src/services/register/memory-register-store.js';
import { FINGERPRINT } from '../../register/entries.js';

const BY = 'J. Evans, IT lead';
const AUTHOR = { name: BY };
const NOW = new Date('2026-11-25T12:00:00.000Z');
const CARRY_OVER = { at: '2026-09-01T08:00:00.000Z', by: AUTHOR };
const OTHER_KEY = Array.from({ length: 32 }, () => 'BB').join(':');

const teacherKey: TrustedKey = {
  name: 'Łukasz Nowak',
  role: 'Head of computing',
  fingerprint: FINGERPRINT,
  addedAt: NOW.toISOString(),
};

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

const seededEntries = () => [
  entry('padlet', { tool: 'Padlet', vendor: 'Wallwisher, Inc.', url: 'https://padlet.com' }),
  entry('seesaw', { tool: 'Seesaw', status: 'under-review', decisionDate: undefined, reviewDue: undefined }),
  entry('scratch', {
    tool: 'Scratch',
    purpose: 'Coding club, "Year 7"',
    conditions: ['Accounts made by the school'],
  }),
];

/** A register holding three tools and one trusted key. */
function seededStore(): MemoryRegisterStore {
  return new MemoryRegisterStore(eventsFromRegister(seededEntries(), [teacherKey], CARRY_OVER));
}

/** Everything a store holds, to compare before and after an import. */
const contents = (store: MemoryRegisterStore) => store.events();

async function entryOf(store: MemoryRegisterStore, id: string) {
  return (await store.read(NOW)).entries.find((each) => each.id === id);
}

function errorsOf(result: RegisterImportResult): RegisterImportProblem[] {
  if ('errors' in result) return result.errors;
  return expect.fail(`the import was accepted: ${JSON.stringify(result)}`);
}

function importedOf(result: RegisterImportResult): number {
  if ('imported' in result) return result.imported;
  return expect.fail(`the import was refused: ${JSON.stringify(result.errors)}`);
}

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
      const store = seededStore();
      const before = await contents(store);

      const errors = errorsOf(await importRegisterCsv(csv, store, { by: AUTHOR, now: NOW }));

      expect(errors[0]).to.include(first);
      expect(errors[0]!.message).to.be.a('string').and.not.equal('');
      expect(await contents(store)).to.deep.equal(before);
    });
  }

  it('imports every row at once, adding to the history of the entries it changes', async () => {
    const store = seededStore();
    const padletBefore = historyOf((await entryOf(store, 'padlet'))!);
    const csv = 'Tool,Status,Approver,Id\r\nPadlet,Under review,C. Jones,padlet\r\nBook Creator,Draft,,\r\n';

    const imported = importedOf(await importRegisterCsv(csv, store, { by: AUTHOR, now: NOW }));

    expect(imported).to.equal(2);
    const { entries } = await store.read(NOW);
    expect(entries.map(({ tool }) => tool).sort()).to.deep.equal(['Book Creator', 'Padlet', 'Scratch', 'Seesaw']);
    const padlet = await entryOf(store, 'padlet');
    expect(padlet?.status).to.equal('under-review');
    expect(padlet?.vendor, 'a column the file leaves out is kept').to.equal('Wallwisher, Inc.');
    expect(historyOf(padlet!)).to.deep.equal([
      ...padletBefore,
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
    expect(historyOf(bookCreator!).map(({ action, by }) => [action, by])).to.deep.equal([['imported from CSV', BY]]);
  });

  it('exports, imports and exports again to the same text', async () => {
    const store = seededStore();
    const exported = await exportRegisterCsv(store);

    importedOf(await importRegisterCsv(exported, store, { by: AUTHOR, now: NOW }));

    expect(await exportRegisterCsv(store)).to.equal(exported);
    expect(historyOf((await entryOf(store, 'scratch'))!).at(-1)).to.deep.equal({
      at: NOW.toISOString(),
      by: BY,
      action: 'imported from CSV',
      changes: [],
    });
  });

  it('takes the file’s bytes back as exported, NUL and U+FFFD included, and refuses bytes that are not UTF-8', async () => {
    const odd0 = entry('odd', { tool: 'Odd\0tool', vendor: 'Gwerthwr \uFFFD', purpose: "x;=cmd|' /C calc'!A0;" });
    const store = new MemoryRegisterStore(eventsFromRegister([odd0], [], CARRY_OVER));
    const exported = new TextEncoder().encode(await exportRegisterCsv(store));

    importedOf(await importRegisterCsv(exported, store, { by: AUTHOR, now: NOW }));
    const odd = await entryOf(store, 'odd');
    expect([odd?.tool, odd?.vendor, odd?.purpose]).to.deep.equal([
      'Odd\0tool',
      'Gwerthwr \uFFFD',
      "x;=cmd|' /C calc'!A0;",
    ]);

    const before = await contents(store);
    const latin1Bytes = Uint8Array.from('Tool,Status\r\nCaf\u00e9,Draft\r\n', (letter) => letter.charCodeAt(0));
    const problems = errorsOf(await importRegisterCsv(latin1Bytes, store, { by: AUTHOR, now: NOW }));
    expect(problems.map(({ row }) => row)).to.deep.equal([2]);
    expect(problems[0]!.message).to.contain('some characters could not be read');
    expect(await contents(store)).to.deep.equal(before);
  });
});

describe('importRegisterJson', () => {
  /** A register JSON file of version 1 of the seeded tools, with `change` applied to its parsed JSON. */
  function version1With(change: (file: Record<string, unknown> & { entries: Array<Record<string, unknown>> }) => void) {
    const file = JSON.parse(registerToJson(seededEntries(), [teacherKey], { now: NOW }));
    change(file);
    return JSON.stringify(file);
  }

  const malformed: Array<{ name: string; json: () => string; path: string }> = [
    { name: 'an empty file', json: () => '', path: '' },
    { name: 'a file that is not JSON', json: () => '{ "kind": "proforma-register", ', path: '' },
    { name: 'another kind of file', json: () => '{ "kind": "proforma-draft", "version": 1 }', path: 'kind' },
    {
      name: 'a file from a newer proforma',
      json: () => version1With((file) => (file['version'] = 3)),
      path: 'version',
    },
    {
      name: 'an entry with no tool',
      json: () => version1With((file) => delete file.entries[1]!['tool']),
      path: 'entries[1].tool',
    },
    {
      name: 'two entries with one id',
      json: () => version1With((file) => (file.entries[2]!['id'] = file.entries[0]!['id'])),
      path: 'entries[2].id',
    },
    {
      name: 'a review date not in the calendar',
      json: () => version1With((file) => (file.entries[0]!['reviewDue'] = '2027-02-29')),
      path: 'entries[0].reviewDue',
    },
    {
      name: 'a trusted key that is not a fingerprint',
      json: () => version1With((file) => (file['trustedKeys'] = [{ ...teacherKey, fingerprint: 'AB:CD' }])),
      path: 'trustedKeys[0].fingerprint',
    },
  ];
  for (const { name, json, path } of malformed) {
    it(`refuses ${name}, leaving the register and its keys as they were`, async () => {
      const store = seededStore();
      const before = await contents(store);

      const errors = errorsOf(await importRegisterJson(json(), store, { by: AUTHOR, now: NOW }));

      expect(errors[0]?.path).to.equal(path);
      expect(await contents(store)).to.deep.equal(before);
    });
  }

  it('carries the log and the trusted keys to another register', async () => {
    const source = seededStore();
    const target = new MemoryRegisterStore();

    const imported = importedOf(await importRegisterJson(await exportRegisterJson(source), target, { by: AUTHOR }));

    expect(imported).to.equal(3);
    expect(await target.events()).to.deep.equal(await source.events());
    expect((await target.read(NOW)).trustedKeys).to.deep.equal((await source.read(NOW)).trustedKeys);
  });

  it('reads a file of version 1 as the histories of its entries, and its trusted keys', async () => {
    const store = new MemoryRegisterStore();

    expect(
      importedOf(
        await importRegisterJson(
          version1With(() => {}),
          store,
          { by: AUTHOR, now: NOW },
        ),
      ),
    ).to.equal(3);

    const padlet = (await entryOf(store, 'padlet'))!;
    expect(historyOf(padlet)).to.deep.equal(seededEntries()[0]!.history);
    expect((await store.read(NOW)).trustedKeys.map(({ fingerprint }) => fingerprint)).to.deep.equal([FINGERPRINT]);
  });

  it('imports its own export back, writing nothing', async () => {
    const store = seededStore();
    const before = await contents(store);

    expect(importedOf(await importRegisterJson(await exportRegisterJson(store), store, { by: AUTHOR }))).to.equal(3);

    expect(await contents(store)).to.deep.equal(before);
  });

  it('keeps the register’s own log when an older export comes back over it', async () => {
    const store = seededStore();
    const older = await exportRegisterJson(store, { now: NOW });
    const padlet = (await entryOf(store, 'padlet'))!;
    await store.append([moveEvent(padlet, 'retired', { by: AUTHOR, at: NOW.toISOString(), reason: 'Replaced' })]);

    importedOf(await importRegisterJson(older, store, { by: AUTHOR, now: NOW }));

    const kept = (await entryOf(store, 'padlet'))!;
    expect(kept.status).to.equal('retired');
    expect(historyOf(kept).map(({ action }) => action)).to.deep.equal(['imported', 'decided', 'retired']);
  });

  it('refuses changes the register would set aside, all of them, saying why', async () => {
    const store = seededStore();
    const before = await contents(store);
    const stranger = version1With((file) => {
      file.entries = [file.entries[0]!];
      file['trustedKeys'] = [{ ...teacherKey, fingerprint: OTHER_KEY }];
      (file.entries[0]!['history'] as Array<Record<string, unknown>>)[0]!['by'] = 'Someone else';
    });

    const errors = errorsOf(await importRegisterJson(stranger, store, { by: AUTHOR, now: NOW }));

    expect(errors.map(({ message }) => message).join(' '))
      .to.contain('"padlet"')
      .and.to.contain('same id');
    expect(await contents(store)).to.deep.equal(before);
  });

  it('refuses a published register over one that holds its entries, saying why', async () => {
    const store = seededStore();
    const published = await exportRegisterJson(store, { published: true, now: NOW });
    const before = await contents(store);

    const errors = errorsOf(await importRegisterJson(published, store, { by: AUTHOR, now: NOW }));

    expect(errors).to.have.length(1);
    expect(errors[0]!.message)
      .to.contain('published copy')
      .and.to.contain('rewrite the history of "Padlet"')
      .and.to.contain('import a full export');
    expect(await contents(store)).to.deep.equal(before);
  });

  it('imports a published register into an empty one', async () => {
    const published = await exportRegisterJson(seededStore(), { published: true, now: NOW });
    const store = new MemoryRegisterStore();

    expect(importedOf(await importRegisterJson(published, store, { by: AUTHOR, now: NOW }))).to.equal(3);
    const { entries, trustedKeys } = await store.read(NOW);
    expect(entries.every(({ assessment }) => assessment === undefined)).to.equal(true);
    expect(trustedKeys, 'a published register carries no keys').to.deep.equal([]);
  });
});

describe('exportRegisterJson', () => {
  it('writes the whole log, or for staff neither keys nor names', async () => {
    const store = seededStore();

    const full = JSON.parse(await exportRegisterJson(store, { now: NOW }));
    const published = JSON.parse(await exportRegisterJson(store, { published: true, now: NOW }));

    expect(full).to.include({ version: 2, exportedAt: NOW.toISOString() });
    expect(full.events).to.deep.equal(await store.events());
    expect(published.published).to.equal(true);
    expect(published.trustedKeys).to.deep.equal([]);
    expect(published.entries[0].history.map(({ by }: { by: string }) => by)).to.deep.equal(['', '']);
  });
});
