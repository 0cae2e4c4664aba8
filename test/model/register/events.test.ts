import { expect } from '@open-wc/testing';
import { RegisterEventSchema, type RegisterEvent } from '../../../src/model/index.js';
import { IT_LEAD, KEY_A, at, decided, imported, retired, reviewStarted } from './log.js';

const one: RegisterEvent[] = [
  imported('a-1', 'a', at(1), {
    signer: { name: 'Rhys Evans', fingerprint: KEY_A },
    evidence: { name: 'padlet.pdf', sha256: 'ab'.repeat(32) },
  }),
  { ...imported('a-2', 'a', at(2)), type: 're-assessed', basedOn: 'a-1' } as RegisterEvent,
  { id: 'a-3', type: 'submitted', entryId: 'a', basedOn: 'a-2', at: at(3), by: IT_LEAD },
  reviewStarted('a-4', 'a', 'a-3', at(4)),
  decided('a-5', 'a', 'a-4', at(5), { alsoSeen: ['a-3'], owners: [{ name: 'Siân Jones' }], reviewDue: '2027-01-01' }),
  retired('a-6', 'a', 'a-5', at(6)),
  {
    id: 'a-7',
    type: 'edited',
    entryId: 'a',
    basedOn: 'a-6',
    at: at(7),
    by: { name: 'J. Evans', fingerprint: KEY_A },
    changes: { vendor: 'Wall Ltd', subjects: ['Art'] },
    cleared: ['url'],
  },
  {
    id: 'a-8',
    type: 'carried-over',
    entryId: 'a',
    basedOn: 'a-7',
    at: at(8),
    by: { name: '' },
    action: 'imported from CSV',
    changes: [{ field: 'vendor', to: 'Wall' }],
  },
  {
    id: 'k-1',
    type: 'key-trusted',
    at: at(9),
    by: IT_LEAD,
    key: { name: 'Rhys Evans', role: 'Teacher', fingerprint: KEY_A },
  },
  { id: 'k-2', type: 'key-distrusted', at: at(10), by: IT_LEAD, basedOn: 'k-1', fingerprint: KEY_A },
];

describe('RegisterEventSchema', () => {
  for (const event of one) {
    it(`reads a "${event.type}" event as it was written`, () => {
      const result = RegisterEventSchema.safeParse(JSON.parse(JSON.stringify(event)));
      expect(result.error?.issues).to.equal(undefined);
      expect(result.data).to.deep.equal(event);
    });
  }

  const broken: Array<[string, unknown]> = [
    ['an event of an unknown type', { ...one[2], type: 'deleted' }],
    ['an entry event without its entry', { ...one[2], entryId: undefined }],
    ['an event without an id', { ...one[2], id: '' }],
    ['an event whose time is not a time', { ...one[2], at: 'yesterday' }],
    ['an author without a name', { ...one[2], by: {} }],
    ['an author with a fingerprint that is not one', { ...one[2], by: { name: 'J. Evans', fingerprint: 'ab:cd' } }],
    ['a decision with an outcome that is not one', { ...one[4], outcome: 'maybe' }],
    ['a retirement without a reason', { ...one[5], reason: undefined }],
    ['evidence whose SHA-256 is not one', { ...one[0], evidence: { name: 'a.pdf', sha256: 'xyz' } }],
    ['an edit that clears the tool', { ...one[6], cleared: ['tool'] }],
    ['an edit that gives a minimum age in words', { ...one[6], changes: { minimumAge: 'thirteen' } }],
    ['a trusted key without a fingerprint', { ...one[8], key: { name: 'Rhys', role: 'Teacher' } }],
  ];
  for (const [what, event] of broken) {
    it(`refuses ${what}`, () => {
      expect(RegisterEventSchema.safeParse(event).success).to.equal(false);
    });
  }
});
