import type { BuiltInFormId } from './form-list.js';

// Only ever imported with import(), never statically: so that this module sits
// one folder below dist/ in the npm build (dist/internal/) and in the script
// bundles (dist/chunks/) alike, and `../forms/` is dist/forms/, where the build
// copies forms/*.json. The PDF export finds dist/fonts/ the same way.

/** The address of a built-in form's definition, beside the library's own files. */
export const builtInFormUrl = (id: BuiltInFormId): string => new URL(`../forms/${id}.json`, import.meta.url).href;
