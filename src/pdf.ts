// The signed PDF: export, verification and the parts they are made of. Kept out of
// the main entry because jsPDF and pkijs are large; pages load it only to export or verify.
export { exportAssessmentPdf, type ExportPdfOptions, type ExportProgress, type PdfFonts } from './pdf/export-pdf.js';
export { exportAssessmentPdfInWorker, PdfExportError, type WorkerExportOptions } from './pdf/export-pdf-in-worker.js';
export type { ExportResult, KeyInBrowser } from './pdf/export-request.js';
export { verifyPdfInWorker, PdfVerifyError } from './pdf/verify-pdf-in-worker.js';
export {
  verifyPdf,
  verifyPdfFile,
  LARGEST_PDF,
  ASSESSMENT_ATTACHMENT,
  type PdfProblem,
  type PdfProblemCode,
  type PdfSigner,
  type PdfVerification,
  type VerifyPdfOptions,
} from './pdf/verify-pdf.js';
export { signPdf, PdfStructureError, type PdfAttachment, type PdfSignatureDetails } from './pdf/pdf-signature.js';
export { layoutAssessmentPdf, type PdfLayoutOptions } from './pdf/layout.js';
