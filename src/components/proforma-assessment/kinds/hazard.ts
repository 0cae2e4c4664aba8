import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { answerValue, riskScore, type HazardAnswer, type RiskRating } from '../../../model/answers.js';
import { riskBand } from '../../../model/scoring.js';
import { resolveText } from '../../../model/text.js';
import { bandWords } from '../../../internal/words.js';
import { groupField, inputValue } from './parts.js';
import type { QuestionRenderer, QuestionView } from './view.js';
import type { HazardQuestion } from '../../../model/form-definition.js';

const likelihoodWords = () => [msg('Rare'), msg('Unlikely'), msg('Possible'), msg('Likely'), msg('Almost certain')];
const impactWords = () => [msg('Negligible'), msg('Minor'), msg('Moderate'), msg('Major'), msg('Severe')];

type Stage = 'before' | 'after';

function ratingSelect(
  view: QuestionView<HazardQuestion>,
  stage: Stage,
  field: keyof RiskRating,
  hazard: HazardAnswer,
): TemplateResult {
  const id = `${view.id}-${stage}-${field}`;
  const current = hazard[stage]?.[field];
  const words = field === 'likelihood' ? likelihoodWords() : impactWords();
  const change = (event: Event) => {
    const chosen = Number(inputValue(event));
    const latest = answerValue(view.question, view.answer) ?? {};
    view.setValue({ ...latest, [stage]: { ...latest[stage], [field]: chosen || undefined } });
  };
  return html`<span class="rating-field">
    <label for=${id}>${field === 'likelihood' ? msg('Likelihood') : msg('Impact')}</label>
    <select id=${id} @change=${change}>
      <option value="" .selected=${current === undefined}>${msg('Choose…')}</option>
      ${words.map(
        (word, index) =>
          html`<option value=${index + 1} .selected=${current === index + 1}>${index + 1} – ${word}</option>`,
      )}
    </select>
  </span>`;
}

function riskLine(view: QuestionView<HazardQuestion>, rating: RiskRating | undefined, label: string) {
  const score = riskScore(rating);
  if (score === null) return html`<p class="risk">${label}: ${msg('not rated yet')}</p>`;
  const band = riskBand(score, view.riskBands);
  return html`<p class="risk band-${band}">${label}: <strong>${score}</strong>, ${bandWords(band)}</p>`;
}

/** Hazard: likelihood × impact before and after the controls a school puts in place. */
export const renderHazard: QuestionRenderer<'hazard'> = (view) => {
  const hazard = answerValue(view.question, view.answer) ?? {};
  const controlsId = `${view.id}-controls`;
  const suggested = view.question.suggestedControls;
  return groupField(
    view,
    html`<fieldset class="hazard-stage">
        <legend class="stage-title">${msg('Before controls')}</legend>
        ${ratingSelect(view, 'before', 'likelihood', hazard)} ${ratingSelect(view, 'before', 'impact', hazard)}
        ${riskLine(view, hazard.before, msg('Risk before controls'))}
      </fieldset>
      <label for=${controlsId}>${msg('Controls the school will put in place')}</label>
      ${
        suggested
          ? html`<p class="hint" id=${`${controlsId}-hint`}>
              ${msg(str`Suggested: ${resolveText(suggested, view.locale)}`)}
            </p>`
          : nothing
      }
      <textarea
        id=${controlsId}
        rows="3"
        aria-describedby=${suggested ? `${controlsId}-hint` : nothing}
        .value=${hazard.controls ?? ''}
        @input=${(event: Event) => view.setValue({ ...answerValue(view.question, view.answer), controls: inputValue(event) })}
      ></textarea>
      <fieldset class="hazard-stage">
        <legend class="stage-title">${msg('After controls')}</legend>
        ${ratingSelect(view, 'after', 'likelihood', hazard)} ${ratingSelect(view, 'after', 'impact', hazard)}
        ${riskLine(view, hazard.after, msg('Risk after controls'))}
      </fieldset>`,
  );
};
