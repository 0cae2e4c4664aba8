import type { TemplateResult } from 'lit';
import type { Answer } from '../../../model/answers.js';
import type { Question, QuestionKind, QuestionOfKind, Scoring } from '../../../model/form-definition.js';

/** What a question renderer is given: the question, its answer, and ways to change it. */
export interface QuestionView<Q extends Question = Question> {
  question: Q;
  /** The current answer; read it in event handlers rather than keeping a copy from render time. */
  readonly answer: Answer | undefined;
  /** Language tag used to pick the question's text. */
  locale: string;
  /** Prefix for element ids; unique within the element's shadow root. */
  id: string;
  required: boolean;
  /** The form's risk bands, for showing a hazard's band as it is rated. */
  riskBands: Scoring['riskBands'];
  /** Sets the answer's value, keeping its notes and evidence. */
  setValue(value: unknown): void;
  /** Replaces the whole answer (value, notes and evidence). */
  setAnswer(answer: Answer): void;
  /** Whether the question's notes and evidence are open (they are only rendered once opened). */
  readonly notesOpen: boolean;
  /** Records that the notes were opened, so that their fields are rendered. */
  openNotes(): void;
  /** Moves focus to the element with this id once the next render is done. */
  focusAfterRender(elementId: string): void;
}

export type QuestionRenderer<K extends QuestionKind> = (view: QuestionView<QuestionOfKind<K>>) => TemplateResult;
