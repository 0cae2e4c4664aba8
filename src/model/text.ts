import * as z from 'zod/mini';

/**
 * Any text a form author writes: plain text, or the same text in several
 * languages keyed by language tag (`{ "en": "…", "cy": "…" }`).
 */
export const LocalizedTextSchema = z.union([
  z.string().check(z.minLength(1)),
  // An object of texts by language; `catchall` rather than `record` keeps zod's record code off the page.
  z.catchall(z.object({}), z.string().check(z.minLength(1))),
]);

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * Picks the text for `locale` ("cy-GB" falls back to "cy", then to English,
 * then to the first language given), so a form never shows an empty label.
 */
export function resolveText(text: LocalizedText | undefined, locale = 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const language = locale.toLowerCase().split('-')[0];
  return text[locale] ?? text[language] ?? text['en'] ?? text['en-GB'] ?? Object.values(text)[0] ?? '';
}
