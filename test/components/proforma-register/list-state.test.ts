import { expect } from '@open-wc/testing';
import {
  FIRST_LIST_STATE,
  REGISTER_PAGE_SIZE,
  filterOptions,
  filtering,
  listPager,
  sortedBy,
  withFilters,
  withoutFilters,
} from '../../../src/components/proforma-register/list-state.js';
import { entry, today } from '../../register/entries.js';

const many = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    entry(`t${String(index).padStart(3, '0')}`, { tool: `Tool ${String(index).padStart(3, '0')}` }),
  );

describe('the list of tools: filters, sort and pages', () => {
  it('shows a page of rows at a time, and the last page when the list has shrunk', () => {
    const pager = listPager();
    const entries = many(REGISTER_PAGE_SIZE * 2 + 3);
    const third = pager(entries, { ...FIRST_LIST_STATE, page: 3 }, today);
    expect([third.page, third.pages, third.rows.length]).to.deep.equal([3, 3, 3]);
    const shrunk = pager(entries.slice(0, 10), { ...FIRST_LIST_STATE, page: 3 }, today);
    expect([shrunk.page, shrunk.pages, shrunk.rows.length]).to.deep.equal([1, 1, 10]);
  });

  it('goes back to the first page when a filter or the sort changes', () => {
    const onPage2 = { ...FIRST_LIST_STATE, page: 2 };
    expect(withFilters(onPage2, { status: 'approved' })).to.include({ status: 'approved', page: 1 });
    expect(sortedBy(onPage2, 'reviewDue')).to.include({ sortKey: 'reviewDue', sortDirection: 'ascending', page: 1 });
    expect(sortedBy(FIRST_LIST_STATE, 'tool').sortDirection, 'the same column again turns the order round').to.equal(
      'descending',
    );
  });

  it('filters and searches, and clears every filter but keeps the sort', () => {
    const pager = listPager();
    const entries = [entry('a', { tool: 'Padlet', status: 'approved' }), entry('b', { tool: 'Flip' })];
    const state = withFilters(sortedBy(FIRST_LIST_STATE, 'status'), { search: 'pad' });
    expect(filtering(state)).to.equal(true);
    expect(pager(entries, state, today).shown.map(({ tool }) => tool)).to.deep.equal(['Padlet']);
    const cleared = withoutFilters(state);
    expect(filtering(cleared)).to.equal(false);
    expect(cleared).to.include({ sortKey: 'status' });
  });

  it('works the list out again only when the entries, the filters or the day change', () => {
    const pager = listPager();
    const entries = many(5);
    const first = pager(entries, FIRST_LIST_STATE, today).shown;
    expect(pager(entries, FIRST_LIST_STATE, today).shown).to.equal(first);
    expect(pager([...entries], FIRST_LIST_STATE, today).shown).not.to.equal(first);
  });

  it('offers each year group, subject and owner once, whatever its case, in order', () => {
    const options = filterOptions(
      [
        entry('a', { yearGroups: ['Year 10', 'year 7 '], subjects: ['Art'] }),
        entry('b', { yearGroups: ['Year 7', 'Year 9'], subjects: ['art', 'Music'] }),
      ],
      'en-GB',
    );
    expect(options.yearGroups).to.deep.equal(['year 7', 'Year 9', 'Year 10']);
    expect(options.subjects).to.deep.equal(['Art', 'Music']);
    expect(options.owners).to.deep.equal(['Łukasz Nowak', 'Siân Jones']);
  });
});
