// The languages proforma's words come in, apart from the code that switches them (localization.ts),
// so that the translations it loads on demand can read them without importing it back.

/** The language proforma's words are written in. */
export const sourceLocale = 'en-GB';

/** The translation for a language tag: `cy` for `cy` or `cy-GB`, else the source language. */
export function supportedLocale(language: string): string {
  const primary = language.toLowerCase().split('-')[0]!;
  return primary === 'cy' ? primary : sourceLocale;
}
