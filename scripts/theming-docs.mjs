// Writes docs/theming.md from dist/custom-elements.json: every --proforma-* custom property with its
// default and what it changes in each element, and every part for ::part(). `npm run docs:theming`
// after `npm run build`; a test fails when the file is not what the manifest gives.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

export const MANIFEST_PATH = 'dist/custom-elements.json';
export const THEMING_DOCS_PATH = 'docs/theming.md';

/** The custom elements manifest the build wrote; a clear error when there is no build yet. */
export function readManifest() {
  if (!existsSync(MANIFEST_PATH)) throw new Error(`${MANIFEST_PATH} is missing: run \`npm run build\` first.`);
  return JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
}

const code = (text) => `\`${text}\``;
/** A table cell: a `|` in the text would end the cell. */
const cell = (text) => String(text).replaceAll('|', '\\|');
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

/** docs/theming.md as the manifest gives it, formatted as Prettier would. */
export async function themingDocs(manifest) {
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  /** Each property once, in the order the first element to document it gives. */
  const properties = new Map();
  for (const element of elements) {
    for (const property of element.cssProperties ?? []) {
      const entry = properties.get(property.name) ?? { default: property.default, tags: [] };
      entry.tags.push(element.tagName);
      properties.set(property.name, entry);
    }
  }
  const sections = elements.map((element) =>
    [
      `### \`<${element.tagName}>\``,
      element.summary ?? '',
      table(
        ['Custom property', 'Default', 'What it changes'],
        (element.cssProperties ?? []).map((property) => [
          code(property.name),
          code(property.default ?? ''),
          cell(property.description),
        ]),
      ),
      (element.cssParts ?? []).length === 0
        ? 'No parts.'
        : table(
            ['Part', 'What it is'],
            element.cssParts.map((part) => [code(`::part(${part.name})`), cell(part.description)]),
          ),
    ].join('\n\n'),
  );
  const markdown = [
    '# Theming',
    '<!-- Written by scripts/theming-docs.mjs from dist/custom-elements.json: change the JSDoc of the element, not this file. -->',
    'Every proforma element takes its colours, font and corners from `--proforma-*` custom properties. They ' +
      'inherit through shadow roots, so set them once on the page (or on any ancestor of the elements) and every ' +
      'element follows; set one on a single element to change only that one. A property left unset keeps its ' +
      'default. Parts of an element can be styled with `::part()`.',
    '```css\n' +
      'proforma-assessment,\nproforma-drafts,\nproforma-register {\n' +
      '  --proforma-color-accent: #5b2a86;\n  --proforma-font-family: "Atkinson Hyperlegible", system-ui, sans-serif;\n' +
      '  --proforma-radius: 0;\n}\n\n' +
      'proforma-assessment::part(score-panel) {\n  border: 2px solid #5b2a86;\n}\n```',
    'Keep text and outcome colours at a contrast of 4.5:1 or more against the background and surface colours, ' +
      'and the border and focus colours at 3:1 or more (WCAG 2.2 AA): the defaults meet both.',
    '## Custom properties',
    table(
      ['Custom property', 'Default', 'Elements'],
      [...properties].map(([name, entry]) => [
        code(name),
        code(entry.default ?? ''),
        entry.tags.map((tag) => code(`<${tag}>`)).join(', '),
      ]),
    ),
    '## By element',
    ...sections,
  ].join('\n\n');
  // The project's Prettier settings, so that `prettier --check` finds the file as written.
  const options = await resolveConfig(THEMING_DOCS_PATH);
  return format(markdown, { ...options, filepath: THEMING_DOCS_PATH });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(THEMING_DOCS_PATH, await themingDocs(readManifest()));
  console.log(`wrote ${THEMING_DOCS_PATH}`);
}
