// Importing this module registers <proforma-assessment> alone, for pages that need only the form.
import { ProformaAssessment } from '../components/proforma-assessment/proforma-assessment.js';
import { defineElement } from '../define-element.js';

defineElement('proforma-assessment', ProformaAssessment);
