import { answerValue, isAnswered, riskScore, type Answer, type Person, type RiskRating } from './answers.js';
import type { Assessment, CopiedFrom, Tool } from './assessment.js';
import type { ChoiceOption, FormDefinition, ItemRating, Question, RiskBand, Scoring } from './form-definition.js';
import { riskBand, scoreAssessment, type Score, type SectionScore } from './scoring.js';
import type { LocalizedText } from './text.js';
import { visibleQuestionIds } from './visibility.js';

// What a finished assessment's report holds, decided without any wording or
// drawing: the PDF (or any other renderer) turns codes into words in the
// reader's language and the form's texts into the reader's language.

/** One side of a hazard: likelihood × impact and the band the product falls in. */
export interface ReportRisk {
  likelihood: number | null;
  impact: number | null;
  /** Likelihood × impact, or `null` until both are chosen. */
  score: number | null;
  band: RiskBand | null;
}

/** A question's answer as data; `null` or empty lists mean not answered (or answered with the wrong shape). */
export type ReportAnswer =
  | { kind: 'item'; rating: ItemRating | null }
  | { kind: 'yesno'; value: 'yes' | 'no' | null }
  | { kind: 'choice'; option: ChoiceOption | null }
  /** The chosen options in the form's order; values the form does not offer are left out. */
  | { kind: 'multichoice'; options: ChoiceOption[] }
  | { kind: 'text' | 'longtext' | 'url'; text: string | null }
  /** An ISO date, "2026-09-01". */
  | { kind: 'date'; date: string | null }
  | { kind: 'number'; value: number | null; unit: LocalizedText | null }
  /** The people with a name, names and roles trimmed. */
  | { kind: 'people'; people: Person[] }
  | { kind: 'hazard'; before: ReportRisk; controls: string | null; after: ReportRisk }
  | { kind: 'signoff'; role: LocalizedText; name: string | null; date: string | null };

export interface ReportQuestion {
  id: string;
  title: LocalizedText;
  /** Whether the answer is complete enough to count as answered. */
  answered: boolean;
  /** A critical item: "not met" means the tool cannot be approved. */
  critical: boolean;
  answer: ReportAnswer;
  /** The assessor's notes, trimmed; `null` when there are none. */
  notes: string | null;
  /** Evidence links, trimmed, blanks left out. */
  evidence: string[];
}

export interface ReportSection {
  id: string;
  title: LocalizedText;
  description: LocalizedText | null;
  score: SectionScore;
  /** The questions shown with these answers, in the form's order; hidden ones are left out. */
  questions: ReportQuestion[];
}

export interface ReportHazard {
  questionId: string;
  title: LocalizedText;
  before: ReportRisk;
  controls: string | null;
  after: ReportRisk;
}

/** An item only partly met or not met, with what the form says must happen about it. */
export interface ReportCondition {
  questionId: string;
  title: LocalizedText;
  rating: 'partly' | 'not-met';
  critical: boolean;
  condition: LocalizedText;
}

export interface ReportSignOff {
  questionId: string;
  title: LocalizedText;
  role: LocalizedText;
  name: string | null;
  /** An ISO date, "2026-11-20". */
  date: string | null;
}

export interface Report {
  form: { id: string; version: string; title: LocalizedText; description: LocalizedText | null };
  assessment: { id: string; createdAt: string; updatedAt: string; revision: number };
  tool: Tool;
  /** Where the answers were first copied from: another school's assessment, to be checked before signing. */
  copiedFrom?: CopiedFrom;
  score: Score;
  sections: ReportSection[];
  hazards: ReportHazard[];
  conditions: ReportCondition[];
  signOffs: ReportSignOff[];
}

/**
 * What the report of an assessment shows, in order, as data: the tool, the
 * score with its reasons, every question shown with its answer, notes and
 * evidence, the hazards, the conditions and the sign-offs. Questions hidden
 * by the answers are left out everywhere. Pure: no words, no drawing.
 *
 * `score` is the answers' score when the caller has already worked it out
 * (`scoreAssessment(form, assessment.answers)`), so it is not worked out twice.
 */
export function buildReport(
  assessment: Assessment,
  form: FormDefinition,
  score: Score = scoreAssessment(form, assessment.answers),
): Report {
  const { answers } = assessment;
  const visible = visibleQuestionIds(form, answers);
  const hazards: ReportHazard[] = [];
  const conditions: ReportCondition[] = [];
  const signOffs: ReportSignOff[] = [];

  const sections = form.sections.map((section, index): ReportSection => {
    const questions: ReportQuestion[] = [];
    for (const question of section.questions) {
      if (!visible.has(question.id)) continue;
      const reported = reportQuestion(question, answers[question.id], form.scoring);
      questions.push(reported);
      const { id, title, answer } = reported;
      if (answer.kind === 'hazard') {
        hazards.push({ questionId: id, title, before: answer.before, controls: answer.controls, after: answer.after });
      } else if (answer.kind === 'signoff') {
        signOffs.push({ questionId: id, title, role: answer.role, name: answer.name, date: answer.date });
      } else if (
        question.kind === 'item' &&
        question.condition !== undefined &&
        answer.kind === 'item' &&
        (answer.rating === 'partly' || answer.rating === 'not-met')
      ) {
        conditions.push({
          questionId: id,
          title,
          rating: answer.rating,
          critical: reported.critical,
          condition: question.condition,
        });
      }
    }
    return {
      id: section.id,
      title: section.title,
      description: section.description ?? null,
      score: score.sections[index]!,
      questions,
    };
  });

  return {
    form: { id: form.id, version: form.version, title: form.title, description: form.description ?? null },
    assessment: {
      id: assessment.id,
      createdAt: assessment.createdAt,
      updatedAt: assessment.updatedAt,
      revision: assessment.revision,
    },
    tool: { ...assessment.tool },
    ...(assessment.copiedFrom ? { copiedFrom: { ...assessment.copiedFrom } } : {}),
    score,
    sections,
    hazards,
    conditions,
    signOffs,
  };
}

function reportQuestion(question: Question, answer: Answer | undefined, scoring: Scoring): ReportQuestion {
  return {
    id: question.id,
    title: question.title,
    answered: isAnswered(question, answer),
    critical: question.kind === 'item' && question.critical === true,
    answer: reportAnswer(question, answer, scoring),
    notes: trimmedOrNull(answer?.notes),
    evidence: (answer?.evidence ?? []).map((link) => link.trim()).filter((link) => link !== ''),
  };
}

function reportAnswer(question: Question, answer: Answer | undefined, scoring: Scoring): ReportAnswer {
  switch (question.kind) {
    case 'item':
      return { kind: 'item', rating: answerValue(question, answer) ?? null };
    case 'yesno':
      return { kind: 'yesno', value: answerValue(question, answer) ?? null };
    case 'choice': {
      const value = answerValue(question, answer);
      return { kind: 'choice', option: question.options.find((option) => option.value === value) ?? null };
    }
    case 'multichoice': {
      const values = answerValue(question, answer) ?? [];
      return { kind: 'multichoice', options: question.options.filter((option) => values.includes(option.value)) };
    }
    case 'text':
    case 'longtext':
    case 'url':
      return { kind: question.kind, text: trimmedOrNull(answerValue(question, answer)) };
    case 'date':
      return { kind: 'date', date: answerValue(question, answer) ?? null };
    case 'number':
      return { kind: 'number', value: answerValue(question, answer) ?? null, unit: question.unit ?? null };
    case 'people': {
      const people = (answerValue(question, answer) ?? []).flatMap((person): Person[] => {
        const name = person.name.trim();
        if (name === '') return [];
        const role = trimmedOrNull(person.role);
        return [role === null ? { name } : { name, role }];
      });
      return { kind: 'people', people };
    }
    case 'hazard': {
      const hazard = answerValue(question, answer);
      return {
        kind: 'hazard',
        before: reportRisk(hazard?.before, scoring),
        controls: trimmedOrNull(hazard?.controls),
        after: reportRisk(hazard?.after, scoring),
      };
    }
    case 'signoff': {
      const signOff = answerValue(question, answer);
      return {
        kind: 'signoff',
        role: question.role,
        name: trimmedOrNull(signOff?.name),
        date: trimmedOrNull(signOff?.date),
      };
    }
  }
}

function reportRisk(rating: RiskRating | undefined, scoring: Scoring): ReportRisk {
  const score = riskScore(rating);
  return {
    likelihood: rating?.likelihood ?? null,
    impact: rating?.impact ?? null,
    score,
    band: score === null ? null : riskBand(score, scoring.riskBands),
  };
}

function trimmedOrNull(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
