// Loaded with the first translation, so that a page in English never carries it.
// @lit/localize's own building blocks for its runtime mode: `msg()` becomes a look-up in
// whichever catalogue `localization.ts` has made active.
import type { LocaleModule } from '@lit/localize';
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';

let installed = false;

/** Makes `msg()` look words up in `activeTemplates()`; once per copy of @lit/localize. */
export function installTranslatedMsg(activeTemplates: () => LocaleModule['templates'] | undefined): void {
  if (installed) return;
  installed = true;
  try {
    _installMsgImplementation(((template, options) =>
      runtimeMsg(activeTemplates(), template, options)) as typeof import('@lit/localize').msg);
  } catch (error) {
    // The page has configured @lit/localize for its own words, so proforma's cannot be switched.
    console.error('proforma: @lit/localize is already configured on this page, so proforma stays in English.', error);
  }
}
