import { jsPDF } from 'jspdf';
import type { Assessment } from '../../src/model/assessment.js';

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
