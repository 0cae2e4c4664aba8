import { answerValue } from '../../../model/answers.js';
import { resolveText } from '../../../model/text.js';
import { groupField, radioGroup } from './parts.js';
import type { QuestionRenderer } from './view.js';

export const renderChoice: QuestionRenderer<'choice'> = (view) =>
  groupField(
    view,
    radioGroup(
      view,
      view.question.options.map((option) => ({ value: option.value, label: resolveText(option.label, view.locale) })),
      answerValue(view.question, view.answer),
    ),
  );
