import type { Assessment } from '../model/assessment.js';
import type { FormDefinition } from '../model/form-definition.js';
import type { ExportProgress } from './export-pdf.js';
import type { ExportRequest, ExportRequestOptions, ExportResult } from './export-request.js';
import type { ExportReply } from './export-worker.js';

/** The export ran but failed; `message` says why. */
export class PdfExportError extends Error {
  override name = 'PdfExportError';
}

export interface WorkerExportOptions extends ExportRequestOptions {
  onProgress?: (progress: ExportProgress) => void;
}

async function exportInPage(request: ExportRequest, onProgress?: (progress: ExportProgress) => void) {
  const module = await import('./export-request.js');
  return module.runExportRequest(request, onProgress);
}

/** A worker kept after an export, so the next one starts at once with its code compiled and warm. */
let idleWorker: Worker | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** Workers that have answered at least once: an error from one of them is the export's, not a failure to start. */
const workersThatRan = new WeakSet<Worker>();
/** How long an idle worker is kept before it is let go, to free its memory. */
const KEEP_IDLE_WORKER_MS = 120_000;

function takeWorker(): Worker {
  clearTimeout(idleTimer);
  const worker =
    idleWorker ?? new Worker(new URL('./export-worker.js', import.meta.url), { type: 'module', name: 'proforma-pdf' });
  idleWorker = undefined;
  return worker;
}

function giveBack(worker: Worker): void {
  if (idleWorker) {
    worker.terminate();
    return;
  }
  idleWorker = worker;
  idleTimer = setTimeout(() => {
    idleWorker?.terminate();
    idleWorker = undefined;
  }, KEEP_IDLE_WORKER_MS);
}

/**
 * Makes the signed PDF in a module worker, so the page stays responsive and
 * can show `onProgress`; the device key is found or made there too. The
 * worker is kept for a while for the next export. Where a worker cannot start
 * (a page whose security policy forbids workers, say), the export runs in the
 * page instead.
 */
export function exportAssessmentPdfInWorker(
  assessment: Assessment,
  form: FormDefinition,
  options: WorkerExportOptions,
): Promise<ExportResult> {
  const { onProgress, ...rest } = options;
  // A folder is resolved against the page here: the worker would resolve it against its own script.
  const fonts =
    typeof rest.fonts === 'string' || rest.fonts instanceof URL
      ? new URL(rest.fonts, document.baseURI).href
      : rest.fonts;
  const request: ExportRequest = { assessment, form, options: { ...rest, ...(fonts ? { fonts } : {}) } };
  let worker: Worker;
  try {
    worker = takeWorker();
  } catch {
    return exportInPage(request, onProgress);
  }
  return new Promise<ExportResult>((resolve, reject) => {
    const controller = new AbortController();
    const { signal } = controller;
    worker.addEventListener(
      'message',
      (event: MessageEvent<ExportReply>) => {
        workersThatRan.add(worker);
        const reply = event.data;
        if (reply.type === 'progress') {
          onProgress?.(reply.progress);
          return;
        }
        controller.abort();
        giveBack(worker);
        if (reply.type === 'done') resolve(reply.result);
        else reject(new PdfExportError(reply.message));
      },
      { signal },
    );
    worker.addEventListener(
      'error',
      (event) => {
        controller.abort();
        worker.terminate();
        // The worker never ran (not found, or not allowed): do the work here instead.
        if (!workersThatRan.has(worker)) exportInPage(request, onProgress).then(resolve, reject);
        else reject(new PdfExportError(event.message || 'The PDF export stopped unexpectedly.'));
      },
      { signal },
    );
    worker.addEventListener(
      'messageerror',
      () => {
        controller.abort();
        worker.terminate();
        reject(new PdfExportError('The PDF could not be passed back from the worker.'));
      },
      { signal },
    );
    try {
      worker.postMessage(request);
    } catch {
      // Something in the request cannot be sent to a worker: do the work here instead.
      controller.abort();
      giveBack(worker);
      exportInPage(request, onProgress).then(resolve, reject);
    }
  });
}
