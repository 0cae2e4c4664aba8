import { answerValue, isAnswered, riskScore, type Answers } from './answers.js';
import {
  RISK_BANDS,
  isRequired,
  type FormDefinition,
  type ItemRating,
  type RiskBand,
  type Scoring,
} from './form-definition.js';
import { visibleQuestionIds } from './visibility.js';

export const OUTCOMES = ['approved', 'approved-with-conditions', 'not-approved', 'incomplete'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Why the outcome is what it is. Reasons are data, not sentences, so that the
 * page, the PDF and the register can word them in the reader's language.
 */
export type Reason =
  /** A critical item was answered "not met". */
  | { code: 'critical-not-met'; questionId: string }
  /** A hazard's risk after controls is above what even conditional approval allows. */
  | { code: 'residual-risk-too-high'; questionId: string; residual: number; band: RiskBand }
  /** A required question has no answer yet. */
  | { code: 'required-missing'; questionId: string }
  /** Readiness is below the lowest threshold: not approved. */
  | { code: 'readiness-too-low'; readiness: number; threshold: number }
  /** Readiness is enough for approval with conditions but not for approval. */
  | { code: 'readiness-below-approval'; readiness: number; threshold: number }
  /** An item that lowered readiness. */
  | { code: 'item-not-met' | 'item-partly-met'; questionId: string }
  /** A hazard whose risk after controls is above what approval allows. */
  | { code: 'residual-risk-above-approval'; questionId: string; residual: number; band: RiskBand }
  /** Every assessment item was marked not applicable: nothing to judge readiness by. */
  | { code: 'nothing-applicable' }
  /** Reasons for approval: how many critical items are met (none is "not met"). */
  | { code: 'critical-none-failed'; count: number }
  | { code: 'readiness-met'; readiness: number; threshold: number }
  | { code: 'residual-risk-within'; band: RiskBand | null };

export interface SectionScore {
  sectionId: string;
  /** Percentage of the points available, or `null` when no item in the section is scored. */
  readiness: number | null;
  points: number;
  possible: number;
  weight: number;
  /** Required questions currently shown in the section, and how many are answered. */
  required: number;
  answeredRequired: number;
}

export interface HazardScore {
  questionId: string;
  /** Likelihood × impact before controls. */
  before: number | null;
  /** Likelihood × impact after controls: the residual risk. */
  after: number | null;
  beforeBand: RiskBand | null;
  afterBand: RiskBand | null;
}

export interface Score {
  outcome: Outcome;
  /** Weighted readiness percentage, a whole number rounded down, or `null` when nothing is scored. */
  readiness: number | null;
  sections: SectionScore[];
  hazards: HazardScore[];
  /** The highest band among hazards after controls. */
  highestResidualBand: RiskBand | null;
  /** What drove the outcome, most serious first. */
  reasons: Reason[];
  /** Required questions shown but not yet answered. */
  missing: string[];
  /** Months until the tool should be reviewed, for the approved outcomes. */
  reviewMonths: number | null;
}

const POINTS: Record<Exclude<ItemRating, 'not-applicable'>, number> = { met: 2, partly: 1, 'not-met': 0 };
const DEFAULT_REVIEW_MONTHS = { approved: 12, approvedWithConditions: 6 };

/** The band a risk score (likelihood × impact, 1–25) falls in. */
export function riskBand(score: number, bands: Scoring['riskBands']): RiskBand {
  if (score <= bands.green) return 'green';
  if (score <= bands.amber) return 'amber';
  if (score <= bands.red) return 'red';
  return 'stop';
}

const bandRank = (band: RiskBand) => RISK_BANDS.indexOf(band);

/**
 * Scores answers against a form: the critical gate, weighted readiness,
 * hazard bands and the outcome with the reasons for it. Pure; every
 * threshold comes from `form.scoring`. Hidden questions are neither
 * required nor scored; answers of the wrong shape count as unanswered.
 */
export function scoreAssessment(form: FormDefinition, answers: Answers): Score {
  const { scoring } = form;
  const visible = visibleQuestionIds(form, answers);
  const sections: SectionScore[] = [];
  const hazards: HazardScore[] = [];
  const missing: string[] = [];
  const criticalFailures: Reason[] = [];
  const weakItems: Reason[] = [];
  let criticalCount = 0;

  for (const section of form.sections) {
    const sectionScore: SectionScore = {
      sectionId: section.id,
      readiness: null,
      points: 0,
      possible: 0,
      weight: section.weight ?? 1,
      required: 0,
      answeredRequired: 0,
    };
    for (const question of section.questions) {
      if (!visible.has(question.id)) continue;
      const answer = answers[question.id];
      const answered = isAnswered(question, answer);
      if (isRequired(question)) {
        sectionScore.required += 1;
        if (answered) sectionScore.answeredRequired += 1;
        else missing.push(question.id);
      }
      if (question.kind === 'item') {
        const rating = answerValue(question, answer);
        if (question.critical && rating === 'met') criticalCount += 1;
        if (rating === 'not-applicable') continue;
        if (rating === undefined) {
          // An unanswered required item has earned nothing yet.
          if (isRequired(question)) sectionScore.possible += 2;
          continue;
        }
        sectionScore.possible += 2;
        sectionScore.points += POINTS[rating];
        if (rating === 'not-met' && question.critical) {
          criticalFailures.push({ code: 'critical-not-met', questionId: question.id });
        } else if (rating === 'not-met') {
          weakItems.push({ code: 'item-not-met', questionId: question.id });
        } else if (rating === 'partly') {
          weakItems.push({ code: 'item-partly-met', questionId: question.id });
        }
      } else if (question.kind === 'hazard') {
        const hazard = answerValue(question, answer);
        const before = riskScore(hazard?.before);
        const after = riskScore(hazard?.after);
        hazards.push({
          questionId: question.id,
          before,
          after,
          beforeBand: before === null ? null : riskBand(before, scoring.riskBands),
          afterBand: after === null ? null : riskBand(after, scoring.riskBands),
        });
      }
    }
    if (sectionScore.possible > 0) {
      sectionScore.readiness = Math.floor((100 * sectionScore.points) / sectionScore.possible);
    }
    sections.push(sectionScore);
  }

  const scored = sections.filter((s) => s.possible > 0 && s.weight > 0);
  const totalWeight = scored.reduce((sum, s) => sum + s.weight, 0);
  const exactReadiness =
    totalWeight === 0
      ? null
      : scored.reduce((sum, s) => sum + (s.weight * s.points) / s.possible, 0) * (100 / totalWeight);
  // Shown as a whole number rounded down, so that 79.6% never reads as the 80% it falls short of;
  // thresholds are compared with the exact figure.
  const readiness = exactReadiness === null ? null : Math.floor(exactReadiness);

  let highestResidualBand: RiskBand | null = null;
  const tooRisky: Reason[] = [];
  const aboveApproval: Reason[] = [];
  for (const hazard of hazards) {
    if (hazard.after === null || hazard.afterBand === null) continue;
    const band = hazard.afterBand;
    if (highestResidualBand === null || bandRank(band) > bandRank(highestResidualBand)) highestResidualBand = band;
    const detail = { questionId: hazard.questionId, residual: hazard.after, band };
    if (bandRank(band) > bandRank(scoring.residualRisk.approvedWithConditions)) {
      tooRisky.push({ code: 'residual-risk-too-high', ...detail });
    } else if (bandRank(band) > bandRank(scoring.residualRisk.approved)) {
      aboveApproval.push({ code: 'residual-risk-above-approval', ...detail });
    }
  }

  const review = scoring.reviewMonths ?? DEFAULT_REVIEW_MONTHS;
  const result = (outcome: Outcome, reasons: Reason[]): Score => ({
    outcome,
    readiness,
    sections,
    hazards,
    highestResidualBand,
    reasons,
    missing,
    reviewMonths:
      outcome === 'approved'
        ? review.approved
        : outcome === 'approved-with-conditions'
          ? review.approvedWithConditions
          : null,
  });

  // A critical failure or an unacceptable risk decides the outcome even
  // before the rest is answered: nothing else could make up for it.
  if (criticalFailures.length > 0 || tooRisky.length > 0) {
    return result('not-approved', [...criticalFailures, ...tooRisky]);
  }
  if (missing.length > 0) {
    return result(
      'incomplete',
      missing.map((questionId) => ({ code: 'required-missing', questionId })),
    );
  }
  const { approved, approvedWithConditions } = scoring.readiness;
  if (readiness !== null && exactReadiness! < approvedWithConditions) {
    return result('not-approved', [
      { code: 'readiness-too-low', readiness, threshold: approvedWithConditions },
      ...weakItems,
    ]);
  }
  const conditions: Reason[] = [];
  if (readiness === null) conditions.push({ code: 'nothing-applicable' });
  else if (exactReadiness! < approved) {
    conditions.push({ code: 'readiness-below-approval', readiness, threshold: approved }, ...weakItems);
  }
  conditions.push(...aboveApproval);
  if (conditions.length > 0) return result('approved-with-conditions', conditions);
  return result('approved', [
    { code: 'critical-none-failed', count: criticalCount },
    { code: 'readiness-met', readiness: readiness!, threshold: approved },
    { code: 'residual-risk-within', band: highestResidualBand },
  ]);
}
