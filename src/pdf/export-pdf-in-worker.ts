import type { Assessment } from '../model/assessment.js';
import type { FormDefinition } from '../model/form-definition.js';
import type { ExportPdfOptions } from './export-pdf.js';
import type { ExportReply, ExportRequest } from './export-worker.js';

/** The export ran but failed; `message` says why. */
export class PdfExportError extends Error {
  override name = 'PdfExportError';
}

async function exportInPage(assessment: Assessment, form: FormDefinition, options: ExportPdfOptions) {
  const module = await import('./export-pdf.js');
  return module.exportAssessmentPdf(assessment, form, options);
}

/**
 * `exportAssessmentPdf` in a module worker, so the page stays responsive
 * and can show `onProgress`. Where a worker cannot start (a page whose
 * security policy forbids workers, say), the export runs in the page instead.
 */
export function exportAssessmentPdfInWorker(
  assessment: Assessment,
  form: FormDefinition,
  options: ExportPdfOptions,
): Promise<Uint8Array> {
  const { onProgress, ...rest } = options;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./export-worker.js', import.meta.url), { type: 'module', name: 'proforma-pdf' });
  } catch {
    return exportInPage(assessment, form, options);
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    let heardFrom = false;
    const finish = () => worker.terminate();
    worker.addEventListener('message', (event: MessageEvent<ExportReply>) => {
      heardFrom = true;
      const reply = event.data;
      if (reply.type === 'progress') onProgress?.(reply.progress);
      else {
        finish();
        if (reply.type === 'done') resolve(reply.pdf);
        else reject(new PdfExportError(reply.message));
      }
    });
    worker.addEventListener('error', (event) => {
      finish();
      // The worker never ran (not found, or not allowed): do the work here instead.
      if (!heardFrom) exportInPage(assessment, form, options).then(resolve, reject);
      else reject(new PdfExportError(event.message || 'The PDF export stopped unexpectedly.'));
    });
    const request: ExportRequest = { assessment, form, options: rest };
    worker.postMessage(request);
  });
}
