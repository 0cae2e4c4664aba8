export * from './model/index.js';
export * from './events/index.js';
export { ProformaAssessment } from './components/proforma-assessment/proforma-assessment.js';
export { ProformaApp, type AppMode, type AppView } from './components/proforma-app/proforma-app.js';
export { ProformaDrafts } from './components/proforma-drafts/proforma-drafts.js';
export { ProformaSignature } from './components/proforma-signature/proforma-signature.js';
export { ProformaSubmissions } from './components/proforma-submissions/proforma-submissions.js';
export { ProformaVerify } from './components/proforma-verify/proforma-verify.js';
export { ProformaRegister, REGISTER_PAGE_SIZE } from './components/proforma-register/proforma-register.js';
export {
  RegisterStoreError,
  type RegisterStore,
  type RegisterStoreProblem,
  type RegisterView,
  type RegisterEntryDetail,
  type RegisterEvidence,
  type DamagedRegisterRecord,
} from './services/register/register-store.js';
export { IndexedDbRegisterStore, registerLogDatabaseName } from './services/register/indexeddb-register-store.js';
export { MemoryRegisterStore } from './services/register/memory-register-store.js';
export type { PdfImportRefusal, PdfImportResult } from './services/register/import-pdfs.js';
export {
  CarryOverError,
  carryOverEarlierRegister,
  type CarriedOverNote,
} from './services/register/carry-over-register.js';
export type { PdfProblem, PdfProblemCode, PdfSigner, PdfVerification } from './pdf/verify-pdf.js';
export { questionRenderers } from './components/proforma-assessment/kinds/registry.js';
export type { QuestionRenderer, QuestionView } from './components/proforma-assessment/kinds/view.js';
export { FormLoadError } from './internal/load-form.js';
export { BUILT_IN_FORM_IDS, type BuiltInFormId } from './internal/form-list.js';
export { defineProformaElements, proformaElements, type DefineOptions } from './define-elements.js';
export { defineElement } from './define-element.js';
export * from './services/draft-store.js';
export { MemoryDraftStore } from './services/memory-draft-store.js';
export { IndexedDbDraftStore } from './services/indexeddb-draft-store.js';
export { draftStoreContext, registerStoreContext } from './services/contexts.js';
export { ProformaExport } from './components/proforma-export/proforma-export.js';
