// Importing this module registers <proforma-export> and the <proforma-signature> it uses.
import { ProformaExport } from '../components/proforma-export/proforma-export.js';
import { ProformaSignature } from '../components/proforma-signature/proforma-signature.js';
import { defineElement } from '../define-element.js';

defineElement('proforma-export', ProformaExport);
defineElement('proforma-signature', ProformaSignature);
