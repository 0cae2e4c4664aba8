import { jsPDF } from 'jspdf';
import type { Assessment } from '../../src/model/assessment.js';
import { canonicalAssessmentJson } from '../../src/model/canonical-json.js';
import type { FormDefinition } from '../../src/model/form-definition.js';
import { signPdf } from '../../src/pdf/pdf-signature.js';
import { createDeviceKey } from '../../src/services/device-key.js';

/** A one-page PDF with plain text, standing in for an assessment's layout. */
export function plainPdf(text = 'A risk assessment'): Uint8Array {
  const doc = new jsPDF({ compress: true });
  doc.text(text, 20, 20);
  return new Uint8Array(doc.output('arraybuffer'));
}

export function smallAssessment(changes: Partial<Assessment> = {}): Assessment {
  return {
    id: 'a-1',
    form: { id: 'social-tool-risk-assessment', version: '1.0.0' },
    tool: { name: 'Padlet' },
    answers: { 'tool-name': { value: 'Padlet' }, notes: { value: 'Gwyn ŵ ŷ — “quoted”' } },
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:30:00.000Z',
    revision: 3,
    ...changes,
  };
}

/** A one-question form that the signed Padlet assessment below was made with. */
export const padletForm: FormDefinition = {
  format: '1.0',
  id: 'padlet-check',
  version: '1.0.0',
  title: 'Padlet check',
  scoring: {
    readiness: { approved: 80, approvedWithConditions: 60 },
    riskBands: { green: 4, amber: 9, red: 16 },
    residualRisk: { approved: 'green', approvedWithConditions: 'red' },
  },
  sections: [
    {
      id: 'only',
      title: 'Only section',
      questions: [{ id: 'privacy', kind: 'item', title: 'Pupil content can be private', critical: true }],
    },
  ],
};

/** A PDF signed by a new device key, carrying a Padlet assessment made with `padletForm`. */
export async function signedPadletPdf(assessmentId = 'padlet-assessment'): Promise<Uint8Array> {
  const key = await createDeviceKey({ name: 'Siân Jones', role: 'Teacher', school: 'Ysgol Gwyn' });
  const assessment = smallAssessment({
    id: assessmentId,
    form: { id: 'padlet-check', version: '1.0.0' },
    tool: { name: 'Padlet', url: 'https://padlet.com' },
    answers: { privacy: { value: 'met' } },
  });
  return signPdf(
    plainPdf('Padlet'),
    key,
    {
      name: 'assessment.json',
      bytes: new TextEncoder().encode(canonicalAssessmentJson(assessment)),
      mimeType: 'application/json',
      description: 'The assessment data',
    },
    { name: 'Siân Jones', reason: 'Risk assessment completed', signedAt: new Date('2026-11-21T09:30:00Z') },
  );
}

/** Bytes added after signing, as an editor's incremental update would be. */
export function appendAfterSigning(pdf: Uint8Array): Uint8Array {
  const extra = new TextEncoder().encode('\n% added later\n%%EOF\n');
  const joined = new Uint8Array(pdf.length + extra.length);
  joined.set(pdf);
  joined.set(extra, pdf.length);
  return joined;
}
