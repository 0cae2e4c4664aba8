// What embed.html and the host page's embed-host.js say to each other with postMessage.

/** embed.html → host page: `{ type, height }`, the page's height in CSS pixels, whenever it changes. */
export const EMBED_HEIGHT_MESSAGE = 'proforma-embed-height';

/** Host page → embed.html: `{ type }`, asking for the height again (the host script may start after the first one). */
export const EMBED_HEIGHT_REQUEST = 'proforma-embed-height-request';

/** The tallest the host script makes a frame, in CSS pixels: the social-tool form on a 320px-wide phone is about 30,000. */
export const EMBED_MAX_HEIGHT = 100_000;
