import { expect } from '@open-wc/testing';
import type { RegisterEntry } from '../../../src/model/register-entry.js';
import { isSameTool } from '../../../src/model/register/entries.js';
import type { PublishedDocument } from '../../../src/model/register/published-documents.js';
import {
  filterTrustTools,
  trustSchools,
  trustTools,
  type TrustFilter,
  type TrustSummary,
} from '../../../src/model/register/trust-view.js';
import { published } from './helpers.js';

const TODAY = '2026-11-20';

const approved: Partial<RegisterEntry> = { status: 'approved', reviewDue: '2027-11-20' };
const withConditions: Partial<RegisterEntry> = {
  status: 'approved-with-conditions',
  reviewDue: '2027-05-20',
  conditions: ['Moderate'],
};

// prettier-ignore
const DOCUMENTS: PublishedDocument[] = [
  published('ysgol-a', { id: 'padlet', tool: 'Padlet', url: 'https://padlet.com', ...approved }),
  published('ysgol-b', { id: 'p1', tool: 'padlet ', url: '', ...approved }),
  published('ysgol-c', { id: 'p2', tool: 'Padlet boards', url: 'https://www.padlet.com/', ...withConditions }),
  published('ysgol-d', { id: 'p3', tool: 'Padlet', url: undefined, status: 'approved', reviewDue: '2026-12-01' }),
  published('ysgol-e', { id: 'p4', tool: 'Padlet', url: undefined, status: 'not-approved' }),
  published('ysgol-f', { id: 'p5', tool: 'Padlet', url: undefined, status: 'approved', reviewDue: '2026-11-01' }),
  published('ysgol-a', { id: 'tiktok', tool: 'TikTok', url: 'https://tiktok.com', status: 'under-review',
    subjects: ['Media'] }),
  published('ysgol-b', { id: 'tt', tool: 'Tik Tok', url: 'tiktok.com', status: 'retired' }),
  published('ysgol-b', { id: 'canva', tool: 'Canva', url: 'https://canva.com', status: 'submitted', vendor: 'Canva Pty' }),
];

describe('the trust view', () => {
  const tools = trustTools(DOCUMENTS, TODAY);

  it('holds each tool once, grouped by name or web address, in the order of their names', () => {
    expect(tools.map(({ tool, schools }) => [tool, schools.map(({ school }) => school)])).to.deep.equal([
      ['Canva', ['ysgol-b']],
      ['Padlet', ['ysgol-a', 'ysgol-b', 'ysgol-c', 'ysgol-d', 'ysgol-e', 'ysgol-f']],
      ['Tik Tok', ['ysgol-a', 'ysgol-b']],
    ]);
  });

  it('groups as the register judges one tool: documents of one group are joined by isSameTool', () => {
    for (const { schools } of tools) {
      for (const { entry: a } of schools) {
        const linked = schools.some(({ entry: b }) => a !== b && isSameTool(a, b));
        expect(linked || schools.length === 1, a.tool).to.equal(true);
      }
    }
  });

  const summaries: Array<[string, Partial<TrustSummary>]> = [
    ['Padlet', { schools: 6, approved: 4, withConditions: 1, reviewDue: 1, notApproved: 1, expired: 1 }],
    ['Tik Tok', { schools: 2, inProgress: 1, retired: 1, approved: 0 }],
    ['Canva', { schools: 1, inProgress: 1 }],
  ];
  for (const [tool, expected] of summaries) {
    it(`sums up where the schools stand on ${tool}`, () => {
      const summary = tools.find((found) => found.tool === tool)!.summary;
      expect(summary).to.include(expected);
    });
  }

  it('gives each school its status today and keeps its conditions and review date', () => {
    const padlet = tools.find(({ tool }) => tool === 'Padlet')!;
    expect(padlet.schools.map(({ status }) => status)).to.deep.equal([
      'approved',
      'approved',
      'approved-with-conditions',
      'review-due',
      'not-approved',
      'expired',
    ]);
    expect(padlet.schools[2]!.entry.conditions).to.deep.equal(['Moderate']);
    expect(padlet.schools[2]!.entry.reviewDue).to.equal('2027-05-20');
    expect(padlet.url).to.equal('https://padlet.com');
    expect(padlet.key).to.equal('ysgol-a:padlet');
  });

  it('lists the schools once each, in order', () => {
    expect(trustSchools(tools)).to.deep.equal(['ysgol-a', 'ysgol-b', 'ysgol-c', 'ysgol-d', 'ysgol-e', 'ysgol-f']);
  });

  it('reads nothing as no tools', () => {
    expect(trustTools([], TODAY)).to.deep.equal([]);
  });

  const filters: Array<[TrustFilter, string[]]> = [
    [{}, ['Canva', 'Padlet', 'Tik Tok']],
    [{ search: 'padlet' }, ['Padlet']],
    [{ search: 'canva pty' }, ['Canva']],
    [{ status: 'not-approved' }, ['Padlet']],
    [{ status: 'retired' }, ['Tik Tok']],
    [{ status: 'expired' }, ['Padlet']],
    [{ subject: 'media' }, ['Tik Tok']],
    [{ school: 'ysgol-b' }, ['Canva', 'Padlet', 'Tik Tok']],
    [{ school: 'ysgol-c' }, ['Padlet']],
    [{ school: 'ysgol-c', status: 'not-approved' }, []],
    [{ school: 'ysgol-e', status: 'not-approved' }, ['Padlet']],
    [{ school: 'nowhere' }, []],
    [{ search: 'moderate' }, ['Padlet']],
  ];
  for (const [filter, expected] of filters) {
    it(`filters ${JSON.stringify(filter)}`, () => {
      expect(filterTrustTools(tools, filter, TODAY).map(({ tool }) => tool)).to.deep.equal(expected);
    });
  }
});
