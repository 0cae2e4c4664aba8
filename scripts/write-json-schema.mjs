// Writes dist/form-definition.schema.json from the zod schema, so that form
// authors get checking and completion in their editor.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { FormDefinitionSchema } from '../dist/model/form-definition.js';

const schema = z.toJSONSchema(FormDefinitionSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
schema.title = 'proforma form definition';
schema.description = 'A risk-assessment pro forma: sections of questions, scoring thresholds and hazards.';
mkdirSync('dist', { recursive: true });
writeFileSync('dist/form-definition.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
console.log('wrote dist/form-definition.schema.json');
