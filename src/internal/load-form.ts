import { msg, str } from '@lit/localize';

/** A form definition could not be fetched or read as JSON; the message says why in plain words. */
export class FormLoadError extends Error {
  override name = 'FormLoadError';
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
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // Working out where the mistake is only happens when there is one.
    const { describeJsonError } = await import('./json-error.js');
    throw new FormLoadError(describeJsonError(text, url, error));
  }
}
