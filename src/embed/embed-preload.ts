// The first script of embed.html, a tiny classic one: starts fetching the built-in forms the
// address names while embed.js is still loading, so the form is there when the app asks for it.
// The app's own fetch of the same address is then answered from this one.
import { DEFAULT_FORM_ID, isBuiltIn } from '../internal/form-list.js';

const named = new URLSearchParams(location.search)
  .getAll('form')
  .flatMap((value) => value.split(/[\s,]+/))
  .filter(Boolean);
for (const name of named.length > 0 ? named : [DEFAULT_FORM_ID]) {
  if (!isBuiltIn(name)) continue;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  // As the app fetches: CORS mode, cookies only for this site.
  link.crossOrigin = 'anonymous';
  link.href = new URL(`./forms/${name}.json`, import.meta.url).href;
  document.head.append(link);
}
