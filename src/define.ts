// Importing this module registers every proforma element under its plain tag name.
import { defineProformaElements } from './define-elements.js';

export { defineProformaElements, proformaElements, type DefineOptions } from './define-elements.js';

defineProformaElements();
