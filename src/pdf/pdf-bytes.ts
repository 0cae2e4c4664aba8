// Small helpers for reading and writing the bytes of a PDF file. A PDF's
// structure (dictionaries, cross-reference tables, trailers) is ASCII, so it
// is handled as Latin-1 text, one character per byte, and offsets in the text
// are offsets in the file.

const encoder = new TextEncoder();

/**
 * The decoder the Encoding Standard names "latin1" is windows-1252: one
 * character per byte like Latin-1, differing from it only in bytes 0x80–0x9F,
 * which a PDF's structure never holds. Decoding natively is several times
 * faster than building the text from character codes, for a file of many MB.
 */
const singleByte = new TextDecoder('latin1');

/** One character per byte: the file's offsets stay the text's offsets. */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return singleByte.decode(bytes.subarray(start, end));
}

/** Text that is ASCII only, as bytes. */
export function ascii(text: string): Uint8Array {
  return encoder.encode(text);
}

export function concatBytes(parts: ReadonlyArray<Uint8Array>): Uint8Array {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex.toUpperCase();
}

export function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length >> 1);
  for (let index = 0; index < bytes.length; index += 1) {
    bytes[index] = parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  }
  return bytes;
}

/**
 * A PDF text string: plain ASCII as a literal string, anything else as
 * UTF-16 with its byte-order mark, which every reader understands.
 */
export function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (character) => `\\${character}`)})`;
  let hex = 'FEFF';
  for (let index = 0; index < text.length; index += 1) hex += text.charCodeAt(index).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

/** A moment as a PDF date, in UTC: "D:20261121103000Z". */
export function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** Reads a PDF date ("D:20261121103000Z", "D:20261121113000+01'00'"); `undefined` when it is not one. */
export function readPdfDate(text: string): Date | undefined {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Where each object starts, from the file's cross-reference tables: the
 * last one and every one its `/Prev` names, newest first, so that an object
 * redefined by an update is found where the update put it. Only classic
 * tables (what jsPDF and our own updates write); `undefined` when there are
 * none to read.
 */
export function objectOffsets(text: string): Map<number, number> | undefined {
  // Only the file's last stretch is searched: a pattern run over all of a hostile file could take minutes.
  const last = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
  if (!last) return undefined;
  const offsets = new Map<number, number>();
  const seen = new Set<number>();
  let at: number | undefined = Number(last[1]);
  while (at !== undefined && !seen.has(at) && seen.size < 64) {
    seen.add(at);
    if (!text.startsWith('xref', at)) return undefined;
    const entries = /xref\s*\n/y;
    entries.lastIndex = at;
    if (!entries.exec(text)) return undefined;
    let cursor = entries.lastIndex;
    const subsection = /(\d+) (\d+)\s*\r?\n/y;
    for (subsection.lastIndex = cursor; ; subsection.lastIndex = cursor) {
      const header = subsection.exec(text);
      if (!header) break;
      const first = Number(header[1]);
      const count = Number(header[2]);
      cursor = subsection.lastIndex;
      for (let index = 0; index < count; index += 1, cursor += 20) {
        const entry = /^(\d{10}) \d{5} ([nf])/.exec(text.slice(cursor, cursor + 20));
        if (!entry) return undefined;
        if (entry[2] === 'n' && !offsets.has(first + index)) offsets.set(first + index, Number(entry[1]));
      }
    }
    const trailer = text.slice(cursor, cursor + 4096);
    if (!trailer.startsWith('trailer')) return undefined;
    const previous = /\/Prev\s+(\d+)/.exec(trailer.slice(0, trailer.indexOf('startxref') >>> 0));
    at = previous ? Number(previous[1]) : undefined;
  }
  return offsets;
}

/**
 * The dictionary of object `number`, found by its offset, as text without
 * its outer `<<` `>>`; `undefined` when there is none. Only for the plain
 * dictionaries our own files hold (no strings containing `>>`).
 */
export function objectDictionary(
  text: string,
  offsets: Map<number, number>,
  number: number,
): { body: string; start: number } | undefined {
  const at = offsets.get(number);
  if (at === undefined) return undefined;
  const header = new RegExp(`${number} 0 obj\\s*<<`, 'y');
  header.lastIndex = at;
  return header.exec(text) ? dictionaryFrom(text, header.lastIndex) : undefined;
}

/** The longest dictionary read: more than our own ever hold, little enough to stay quick on a hostile file. */
const LONGEST_DICTIONARY = 1 << 20;

/** The dictionary whose body starts at `start`, just after its `<<`. */
export function dictionaryFrom(text: string, start: number): { body: string; start: number } | undefined {
  const end = matchingDictionaryEnd(text, start);
  return end === -1 ? undefined : { body: text.slice(start, end), start };
}

/** Where the dictionary opened just before `start` closes, counting nested `<<` `>>`. */
function matchingDictionaryEnd(text: string, start: number): number {
  let depth = 1;
  const last = Math.min(text.length - 1, start + LONGEST_DICTIONARY);
  for (let at = start; at < last; at += 1) {
    if (text[at] === '<' && text[at + 1] === '<') {
      depth += 1;
      at += 1;
    } else if (text[at] === '>' && text[at + 1] === '>') {
      depth -= 1;
      if (depth === 0) return at;
      at += 1;
    }
  }
  return -1;
}
