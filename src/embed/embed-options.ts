import { msg, str } from '@lit/localize';
import {
  isAppMode,
  unknownFormWords,
  unknownModeWords,
  viewsOfMode,
  type AppMode,
} from '../components/proforma-app/app-words.js';
import { parseFormList } from '../internal/form-list.js';

/** The query parameters embed.html reads. `form` may be given more than once; the others once. */
export const EMBED_SETTINGS = [
  'form',
  'mode',
  'view',
  'school',
  'logo',
  'register',
  'namespace',
  'lang',
  'parent',
] as const;

type EmbedSetting = (typeof EMBED_SETTINGS)[number];

/** What embed.html makes of its address. */
export interface EmbedOptions {
  /** The attributes of its `<proforma-app>`, by name. */
  attributes: Record<string, string>;
  /** The page's language, when the address names one. */
  lang: string | undefined;
  /** The origin the page's height is posted to, when the address names one. */
  parentOrigin: string | undefined;
  /** Every mistake in the address, in words. */
  problems: string[];
}

const NAMESPACE_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

const isSetting = (name: string): name is EmbedSetting => (EMBED_SETTINGS as readonly string[]).includes(name);

/**
 * Reads embed.html's query string (`search`, as in `location.search`) into the
 * attributes of its `<proforma-app>`. Addresses are resolved against `pageUrl`
 * and must be on the page's own site, since the page loads nothing from another.
 * An empty value counts as not given.
 */
export function readEmbedOptions(search: string, pageUrl: string): EmbedOptions {
  const params = new URLSearchParams(search);
  const pageOrigin = new URL(pageUrl).origin;
  const problems: string[] = [];
  const values = new Map<EmbedSetting, string[]>();
  for (const [name, value] of params) {
    if (!isSetting(name)) {
      problems.push(unknownSettingWords(name));
      continue;
    }
    const trimmed = value.trim();
    if (trimmed) values.set(name, [...(values.get(name) ?? []), trimmed]);
  }
  const single = (name: Exclude<EmbedSetting, 'form'>): string | undefined => {
    const given = values.get(name) ?? [];
    if (given.length > 1) problems.push(msg(str`The setting “${name}” is given ${given.length} times: give it once.`));
    return given[0];
  };
  /** An address on this page's own site, or undefined with the problem noted. */
  const sameSiteUrl = (name: EmbedSetting, value: string): string | undefined => {
    let url: URL;
    try {
      url = new URL(value, pageUrl);
    } catch {
      problems.push(msg(str`The ${name} “${value}” is not an address.`));
      return undefined;
    }
    if (url.origin === pageOrigin) return url.href;
    problems.push(
      msg(
        str`The ${name} ${url.href} is on another site. This page loads nothing from another site: put the file on ${pageOrigin}, beside embed.html.`,
      ),
    );
    return undefined;
  };

  const attributes: Record<string, string> = {};
  const forms = values.get('form');
  if (forms) {
    const items = parseFormList(forms.join(' '), pageUrl);
    const names: string[] = [];
    for (const item of items) {
      if (item.kind === 'unknown') problems.push(unknownFormWords(item.text));
      else if (item.kind === 'built-in') names.push(item.id);
      else {
        const url = sameSiteUrl('form', item.url);
        if (url) names.push(url);
      }
    }
    attributes['forms'] = names.join(' ');
  }

  const register = single('register');
  if (register) {
    const url = sameSiteUrl('register', register);
    if (url) attributes['register-src'] = url;
  }

  const mode = single('mode');
  let knownMode: AppMode | undefined = 'teacher';
  if (mode) {
    if (isAppMode(mode)) attributes['mode'] = knownMode = mode;
    else {
      problems.push(unknownModeWords(mode));
      knownMode = undefined;
    }
  }
  if (knownMode === 'public' && !register) {
    problems.push(
      msg(
        'The public mode shows the published register: give its address as register, e.g. register=approved-tools.json.',
      ),
    );
  }

  const view = single('view');
  if (view && knownMode) {
    const views: string[] = viewsOfMode(knownMode, register !== undefined);
    if (views.includes(view)) attributes['view'] = view;
    else problems.push(msg(str`There is no view “${view}” in ${knownMode} mode: use ${views.join(', ')}.`));
  }

  const school = single('school');
  if (school) attributes['school-name'] = school;

  const logo = single('logo');
  if (logo) {
    const url = sameSiteUrl('logo', logo);
    if (url) attributes['logo-src'] = url;
  }

  const namespace = single('namespace');
  if (namespace) {
    if (NAMESPACE_PATTERN.test(namespace)) attributes['namespace'] = namespace;
    else {
      problems.push(
        msg(
          str`The namespace “${namespace}” may hold only letters, digits, dots, hyphens and underscores, at most 64 of them.`,
        ),
      );
    }
  }

  let lang: string | undefined;
  const asked = single('lang');
  if (asked) {
    lang = canonicalLanguage(asked);
    if (lang) attributes['locale'] = lang;
    else problems.push(msg(str`“${asked}” is not a language tag: use one such as en-GB or cy.`));
  }

  let parentOrigin: string | undefined;
  const parent = single('parent');
  if (parent) {
    parentOrigin = webOrigin(parent);
    if (!parentOrigin) {
      problems.push(
        msg(
          str`The parent must be the origin of the page that shows this one, such as https://vle.example.sch.uk, not “${parent}”.`,
        ),
      );
    }
  }

  return { attributes, lang, parentOrigin, problems };
}

function unknownSettingWords(name: string): string {
  const settings = EMBED_SETTINGS.join(', ');
  return msg(str`There is no setting “${name}”. The settings are ${settings}.`);
}

/** A language tag in its canonical form (`en-gb` gives `en-GB`), or undefined when it is not one. */
function canonicalLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The origin of a web page's address (http or https), or undefined for anything else. */
export function webPageOrigin(address: string): string | undefined {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The origin `value` names (`https://host[:port]`, perhaps with a final `/`); undefined for anything else. */
function webOrigin(value: string): string | undefined {
  const origin = webPageOrigin(value);
  // Anything after the host (a path, a query, a name and password) makes it an address, not an origin.
  return origin && new URL(value).href === `${origin}/` ? origin : undefined;
}
