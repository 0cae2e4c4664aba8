// Serves the demo and the built files on http://localhost:8000 (PORT to change it).
// `startServer` is also used by the benchmark, which serves its own pages on a free port.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.ttf': 'font/ttf',
};

/** What `npm start` serves: the demo page, the build, the shipped forms and the embedding samples. */
export const DEMO_FOLDERS = ['demo', 'dist', 'forms', 'samples'];

/**
 * Starts a static file server and resolves once it listens.
 *
 * @param {object} [options]
 * @param {string} [options.root] Folder the served folders are relative to; the current directory unless given.
 * @param {number} [options.port] Port to listen on; 0 picks a free one.
 * @param {string} [options.host] Interface to listen on; every interface unless given.
 * @param {string[]} [options.folders] Folders under `root` that may be served; nothing else is.
 * @param {string} [options.home] Where `/` redirects to.
 * @param {Record<string, { body: string | Buffer, type: string } | ((request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void)>} [options.pages]
 *   Responses held in memory, by path (e.g. `/bench/page.html`), or a function that answers the
 *   request itself; they win over files.
 * @param {Record<string, string>} [options.headers] Headers sent with every response, such as a
 *   Content-Security-Policy.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function startServer({
  root = process.cwd(),
  port = 0,
  host,
  folders = DEMO_FOLDERS,
  home = '/demo/',
  pages = {},
  headers = {},
} = {}) {
  const rootFolder = resolve(root);
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      response.writeHead(302, { location: home });
      response.end();
      return;
    }
    const page = pages[url.pathname];
    if (typeof page === 'function') {
      page(request, response);
      return;
    }
    if (page) {
      response.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-cache' }).end(page.body);
      return;
    }
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
    if (!folders.some((folder) => path === folder || path.startsWith(`${folder}/`))) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    let file = join(rootFolder, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolveStarted, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolveStarted({
        url: `http://${host ?? 'localhost'}:${actualPort}`,
        port: actualPort,
        close: () =>
          new Promise((resolveClosed) => {
            server.closeAllConnections();
            server.close(() => resolveClosed());
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.env.PORT ?? 8000) });
  console.log(`proforma demo: ${url}/demo/`);
  console.log('Press Ctrl+C to stop.');
}
