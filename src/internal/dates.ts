import { sourceLocale, supportedLocale } from './localization.js';

// Welsh month names as CLDR gives them: in full, and as `dateStyle: 'medium'` shortens them.
const WELSH_MONTHS = 'Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr'.split(
  ' ',
);
const WELSH_MONTHS_SHORT = 'Ion Chwef Maw Ebr Mai Meh Gorff Awst Medi Hyd Tach Rhag'.split(' ');

/**
 * Dates and times in `language` through Intl, else in British English when Intl does not know
 * the language. Chrome's Intl has no Welsh: there, Welsh is the British format with the month in
 * Welsh and "am" for "at", which is what Intl gives where it has Welsh. No weekdays.
 */
export function dateFormat(language: string, options: Intl.DateTimeFormatOptions): { format(date: Date): string } {
  const format = new Intl.DateTimeFormat([language, sourceLocale], options);
  if (supportedLocale(language) !== 'cy' || format.resolvedOptions().locale.startsWith('cy')) return format;
  const monthNumber = new Intl.DateTimeFormat(sourceLocale, {
    month: 'numeric',
    timeZone: format.resolvedOptions().timeZone,
  });
  const months = options.month === 'long' || options.dateStyle === 'long' ? WELSH_MONTHS : WELSH_MONTHS_SHORT;
  return {
    format: (date) =>
      format
        .formatToParts(date)
        .map(({ type, value }) =>
          type === 'month' && /\D/.test(value)
            ? months[Number(monthNumber.format(date)) - 1]
            : type === 'literal'
              ? value.replace(' at ', ' am ')
              : value,
        )
        .join(''),
  };
}
