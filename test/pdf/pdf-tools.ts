import { executeServerCommand } from '@web/test-runner-commands';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
  /** What the tool wrote, for tools that write a PDF. */
  pdf?: Uint8Array;
}

export type PdfTool = 'pdfsig' | 'pdftotext' | 'pdfinfo' | 'pdfdetach' | 'qpdf-check' | 'qpdf-rewrite';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (character) => character.charCodeAt(0));
}

/** Runs poppler or qpdf on the PDF, on the test runner's machine. */
export async function runPdfTool(tool: PdfTool, pdf: Uint8Array): Promise<ToolResult> {
  const result = await executeServerCommand<
    { code: number; stdout: string; stderr: string; pdf?: string },
    { tool: PdfTool; pdf: string }
  >('pdf-tool', { tool, pdf: toBase64(pdf) });
  if (!result) throw new Error(`pdf-tool ${tool} gave no answer`);
  return { ...result, pdf: result.pdf === undefined ? undefined : fromBase64(result.pdf) };
}
