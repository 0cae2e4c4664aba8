// Moving about a page as a keyboard user does: Tab from control to control, listening to what
// each is called.
import { sendKeys } from '@web/test-runner-commands';
import { focused, text } from '../a11y/helpers.js';

/** What a person hears for a control: its label's words, or its own. */
export function accessibleWords(element: Element | null): string {
  if (!element) return '';
  const labels = (element as HTMLInputElement).labels;
  return labels && labels.length > 0 ? [...labels].map(text).join(' ') : text(element);
}

/** Presses Tab until the focused control's words match, and fails after `limit` presses. */
export async function tabTo(words: string | RegExp, limit = 80): Promise<Element> {
  const matches = (element: Element | null) => {
    const said = accessibleWords(element);
    return typeof words === 'string' ? said === words : words.test(said);
  };
  for (let presses = 0; presses < limit; presses += 1) {
    if (matches(focused())) return focused()!;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached "${words}"; it stopped on "${accessibleWords(focused())}"`);
}

/**
 * The next `type` event from `element`, or a failure that quotes the problem the element shows
 * instead (an error summary), as soon as it shows one: a step that went wrong says why at once.
 */
export function eventOrProblem<T extends Event>(element: HTMLElement, type: string): Promise<T> {
  const root = element.shadowRoot ?? element;
  let observer: MutationObserver | undefined;
  const shown = new Promise<never>((_, reject) => {
    observer = new MutationObserver(() => {
      const summary = root.querySelector('.error-summary');
      if (summary) reject(new Error(`instead of "${type}", the element said: ${text(summary)}`));
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
  const fired = new Promise<T>((resolve) =>
    element.addEventListener(type, (event) => resolve(event as T), { once: true }),
  );
  return Promise.race([fired, shown]).finally(() => observer?.disconnect());
}
