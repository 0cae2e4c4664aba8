import type { PdfVerification, VerifyPdfOptions } from './verify-pdf.js';
import type { VerifyReply, VerifyRequest } from './verify-request.js';

/** The check could not be run at all; `message` says why. */
export class PdfVerifyError extends Error {
  override name = 'PdfVerifyError';

  constructor(
    message: string,
    /** The browser could not read the chosen file: moved or deleted since it was chosen, say. */
    readonly fileUnreadable = false,
  ) {
    super(message);
  }
}

const settled = (reply: VerifyReply): PdfVerification => {
  if (reply.type === 'done') return reply.result;
  throw new PdfVerifyError(reply.message, reply.fileUnreadable);
};

/** How long a worker with nothing to check is kept, so that a batch of files shares one. */
const KEEP_IDLE_WORKER_MS = 60_000;

let worker: Worker | undefined;
/** Whether the current worker has answered: an error before that means it could not start. */
let workerRan = false;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 0;
const pending = new Map<
  number,
  { request: VerifyRequest; resolve: (result: PdfVerification) => void; reject: (error: Error) => void }
>();

async function verifyInPage(request: VerifyRequest): Promise<PdfVerification> {
  const { runVerifyRequest } = await import('./verify-request.js');
  return settled(await runVerifyRequest(request));
}

function stopWorker(): void {
  clearTimeout(idleTimer);
  worker?.terminate();
  worker = undefined;
}

function startWorker(): Worker {
  const started = new Worker(new URL('./verify-worker.js', import.meta.url), {
    type: 'module',
    name: 'proforma-verify',
  });
  workerRan = false;
  started.addEventListener('message', (event: MessageEvent<VerifyReply>) => {
    workerRan = true;
    const reply = event.data;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    try {
      waiting?.resolve(settled(reply));
    } catch (error) {
      waiting?.reject(error as PdfVerifyError);
    }
    if (pending.size === 0) idleTimer = setTimeout(stopWorker, KEEP_IDLE_WORKER_MS);
  });
  started.addEventListener('error', (event) => {
    const ran = workerRan;
    const waiting = [...pending.values()];
    pending.clear();
    stopWorker();
    for (const { request, resolve, reject } of waiting) {
      // A worker that never ran (not found, or not allowed by the page): check here instead.
      if (!ran) verifyInPage(request).then(resolve, reject);
      else reject(new PdfVerifyError(event.message || 'The check stopped unexpectedly.'));
    }
  });
  return started;
}

/**
 * `verifyPdf` in a module worker, with the same result, so that the page
 * stays responsive however large or hostile the file. Given a `File` or
 * `Blob`, the worker reads it, and one over the size limit is refused unread.
 * Where a worker cannot start (no workers, or a security policy that forbids
 * them), the check runs in the page.
 */
export function verifyPdfInWorker(file: Blob | Uint8Array, options: VerifyPdfOptions = {}): Promise<PdfVerification> {
  const { trustedFingerprints } = options;
  const request: VerifyRequest = {
    id: (nextId += 1),
    file,
    // Sent as an array: any other iterable cannot be copied to a worker.
    options: trustedFingerprints ? { trustedFingerprints: [...trustedFingerprints] } : {},
  };
  if (typeof Worker === 'undefined') return verifyInPage(request);
  try {
    worker ??= startWorker();
  } catch {
    return verifyInPage(request);
  }
  clearTimeout(idleTimer);
  const running = worker;
  return new Promise<PdfVerification>((resolve, reject) => {
    pending.set(request.id, { request, resolve, reject });
    try {
      running.postMessage(request);
    } catch {
      pending.delete(request.id);
      verifyInPage(request).then(resolve, reject);
    }
  });
}
