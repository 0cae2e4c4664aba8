import { expect } from '@open-wc/testing';
import { dateFormat } from '../../src/internal/dates.js';
import { clockTime } from '../../src/internal/ids.js';

const signedAt = new Date('2026-11-21T09:30:00Z');
const utc = { timeZone: 'UTC' } as const;

describe('dateFormat', () => {
  // What Intl gives where it knows Welsh (CLDR), whether or not this browser's Intl does.
  for (const [options, welsh, british] of [
    [{ dateStyle: 'long', ...utc }, '21 Tachwedd 2026', '21 November 2026'],
    [{ dateStyle: 'medium', ...utc }, '21 Tach 2026', '21 Nov 2026'],
    [{ dateStyle: 'medium', timeStyle: 'short', ...utc }, '21 Tach 2026, 09:30', '21 Nov 2026, 09:30'],
    [{ dateStyle: 'long', timeStyle: 'short', ...utc }, '21 Tachwedd 2026 am 09:30', '21 November 2026 at 09:30'],
  ] as const) {
    it(`gives ${welsh} in Welsh and ${british} in British English`, () => {
      expect(dateFormat('cy', options).format(signedAt)).to.equal(welsh);
      expect(dateFormat('cy-GB', options).format(signedAt)).to.equal(welsh);
      expect(dateFormat('en-GB', options).format(signedAt)).to.equal(british);
    });
  }

  it('names every month in Welsh, in full and shortened', () => {
    const months = (options: Intl.DateTimeFormatOptions) =>
      Array.from(
        { length: 12 },
        (_, month) =>
          dateFormat('cy', { ...options, ...utc })
            .format(new Date(Date.UTC(2026, month, 15)))
            .split(' ')[1],
      );
    expect(months({ dateStyle: 'long' })).to.deep.equal(
      'Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr'.split(' '),
    );
    expect(months({ dateStyle: 'medium' })).to.deep.equal(
      'Ion Chwef Maw Ebr Mai Meh Gorff Awst Medi Hyd Tach Rhag'.split(' '),
    );
  });

  it('falls back to the British format for a language Intl does not know, never the American one', () => {
    expect(dateFormat('tlh', { dateStyle: 'long', ...utc }).format(signedAt)).to.equal('21 November 2026');
    expect(clockTime(new Date(2026, 10, 21, 15, 5), 'cy'), 'a 24-hour clock').to.equal('15:05');
  });
});
