export * from './text.js';
export * from './form-definition.js';
export * from './answers.js';
export * from './assessment.js';
export * from './visibility.js';
export * from './parse-form-definition.js';
export * from './scoring.js';
export * from './draft.js';
