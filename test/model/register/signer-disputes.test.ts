import { expect } from '@open-wc/testing';
import type { RegisterEntry } from '../../../src/model/register-entry.js';
import { disputedAssessments, entryForImport } from '../../../src/model/register/index.js';
import { smallAssessment } from '../../pdf/signing-fixtures.js';
import { entry } from '../../register/entries.js';

const KEY_A = Array.from({ length: 32 }, () => 'AA').join(':');
const KEY_B = Array.from({ length: 32 }, () => 'BB').join(':');
const KEY_C = Array.from({ length: 32 }, () => 'CC').join(':');

/** An entry of Padlet holding its assessment at `revision`, signed by `key`. */
const padlet = (id: string, key: string | undefined, revision = 3, changes: Partial<RegisterEntry> = {}) =>
  entry(id, {
    tool: 'Padlet',
    ...(key ? { signerFingerprint: key } : {}),
    assessment: smallAssessment({ revision }),
    ...changes,
  });

describe('disputedAssessments', () => {
  const cases: Array<{
    name: string;
    entries: RegisterEntry[];
    trusted: string[];
    expected: string[][];
    standing: Array<string | undefined>;
  }> = [
    {
      name: 'no assessment signed by two keys',
      entries: [padlet('a', KEY_A), padlet('b', KEY_B, 4), entry('c')],
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
      name: 'two keys, the second trusted',
      entries: [padlet('a', KEY_A), padlet('a-2', KEY_B, 3, { rivalOf: 'a' })],
      trusted: [KEY_B],
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
      const disputes = disputedAssessments(
        entries,
        trusted.map((fingerprint) => ({ fingerprint })),
      );

      expect(disputes.map((dispute) => dispute.entries.map(({ id }) => id))).to.deep.equal(expected);
      expect(disputes.map((dispute) => dispute.standing?.id)).to.deep.equal(standing);
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
