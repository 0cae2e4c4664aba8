// Loaded the first time an element is shown in a language other than English (see
// localization.ts), so that a page in English never carries it. @lit/localize's own building
// blocks for its runtime mode: `msg()` becomes a look-up in the catalogue of the language
// `useLocale` was last given, each catalogue loaded the first time its language is used.
import type { LocaleModule } from '@lit/localize';
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import { supportedLocale } from './locales.js';

type Templates = LocaleModule['templates'];

/** The translations, by the locale `supportedLocale` gives. */
const catalogueLoaders: Record<string, () => Promise<LocaleModule>> = {
  cy: () => import('../generated/locales/cy.js'),
};

/** Catalogues by locale once their loading has settled: `undefined` when it failed. */
const catalogues = new Map<string, Templates | undefined>();
const loading = new Map<string, Promise<void>>();
/** The catalogue `msg()` reads now; `undefined` for the source language. */
let activeTemplates: Templates | undefined;

try {
  _installMsgImplementation(((template, options) =>
    runtimeMsg(activeTemplates, template, options)) as typeof import('@lit/localize').msg);
} catch (error) {
  // The page has configured @lit/localize for its own words, so proforma's cannot be switched.
  console.error('proforma: @lit/localize is already configured on this page, so proforma stays in English.', error);
}

/**
 * Loads the catalogue `language` needs; `undefined` when there is nothing to wait for (the
 * source language, or a catalogue already loaded). Rejects when the catalogue cannot be loaded,
 * after which that language is shown in the source language.
 */
export function loadLocale(language: string): Promise<void> | undefined {
  const locale = supportedLocale(language);
  const load = catalogueLoaders[locale];
  if (!load || catalogues.has(locale)) return undefined;
  let pending = loading.get(locale);
  if (!pending) {
    pending = load()
      // Settled either way: a catalogue that failed is not asked for again at every update.
      .finally(() => catalogues.set(locale, undefined))
      .then(({ templates }) => {
        catalogues.set(locale, templates);
      });
    loading.set(locale, pending);
  }
  return pending;
}

/**
 * Points `msg()` at the words of `language`: those of its catalogue once loaded, else the
 * source's. Returns the loading of a catalogue not yet there, after which it must be called again.
 */
export function useLocale(language: string): Promise<void> | undefined {
  const pending = loadLocale(language);
  activeTemplates = pending ? undefined : catalogues.get(supportedLocale(language));
  return pending;
}
