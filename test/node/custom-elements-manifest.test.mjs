// dist/custom-elements.json, as `npm run build` writes it, against the sources: every element, and
// every custom property and part the elements really use, documented with what a host page needs.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';
import { readManifest, themingDocs, THEMING_DOCS_PATH } from '../../scripts/theming-docs.mjs';

const manifest = readManifest();
const read = (path) => readFileSync(path, 'utf8');

/** The custom elements in the manifest, by tag, each with the source module that declares it. */
const elements = new Map(
  manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((declaration) => [declaration.tagName, { ...declaration, path: module.path }]),
  ),
);
const elementModules = new Set([...elements.values()].map((element) => element.path));

/** The tags `defineProformaElements` registers: the keys of `proformaElements` in src/define-elements.ts. */
const definedTags = [...read('src/define-elements.ts').matchAll(/^\s*'(proforma-[a-z-]+)': \w+,$/gm)].map(
  (match) => match[1],
);

/** `--_alias` to the `--proforma-*` property it reads and that property's default, from the base styles. */
const theme = new Map(
  [...read('src/styles/base.styles.ts').matchAll(/(--_[a-z-]+): var\((--proforma-[a-z-]+), ([^)]+)\);/g)].map(
    ([, alias, property, fallback]) => [alias, { property, fallback }],
  ),
);
const fontFallback = read('src/styles/base.styles.ts').match(/var\(--proforma-font-family, ([^)]+)\)/)?.[1];

/**
 * Every source file `path` loads, statically or on demand, without going into another element's
 * module (what that one uses is its own).
 */
function sourcesOf(path, seen = new Set()) {
  if (seen.has(path)) return seen;
  seen.add(path);
  // `import type` loads nothing.
  const code = read(path).replace(/^import type [^;]+;/gm, '');
  const specifiers = code.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+)\.js'/gm);
  for (const [, specifier] of specifiers) {
    const next = normalize(join(dirname(path), `${specifier}.ts`));
    if (existsSync(next) && !elementModules.has(next)) sourcesOf(next, seen);
  }
  return seen;
}

/** The default an element's own styles give a property the base styles do not set (`--proforma-logo-height`, say). */
const ownFallbacks = new Map();

/** The `--proforma-*` properties the styles an element loads read, directly or through the base aliases. */
function propertiesUsedBy(path) {
  const used = new Set();
  for (const file of sourcesOf(path)) {
    if (!file.endsWith('.styles.ts')) continue;
    const source = read(file);
    for (const [, alias] of source.matchAll(/var\((--_[a-z-]+)\)/g)) {
      const entry = theme.get(alias);
      assert.ok(entry, `${file} reads ${alias}, which src/styles/base.styles.ts does not set`);
      used.add(entry.property);
    }
    // Read directly by a declaration of the element's own, not one of the base aliases.
    for (const [, property, fallback] of source.matchAll(
      /^\s*(?!--_)[a-z-]+:\s*var\((--proforma-[a-z-]+)(?:,\s*([^)]+))?\)/gm,
    )) {
      used.add(property);
      if (fallback !== undefined && !theme.has(property)) ownFallbacks.set(property, fallback.trim());
    }
  }
  return used;
}

/** The names given in `part="…"` in an element's templates (its module and the files beside it). */
function partsRenderedBy(path) {
  const parts = new Set();
  for (const file of sourcesOf(path)) {
    if (!file.startsWith(dirname(path))) continue;
    for (const [, names] of read(file).matchAll(/\spart="([^"$]+)"/g)) {
      for (const name of names.split(/\s+/)) parts.add(name);
    }
  }
  return parts;
}

test('every element defineProformaElements registers has its tag in the manifest', () => {
  assert.ok(definedTags.length >= 6, `found only ${definedTags.length} tags in src/define-elements.ts`);
  for (const tag of definedTags) {
    assert.ok(elements.has(tag), `${tag} is not in dist/custom-elements.json: give its class a "@tag ${tag}" line`);
  }
  assert.deepEqual(
    [...elements.keys()].sort(),
    [...definedTags].sort(),
    'the manifest lists an element that is not registered',
  );
});

test('every element has a summary, and every attribute and event a description', () => {
  for (const [tag, element] of elements) {
    assert.ok(element.summary, `${tag} has no @summary`);
    for (const attribute of element.attributes ?? []) {
      assert.ok(attribute.description, `${tag}'s attribute ${attribute.name} has no description`);
      assert.ok(attribute.fieldName, `${tag}'s attribute ${attribute.name} is tied to no property`);
    }
    for (const event of element.events ?? []) {
      assert.match(event.name, /^proforma-[a-z-]+$/, `${tag} has an event without a proforma- name`);
      assert.ok(event.description, `${tag}'s event ${event.name} has no description`);
      assert.match(event.type?.text ?? '', /^Proforma\w+Event$/, `${tag}'s event ${event.name} names no event class`);
    }
  }
});

test('the manifest lists the attributes and events a host page uses', () => {
  const assessment = elements.get('proforma-assessment');
  const attributes = assessment.attributes.map((attribute) => attribute.name);
  for (const name of ['form-src', 'locale', 'draft-id', 'namespace', 'school-name', 'logo-src', 'no-autosave']) {
    assert.ok(attributes.includes(name), `proforma-assessment's attribute ${name} is missing`);
  }
  const events = assessment.events.map((event) => event.name);
  for (const name of ['proforma-change', 'proforma-form-error', 'proforma-draft-created', 'proforma-pdf-exported']) {
    assert.ok(events.includes(name), `proforma-assessment's event ${name} is missing`);
  }
  assert.deepEqual(
    elements
      .get('proforma-register')
      .attributes.map((attribute) => attribute.name)
      .sort(),
    ['couch-url', 'credentials', 'locale', 'mode', 'namespace', 'readonly', 'src'],
  );
});

test('every --proforma-* property an element uses is documented on it, with the default the styles give', () => {
  assert.ok(theme.size >= 12, `found only ${theme.size} theme properties in src/styles/base.styles.ts`);
  for (const [tag, element] of elements) {
    const documented = new Map((element.cssProperties ?? []).map((property) => [property.name, property]));
    const used = propertiesUsedBy(element.path);
    for (const name of used) {
      const property = documented.get(name);
      assert.ok(property, `${tag} uses ${name} but its JSDoc has no "@cssprop [${name}=…] - …"`);
      assert.ok(property.description, `${tag}'s ${name} has no description`);
      const fallback =
        name === '--proforma-font-family'
          ? fontFallback
          : ([...theme.values()].find((entry) => entry.property === name)?.fallback ?? ownFallbacks.get(name));
      assert.equal(property.default, fallback, `${tag}'s ${name}: the documented default is not the styles' own`);
    }
    for (const name of documented.keys()) assert.ok(used.has(name), `${tag} documents ${name} but never uses it`);
  }
});

test('every --proforma-* property in the styles is documented somewhere', () => {
  const documented = new Set(
    [...elements.values()].flatMap((element) => (element.cssProperties ?? []).map((property) => property.name)),
  );
  const styleFiles = [...new Set([...elements.values()].flatMap((element) => [...sourcesOf(element.path)]))].filter(
    (file) => file.endsWith('.styles.ts'),
  );
  for (const file of styleFiles) {
    for (const [name] of read(file).matchAll(/--proforma-[a-z-]*[a-z]/g)) {
      assert.ok(documented.has(name), `${name} (in ${file}) is documented on no element`);
    }
  }
});

test('every part="…" in an element\'s templates is a documented part, and only those', () => {
  for (const [tag, element] of elements) {
    const documented = (element.cssParts ?? []).map((part) => part.name).sort();
    assert.deepEqual(
      documented,
      [...partsRenderedBy(element.path)].sort(),
      `${tag}'s @csspart lines and its parts differ`,
    );
    for (const part of element.cssParts ?? [])
      assert.ok(part.description, `${tag}'s part ${part.name} has no description`);
  }
});

test('docs/theming.md lists what the manifest documents', async () => {
  assert.equal(
    read(THEMING_DOCS_PATH),
    await themingDocs(manifest),
    `${THEMING_DOCS_PATH} is out of date: run \`npm run docs:theming\` after the build`,
  );
});

test("the README's Theming section names every custom property, with its default, and every part", () => {
  const section =
    read('README.md')
      .split(/^## Theming$/m)[1]
      ?.split(/^## /m)[0] ?? '';
  const rows = new Map(
    [...section.matchAll(/^\| `(--proforma-[a-z-]+)` +\| `([^`]+)` +\|/gm)].map(([, name, value]) => [name, value]),
  );
  const documented = new Map(
    [...elements.values()].flatMap((element) =>
      (element.cssProperties ?? []).map((property) => [property.name, property.default]),
    ),
  );
  assert.deepEqual(rows, documented, "the README's table of custom properties and the manifest differ");
  for (const [tag, element] of elements) {
    for (const part of element.cssParts ?? []) {
      assert.match(
        section,
        new RegExp(`\`<${tag}>\`[^;]*\`${part.name}\``),
        `the README does not name ${tag}'s part ${part.name}`,
      );
    }
  }
});
