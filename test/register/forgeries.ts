// Two signed PDFs of one Padlet assessment, made by two keys whose certificates give the same
// teacher's name: hers, and a forger's, as a copy re-signed under her name would be.
import { canonicalAssessmentJson } from '../../src/model/canonical-json.js';
import { signPdf } from '../../src/pdf/pdf-signature.js';
import { createDeviceKey, type DeviceKey } from '../../src/services/device-key.js';
import { plainPdf, smallAssessment } from '../pdf/signing-fixtures.js';

/** The name both keys give. */
export const SIGNER = { name: 'Siân Jones', role: 'Teacher', school: 'Ysgol Gwyn' };

/** The teacher's own key, and a forger's key made under her name. */
export async function sameNameKeys(): Promise<{ teacher: DeviceKey; forger: DeviceKey }> {
  return { teacher: await createDeviceKey(SIGNER), forger: await createDeviceKey(SIGNER) };
}

/** The Padlet assessment of `padletForm` at a revision (3 unless given), signed by `key`. */
export function signedPadletBy(key: DeviceKey, revision = 3): Promise<Uint8Array> {
  const assessment = smallAssessment({
    id: 'padlet-assessment',
    form: { id: 'padlet-check', version: '1.0.0' },
    tool: { name: 'Padlet', url: 'https://padlet.com' },
    answers: { privacy: { value: 'met' } },
    revision,
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
    { name: SIGNER.name, reason: 'Risk assessment completed', signedAt: new Date('2026-11-21T09:30:00Z') },
  );
}
