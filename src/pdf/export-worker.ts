// The export runs here, in a module worker, so that the page stays responsive
// while the PDF is laid out and signed.
import { exportAssessmentPdf, type ExportPdfOptions, type ExportProgress } from './export-pdf.js';
import type { Assessment } from '../model/assessment.js';
import type { FormDefinition } from '../model/form-definition.js';

export interface ExportRequest {
  assessment: Assessment;
  form: FormDefinition;
  options: Omit<ExportPdfOptions, 'onProgress'>;
}

export type ExportReply =
  | { type: 'progress'; progress: ExportProgress }
  | { type: 'done'; pdf: Uint8Array }
  | { type: 'failed'; message: string };

// `self` is the worker's global scope; the options form of postMessage is the same in a worker.
self.addEventListener('message', async (event: MessageEvent<ExportRequest>) => {
  const reply = (message: ExportReply, transfer: Transferable[] = []) => self.postMessage(message, { transfer });
  try {
    const { assessment, form, options } = event.data;
    const pdf = await exportAssessmentPdf(assessment, form, {
      ...options,
      onProgress: (progress) => reply({ type: 'progress', progress }),
    });
    reply({ type: 'done', pdf }, [pdf.buffer]);
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
