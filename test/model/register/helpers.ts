// What the tests of the register's rules share: an entry with only what a test is about changed,
// the same published by a school, and the refusals the rules give.
import { expect } from '@open-wc/testing';
import type { RegisterEntry } from '../../../src/model/register-entry.js';
import type { PublishedDocument } from '../../../src/model/register/published-documents.js';
import { RegisterRuleError, type RegisterRule } from '../../../src/model/register/index.js';

export const BY = 'J. Evans, IT lead';
export const AT = '2026-11-21T09:30:00.000Z';
export const TWO_OWNERS = [
  { name: 'Łukasz Nowak', role: 'Head of computing' },
  { name: 'Siân Prydderch', role: 'Year 6 teacher' },
];

/** A register entry with only what a test is about changed. */
export function entry(overrides: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    id: 'entry-1',
    tool: 'Padlet',
    url: 'https://padlet.com',
    subjects: [],
    yearGroups: [],
    status: 'under-review',
    conditions: [],
    owners: TWO_OWNERS,
    history: [{ at: '2026-11-20T10:42:00.000Z', by: 'Łukasz Nowak', action: 'imported', changes: [] }],
    ...overrides,
  };
}

/** A school's published document for `entry(overrides)`, as a trust's database holds it. */
export function published(school: string, overrides: Partial<RegisterEntry>): PublishedDocument {
  const fields = entry(overrides);
  return {
    _id: `${school}:${fields.id}`,
    school,
    entry: fields,
    publishedAt: '2026-11-20T09:00:00.000Z',
    submissions: [],
  };
}

/** The value frozen all the way down, so that any change to it throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The rule of the RegisterRuleError `act` throws; fails when it throws nothing or something else. */
export function refusedRule(act: () => unknown): RegisterRule {
  try {
    act();
  } catch (error) {
    expect(error).to.be.instanceOf(RegisterRuleError);
    const refusal = error as RegisterRuleError;
    expect(refusal.message, 'a refusal says why').not.to.equal('');
    return refusal.rule;
  }
  expect.fail('expected a RegisterRuleError');
}

export function refusal(act: () => unknown): RegisterRuleError {
  try {
    act();
  } catch (error) {
    if (error instanceof RegisterRuleError) return error;
    throw error;
  }
  expect.fail('expected a RegisterRuleError');
}
