// Copies the shipped forms into dist/forms/, beside the library's own files, where
// <proforma-app> finds a built-in form by its id: a hosted copy of dist/ needs nothing else.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

mkdirSync('dist/forms', { recursive: true });
const forms = readdirSync('forms').filter((name) => name.endsWith('.json'));
for (const name of forms) copyFileSync(join('forms', name), join('dist/forms', name));
console.log(`copied ${forms.length} forms to dist/forms/`);
