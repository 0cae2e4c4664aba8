/** One thing wrong with a form definition, and where. */
export interface FormDefinitionProblem {
  /** JSON path, e.g. `sections[2].questions[0].kind`; empty for the whole definition. */
  path: string;
  message: string;
}
