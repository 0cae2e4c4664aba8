/** Offers a file for download under `name`. */
export function downloadFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the file before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Latin letters that Unicode does not decompose into a letter and a mark, as people type them in ASCII. */
const LETTERS_IN_ASCII: Record<string, string> = {
  Æ: 'AE',
  æ: 'ae',
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ł: 'L',
  ł: 'l',
  Ŀ: 'L',
  ŀ: 'l',
  Ø: 'O',
  ø: 'o',
  Œ: 'OE',
  œ: 'oe',
  ß: 'ss',
  ẞ: 'SS',
  Þ: 'Th',
  þ: 'th',
  Ŧ: 'T',
  ŧ: 't',
};

/**
 * `name-yyyy-mm-dd.json`, with the name made safe for a file name: letters written as people type
 * them without accents (ŵ w, é e, Ł L, ø o, ß ss, æ ae), anything else between words a dash.
 */
export function datedFileName(name: string, extension: string, date = new Date()): string {
  const safe =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\0-\x7f]/g, (letter) => LETTERS_IN_ASCII[letter] ?? letter)
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'proforma';
  return `${safe}-${date.toISOString().slice(0, 10)}.${extension}`;
}

/**
 * Whether this page may not download files: a sandboxed frame without
 * `allow-downloads`. An opaque origin means a sandbox without
 * `allow-same-origin`; a same-origin frame's own sandbox can be read.
 */
export function downloadsBlocked(): boolean {
  if (self.origin === 'null') return true;
  try {
    const frame = window.frameElement as HTMLIFrameElement | null;
    return frame !== null && frame.sandbox.length > 0 && !frame.sandbox.contains('allow-downloads');
  } catch {
    return false;
  }
}
