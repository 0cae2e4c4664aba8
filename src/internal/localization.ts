// Which language each element's words are in. The words come from `msg()` (@lit/localize);
// everything that translates them (translations.ts and the catalogues) loads only when an
// element is shown in a language other than English, so an English page carries none of it.
//
// @lit/localize's own runtime has one language for the whole page. Here each element renders
// in its own: just before an element updates, `msg()` is pointed at the catalogue of that
// element's language, so a Welsh and an English element can stand side by side. Words worked
// out outside an update (a message once a file has been read, say) are in the language of the
// element that updated last: on a page with one language, always that language.
import type { ReactiveElement } from 'lit';
import { sourceLocale, supportedLocale } from './locales.js';

export { sourceLocale, supportedLocale } from './locales.js';

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

/** Points `msg()` at a language's words; `undefined` once they are there, else a promise of them. */
type UseLocale = (locale: string) => Promise<void> | undefined;
/** translations.ts's `useLocale`, once some element has needed a translation. */
let useTranslation: UseLocale | undefined;

/** Elements whose `lang` attribute was set here, from their `locale`. */
const marked = new WeakSet<Element>();

/**
 * The language `element` is shown in (see `languageOf`). An element given a `locale` says so in a
 * `lang` attribute too, so that screen readers speak its words in that language on a page in
 * another (WCAG 2.2, 3.1.2 Language of Parts). The attribute goes when the `locale` does, before
 * the language is worked out again from the element's ancestors.
 */
function markedLanguageOf(element: Element & { locale?: string }): string {
  if (!element.locale && marked.delete(element)) element.removeAttribute('lang');
  const language = languageOf(element);
  if (element.locale) {
    marked.add(element);
    if (element.getAttribute('lang') !== language) element.setAttribute('lang', language);
  }
  return language;
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
    prototype.scheduleUpdate = function (this: ReactiveElement & { locale?: string }) {
      const locale = supportedLocale(markedLanguageOf(this));
      // English before any translation was ever needed: `msg()` already gives the source words.
      if (!useTranslation && locale === sourceLocale) return scheduleUpdate.call(this);
      const pending = useTranslation
        ? useTranslation(locale)
        : import('./translations.js').then((translations) => {
            useTranslation ??= translations.useLocale;
          });
      return pending
        ? pending
            .catch((error: unknown) =>
              console.error('proforma: no words for this language, so English is shown.', error),
            )
            .then(() => prototype.scheduleUpdate.call(this))
        : scheduleUpdate.call(this);
    };
  };
