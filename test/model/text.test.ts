import { expect } from '@open-wc/testing';
import { resolveText, type LocalizedText } from '../../src/model/index.js';

describe('resolveText', () => {
  const welshAndEnglish = { en: 'Hello', cy: 'Helo' };
  const cases: Array<{ name: string; text: LocalizedText | undefined; locale?: string; expected: string }> = [
    { name: 'no text', text: undefined, expected: '' },
    { name: 'plain text, whatever the locale', text: 'Hello', locale: 'cy', expected: 'Hello' },
    { name: 'English by default', text: welshAndEnglish, expected: 'Hello' },
    { name: 'the exact locale', text: { cy: 'Helo', 'cy-GB': 'Helo (GB)' }, locale: 'cy-GB', expected: 'Helo (GB)' },
    { name: 'cy-GB falling back to cy', text: welshAndEnglish, locale: 'cy-GB', expected: 'Helo' },
    {
      name: 'an upper-case locale falling back to its language',
      text: welshAndEnglish,
      locale: 'CY-GB',
      expected: 'Helo',
    },
    { name: 'a missing language falling back to English', text: welshAndEnglish, locale: 'fr', expected: 'Hello' },
    {
      name: 'a missing language falling back to en-GB',
      text: { cy: 'Lliw', 'en-GB': 'Colour' },
      locale: 'fr',
      expected: 'Colour',
    },
    {
      name: 'en preferred to en-GB as the fallback',
      text: { 'en-GB': 'Colour', en: 'Color' },
      locale: 'fr',
      expected: 'Color',
    },
    {
      name: 'the first language when there is no English',
      text: { cy: 'Helo', ga: 'Dia duit' },
      locale: 'fr',
      expected: 'Helo',
    },
  ];
  for (const { name, text, locale, expected } of cases) {
    it(`gives ${name}`, () => {
      expect(resolveText(text, locale)).to.equal(expected);
    });
  }
});
