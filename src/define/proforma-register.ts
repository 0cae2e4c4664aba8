// Importing this module registers <proforma-register> alone.
import { ProformaRegister } from '../components/proforma-register/proforma-register.js';
import { defineElement } from '../define-element.js';

defineElement('proforma-register', ProformaRegister);
