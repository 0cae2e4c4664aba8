import { msg, str } from '@lit/localize';
import { parseFormDefinition } from '../../model/parse-form-definition.js';
import { FormDefinitionError, formatProblem } from '../../model/parse-form-definition.js';

/**
 * What is wrong with a form definition, in words: loaded only when a
 * definition has failed the quick check, so none of this is on a working page.
 */
export function describeFormProblems(input: unknown): { title: string; problems: string[] } {
  let error: unknown;
  try {
    parseFormDefinition(input);
  } catch (thrown) {
    error = thrown;
  }
  if (!(error instanceof FormDefinitionError))
    throw error ?? new Error('The form definition has no problem to describe.');
  const title = error.newerFormat
    ? msg('This form needs a newer version of proforma')
    : msg(str`This form definition has ${error.issues.length} problem(s)`);
  return { title, problems: error.issues.map(formatProblem) };
}
