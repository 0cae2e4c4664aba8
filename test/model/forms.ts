// Small builders for test form definitions, so a test states only what it is about.
import {
  parseFormDefinition,
  type Answers,
  type FormDefinition,
  type Question,
  type Scoring,
} from '../../src/model/index.js';

/** A form definition as JSON, before parsing: builders may make it invalid on purpose. */
export type Json = Record<string, unknown>;

/** The thresholds DESIGN.md describes: 80% / 60%, bands 4 / 9 / 16, residual green / red. */
export function defaultScoring(): Scoring {
  return {
    readiness: { approved: 80, approvedWithConditions: 60 },
    riskBands: { green: 4, amber: 9, red: 16 },
    residualRisk: { approved: 'green', approvedWithConditions: 'red' },
  };
}

export function question(kind: string, id: string, extra: Json = {}): Json {
  return { id, kind, title: `Question ${id}`, ...extra };
}

export const item = (id: string, extra: Json = {}) => question('item', id, extra);
export const yesno = (id: string, extra: Json = {}) => question('yesno', id, extra);
export const hazard = (id: string, extra: Json = {}) => question('hazard', id, extra);

export function choice(id: string, values: string[], extra: Json = {}): Json {
  return question('choice', id, { options: values.map((value) => ({ value, label: value })), ...extra });
}

export function multichoice(id: string, values: string[], extra: Json = {}): Json {
  return question('multichoice', id, { options: values.map((value) => ({ value, label: value })), ...extra });
}

/** A `visibleWhen` rule: shown when `controller` is answered with any of `answers`. */
export function shownWhen(controller: string, ...answers: Array<string | number | boolean>): Json {
  return { visibleWhen: { question: controller, answers } };
}

export function section(id: string, questions: Json[], extra: Json = {}): Json {
  return { id, title: `Section ${id}`, questions, ...extra };
}

/** A minimal valid definition as JSON (one section, one item), with top-level overrides. */
export function formJson(overrides: Json = {}): Json {
  return {
    format: '1.0',
    id: 'test-form',
    version: '1.0.0',
    title: 'Test form',
    scoring: defaultScoring(),
    sections: [section('main', [item('q1')])],
    ...overrides,
  };
}

/** A parsed definition, so every form a test scores is known to be valid. */
export function form(overrides: Json = {}): FormDefinition {
  return parseFormDefinition(formJson(overrides));
}

/** A parsed definition with one section holding `questions`. */
export function formOf(...questions: Json[]): FormDefinition {
  return form({ sections: [section('main', questions)] });
}

/** A one-section form with the default scoring changed by `changes` (one level deep). */
export function formWithScoring(changes: Json, ...questions: Json[]): FormDefinition {
  return form({ scoring: { ...defaultScoring(), ...changes }, sections: [section('main', questions)] });
}

/** The one question of a single-question form, parsed. */
export function parsedQuestion(json: Json): Question {
  return formOf(json).sections[0].questions[0];
}

/** Answers from `{ questionId: value }`. */
export function answersOf(values: Record<string, unknown>): Answers {
  return Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }]));
}

/** A hazard answer from likelihood × impact before and after controls. */
export function risk(before: [number, number] | undefined, after: [number, number] | undefined) {
  const rating = (pair: [number, number] | undefined) => pair && { likelihood: pair[0], impact: pair[1] };
  return { before: rating(before), after: rating(after) };
}
