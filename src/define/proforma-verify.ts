// Importing this module registers <proforma-verify> alone.
import { ProformaVerify } from '../components/proforma-verify/proforma-verify.js';
import { defineElement } from '../define-element.js';

defineElement('proforma-verify', ProformaVerify);
