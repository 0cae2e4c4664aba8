import { expect } from '@open-wc/testing';
import type { RegisterEntry } from '../../../src/model/register-entry.js';
import { entryForImport, placeImport, signerDisputes } from '../../../src/model/register/index.js';
import { smallAssessment } from '../../pdf/signing-fixtures.js';
import { entry } from '../../register/entries.js';

const KEY_A = Array.from({ length: 32 }, () => 'AA').join(':');
const KEY_B = Array.from({ length: 32 }, () => 'BB').join(':');
const KEY_C = Array.from({ length: 32 }, () => 'CC').join(':');
const change = { by: 'J. Evans, IT lead', at: '2026-11-25T12:00:00.000Z' };

/** An entry of Padlet holding its assessment at `revision`, signed by `key`. */
const padlet = (id: string, key: string | undefined, revision = 3, changes: Partial<RegisterEntry> = {}) =>
  entry(id, {
    tool: 'Padlet',
    ...(key ? { signerFingerprint: key } : {}),
    assessment: smallAssessment({ revision }),
    ...changes,
  });

describe('signerDisputes', () => {
  const cases: Array<{
    name: string;
    entries: RegisterEntry[];
    trusted: string[];
    expected: string[][];
    standing: Array<string | undefined>;
  }> = [
    {
      name: 'no entry kept beside another',
      entries: [padlet('a', KEY_A), entry('b')],
      trusted: [],
      expected: [],
      standing: [],
    },
    {
      name: 'two keys, neither trusted',
      entries: [padlet('a', KEY_A), padlet('a-2', KEY_B, 3, { rivalOf: 'a' })],
      trusted: [],
      expected: [['a', 'a-2']],
      standing: [undefined],
    },
    {
      name: 'two keys, the second trusted (written in lower case)',
      entries: [padlet('a', KEY_A), padlet('a-2', KEY_B, 3, { rivalOf: 'a' })],
      trusted: [KEY_B.toLowerCase()],
      expected: [['a', 'a-2']],
      standing: ['a-2'],
    },
    {
      name: 'both keys trusted: still to settle',
      entries: [padlet('a', KEY_A), padlet('a-2', KEY_B, 3, { rivalOf: 'a' })],
      trusted: [KEY_A, KEY_B],
      expected: [['a', 'a-2']],
      standing: [undefined],
    },
    {
      name: 'three keys, one trusted',
      entries: [
        padlet('a', KEY_A),
        padlet('a-2', KEY_B, 3, { rivalOf: 'a' }),
        padlet('a-3', KEY_C, 3, { rivalOf: 'a' }),
      ],
      trusted: [KEY_C],
      expected: [['a', 'a-2', 'a-3']],
      standing: ['a-3'],
    },
    {
      name: 'the other entry retired: over',
      entries: [padlet('a', KEY_A, 3, { status: 'retired' }), padlet('a-2', KEY_B, 3, { rivalOf: 'a' })],
      trusted: [],
      expected: [],
      standing: [],
    },
  ];
  for (const { name, entries, trusted, expected, standing } of cases) {
    it(`finds ${name}`, () => {
      const disputes = signerDisputes(entries, trusted);

      expect(disputes.map((dispute) => dispute.entries.map(({ id }) => id))).to.deep.equal(expected);
      expect(disputes.map((dispute) => dispute.standing?.id)).to.deep.equal(standing);
    });
  }
});

describe('placeImport', () => {
  const cases: Array<{ name: string; existing: RegisterEntry | undefined; fresh: RegisterEntry; result: string }> = [
    { name: 'a tool the register lacks', existing: undefined, fresh: padlet('new', KEY_A), result: 'created' },
    {
      name: 'a later revision by the same key',
      existing: padlet('a', KEY_A),
      fresh: padlet('x', KEY_A, 4),
      result: 'updated',
    },
    {
      name: 'a later revision by another key',
      existing: padlet('a', KEY_A),
      fresh: padlet('x', KEY_B, 4),
      result: 'updated',
    },
    {
      name: 'the same revision by another key',
      existing: padlet('a', KEY_A),
      fresh: padlet('x', KEY_B),
      result: 'side-by-side',
    },
    {
      name: 'an unsigned entry and a signed copy',
      existing: padlet('a', undefined),
      fresh: padlet('x', KEY_B),
      result: 'side-by-side',
    },
  ];
  for (const { name, existing, fresh, result } of cases) {
    it(`places ${name}: ${result}`, () => {
      expect(placeImport(existing, fresh, change).result).to.equal(result);
    });
  }

  it('keeps a copy kept beside another beside the first of them', () => {
    const placed = placeImport(padlet('a-2', KEY_B, 3, { rivalOf: 'a' }), padlet('a-3', KEY_C), change);

    expect(placed).to.deep.include({ result: 'side-by-side', rivalOf: 'a' });
    expect(placed.entry.rivalOf).to.equal('a');
  });

  const refused: Array<{ name: string; fresh: RegisterEntry }> = [
    { name: 'the same revision by the same key', fresh: padlet('x', KEY_A.toLowerCase()) },
    { name: 'an older revision by another key', fresh: padlet('x', KEY_B, 2) },
  ];
  for (const { name, fresh } of refused) {
    it(`refuses ${name}, saying which revision the register holds`, () => {
      expect(() => placeImport(padlet('a', KEY_A), fresh, change)).to.throw(
        'The register already holds this assessment at revision 3',
      );
    });
  }
});

describe('entryForImport', () => {
  const entries = [padlet('a', KEY_A), padlet('a-2', KEY_B, 3, { rivalOf: 'a' }), entry('other', { tool: 'Seesaw' })];
  const cases = [
    { name: 'the entry signed by the same key', key: KEY_B, expected: 'a-2' },
    { name: 'the first entry, for a key of neither', key: KEY_C, expected: 'a' },
  ];
  for (const { name, key, expected } of cases) {
    it(`finds ${name}`, () => {
      expect(entryForImport(entries, { tool: 'padlet', signerFingerprint: key })?.id).to.equal(expected);
    });
  }

  it('finds nothing for a tool the register lacks', () => {
    expect(entryForImport(entries, { tool: 'Kahoot!', signerFingerprint: KEY_A })).to.equal(undefined);
  });
});
