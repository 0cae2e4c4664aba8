import { verifyPdf, verifyPdfFile, type PdfVerification, type VerifyPdfOptions } from './verify-pdf.js';

/** One file to check, as the page hands it to the worker: a chosen file (read there) or its bytes. */
export interface VerifyRequest {
  id: number;
  file: Blob | Uint8Array;
  options: VerifyPdfOptions;
}

export type VerifyReply =
  | { id: number; type: 'done'; result: PdfVerification }
  /** `fileUnreadable`: the browser could not read the chosen file (moved or deleted since it was chosen). */
  | { id: number; type: 'failed'; message: string; fileUnreadable: boolean };

/** Runs one check, in the worker or, where there is none, in the page; never throws. */
export async function runVerifyRequest({ id, file, options }: VerifyRequest): Promise<VerifyReply> {
  let result: PdfVerification;
  try {
    result = file instanceof Blob ? await verifyPdfFile(file, options) : await verifyPdf(file, options);
  } catch (error) {
    // verifyPdf never throws for a bad file, so this is the file that could not be read.
    const message = error instanceof Error ? error.message : String(error);
    return { id, type: 'failed', message, fileUnreadable: true };
  }
  return { id, type: 'done', result };
}
