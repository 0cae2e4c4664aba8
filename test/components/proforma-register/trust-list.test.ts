// The trust's list: where the schools stand on a tool in one line, and the tools a search, a school
// and a status let through, a page at a time.
import { expect } from '@open-wc/testing';
import { trustSummary } from '../../../src/model/register/trust-view.js';
import { trustSummaryWords } from '../../../src/components/proforma-register/render-trust.js';
import {
  FIRST_TRUST_LIST_STATE,
  trustPager,
  withTrustFilters,
} from '../../../src/components/proforma-register/trust-list.js';
import { REGISTER_PAGE_SIZE } from '../../../src/components/proforma-register/list-state.js';
import { published } from '../../model/register/helpers.js';

const TODAY = '2026-11-20';

/** Where no school stands on a tool. */
const none = trustSummary([]);

describe('the trust list', () => {
  const lines: Array<[string, Partial<typeof none>, string]> = [
    [
      'approvals with conditions, and a refusal',
      { approved: 4, withConditions: 1, notApproved: 1 },
      'approved at 4 schools (with conditions at 1), not approved at 1 school',
    ],
    ['one approval', { approved: 1 }, 'approved at 1 school'],
    [
      'every kind of standing',
      { approved: 2, reviewDue: 1, expired: 1, inProgress: 2, retired: 1 },
      'approved at 2 schools, review due at 1 school, approval expired at 1 school, being assessed at 2 schools, retired at 1 school',
    ],
  ];
  for (const [what, counts, words] of lines) {
    it(`says where the schools stand in one line: ${what}`, () => {
      expect(trustSummaryWords({ ...none, ...counts }, 'en')).to.equal(words);
    });
  }

  it('groups the documents once, and filters them by school, status and search, a page at a time', () => {
    const documents = Array.from({ length: REGISTER_PAGE_SIZE + 5 }, (_, index) =>
      published(index % 2 ? 'ysgol-b' : 'ysgol-a', {
        id: `tool-${index}`,
        tool: `Tool ${String(index).padStart(3, '0')}`,
        url: '',
        status: index % 3 ? 'approved' : 'not-approved',
        reviewDue: index % 3 ? '2027-11-20' : undefined,
      }),
    );
    const pager = trustPager();

    const first = pager(documents, FIRST_TRUST_LIST_STATE, TODAY);
    expect(first.shown).to.have.length(REGISTER_PAGE_SIZE + 5);
    expect([first.rows.length, first.page, first.pages]).to.deep.equal([REGISTER_PAGE_SIZE, 1, 2]);
    expect(first.schools).to.deep.equal(['ysgol-a', 'ysgol-b']);
    expect(pager(documents, { ...FIRST_TRUST_LIST_STATE, page: 9 }, TODAY).page, 'the last page').to.equal(2);

    const schoolB = pager(documents, withTrustFilters(FIRST_TRUST_LIST_STATE, { school: 'ysgol-b' }), TODAY);
    expect(schoolB.shown.every((tool) => tool.schools.every(({ school }) => school === 'ysgol-b'))).to.equal(true);
    const refused = pager(documents, withTrustFilters(FIRST_TRUST_LIST_STATE, { status: 'not-approved' }), TODAY);
    expect(refused.shown.map(({ tool }) => tool))
      .to.include('Tool 003')
      .and.not.include('Tool 001');
    const searched = pager(documents, withTrustFilters(FIRST_TRUST_LIST_STATE, { search: 'tool 052' }), TODAY);
    expect(searched.shown.map(({ tool }) => tool)).to.deep.equal(['Tool 052']);
  });
});
