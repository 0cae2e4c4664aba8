import type { TemplateResult } from 'lit';
import type { Question, QuestionKind } from '../../../model/form-definition.js';
import { renderChoice } from './choice.js';
import { renderDate } from './date.js';
import { renderHazard } from './hazard.js';
import { renderItem } from './item.js';
import { renderLongText } from './longtext.js';
import { renderMultipleChoice } from './multichoice.js';
import { renderNumber } from './number.js';
import { renderPeople } from './people.js';
import { renderSignOff } from './signoff.js';
import { renderText } from './text.js';
import { renderUrl } from './url.js';
import { renderYesNo } from './yesno.js';
import type { QuestionRenderer, QuestionView } from './view.js';

/** Each kind of question and the function that renders it: a new kind is one file and one line here. */
export const questionRenderers: { [K in QuestionKind]: QuestionRenderer<K> } = {
  item: renderItem,
  yesno: renderYesNo,
  choice: renderChoice,
  multichoice: renderMultipleChoice,
  text: renderText,
  longtext: renderLongText,
  date: renderDate,
  number: renderNumber,
  url: renderUrl,
  people: renderPeople,
  hazard: renderHazard,
  signoff: renderSignOff,
};

export function renderQuestion(view: QuestionView<Question>): TemplateResult {
  const render = questionRenderers[view.question.kind] as QuestionRenderer<QuestionKind>;
  return render(view as never);
}
