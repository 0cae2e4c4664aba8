// Reads PDF objects (dictionaries, arrays, strings, numbers, names and
// references) out of the file's Latin-1 text in one walk over their
// characters, never searching ahead: a hostile file costs time in proportion
// to its size, however it repeats itself. Only what verification needs:
// no streams' data, no object streams.

/** A reference to an indirect object, `12 0 R`. */
export interface PdfReference {
  reference: number;
}

export type PdfValue =
  number | boolean | null | { name: string } | { string: string } | PdfReference | PdfValue[] | Map<string, PdfValue>;

/** How deeply dictionaries and arrays may nest: more than any real PDF, little enough for the stack. */
const DEEPEST = 32;

/** The longest object read: more than our own ever hold, little enough to stay quick on a hostile file. */
export const LONGEST_OBJECT = 1 << 20;

const WHITESPACE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

class NotAnObject extends Error {}

/** A value read from `text` at `start`, and where it ends; `undefined` when there is none there. */
export function readValue(text: string, start: number): { value: PdfValue; end: number } | undefined {
  const reader = new ObjectReader(text, start, Math.min(text.length, start + LONGEST_OBJECT));
  try {
    const value = reader.value(0);
    return { value, end: reader.at };
  } catch (error) {
    if (error instanceof NotAnObject) return undefined;
    throw error;
  }
}

/**
 * Object `number` as the cross-reference table places it: its value, and
 * where the value ends (where a stream's `stream` keyword follows).
 */
export function readObject(
  text: string,
  offsets: ReadonlyMap<number, number>,
  number: number,
): { value: PdfValue; end: number } | undefined {
  const at = offsets.get(number);
  if (at === undefined) return undefined;
  const header = new RegExp(`${number}[ \\t\\r\\n]+\\d{1,5}[ \\t\\r\\n]+obj`, 'y');
  header.lastIndex = at;
  return header.exec(text) ? readValue(text, header.lastIndex) : undefined;
}

export function isDictionary(value: PdfValue | undefined): value is Map<string, PdfValue> {
  return value instanceof Map;
}

/** The value of `key` in a dictionary, following a reference to another object when given `offsets`. */
export function entry(
  dictionary: PdfValue | undefined,
  key: string,
  text?: string,
  offsets?: ReadonlyMap<number, number>,
): PdfValue | undefined {
  if (!isDictionary(dictionary)) return undefined;
  const value = dictionary.get(key);
  if (text !== undefined && offsets && isReference(value)) return readObject(text, offsets, value.reference)?.value;
  return value;
}

export function isReference(value: PdfValue | undefined): value is PdfReference {
  return typeof value === 'object' && value !== null && 'reference' in value;
}

export function isName(value: PdfValue | undefined, name: string): boolean {
  return typeof value === 'object' && value !== null && 'name' in value && value.name === name;
}

class ObjectReader {
  constructor(
    private readonly text: string,
    public at: number,
    private readonly end: number,
  ) {}

  value(depth: number): PdfValue {
    if (depth > DEEPEST) throw new NotAnObject();
    this.skipSpace();
    const character = this.peek();
    if (character === '/') return { name: this.name() };
    if (character === '(') return { string: this.literalString() };
    if (character === '<') {
      if (this.text[this.at + 1] === '<') return this.dictionary(depth);
      return { string: this.hexString() };
    }
    if (character === '[') return this.array(depth);
    const word = this.word();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    const number = Number(word);
    if (word === '' || !Number.isFinite(number)) throw new NotAnObject();
    if (!/^\d+$/.test(word)) return number;
    // "12 0 R" is a reference; "12 0" alone is two numbers, of which this is the first.
    const afterNumber = this.at;
    this.skipSpace();
    const generation = this.word();
    if (/^\d+$/.test(generation)) {
      this.skipSpace();
      if (this.word() === 'R') return { reference: number };
    }
    this.at = afterNumber;
    return number;
  }

  private dictionary(depth: number): Map<string, PdfValue> {
    this.at += 2;
    const dictionary = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('>>', this.at)) {
        this.at += 2;
        return dictionary;
      }
      if (this.peek() !== '/') throw new NotAnObject();
      const key = this.name();
      const value = this.value(depth + 1);
      // The first of a repeated key counts, as in most readers.
      if (!dictionary.has(key)) dictionary.set(key, value);
    }
  }

  private array(depth: number): PdfValue[] {
    this.at += 1;
    const array: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.peek() === ']') {
        this.at += 1;
        return array;
      }
      array.push(this.value(depth + 1));
    }
  }

  private name(): string {
    this.at += 1;
    return this.word().replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }

  private literalString(): string {
    this.at += 1;
    let depth = 1;
    let string = '';
    while (this.at < this.end) {
      const character = this.text[this.at]!;
      this.at += 1;
      if (character === '\\') {
        const next = this.text[this.at] ?? '';
        this.at += 1;
        if (/[0-7]/.test(next)) {
          let octal = next;
          while (octal.length < 3 && /[0-7]/.test(this.text[this.at] ?? '')) octal += this.text[this.at++];
          string += String.fromCharCode(parseInt(octal, 8) & 0xff);
        } else if (next === '\r' || next === '\n') {
          if (next === '\r' && this.text[this.at] === '\n') this.at += 1;
        } else {
          string += ESCAPES[next] ?? next;
        }
        continue;
      }
      if (character === '(') depth += 1;
      if (character === ')' && (depth -= 1) === 0) return string;
      string += character;
    }
    throw new NotAnObject();
  }

  private hexString(): string {
    this.at += 1;
    let hex = '';
    while (this.at < this.end) {
      const character = this.text[this.at]!;
      this.at += 1;
      if (character === '>') {
        if (hex.length % 2 === 1) hex += '0';
        let string = '';
        for (let index = 0; index < hex.length; index += 2)
          string += String.fromCharCode(parseInt(hex.slice(index, index + 2), 16));
        return string;
      }
      if (/[0-9A-Fa-f]/.test(character)) hex += character;
      else if (!WHITESPACE.has(character)) throw new NotAnObject();
    }
    throw new NotAnObject();
  }

  /** A run of regular characters: a number, a keyword, or a name without its `/`. */
  private word(): string {
    const start = this.at;
    while (this.at < this.end && !WHITESPACE.has(this.text[this.at]!) && !DELIMITERS.has(this.text[this.at]!)) {
      this.at += 1;
    }
    return this.text.slice(start, this.at);
  }

  private skipSpace(): void {
    while (this.at < this.end) {
      const character = this.text[this.at]!;
      if (WHITESPACE.has(character)) this.at += 1;
      else if (character === '%') {
        while (this.at < this.end && this.text[this.at] !== '\n' && this.text[this.at] !== '\r') this.at += 1;
      } else return;
    }
  }

  private peek(): string {
    if (this.at >= this.end) throw new NotAnObject();
    return this.text[this.at]!;
  }
}
