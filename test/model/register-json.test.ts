import { expect } from '@open-wc/testing';
import type { RegisterEntry, RegisterFile, TrustedKey } from '../../src/model/register-entry.js';
import {
  jsonToRegister,
  publishedEntry,
  registerToJson,
  type RegisterJsonProblem,
  type RegisterJsonResult,
} from '../../src/model/register-json.js';
import { entry, FINGERPRINT } from '../register/entries.js';

const now = new Date('2026-11-25T12:00:00.000Z');

const assessment = {
  id: 'assessment-1',
  form: { id: 'test-form', version: '1.0.0' },
  tool: { name: 'Padlet' },
  answers: { q1: { value: 'met', notes: 'Privacy policy read on 3 Nov' } },
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-20T10:42:00.000Z',
  revision: 7,
};

const padlet = entry('padlet', {
  tool: 'Padlet 📌',
  status: 'approved-with-conditions',
  outcome: 'approved-with-conditions',
  readiness: 72,
  conditions: ['First names only'],
  decisionDate: '2026-11-24',
  reviewDue: '2027-11-24',
  signerFingerprint: FINGERPRINT,
  assessment,
  history: [
    {
      at: '2026-11-21T09:00:00.000Z',
      by: 'Rhodri Williams, teacher',
      action: 'imported',
      changes: [{ field: 'assessment', to: 'assessment-1' }],
    },
    {
      at: '2026-11-24T15:30:00.000Z',
      by: 'J. Evans, IT lead',
      action: 'decided',
      changes: [
        { field: 'status', from: 'under-review', to: 'approved-with-conditions' },
        { field: 'assessment.answers.q1.notes', from: '', to: 'Privacy policy read on 3 Nov' },
      ],
      reason: 'Governors asked for first names only after the Year 9 incident',
    },
  ],
});
const entries = [padlet, entry('scratch', { tool: 'Scratch', readiness: null })];
const trustedKeys: TrustedKey[] = [
  { name: 'J. Evans', role: 'IT lead', fingerprint: FINGERPRINT, addedAt: '2026-09-01T08:00:00.000Z' },
];

function fileOf(result: RegisterJsonResult): RegisterFile {
  if ('errors' in result) return expect.fail(`the import failed: ${JSON.stringify(result.errors)}`);
  return result.file;
}

describe('registerToJson and jsonToRegister', () => {
  it('write the whole register as pretty JSON and read it back, history and all', () => {
    const json = registerToJson(entries, trustedKeys, { now });

    const file = fileOf(jsonToRegister(json));

    expect(json.startsWith('{\n  "kind": "proforma-register",\n  "version": 1,\n')).to.equal(true);
    expect(file).to.deep.equal({
      kind: 'proforma-register',
      version: 1,
      exportedAt: '2026-11-25T12:00:00.000Z',
      entries,
      trustedKeys,
    });
    expect(registerToJson(file.entries, file.trustedKeys, { now })).to.equal(json);
  });

  it('read a file with a byte-order mark', () => {
    const json = `\uFEFF${registerToJson(entries, trustedKeys, { now })}`;

    expect(fileOf(jsonToRegister(json)).entries).to.deep.equal(entries);
  });

  it('publish without the assessment, trusted keys, or who did what and why', () => {
    const json = registerToJson(entries, trustedKeys, { published: true, now });

    const file = fileOf(jsonToRegister(json));

    expect(file.published).to.equal(true);
    expect(file.trustedKeys).to.deep.equal([]);
    expect(file.entries[0]).to.not.have.property('assessment');
    expect(file.entries[0]!.history).to.deep.equal([
      { at: '2026-11-21T09:00:00.000Z', by: '', action: 'imported', changes: [] },
      {
        at: '2026-11-24T15:30:00.000Z',
        by: '',
        action: 'decided',
        changes: [{ field: 'status', from: 'under-review', to: 'approved-with-conditions' }],
      },
    ]);
    for (const secret of ['Privacy policy', 'Rhodri', 'J. Evans', 'Governors', 'assessment-1']) {
      expect(json, secret).to.not.include(secret);
    }
  });

  it('publish what staff need to know about a tool', () => {
    const shown: Partial<RegisterEntry> = { ...padlet };
    delete shown.assessment;
    delete shown.history;

    expect(publishedEntry(padlet)).to.deep.include(shown);
  });
});

describe('jsonToRegister refuses', () => {
  const validFile = () => JSON.parse(registerToJson(entries, trustedKeys, { now })) as Record<string, unknown>;
  const fileWith = (changes: Record<string, unknown>) => JSON.stringify({ ...validFile(), ...changes }, null, 2);
  const withEntries = (...list: unknown[]) => fileWith({ entries: list });
  type Expected = RegisterJsonProblem;
  const cases: Array<{ name: string; text: string; errors: Expected[] }> = [
    { name: 'an empty file', text: ' \n', errors: [{ path: '', message: 'the file is empty' }] },
    {
      name: 'a missing comma, giving its line and column',
      text: '{\n  "kind": "proforma-register",\n  "version": 1\n  "entries": []\n}',
      errors: [
        {
          path: '',
          line: 4,
          column: 3,
          message: 'this is not JSON: expected "," or "}" but found a quote mark at line 4, column 3',
        },
      ],
    },
    {
      name: 'text that is not JSON at all',
      text: 'Tool,Status\r\nPadlet,Approved\r\n',
      errors: [{ path: '', line: 1, column: 1, message: 'expected a value but found "T"' }],
    },
    {
      name: 'a file cut short inside a text',
      text: '{\n  "kind": "proforma-register",\n  "exportedAt": "2026-11',
      errors: [{ path: '', line: 3, column: 17, message: 'a text in quotes is never closed' }],
    },
    {
      name: 'a file cut short',
      text: '{\n  "kind": "proforma-register",\n  "entries": [\n',
      errors: [{ path: '', line: 4, column: 1, message: 'expected a value but found the end of the file' }],
    },
    {
      name: 'a form definition',
      text: JSON.stringify({ kind: 'proforma-form', format: '1.0', id: 'test-form' }),
      errors: [{ path: 'kind', message: 'this is not a proforma register (it is a "proforma-form" file)' }],
    },
    {
      name: 'a list instead of a register',
      text: JSON.stringify(entries),
      errors: [{ path: 'kind', message: 'this is not a proforma register' }],
    },
    {
      name: 'a newer version',
      text: fileWith({ version: 2 }),
      errors: [{ path: 'version', message: 'saved by a newer proforma (file version 2)' }],
    },
    {
      name: 'a register without entries',
      text: fileWith({ entries: undefined }),
      errors: [{ path: 'entries', message: 'is missing (a list)' }],
    },
    {
      name: 'an id used twice',
      text: withEntries(entry('a'), entry('b'), entry('a')),
      errors: [{ path: 'entries[2].id', message: '"a" is also the id of entries[0]' }],
    },
    {
      name: 'every bad entry, naming its index and field',
      text: withEntries(
        entry('a'),
        { ...entry('b'), status: 'aproved' },
        entry('c'),
        { ...entry('d'), tool: '', owners: [{ role: 'IT lead' }], readiness: '72%' },
        { ...entry('e'), history: [{ at: 'yesterday', by: 'me', action: 'edited', changes: [] }] },
      ),
      errors: [
        { path: 'entries[1].status', message: 'should be one of "draft", "submitted"' },
        { path: 'entries[3].tool', message: 'must not be empty' },
        { path: 'entries[3].readiness', message: 'should be a number, not "72%"' },
        { path: 'entries[3].owners[0].name', message: 'is missing (text)' },
        { path: 'entries[4].history[0].at', message: 'must be a date and time, not "yesterday"' },
      ],
    },
    {
      name: 'dates of the wrong shape or not in the calendar',
      text: withEntries(entry('a', { decisionDate: '24/11/2026' }), entry('b', { reviewDue: '2027-02-29' })),
      errors: [
        { path: 'entries[0].decisionDate', message: 'must be a date as yyyy-mm-dd, not "24/11/2026"' },
        { path: 'entries[1].reviewDue', message: 'there is no 29 February 2027' },
      ],
    },
    {
      name: 'a trusted key that is not a fingerprint, or trusted twice',
      text: fileWith({
        trustedKeys: [
          { ...trustedKeys[0], fingerprint: 'ab:cd' },
          trustedKeys[0],
          { ...trustedKeys[0], name: 'Someone else' },
        ],
      }),
      errors: [
        { path: 'trustedKeys[0].fingerprint', message: 'must be a SHA-256 fingerprint, not "ab:cd"' },
        { path: 'trustedKeys[2].fingerprint', message: 'is also the fingerprint of trustedKeys[1]' },
      ],
    },
  ];
  for (const { name, text, errors } of cases) {
    it(`${name}, returning no register`, () => {
      const result = jsonToRegister(text);

      expect(result, 'no register at all').to.not.have.property('file');
      const found = 'errors' in result ? result.errors : [];
      const where = ({ path, line, column }: Expected) => ({ path, line, column });
      expect(found.map(where)).to.deep.equal(errors.map(where));
      errors.forEach(({ message }, index) => expect(found[index]!.message).to.include(message));
    });
  }
});
