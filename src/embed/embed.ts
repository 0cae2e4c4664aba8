// The script of embed.html: a <proforma-app> configured by the page's address, in a page that
// reports its height to the page that frames it. See readEmbedOptions for the address.
import '../define/proforma-app.js';
import { msg } from '@lit/localize';
import { DEFAULT_FORM_ID, isBuiltIn } from '../internal/form-list.js';
import { readEmbedOptions, webPageOrigin } from './embed-options.js';
import { EMBED_HEIGHT_MESSAGE, EMBED_HEIGHT_REQUEST } from './embed-messages.js';

const options = readEmbedOptions(location.search, location.href);
if (options.lang) document.documentElement.lang = options.lang;
document.title = msg('Risk assessment');
const main = document.querySelector('main') ?? document.body.appendChild(document.createElement('main'));
main.append(options.problems.length > 0 ? problemsNotice(options.problems) : appElement(options.attributes));
reportHeightToParent(options.parentOrigin);

function appElement(attributes: Record<string, string>): HTMLElement {
  const app = document.createElement('proforma-app');
  for (const [name, value] of Object.entries(attributes)) app.setAttribute(name, value);
  app.setAttribute('forms', formFiles(attributes['forms']));
  return app;
}

/**
 * The forms by address, built-in ones as their files in forms/ beside this script (dist/forms/):
 * the app then fetches the form at once, rather than first loading the module that finds them.
 */
function formFiles(forms = ''): string {
  const names = forms.split(' ').filter(Boolean);
  return (names.length > 0 ? names : [DEFAULT_FORM_ID])
    .map((name) => (isBuiltIn(name) ? new URL(`./forms/${name}.json`, import.meta.url).href : name))
    .join(' ');
}

/** Lists the mistakes in the address, for whoever put the page on their site to correct. */
function problemsNotice(problems: string[]): HTMLElement {
  const notice = document.createElement('div');
  notice.className = 'embed-problems';
  const heading = document.createElement('h1');
  heading.textContent = msg('This risk assessment cannot be shown');
  const explanation = document.createElement('p');
  explanation.textContent = msg(
    'The address of this page has mistakes. Whoever put it on this site can correct them in the address:',
  );
  const list = document.createElement('ul');
  for (const problem of problems) list.appendChild(document.createElement('li')).textContent = problem;
  notice.append(heading, explanation, list);
  return notice;
}

/**
 * Posts the page's height to the framing page whenever it changes, and again when that page asks,
 * only ever to the origin the address names (`parent=`) or, without it, the one that framed this
 * page (its referrer): never to every origin, as the height tells how far someone has got.
 */
function reportHeightToParent(named: string | undefined): void {
  if (window.parent === window) return;
  const origin = named ?? webPageOrigin(document.referrer);
  if (!origin) {
    console.warn(
      'proforma embed: cannot tell which site frames this page (it sent no referrer), so the frame is not sized to its content. Name it in the address: parent=https://your-site.example',
    );
    return;
  }
  const framedBy = location.ancestorOrigins?.[0];
  if (framedBy && framedBy !== origin) {
    console.warn(`proforma embed: this page is framed by ${framedBy}, but reports its height only to ${origin}.`);
  }
  let posted: number | undefined;
  const post = (always: boolean): void => {
    // The page's own height, not the frame's: the page is as tall as its content.
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === posted && !always) return;
    posted = height;
    window.parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, height }, origin);
  };
  new ResizeObserver(() => post(false)).observe(document.documentElement);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown } | null;
    if (event.source === window.parent && event.origin === origin && data?.type === EMBED_HEIGHT_REQUEST) post(true);
  });
}
