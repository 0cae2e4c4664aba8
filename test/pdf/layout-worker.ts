// Lays out a PDF inside a module Worker, where there is no `document` or `window`.
import { buildReport, type Assessment, type FormDefinition } from '../../src/model/index.js';
import { layoutAssessmentPdf, type PdfLayoutOptions } from '../../src/pdf/layout.js';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const { assessment, form, options } = event.data as {
    assessment: Assessment;
    form: FormDefinition;
    options: PdfLayoutOptions;
  };
  try {
    const pdf = layoutAssessmentPdf(buildReport(assessment, form), options);
    scope.postMessage({ pdf }, [pdf.buffer]);
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
});
