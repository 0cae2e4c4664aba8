// terser in worker threads shared by the whole build: at most one a core, started as the first
// files arrive and kept until the build ends, rather than a pool per rollup target that closes
// (and loses terser's compiled code) each time that target has nothing left to minify.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const WORKER = new URL('./terser-worker.mjs', import.meta.url);
const size = availableParallelism();
const idle = [];
const queue = [];
let started = 0;

/**
 * `code` minified by terser with `options`, in one of the pool's threads.
 *
 * @returns {Promise<{ code: string, map?: string }>} `map` a source map as JSON, if `options` asks for one.
 */
export function minifyInWorker(code, options) {
  return new Promise((resolve, reject) => {
    queue.push({ code, options, resolve, reject });
    next();
  });
}

function next() {
  if (queue.length === 0) return;
  if (idle.length === 0 && started < size) start();
  const worker = idle.pop();
  if (!worker) return;
  // The longest file first, so that the last to finish is a short one.
  const longest = queue.reduce((found, job, index) => (job.code.length > queue[found].code.length ? index : found), 0);
  const [job] = queue.splice(longest, 1);
  worker.job = job;
  // Busy, the thread keeps the process alive until it answers; idle, it does not.
  worker.ref();
  worker.postMessage({ code: job.code, options: job.options });
}

function start() {
  started += 1;
  const worker = new Worker(WORKER);
  worker.on('message', ({ code, map, error }) => {
    const { resolve, reject } = worker.job;
    worker.job = undefined;
    worker.unref();
    idle.push(worker);
    if (error) reject(error);
    else resolve({ code, map });
    next();
  });
  worker.on('error', (error) => {
    // The thread itself failed, not terser on a file: the file it had (or, if it never started,
    // every file waiting) fails with it, and the next file starts a new thread.
    started -= 1;
    if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
    for (const job of worker.job ? [worker.job] : queue.splice(0)) job.reject(error);
    next();
  });
  worker.unref();
  idle.push(worker);
}
