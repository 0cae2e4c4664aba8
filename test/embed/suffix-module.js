// The module bundle's copy of the elements, registered again under the suffix "module".
import { defineProformaElements } from '../../dist/proforma.bundle.js';

defineProformaElements({ suffix: 'module' });
