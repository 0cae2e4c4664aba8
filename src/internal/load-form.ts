import { msg, str } from '@lit/localize';

/** A form definition could not be fetched or read as JSON; the message says why in plain words. */
export class FormLoadError extends Error {
  override name = 'FormLoadError';
}

/** Line and column (from 1) of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Reads JSON, turning a syntax error into one that names the line and column. */
export function parseJsonWithPosition(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(detail)?.[1];
    const at = lineAndColumn(text, offset === undefined ? text.length : Number(offset));
    const reason = detail.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    throw new FormLoadError(
      msg(str`The form at ${source} is not valid JSON: ${reason} at line ${at.line}, column ${at.column}.`),
    );
  }
}

/** Fetches and parses the JSON at `url`; every failure becomes a `FormLoadError` naming the URL. */
export async function fetchFormJson(url: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new FormLoadError(
      msg(
        str`The form at ${url} could not be loaded: the network request failed. Check the address and your connection.`,
      ),
    );
  }
  if (!response.ok) {
    throw new FormLoadError(
      msg(str`The form at ${url} could not be loaded: the server answered ${response.status} ${response.statusText}.`),
    );
  }
  return parseJsonWithPosition(await response.text(), url);
}
