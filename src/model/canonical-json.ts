import canonicalize from 'canonicalize';
import { AssessmentSchema, type Assessment } from './assessment.js';

/**
 * The assessment as canonical JSON (RFC 8785): keys sorted, no spaces,
 * numbers and strings written one way only. Two copies of the same
 * assessment always give the same bytes, which is what a signature covers.
 * The assessment is checked against its schema first, so nothing else ever
 * travels with it.
 */
export function canonicalAssessmentJson(assessment: Assessment): string {
  const checked = AssessmentSchema.parse(assessment);
  const json = canonicalize(checked);
  if (json === undefined) throw new TypeError('The assessment cannot be written as JSON.');
  return json;
}
