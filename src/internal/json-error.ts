import { msg, str } from '@lit/localize';

/** Line and column (from 1) of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Says what is wrong with JSON that failed to parse, naming the source, line and column. */
export function describeJsonError(text: string, source: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const offset = /position (\d+)/.exec(detail)?.[1];
  const at = lineAndColumn(text, offset === undefined ? text.length : Number(offset));
  const reason = detail.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  return msg(str`The form at ${source} is not valid JSON: ${reason} at line ${at.line}, column ${at.column}.`);
}
