import type { RuleProblem } from './form-rules.js';
import type { FormDefinitionProblem } from './form-definition-problem.js';

const quoted = (ids: ReadonlyArray<string>, separator: string) => ids.map((id) => `"${id}"`).join(separator);

/** A broken rule of a form definition, in words for the form's author. */
export function ruleMessage(problem: RuleProblem): FormDefinitionProblem {
  return { path: problem.path, message: wordsFor(problem) };
}

function wordsFor(problem: RuleProblem): string {
  switch (problem.rule) {
    case 'section-id-used':
      return `section id "${problem.id}" is already used by ${problem.earlier}`;
    case 'question-id-used':
      return `question id "${problem.id}" is already used by ${problem.earlier}`;
    case 'option-twice':
      return `option "${problem.value}" appears twice`;
    case 'min-above-max':
      return `min ${problem.min} is above max ${problem.max}`;
    case 'depends-on-itself':
      return `question "${problem.id}" cannot depend on itself`;
    case 'no-such-question':
      return `names question "${problem.id}", which is not in this form`;
    case 'impossible-answer':
      return `${JSON.stringify(problem.answer)} is not an answer "${problem.id}" can have (${quoted(problem.possible, ', ')})`;
    case 'cycle':
      return `visibleWhen forms a cycle: ${quoted(problem.ids, ' → ')}`;
    case 'tool-question-kind':
      return `question "${problem.id}" is a ${problem.kind} question; it must be text or url`;
    case 'readiness-order':
      return `${problem.conditions}% is above the ${problem.approved}% needed for approval; it must not be`;
    case 'bands-order':
      return `bands must rise: green (${problem.green}) < amber (${problem.amber}) < red (${problem.red})`;
    case 'residual-risk-order':
      return `approval allows "${problem.approved}" risk, more than approval with conditions ("${problem.conditions}")`;
    case 'review-order':
      return `a review ${problem.conditions} months after approval with conditions is later than after approval (${problem.approved}); it should be sooner`;
  }
}
