// The export runs here, in a module worker, so that the page stays responsive
// while the PDF is laid out and signed.
import type { ExportProgress } from './export-pdf.js';
import { runExportRequest, type ExportRequest, type ExportResult } from './export-request.js';

export type ExportReply =
  | { type: 'progress'; progress: ExportProgress }
  | { type: 'done'; result: ExportResult }
  | { type: 'failed'; message: string };

// `self` is the worker's global scope; the options form of postMessage is the same in a worker.
self.addEventListener('message', async (event: MessageEvent<ExportRequest>) => {
  const reply = (message: ExportReply, transfer: Transferable[] = []) => self.postMessage(message, { transfer });
  try {
    const result = await runExportRequest(event.data, (progress) => reply({ type: 'progress', progress }));
    reply({ type: 'done', result }, [result.pdf.buffer]);
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
