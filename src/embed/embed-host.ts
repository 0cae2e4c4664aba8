// Sizes the iframes of proforma's embed.html on a host page to their content. Load it once on the
// page, after or before the frames, from the same place as embed.html or any other:
//
//   <iframe data-proforma-embed title="Risk assessment" width="100%" height="600"
//     src="https://tools.example.sch.uk/proforma/embed.html?form=social-tool-risk-assessment"></iframe>
//   <script src="https://tools.example.sch.uk/proforma/embed-host.js"></script>
//
// embed.html posts its height whenever it changes. A message is taken only when it comes from the
// window of one of the page's iframe[data-proforma-embed] and from the origin of that iframe's src;
// the height is then set as the iframe's style.height (allowed under a strict CSP), up to
// EMBED_MAX_HEIGHT. Frames added to the page later are sized too.
import { EMBED_HEIGHT_MESSAGE, EMBED_HEIGHT_REQUEST, EMBED_MAX_HEIGHT } from './embed-messages.js';

const FRAMES = 'iframe[data-proforma-embed]';

/** The origin of the frame's src, or "null" for one that has none (about:blank, data:). */
const originOf = (frame: HTMLIFrameElement): string => {
  try {
    return new URL(frame.src).origin;
  } catch {
    return 'null';
  }
};

/** A frame that loaded before this script has posted its height already, so each is asked again. */
const askForHeight = (frame: HTMLIFrameElement): void => {
  const origin = originOf(frame);
  if (origin !== 'null') frame.contentWindow?.postMessage({ type: EMBED_HEIGHT_REQUEST }, origin);
};

addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data as { type?: unknown; height?: unknown } | null;
  if (data?.type !== EMBED_HEIGHT_MESSAGE || typeof data.height !== 'number' || !(data.height >= 0)) return;
  for (const frame of document.querySelectorAll<HTMLIFrameElement>(FRAMES)) {
    if (frame.contentWindow === event.source && originOf(frame) === event.origin) {
      frame.style.height = `${Math.min(Math.ceil(data.height), EMBED_MAX_HEIGHT)}px`;
    }
  }
});

document.querySelectorAll<HTMLIFrameElement>(FRAMES).forEach(askForHeight);
// A frame's load event does not bubble, but the capture phase passes the document.
document.addEventListener(
  'load',
  (event) => {
    if (event.target instanceof HTMLIFrameElement && event.target.matches(FRAMES)) askForHeight(event.target);
  },
  true,
);
