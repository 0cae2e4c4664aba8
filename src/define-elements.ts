import { ProformaApp } from './components/proforma-app/proforma-app.js';
import { ProformaAssessment } from './components/proforma-assessment/proforma-assessment.js';
import { ProformaExport } from './components/proforma-export/proforma-export.js';
import { ProformaDrafts } from './components/proforma-drafts/proforma-drafts.js';
import { ProformaRegister } from './components/proforma-register/proforma-register.js';
import { ProformaSignature } from './components/proforma-signature/proforma-signature.js';
import { ProformaSubmissions } from './components/proforma-submissions/proforma-submissions.js';
import { ProformaVerify } from './components/proforma-verify/proforma-verify.js';
import { defineElement, type DefineOptions } from './define-element.js';

export type { DefineOptions } from './define-element.js';

/** The elements this library provides, by tag name without suffix. */
export const proformaElements = {
  'proforma-app': ProformaApp,
  'proforma-assessment': ProformaAssessment,
  'proforma-drafts': ProformaDrafts,
  'proforma-export': ProformaExport,
  'proforma-register': ProformaRegister,
  'proforma-signature': ProformaSignature,
  'proforma-submissions': ProformaSubmissions,
  'proforma-verify': ProformaVerify,
} as const;

/** Registers every proforma element with the page; see `defineElement`. */
export function defineProformaElements(options: DefineOptions = {}): void {
  for (const [tag, elementClass] of Object.entries(proformaElements)) defineElement(tag, elementClass, options);
}
