import { msg } from '@lit/localize';
import { answerValue } from '../../../model/answers.js';
import { groupField, radioGroup } from './parts.js';
import type { QuestionRenderer } from './view.js';

export const renderYesNo: QuestionRenderer<'yesno'> = (view) =>
  groupField(
    view,
    radioGroup(
      view,
      [
        { value: 'yes', label: msg('Yes') },
        { value: 'no', label: msg('No') },
      ],
      answerValue(view.question, view.answer),
    ),
  );
