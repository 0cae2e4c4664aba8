// The translations against the sources: xliff/*.xlf holds every msg() the code has, each with a
// translation that keeps its placeholders, and src/generated/locales/ is what `npm run localize:build`
// makes from it, so the build needs no step of its own.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const locales = config.targetLocales;
const xliffPath = (locale) => join(config.interchange.xliffDir, `${locale}.xlf`);
const generatedPath = (locale) => join(config.output.outputDir, `${locale}.ts`);

const folders = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** Runs lit-localize with this project's configuration on a copy of the XLIFF files; returns the folder it worked in. */
function litLocalize(command) {
  const folder = mkdtempSync(join(tmpdir(), 'proforma-localize-'));
  folders.push(folder);
  mkdirSync(join(folder, 'xliff'));
  for (const locale of locales) copyFileSync(xliffPath(locale), join(folder, 'xliff', `${locale}.xlf`));
  const configPath = join(folder, 'lit-localize.json');
  const inFolder = {
    ...config,
    tsConfig: resolve(config.tsConfig),
    output: { ...config.output, outputDir: join(folder, 'generated') },
    interchange: { ...config.interchange, xliffDir: join(folder, 'xliff') },
  };
  writeFileSync(configPath, JSON.stringify(inFolder));
  execFileSync(
    process.execPath,
    ['node_modules/@lit/localize-tools/bin/lit-localize.js', command, '--config', configPath],
    {
      stdio: 'pipe',
    },
  );
  return folder;
}

/** Every message of an XLIFF file: its id, source and target (null when missing). */
function messagesOf(xliff) {
  return [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
    id,
    source: body.match(/<source>([\s\S]*?)<\/source>/)?.[1] ?? '',
    target: body.match(/<target>([\s\S]*?)<\/target>/)?.[1] ?? null,
  }));
}

const placeholders = (text) => [...text.matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((match) => match[0]).sort();

test('the XLIFF files hold every message in the sources, and nothing else', () => {
  const folder = litLocalize('extract');
  for (const locale of locales) {
    assert.equal(
      readFileSync(join(folder, 'xliff', `${locale}.xlf`), 'utf8'),
      readFileSync(xliffPath(locale), 'utf8'),
      `${xliffPath(locale)} is out of date with the msg() calls: run npm run localize:extract, then translate`,
    );
  }
});

test('every message has a translation that keeps its placeholders', () => {
  for (const locale of locales) {
    const messages = messagesOf(readFileSync(xliffPath(locale), 'utf8'));
    assert.ok(messages.length > 400, `${xliffPath(locale)} holds the messages`);
    const untranslated = messages.filter(({ target }) => !target?.trim()).map(({ id, source }) => `${id}: ${source}`);
    assert.deepEqual(untranslated, [], `${locale}: messages with no translation`);
    const placeholdersChanged = messages
      .filter(({ source, target }) => placeholders(source).join() !== placeholders(target).join())
      .map(({ id, target }) => `${id}: ${target}`);
    assert.deepEqual(placeholdersChanged, [], `${locale}: translations whose placeholders differ from the source's`);
  }
});

test('the generated catalogues are what the XLIFF files make', () => {
  const folder = litLocalize('build');
  for (const locale of locales) {
    assert.equal(
      readFileSync(join(folder, 'generated', `${locale}.ts`), 'utf8'),
      readFileSync(generatedPath(locale), 'utf8'),
      `${generatedPath(locale)} is out of date with ${xliffPath(locale)}: run npm run localize:build`,
    );
  }
});
