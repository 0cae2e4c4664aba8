// Converts a proforma form definition into SurveyJS JSON, so that the benchmark's peer renders
// the same questions as proforma does, and a change to our form changes both.
//
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The whole form goes on one SurveyJS page, one panel per section, because
// <proforma-assessment> shows every section at once too.

const RATINGS = [
  { value: 'met', text: 'Met' },
  { value: 'partly', text: 'Partly met' },
  { value: 'not-met', text: 'Not met' },
  { value: 'not-applicable', text: 'Not applicable' },
];
const LIKELIHOOD = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
const IMPACT = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'];

/**
 * Our localised text (a string, or texts by language) as a SurveyJS localizable string:
 * a string, or `{ default, <lang>: … }` with English (or the first language) as the default.
 */
export function toLocalizable(text) {
  if (text === undefined || typeof text === 'string') return text;
  const languages = Object.keys(text);
  const defaultLanguage = ['en', 'en-GB'].find((language) => language in text) ?? languages[0];
  const localized = { default: text[defaultLanguage] };
  for (const language of languages) if (language !== defaultLanguage) localized[language] = text[language];
  return localized;
}

/** Appends plain text to a localizable string, in every language it has. */
function appendText(text, suffix) {
  if (typeof text === 'string') return `${text}${suffix}`;
  return Object.fromEntries(Object.entries(text).map(([language, value]) => [language, `${value}${suffix}`]));
}

const literal = (value) => (typeof value === 'string' ? `'${value.replaceAll("'", "\\'")}'` : String(value));

/** `visibleWhen: { question, answers }` as a SurveyJS `visibleIf` expression. */
export function toVisibleIf(visibleWhen) {
  // `anyof` matches a single value or any value of a multiple choice, like visibleWhen does.
  return `{${visibleWhen.question}} anyof [${visibleWhen.answers.map(literal).join(', ')}]`;
}

const choices = (options) => options.map((option) => ({ value: option.value, text: toLocalizable(option.label) }));

/** The SurveyJS element(s) for one kind of question, without the common properties. */
const KINDS = {
  item: (question) => ({
    type: 'radiogroup',
    title: question.critical ? appendText(toLocalizable(question.title), ' (critical)') : toLocalizable(question.title),
    choices: RATINGS,
    colCount: 4,
    // Our item has notes and an evidence link behind "Notes and evidence".
    showCommentArea: true,
    commentText: 'Notes and evidence',
  }),
  yesno: () => ({
    type: 'radiogroup',
    choices: [
      { value: 'yes', text: 'Yes' },
      { value: 'no', text: 'No' },
    ],
    colCount: 2,
  }),
  choice: (question) => ({ type: 'radiogroup', choices: choices(question.options) }),
  multichoice: (question) => ({ type: 'checkbox', choices: choices(question.options) }),
  text: (question) => ({ type: 'text', ...(question.maxLength ? { maxLength: question.maxLength } : {}) }),
  longtext: (question) => ({ type: 'comment', ...(question.maxLength ? { maxLength: question.maxLength } : {}) }),
  url: () => ({ type: 'text', inputType: 'url' }),
  date: () => ({ type: 'text', inputType: 'date' }),
  number: (question) => ({
    type: 'text',
    inputType: 'number',
    ...(question.min === undefined ? {} : { min: question.min }),
    ...(question.max === undefined ? {} : { max: question.max }),
    ...(question.unit ? { title: appendText(toLocalizable(question.title), ` (${plainText(question.unit)})`) } : {}),
  }),
  people: (question) => ({
    type: 'matrixdynamic',
    columns: [
      { name: 'name', title: 'Name', cellType: 'text', isRequired: true },
      { name: 'role', title: 'Role', cellType: 'text' },
    ],
    rowCount: question.minimum ?? 1,
    minRowCount: question.minimum ?? 1,
    addRowText: 'Add a person',
  }),
  hazard: (question) => ({
    type: 'matrixdropdown',
    rows: [
      { value: 'before', text: 'Before controls' },
      { value: 'after', text: 'After controls' },
    ],
    columns: [
      {
        name: 'likelihood',
        title: 'Likelihood',
        cellType: 'dropdown',
        choices: LIKELIHOOD.map((text, index) => ({ value: index + 1, text: `${index + 1} – ${text}` })),
      },
      {
        name: 'impact',
        title: 'Impact',
        cellType: 'dropdown',
        choices: IMPACT.map((text, index) => ({ value: index + 1, text: `${index + 1} – ${text}` })),
      },
      { name: 'risk', title: 'Risk', cellType: 'expression', expression: '{row.likelihood} * {row.impact}' },
    ],
    // The controls the school puts in place, as proforma asks between the two ratings.
    showCommentArea: true,
    commentText: question.suggestedControls
      ? appendText('Controls the school will put in place. Suggested: ', plainText(question.suggestedControls))
      : 'Controls the school will put in place',
  }),
  signoff: (question) => ({
    type: 'multipletext',
    items: [
      { name: 'name', title: 'Full name', isRequired: true },
      { name: 'date', title: 'Date', inputType: 'date', isRequired: true },
    ],
    description: question.help
      ? appendText(appendText('Role: ', plainText(question.role)), `. ${plainText(question.help)}`)
      : appendText('Role: ', plainText(question.role)),
  }),
};

/** A short text in its default language, for the few places SurveyJS has no field of its own. */
function plainText(text) {
  const localizable = toLocalizable(text);
  return typeof localizable === 'string' ? localizable : localizable.default;
}

/** One of our questions as a SurveyJS question. */
export function toSurveyJsQuestion(question) {
  const convert = KINDS[question.kind];
  if (!convert) throw new Error(`to-surveyjs: no SurveyJS mapping for kind "${question.kind}" (${question.id})`);
  return {
    name: question.id,
    title: toLocalizable(question.title),
    ...(question.help === undefined ? {} : { description: toLocalizable(question.help) }),
    // Our questions are required unless the definition says otherwise.
    isRequired: question.required ?? true,
    ...(question.visibleWhen ? { visibleIf: toVisibleIf(question.visibleWhen) } : {}),
    ...convert(question),
  };
}

/** A whole proforma form definition as a SurveyJS survey on one page, one panel per section. */
export function toSurveyJs(form) {
  return {
    title: toLocalizable(form.title),
    ...(form.description === undefined ? {} : { description: toLocalizable(form.description) }),
    showQuestionNumbers: 'off',
    pages: [
      {
        name: form.id,
        elements: form.sections.map((section) => ({
          type: 'panel',
          name: `section-${section.id}`,
          title: toLocalizable(section.title),
          ...(section.description === undefined ? {} : { description: toLocalizable(section.description) }),
          elements: section.questions.map(toSurveyJsQuestion),
        })),
      },
    ],
  };
}

// `node bench/to-surveyjs.mjs forms/x.json` prints the SurveyJS JSON.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const source = process.argv[2] ?? 'forms/social-tool-risk-assessment.json';
  console.log(JSON.stringify(toSurveyJs(JSON.parse(await readFile(source, 'utf8'))), null, 2));
}
