import { msg, str } from '@lit/localize';
import { BUILT_IN_FORM_IDS } from '../../internal/form-list.js';

// Words are looked up when called, never at module load, so that a change of
// language takes effect on the next render.

/** The views of `<proforma-app>`, in no particular order: each mode lists its own. */
export type AppView = 'assess' | 'drafts' | 'verify' | 'register';

export const APP_MODES = ['teacher', 'register', 'public'] as const;

export type AppMode = (typeof APP_MODES)[number];

export const isAppMode = (mode: string): mode is AppMode => (APP_MODES as readonly string[]).includes(mode);

/**
 * The views of a mode, in the order of the navigation; the first is shown
 * unless another is asked for. A teacher sees the published register only
 * when there is one to show.
 */
export function viewsOfMode(mode: AppMode, hasPublishedRegister: boolean): AppView[] {
  switch (mode) {
    case 'register':
      return ['register', 'verify', 'assess', 'drafts'];
    case 'public':
      return ['register'];
    case 'teacher':
      return hasPublishedRegister ? ['assess', 'drafts', 'verify', 'register'] : ['assess', 'drafts', 'verify'];
  }
}

/** A view's name, in the navigation and as its heading. */
export function viewWords(view: AppView, mode: AppMode): string {
  switch (view) {
    case 'assess':
      return msg('New assessment');
    case 'drafts':
      return msg('My drafts');
    case 'verify':
      return msg('Check a signed PDF');
    case 'register':
      // The IT lead keeps the register; everyone else reads the published copy.
      return mode === 'register' ? msg('Register') : msg('Approved tools');
  }
}

/** Says that a name in `forms` is neither a built-in form nor a form's address. */
export function unknownFormWords(name: string): string {
  const builtIn = BUILT_IN_FORM_IDS.join(', ');
  return msg(
    str`There is no form “${name}”. Name a built-in form (${builtIn}) or give the address of a form definition: a URL with a / in it or ending in .json.`,
  );
}

export function unknownModeWords(mode: string): string {
  return msg(str`This page asks for the mode “${mode}”, which does not exist: use teacher, register or public.`);
}
