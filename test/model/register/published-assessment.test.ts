import { expect } from '@open-wc/testing';
import type { Answers } from '../../../src/model/answers.js';
import type { Assessment } from '../../../src/model/assessment.js';
import {
  copiedAnswers,
  copiedFrom,
  isPublishableValue,
  publishedAssessment,
  readPublishedAssessment,
  type PublishedAssessment,
} from '../../../src/model/register/published-assessment.js';
import type { PublishedDocument } from '../../../src/model/register/published-documents.js';
import type { RegisterEntry } from '../../../src/model/register-entry.js';
import { readTrustDocument, trustCopiesFor } from '../../../src/model/register/trust-copies.js';
import { entry } from './helpers.js';

// prettier-ignore
const VALUES: Array<[string, unknown, boolean]> = [
  ['a text (and a choice, a date, a web address)', 'Padlet', true],
  ['an empty text', '', true],
  ['a number', 13, true],
  ['a number that is not one', Number.NaN, false],
  ['a list of choices', ['maths', 'art'], true],
  ['an item rating', 'partly', true],
  ['a hazard', { before: { likelihood: 3, impact: 4 }, controls: 'Moderation', after: { likelihood: 1 } }, true],
  ['a list of people', [{ name: 'Siân Jones', role: 'Teacher' }], false],
  ['an empty list of people', [], true],
  ['a sign-off', { name: 'Siân Jones', date: '2026-11-20' }, false],
  ['a sign-off with a date alone', { date: '2026-11-20' }, false],
  ['an empty object', {}, false],
  ['a hazard with something else', { before: {}, name: 'Siân' }, false],
  ['a yes or no', 'yes', true],
  ['null', null, false],
  ['true', true, false],
];

describe('published assessments', () => {
  for (const [what, value, publishable] of VALUES) {
    it(`${publishable ? 'publish' : 'never publish'} ${what}`, () => {
      expect(isPublishableValue(value)).to.equal(publishable);
    });
  }

  const assessment: Assessment = {
    id: 'assessment-1',
    form: { id: 'social-tool', version: '2.0.0' },
    tool: { name: 'Padlet', url: 'https://padlet.com' },
    answers: {
      'tool-name': { value: 'Padlet', notes: 'Asked the head' },
      'min-age': { value: 13, evidence: ['https://padlet.com/terms'] },
      owners: { value: [{ name: 'Siân Jones' }] },
      signoff: { value: { name: 'J. Evans', date: '2026-11-20' } },
      'only-notes': { notes: 'To check' },
    },
    createdAt: '2026-11-19T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    revision: 4,
    copiedFrom: { school: 'ysgol-arall', assessmentId: 'a-0', revision: 1, copiedAt: '2026-11-19T09:00:00.000Z' },
  };

  it('keep each answer’s value only: no notes, evidence, people or sign-off, nor the tool or a copy’s origin', () => {
    expect(publishedAssessment(assessment)).to.deep.equal({
      id: 'assessment-1',
      form: { id: 'social-tool', version: '2.0.0' },
      revision: 4,
      updatedAt: '2026-11-20T09:00:00.000Z',
      answers: { 'tool-name': { value: 'Padlet' }, 'min-age': { value: 13 } },
    });
  });

  const good = publishedAssessment(assessment);
  // prettier-ignore
  const READ: Array<[string, unknown, PublishedAssessment | undefined]> = [
    ['one as published', good, good],
    ['none (published before assessments were)', undefined, undefined],
    ['one with no form', { ...good, form: undefined }, undefined],
    ['one with a revision that is not a whole number', { ...good, revision: 1.5 }, undefined],
    ['one naming people', { ...good, answers: { owners: { value: [{ name: 'Siân' }] } } }, undefined],
    ['one whose answers keep notes', { ...good, answers: { a: { value: 'x', notes: 'n' } } }, { ...good, answers: { a: { value: 'x' } } }],
  ];
  for (const [what, value, read] of READ) {
    it(`read ${what}`, () => {
      expect(readPublishedAssessment(value)).to.deep.equal(read);
    });
  }

  it('are copied with the tool’s name and web address as the teacher typed them', () => {
    const form = { toolQuestions: { name: 'tool-name', url: 'tool-url' } };
    const copy: PublishedAssessment = {
      ...good,
      answers: { 'tool-name': { value: 'padlet' }, 'tool-url': { value: 'https://padlet.com' }, age: { value: 13 } },
    };
    const typed: Answers = { 'tool-name': { value: 'Padlet', notes: 'mine' }, purpose: { value: 'Old answer' } };
    expect(copiedAnswers(form, copy, typed)).to.deep.equal({
      'tool-name': { value: 'Padlet', notes: 'mine' },
      age: { value: 13 },
    });
    expect(copiedFrom('ysgol-gwyn', copy, new Date('2026-11-21T10:00:00.000Z'))).to.deep.equal({
      school: 'ysgol-gwyn',
      assessmentId: 'assessment-1',
      revision: 4,
      copiedAt: '2026-11-21T10:00:00.000Z',
    });
  });
});

describe('trust copies', () => {
  const TODAY = '2026-11-20';
  function published(school: string, fields: Partial<RegisterEntry>, formId?: string): PublishedDocument {
    const held = entry(fields);
    const assessment = publishedAssessment({
      id: `a-${school}`,
      form: { id: formId ?? '', version: '1.0.0' },
      revision: 2,
      updatedAt: '2026-11-01T09:00:00.000Z',
      answers: { age: { value: 13 } },
    });
    return {
      _id: `${school}:${held.id}`,
      school,
      entry: held,
      ...(formId ? { assessment } : {}),
      publishedAt: '2026-11-20T09:00:00.000Z',
      submissions: [],
    };
  }
  // prettier-ignore
  const PUBLISHED = [
    published('ysgol-b', { id: 'p', tool: 'Padlet', url: '', status: 'approved', decisionDate: '2026-10-01', reviewDue: '2027-10-01' }, 'social'),
    published('ysgol-a', { id: 'p', tool: 'Padlet boards', url: 'https://www.padlet.com/', status: 'not-approved', decisionDate: '2026-09-01' }, 'social'),
    published('ysgol-c', { id: 'p', tool: 'Padlet', url: '' }, 'dpia'),
    published('ysgol-d', { id: 'p', tool: 'Padlet', url: '' }),
    published('ysgol-e', { id: 'c', tool: 'Canva', url: 'https://canva.com' }, 'social'),
    published('ysgol-f', { id: 'x', tool: 'Padlet', status: 'approved', decisionDate: '2025-01-01', reviewDue: '2026-01-01' }, 'social'),
  ];
  const DOCUMENTS = PUBLISHED.flatMap((document) => readTrustDocument(document) ?? []);

  it('are read from the documents that carry an assessment, with the fields an offer needs', () => {
    expect(DOCUMENTS.map(({ school }) => school)).to.deep.equal([
      'ysgol-b',
      'ysgol-a',
      'ysgol-c',
      'ysgol-e',
      'ysgol-f',
    ]);
    expect(DOCUMENTS[0]).to.deep.equal({
      _id: 'ysgol-b:p',
      school: 'ysgol-b',
      tool: 'Padlet',
      url: '',
      status: 'approved',
      decisionDate: '2026-10-01',
      reviewDue: '2027-10-01',
      assessment: PUBLISHED[0]!.assessment,
    });
    for (const bad of [
      null,
      { ...PUBLISHED[0], entry: { ...PUBLISHED[0]!.entry, status: 'great' } },
      { _id: '_design/proforma' },
    ]) {
      expect(readTrustDocument(bad)).to.equal(undefined);
    }
  });

  // prettier-ignore
  const CASES: Array<[string, { name: string; url?: string }, string[]]> = [
    ['by name, any case and spacing', { name: ' padlet ' }, ['ysgol-b', 'ysgol-f']],
    ['by web address alone', { name: '', url: 'http://padlet.com/' }, ['ysgol-a', 'ysgol-f']],
    ['by name or by web address', { name: 'Padlet', url: 'padlet.com' }, ['ysgol-a', 'ysgol-b', 'ysgol-f']],
    ['none for a tool not named yet', { name: '  ' }, []],
    ['none for a tool the trust does not hold', { name: 'Seesaw' }, []],
    ['another tool', { name: 'Canva' }, ['ysgol-e']],
  ];
  for (const [what, tool, schools] of CASES) {
    it(`are found ${what}`, () => {
      expect(trustCopiesFor(DOCUMENTS, tool, 'social', TODAY).map(({ school }) => school)).to.deep.equal(schools);
    });
  }

  it('say each school’s decision as it stands today and its date, for assessments made with the same form', () => {
    const [a, b, f] = trustCopiesFor(DOCUMENTS, { name: 'Padlet', url: 'padlet.com' }, 'social', TODAY);
    expect(a).to.deep.include({ school: 'ysgol-a', status: 'not-approved', decisionDate: '2026-09-01' });
    expect(b).to.deep.include({ school: 'ysgol-b', status: 'approved', decisionDate: '2026-10-01', tool: 'Padlet' });
    expect(f, 'past its review date').to.deep.include({ school: 'ysgol-f', status: 'expired' });
    expect(trustCopiesFor(DOCUMENTS, { name: 'Padlet' }, 'dpia', TODAY).map(({ school }) => school)).to.deep.equal([
      'ysgol-c',
    ]);
  });
});
