import type { Assessment } from '../model/assessment.js';
import type { FormDefinition } from '../model/form-definition.js';
import { DeviceKeyStore, type DeviceKey, type Signer } from '../services/device-key.js';
import { exportAssessmentPdf, type ExportPdfOptions, type ExportProgress } from './export-pdf.js';

/** This browser's device key for `namespace`, made (or re-certified) for `signer` if need be. */
export interface KeyInBrowser {
  namespace: string;
  signer: Signer;
}

export interface ExportRequestOptions extends Omit<ExportPdfOptions, 'key' | 'onProgress'> {
  /** The key that signs, or which of this browser's keys to use. */
  key: DeviceKey | KeyInBrowser;
}

/** One export, as the page hands it to the worker. */
export interface ExportRequest {
  assessment: Assessment;
  form: FormDefinition;
  options: ExportRequestOptions;
}

export interface ExportResult {
  pdf: Uint8Array;
  /** The key that signed; its fingerprint is what the IT lead records. */
  key: DeviceKey;
}

/**
 * Runs an export: finds or makes the device key (so the certificate code
 * runs where the export does, not in the page), then makes the signed PDF.
 */
export async function runExportRequest(
  { assessment, form, options }: ExportRequest,
  onProgress?: (progress: ExportProgress) => void,
): Promise<ExportResult> {
  const given = options.key;
  const key = 'privateKey' in given ? given : await new DeviceKeyStore(given.namespace).getOrCreate(given.signer);
  const pdf = await exportAssessmentPdf(assessment, form, { ...options, key, ...(onProgress ? { onProgress } : {}) });
  return { pdf, key };
}
