// Checks the PDF fonts with HarfBuzz, independently of the code that cut them down.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as hb from 'harfbuzzjs';
import { writePdfFonts } from './subset-fonts.mjs';

const folder = mkdtempSync(join(tmpdir(), 'proforma-fonts-'));
const written = await writePdfFonts(folder);

for (const { file, bytes } of written) {
  test(`${file.split('/').at(-1)} has every glyph an English or Welsh assessment needs, and is small`, () => {
    const face = new hb.Face(new hb.Blob(new Uint8Array(readFileSync(file))));
    const covered = new Set(face.collectUnicodes());
    for (const text of [
      'Łukasz Nowak',
      'Gwyn ŵ ŷ Ŵ Ŷ',
      '‘quoted’ “quoted” — … £ € é ö ß',
      'Approved with conditions 80%',
    ]) {
      const missing = [...text].filter((character) => !covered.has(character.codePointAt(0)));
      assert.deepEqual(missing, [], `missing from ${file}: ${missing.join(' ')}`);
    }
    assert.ok(!covered.has(0x4e00), 'CJK is left out');
    assert.ok(bytes < 40_000, `${bytes} bytes is more than a subset should be`);
    for (const table of ['glyf', 'cmap', 'hmtx', 'head']) assert.ok(face.referenceTable(table), `${table} table kept`);
  });
}
