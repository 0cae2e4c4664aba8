export * from './model/index.js';
export * from './events.js';
export * from './draft-events.js';
export { ProformaAssessment } from './components/proforma-assessment/proforma-assessment.js';
export { questionRenderers } from './components/proforma-assessment/kinds/registry.js';
export type { QuestionRenderer, QuestionView } from './components/proforma-assessment/kinds/view.js';
export { FormLoadError } from './internal/load-form.js';
export { defineProformaElements, proformaElements, type DefineOptions } from './define-elements.js';
