// Which language each element's words are in. The words come from `msg()` (@lit/localize);
// the catalogue of a translation is loaded only when an element is shown in its language.
//
// @lit/localize's own runtime has one language for the whole page. Here each element renders
// in its own: just before an element updates, `msg()` is pointed at the catalogue of that
// element's language, so a Welsh and an English element can stand side by side. Words worked
// out outside an update (a message once a file has been read, say) are in the language of the
// element that updated last: on a page with one language, always that language.
import type { LocaleModule } from '@lit/localize';
import type { ReactiveElement } from 'lit';

type Templates = LocaleModule['templates'];

/** The language proforma's words are written in. */
export const sourceLocale = 'en-GB';

/** The translations, each loaded the first time its language is used. */
const catalogueLoaders = new Map<string, () => Promise<LocaleModule>>([
  ['cy', () => import('../generated/locales/cy.js')],
]);

/** Catalogues by locale once their loading has settled: `undefined` when it failed. */
const catalogues = new Map<string, Templates | undefined>();
const loading = new Map<string, Promise<void>>();
/** The catalogue `msg()` reads now; `undefined` for the source language. */
let activeTemplates: Templates | undefined;

/** The translation for a language tag: `cy` for `cy` or `cy-GB`, else the source language. */
export function supportedLocale(language: string): string {
  const primary = language.toLowerCase().split('-')[0]!;
  return catalogueLoaders.has(primary) ? primary : sourceLocale;
}

/**
 * Loads the catalogue `language` needs; `undefined` when there is nothing to wait for (the
 * source language, or a catalogue already loaded). Rejects when the catalogue cannot be loaded,
 * after which that language is shown in the source language.
 */
export function loadLocale(language: string): Promise<void> | undefined {
  const locale = supportedLocale(language);
  const load = catalogueLoaders.get(locale);
  if (!load || catalogues.has(locale)) return undefined;
  let pending = loading.get(locale);
  if (!pending) {
    pending = Promise.all([import('./translated-msg.js'), load()])
      // Settled either way: a catalogue that failed is not asked for again at every update.
      .finally(() => catalogues.set(locale, undefined))
      .then(([{ installTranslatedMsg }, { templates }]) => {
        installTranslatedMsg(() => activeTemplates);
        catalogues.set(locale, templates);
      });
    loading.set(locale, pending);
  }
  return pending;
}

/** Points `msg()` at the words of `language`: those of its catalogue once loaded, else the source's. */
export function useLocale(language: string): void {
  activeTemplates = catalogues.get(supportedLocale(language));
}

/**
 * The language `element` is shown in: its `locale`, else the `lang` of the element or its
 * nearest ancestor (through shadow roots), else the page's, else en-GB. Always a valid tag.
 */
export function languageOf(element: Element & { locale?: string }): string {
  let language: string | null | undefined = element.locale;
  for (let node: Element | undefined = element; !language && node; node = (node.getRootNode() as ShadowRoot).host) {
    language = node.closest('[lang]')?.getAttribute('lang');
  }
  try {
    return Intl.getCanonicalLocales(language || document.documentElement.lang || sourceLocale)[0]!;
  } catch {
    // Not a language tag (`lang="english"`, say).
    return sourceLocale;
  }
}

/** Elements on the page, told to update when a `lang` on the page changes. */
const connectedElements = new Set<ReactiveElement>();
let langObserver: MutationObserver | undefined;

/**
 * Class decorator for an element with a `locale` property: it renders in its own language (see
 * `languageOf`), waits for that language's catalogue before updating, and updates again when a
 * `lang` attribute on the page changes.
 */
export const localized =
  () =>
  (elementClass: typeof ReactiveElement): void => {
    elementClass.addInitializer((element) =>
      element.addController({
        hostConnected() {
          connectedElements.add(element);
          langObserver ??= new MutationObserver(() => connectedElements.forEach((each) => each.requestUpdate()));
          langObserver.observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
        },
        hostDisconnected() {
          connectedElements.delete(element);
        },
      }),
    );
    // `scheduleUpdate` is Lit's hook for when an update runs: here, once the catalogue has loaded.
    const prototype = elementClass.prototype as unknown as { scheduleUpdate(): unknown };
    const scheduleUpdate = prototype.scheduleUpdate;
    prototype.scheduleUpdate = function (this: ReactiveElement) {
      const language = languageOf(this);
      const pending = loadLocale(language);
      if (pending) {
        return pending
          .catch((error: unknown) => console.error('proforma: no words for this language, so English is shown.', error))
          .then(() => prototype.scheduleUpdate.call(this));
      }
      useLocale(language);
      return scheduleUpdate.call(this);
    };
  };
