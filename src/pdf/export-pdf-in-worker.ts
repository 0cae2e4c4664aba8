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

/**
 * Makes the signed PDF in a module worker, so the page stays responsive and
 * can show `onProgress`; the device key is found or made there too. Where a
 * worker cannot start (a page whose security policy forbids workers, say),
 * the export runs in the page instead.
 */
export function exportAssessmentPdfInWorker(
  assessment: Assessment,
  form: FormDefinition,
  options: WorkerExportOptions,
): Promise<ExportResult> {
  const { onProgress, ...rest } = options;
  const request: ExportRequest = { assessment, form, options: rest };
  let worker: Worker;
  try {
    worker = new Worker(new URL('./export-worker.js', import.meta.url), { type: 'module', name: 'proforma-pdf' });
  } catch {
    return exportInPage(request, onProgress);
  }
  return new Promise<ExportResult>((resolve, reject) => {
    let heardFrom = false;
    worker.addEventListener('message', (event: MessageEvent<ExportReply>) => {
      heardFrom = true;
      const reply = event.data;
      if (reply.type === 'progress') onProgress?.(reply.progress);
      else {
        worker.terminate();
        if (reply.type === 'done') resolve(reply.result);
        else reject(new PdfExportError(reply.message));
      }
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      // The worker never ran (not found, or not allowed): do the work here instead.
      if (!heardFrom) exportInPage(request, onProgress).then(resolve, reject);
      else reject(new PdfExportError(event.message || 'The PDF export stopped unexpectedly.'));
    });
    worker.postMessage(request);
  });
}
