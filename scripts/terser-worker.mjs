// One of the build's terser threads (scripts/terser-pool.mjs): minifies what it is sent, one file
// at a time, for as long as the build runs, so that each file after its first is minified by a
// warm, already compiled terser.
import { parentPort } from 'node:worker_threads';
import { minify } from 'terser';

parentPort.on('message', async ({ code, options }) => {
  try {
    const result = await minify(code, options);
    parentPort.postMessage({ code: result.code, map: result.map });
  } catch (error) {
    parentPort.postMessage({ error });
  }
});
