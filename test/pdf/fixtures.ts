// A finished assessment of the social-tool form, for tests of the PDF: every
// question shown is answered, with names and notes in Polish and Welsh letters
// and curly quotes, so that a lost glyph shows.
import {
  allQuestions,
  toolFromAnswers,
  type Answer,
  type Answers,
  type Assessment,
  type FormDefinition,
  type Question,
} from '../../src/model/index.js';

export const SOCIAL_ASSESSMENT_ID = '3f0c9a52-6d1e-4b7a-9c2f-1e5d8b7a4c10';

/** Answers for the social-tool form, by question id; anything the form adds later gets `answerForKind`. */
const SOCIAL_ANSWERS: Answers = {
  'tool-name': { value: 'Padlet' },
  'tool-url': { value: 'https://padlet.com' },
  'tool-vendor': { value: 'Wallwisher, Inc.' },
  'year-groups': { value: ['years-5-6', 'years-7-9'] },
  subjects: { value: 'English, and the school council’s “Eco” blog' },
  'educational-objectives': {
    value:
      'Year 6 will keep a class wall to practise persuasive writing for a real audience.\nPupils will comment on each other’s drafts.',
  },
  'success-measures': { value: 'Quality of pupils’ writing; feedback from parents and carers.' },
  'start-date': { value: '2026-09-01' },
  'why-this-tool': {
    value: 'met',
    notes: 'Our blog tool has no moderation queue; Padlet’s “approve posts” setting does.',
  },
  'value-shared': { value: 'partly', notes: 'Discussed with the English department; the letter home is not sent yet.' },
  'slt-aware': { value: 'met' },
  'terms-url': { value: 'https://padlet.com/about/terms' },
  'service-minimum-age': { value: 13 },
  'youngest-pupil-age': { value: 10 },
  'under-13': { value: 'yes' },
  'age-rules-met': {
    value: 'met',
    notes: 'Padlet for Schools lets the school consent for pupils under 13.',
    evidence: ['https://padlet.com/about/schools'],
  },
  'parental-consent': { value: 'partly', notes: 'Letters go out on Monday; Łukasz keeps the replies.' },
  'terms-allow-school-use': { value: 'met' },
  'privacy-policy-url': { value: 'https://padlet.com/about/privacy' },
  'personal-data-collected': { value: ['names', 'pupil-work', 'device-usage'] },
  'data-handling-clear': { value: 'met' },
  'minimal-data': { value: 'met', notes: 'First names only, class codes instead of email.' },
  'no-selling-or-targeted-adverts': {
    value: 'met',
    notes: 'The privacy policy says “we never sell student data”.',
    evidence: ['https://padlet.com/about/privacy', 'https://privacy.commonsense.org/evaluation/Padlet'],
  },
  'no-tracking-or-profiling': { value: 'met' },
  'third-parties-known': { value: 'met' },
  'dpia-screened': { value: 'met', notes: 'Checked with Gwyn ŵ ŷ, our DPO, on 12 November.' },
  'dpia-reference': { value: 'DPIA-2026-014' },
  'processing-agreement': { value: 'met' },
  'high-privacy-defaults': { value: 'met' },
  encryption: { value: 'met' },
  'sign-in': { value: 'met' },
  'staff-mfa': { value: 'met' },
  'school-email-accounts': { value: 'met' },
  'leavers-process': { value: 'met' },
  'privacy-options': { value: 'met' },
  'comment-moderation': {
    value: 'met',
    notes: 'Every post and comment waits for a teacher’s approval.',
    evidence: ['https://padlet.com/support/moderation'],
  },
  'contact-restricted': { value: 'met' },
  'reporting-system': { value: 'met' },
  'age-suitable-content': { value: 'met' },
  'senior-leader-approval': { value: 'met' },
  'account-owners': {
    value: [
      { name: 'Łukasz Nowak', role: 'Head of computing' },
      { name: 'Siân Prydderch', role: 'Year 6 teacher' },
    ],
  },
  'two-named-staff': { value: 'met' },
  'exit-plan': { value: 'met' },
  'check-frequency': { value: 'daily-term-time' },
  'regular-checks': { value: 'met' },
  'response-within-24-hours': { value: 'met' },
  'image-permissions': { value: 'met' },
  'no-names-with-photos': { value: 'met' },
  'tagging-off': { value: 'met' },
  copyright: { value: 'met' },
  'parents-notified': { value: 'partly' },
  'pupils-briefed': { value: 'met' },
  disclaimer: { value: 'not-applicable', notes: 'There is no public school account.' },
  'incident-process': { value: 'met' },
  'remove-content-quickly': { value: 'met' },
  'vendor-trusted': { value: 'met' },
  'external-ratings': { value: 'met' },
  'rating-url': { value: 'https://privacy.commonsense.org/evaluation/Padlet' },
  'account-deletion-tested': { value: 'not-met', notes: 'Not tried yet: we’ll use a test account.' },
  'hazard-content': {
    value: {
      before: { likelihood: 4, impact: 3 },
      controls: 'Wall restricted to the class; the profanity filter is on.',
      after: { likelihood: 2, impact: 2 },
    },
  },
  'hazard-contact': {
    value: {
      before: { likelihood: 3, impact: 5 },
      controls: 'Private wall, no outside visitors; comments pre-moderated.',
      after: { likelihood: 1, impact: 4 },
    },
  },
  'hazard-conduct': {
    value: {
      before: { likelihood: 4, impact: 3 },
      controls: 'Class rules agreed; first names only; “kind comments” lesson first.',
      after: { likelihood: 2, impact: 3 },
    },
  },
  'hazard-commerce': {
    value: {
      before: { likelihood: 3, impact: 3 },
      controls: 'School licence: no adverts or in-app purchases.',
      after: { likelihood: 1, impact: 2 },
    },
  },
  'signoff-assessor': { value: { name: 'Łukasz Nowak', date: '2026-11-18' } },
  'signoff-technical-reviewer': { value: { name: 'Rhys Evans', date: '2026-11-19' } },
  'signoff-dsl': { value: { name: 'Gwyn Hughes', date: '2026-11-19' } },
  'dpo-advice': { value: 'Use the school licence, and don’t let pupils post photos with their names.' },
  'dpo-advice-followed': {
    value: 'no',
    notes: 'Pupils’ first names stay on their work: parents and carers agreed at the “meet the teacher” evening.',
  },
  'signoff-senior-leader': { value: { name: 'Carys Jones', date: '2026-11-20' } },
};

/** An answer for a question this fixture does not know by id, so that the assessment stays complete. */
function answerForKind(question: Question): Answer {
  switch (question.kind) {
    case 'item':
      return { value: 'met' };
    case 'yesno':
      return { value: 'no' };
    case 'choice':
      return { value: question.options[0]!.value };
    case 'multichoice':
      return { value: [question.options[0]!.value] };
    case 'text':
    case 'longtext':
      return { value: 'Answered' };
    case 'date':
      return { value: '2026-09-01' };
    case 'number':
      return { value: question.min ?? 1 };
    case 'url':
      return { value: 'https://example.org' };
    case 'people':
      return {
        value: Array.from({ length: question.minimum ?? 1 }, (_, index) => ({ name: `Person ${index + 1}` })),
      };
    case 'hazard':
      return { value: { before: { likelihood: 3, impact: 3 }, after: { likelihood: 1, impact: 2 } } };
    case 'signoff':
      return { value: { name: 'Carys Jones', date: '2026-11-20' } };
  }
}

/**
 * A finished assessment of `social-tool-risk-assessment.json`: every question
 * answered (pupils under 13, so the consent item shows), some items partly met
 * or not met so that conditions are listed, four hazards rated before and
 * after controls, every sign-off signed. The outcome is approved with conditions.
 */
export function completeSocialAssessment(form: FormDefinition): Assessment {
  const answers: Answers = {};
  for (const { question } of allQuestions(form)) {
    answers[question.id] = structuredClone(SOCIAL_ANSWERS[question.id] ?? answerForKind(question));
  }
  return {
    id: SOCIAL_ASSESSMENT_ID,
    form: { id: form.id, version: form.version },
    tool: toolFromAnswers(form.toolQuestions, answers),
    answers,
    createdAt: '2026-11-12T09:15:00.000Z',
    updatedAt: '2026-11-20T10:42:00.000Z',
    revision: 42,
  };
}
