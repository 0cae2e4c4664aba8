// Importing this module registers <proforma-app>; it registers the elements of its views as they are opened.
import { ProformaApp } from '../components/proforma-app/proforma-app.js';
import { defineElement } from '../define-element.js';

defineElement('proforma-app', ProformaApp);
