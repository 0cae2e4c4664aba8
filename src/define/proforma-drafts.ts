// Importing this module registers <proforma-drafts> alone.
import { ProformaDrafts } from '../components/proforma-drafts/proforma-drafts.js';
import { defineElement } from '../define-element.js';

defineElement('proforma-drafts', ProformaDrafts);
