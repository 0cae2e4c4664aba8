import { answerValue, type Answers } from './answers.js';
import type { FormDefinition, Question } from './form-definition.js';

/**
 * The ids of the questions a person currently sees. A question is shown when
 * it has no `visibleWhen`, or when the question it names is itself shown and
 * answered with one of the listed answers (any one, for multiple choice).
 */
export function visibleQuestionIds(form: FormDefinition, answers: Answers): Set<string> {
  const byId = new Map<string, Question>();
  for (const section of form.sections) {
    for (const question of section.questions) byId.set(question.id, question);
  }
  const decided = new Map<string, boolean>();
  const isVisible = (question: Question, depth: number): boolean => {
    const known = decided.get(question.id);
    if (known !== undefined) return known;
    const rule = question.visibleWhen;
    let visible = true;
    if (rule) {
      const controller = byId.get(rule.question);
      // A definition that passed parseFormDefinition has no cycles; the depth
      // bound only keeps an unchecked definition from recursing for ever.
      visible =
        controller !== undefined &&
        depth < byId.size &&
        isVisible(controller, depth + 1) &&
        // A value of the wrong shape is no answer, so it shows nothing.
        matches(answerValue(controller, answers[rule.question]), rule.answers);
    }
    decided.set(question.id, visible);
    return visible;
  };
  const visible = new Set<string>();
  for (const question of byId.values()) {
    if (isVisible(question, 0)) visible.add(question.id);
  }
  return visible;
}

function matches(value: unknown, shownBy: ReadonlyArray<string | number | boolean>): boolean {
  if (Array.isArray(value)) return value.some((v) => shownBy.includes(v as string));
  return shownBy.includes(value as string);
}
