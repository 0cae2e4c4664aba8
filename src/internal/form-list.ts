/** The forms this library ships, by id: each is `forms/<id>.json`, copied to `dist/forms/` by the build. */
export const BUILT_IN_FORM_IDS = ['social-tool-risk-assessment', 'social-media-account-request'] as const;

export type BuiltInFormId = (typeof BUILT_IN_FORM_IDS)[number];

/** The form offered when a page names none. */
export const DEFAULT_FORM_ID: BuiltInFormId = 'social-tool-risk-assessment';

/** One form a page names: a built-in form, the address of a definition, or something that is neither. */
export type FormListItem =
  { kind: 'built-in'; id: BuiltInFormId } | { kind: 'url'; url: string } | { kind: 'unknown'; text: string };

export const isBuiltIn = (text: string): text is BuiltInFormId =>
  (BUILT_IN_FORM_IDS as readonly string[]).includes(text);

/**
 * Reads a list of forms, separated by spaces or commas: ids of built-in forms,
 * and addresses of form definitions (anything with a `/` or ending in `.json`),
 * resolved against `baseUri`. An empty list means the default form; a form
 * named twice is listed once.
 */
export function parseFormList(value: string, baseUri: string): FormListItem[] {
  const names = value.split(/[\s,]+/).filter(Boolean);
  if (names.length === 0) return [{ kind: 'built-in', id: DEFAULT_FORM_ID }];
  const items = new Map<string, FormListItem>();
  for (const name of names) {
    const item = readName(name, baseUri);
    items.set(item.kind === 'built-in' ? item.id : item.kind === 'url' ? item.url : item.text, item);
  }
  return [...items.values()];
}

function readName(name: string, baseUri: string): FormListItem {
  if (name.includes('/') || name.toLowerCase().endsWith('.json')) {
    try {
      return { kind: 'url', url: new URL(name, baseUri).href };
    } catch {
      return { kind: 'unknown', text: name };
    }
  }
  return isBuiltIn(name) ? { kind: 'built-in', id: name } : { kind: 'unknown', text: name };
}
