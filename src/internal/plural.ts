import { supportedLocale } from './localization.js';

/**
 * A message in each plural form a language has (CLDR, as `Intl.PluralRules` gives it): English
 * has `one` and `other`, Welsh `zero`, `one`, `two`, `few`, `many` and `other`. A form not given
 * reads as `other`. Each form is its own `msg()` with an `id` of its own, so that a language can
 * word each form its own way.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The form of `forms` that `count` takes in `language`: the plural rules of the language the words
 * are in (`supportedLocale`), so that a page in a language proforma is not translated into reads
 * as English does.
 */
export function plural(count: number, language: string, forms: PluralForms): string {
  return forms[new Intl.PluralRules(supportedLocale(language)).select(count)] ?? forms.other;
}
