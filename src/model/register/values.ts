// Small pure helpers on text and values that several of the register's rules share.

/** Letters that keep their stroke or ligature through NFD, with what a person would type instead. */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

const ASCII = /^[\x20-\x7e]*$/;

/** Texts folded lately: a register names the same people and tools again and again. */
const folded = new Map<string, string>();
const FOLDED_KEPT = 1000;

/** Lower case without accents, so "sian" finds "Siân" and "lukasz" finds "Łukasz". */
export function foldText(text: string): string {
  // Plain ASCII has no accents to take off.
  if (ASCII.test(text)) return text.toLowerCase();
  let result = folded.get(text);
  if (result !== undefined) return result;
  result = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđßæœı]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
  if (folded.size >= FOLDED_KEPT) folded.clear();
  folded.set(text, result);
  return result;
}

/** A web address without its scheme, "www.", case or trailing slash, for telling whether two name one tool. */
export function normalizeUrl(url: string | undefined): string {
  return (url ?? '')
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct non-blank values in their first order. */
export function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

export function blankToUndefined(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** The object without its `undefined` properties, so that entries compare and serialise cleanly. */
export function withoutUndefined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Whether two entries are of the same tool: the same name (ignoring case and accents) or the same web address. */
export function isSameTool(
  a: { tool: string; url?: string | undefined },
  b: { tool: string; url?: string | undefined },
): boolean {
  const nameA = foldText(a.tool.trim().replace(/\s+/g, ' '));
  if (nameA !== '' && nameA === foldText(b.tool.trim().replace(/\s+/g, ' '))) return true;
  const urlA = normalizeUrl(a.url);
  return urlA !== '' && urlA === normalizeUrl(b.url);
}
