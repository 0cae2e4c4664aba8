// What the checks every element goes through share: finding what is inside shadow roots, however
// deep, as a person meets it on the page.
import { waitUntil } from '@open-wc/testing';

export const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The shadow root of `host` and every shadow root inside it, however deep. */
export function shadowRoots(host: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.shadowRoot) {
        roots.push(element.shadowRoot);
        visit(element.shadowRoot);
      }
    }
  };
  if (host.shadowRoot) {
    roots.push(host.shadowRoot);
    visit(host.shadowRoot);
  }
  return roots;
}

/** Every element matching `selector` in `host`'s shadow roots, however deep. */
export function deepQueryAll<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return shadowRoots(host).flatMap((root) => [...root.querySelectorAll<T>(selector)]);
}

/** Whether an element takes up room on the page: not hidden, nor inside something hidden. */
export const isRendered = (element: Element) => element.getClientRects().length > 0;

/** The element that has the keyboard focus, looking inside shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The button whose words are `words`, in `host`'s shadow roots however deep. */
export function deepButton(host: Element, words: string): HTMLButtonElement {
  const found = deepQueryAll<HTMLButtonElement>(host, 'button').find((button) => text(button) === words);
  if (!found) throw new Error(`no button "${words}"`);
  return found;
}

/** Waits until the words appear somewhere in `host`'s shadow roots. */
export function untilShown(host: Element, words: string, timeout = 5000): Promise<void> {
  return waitUntil(() => shadowRoots(host).some((root) => text(root).includes(words)), `“${words}” was never shown`, {
    timeout,
  });
}

/** Gives a file input files, as choosing them in the browser's dialog would. */
export function chooseFiles(input: HTMLInputElement, ...files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Catches the files an element offers for download (by clicking a link), instead of saving them. */
export function catchDownloads(): { files: Array<{ name: string; href: string }>; stop(): void } {
  const files: Array<{ name: string; href: string }> = [];
  const listener = (event: MouseEvent) => {
    const link = event.target;
    if (!(link instanceof HTMLAnchorElement) || !link.download) return;
    event.preventDefault();
    files.push({ name: link.download, href: link.href });
  };
  document.addEventListener('click', listener, true);
  return { files, stop: () => document.removeEventListener('click', listener, true) };
}
