// Writes the PDF's fonts: Noto Sans regular and bold, cut down to the characters an
// assessment in English or Welsh uses, so that no glyph is lost ("Łukasz", "ŵ ŷ",
// curly quotes) and the PDF stays small. Run by `npm run build`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
const fontsFolder = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));

/** Every character the PDF may need: Latin-1, Latin Extended-A (Welsh, Polish, …) and typography. */
export function pdfCharacters() {
  const ranges = [
    [0x20, 0x7e], // ASCII
    [0xa0, 0xff], // Latin-1: £ © é ö …
    [0x100, 0x17f], // Latin Extended-A: Ł ŵ ŷ ő …
  ];
  const extra = '‘’‚“”„–—…•·€™−×✓✗';
  let text = '';
  for (const [from, to] of ranges) for (let code = from; code <= to; code += 1) text += String.fromCodePoint(code);
  return text + extra;
}

export const PDF_FONTS = [
  { weight: 'regular', source: join(fontsFolder, '400Regular', 'NotoSans_400Regular.ttf') },
  { weight: 'bold', source: join(fontsFolder, '700Bold', 'NotoSans_700Bold.ttf') },
];

export async function writePdfFonts(outputFolder = 'dist/fonts') {
  mkdirSync(outputFolder, { recursive: true });
  const written = [];
  for (const { weight, source } of PDF_FONTS) {
    // jsPDF neither hints nor shapes text, so hinting and the layout tables are left out.
    const subset = await subsetFont(readFileSync(source), pdfCharacters(), {
      targetFormat: 'truetype',
      noHinting: true,
      noLayoutClosure: true,
      dropTables: ['GSUB', 'GPOS', 'GDEF'],
    });
    const file = join(outputFolder, `noto-sans-${weight}.ttf`);
    writeFileSync(file, subset);
    written.push({ file, bytes: subset.length });
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { file, bytes } of await writePdfFonts()) console.log(`wrote ${file} (${Math.round(bytes / 1024)} KB)`);
}
