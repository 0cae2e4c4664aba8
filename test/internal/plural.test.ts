import { expect } from '@open-wc/testing';
import { plural } from '../../src/internal/plural.js';

const everyForm = { zero: 'zero', one: 'one', two: 'two', few: 'few', many: 'many', other: 'other' };

describe('plural', () => {
  const cases: Array<{ language: string; count: number; form: string }> = [
    { language: 'en-GB', count: 0, form: 'other' },
    { language: 'en-GB', count: 1, form: 'one' },
    { language: 'en-GB', count: 2, form: 'other' },
    { language: 'en-GB', count: 3, form: 'other' },
    { language: 'cy', count: 0, form: 'zero' },
    { language: 'cy', count: 1, form: 'one' },
    { language: 'cy', count: 2, form: 'two' },
    { language: 'cy', count: 3, form: 'few' },
    { language: 'cy', count: 6, form: 'many' },
    { language: 'cy', count: 4, form: 'other' },
    { language: 'cy-GB', count: 2, form: 'two' },
    // Words in a language proforma has no translation for are English, and follow English rules.
    { language: 'fr', count: 0, form: 'other' },
    { language: 'pl', count: 2, form: 'other' },
  ];
  for (const { language, count, form } of cases) {
    it(`chooses “${form}” for ${count} in ${language}`, () => {
      expect(plural(count, language, everyForm)).to.equal(form);
    });
  }

  it('reads a form not given as “other”', () => {
    expect(plural(3, 'cy', { one: 'one', other: 'other' })).to.equal('other');
    expect(plural(1, 'cy', { one: 'one', other: 'other' })).to.equal('one');
  });
});
