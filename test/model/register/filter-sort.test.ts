import { expect } from '@open-wc/testing';
import { type RegisterEntry } from '../../../src/model/register-entry.js';
import { filterEntries, sortEntries, type RegisterFilter, type SortKey } from '../../../src/model/register/index.js';
import { entry, deepFreeze } from './helpers.js';

describe('filterEntries and sortEntries', () => {
  const TODAY = '2026-11-20';
  // prettier-ignore
  const ENTRIES: RegisterEntry[] = deepFreeze([
    entry({ id: 'padlet', tool: 'Padlet', vendor: 'Wallwisher, Inc.', purpose: 'Persuasive writing', status: 'approved',
      outcome: 'approved-with-conditions', readiness: 84, reviewDue: '2027-11-20', yearGroups: ['Years 5 and 6'],
      subjects: ['English'], conditions: ['Send the letter home'] }),
    entry({ id: 'seesaw', tool: 'Seesaw', status: 'approved-with-conditions', outcome: 'approved-with-conditions',
      readiness: 72, reviewDue: '2026-12-10', yearGroups: ['Years 1 and 2'], subjects: ['Maths', 'English'],
      owners: [{ name: 'Gwyn Hughes' }, { name: 'Rhys Evans' }] }),
    entry({ id: 'canva', tool: 'Canva', status: 'approved', outcome: 'approved', readiness: 90, reviewDue: '2027-01-15',
      yearGroups: ['Years 7 to 9'], owners: [{ name: 'Carys Jones' }, { name: 'Rhys Evans' }] }),
    entry({ id: 'kahoot', tool: 'Kahoot!', status: 'approved', outcome: 'approved', readiness: 81,
      reviewDue: '2026-11-01', owners: [] }),
    entry({ id: 'tiktok', tool: 'TikTok', status: 'not-approved', outcome: 'not-approved', readiness: 40, owners: [] }),
    entry({ id: 'flip', tool: 'Flip', status: 'submitted', outcome: 'incomplete', readiness: null, owners: [] }),
    entry({ id: 'blogger', tool: 'blogger', status: 'retired', reviewDue: '2026-11-01', owners: [] }),
  ]);
  const ids = (entries: RegisterEntry[]) => entries.map((e) => e.id);
  const ALL = ids(ENTRIES);

  const filters: Array<[RegisterFilter, string[]]> = [
    [{}, ALL],
    [{ status: 'approved' }, ['padlet', 'canva']],
    [{ status: 'review-due' }, ['seesaw']],
    [{ status: 'expired' }, ['kahoot']],
    [{ status: 'retired' }, ['blogger']],
    [{ outcome: 'approved' }, ['canva', 'kahoot']],
    [{ outcome: 'incomplete' }, ['flip']],
    [{ reviewWithinDays: 30 }, ['seesaw']],
    [{ reviewWithinDays: 60 }, ['seesaw', 'canva']],
    [{ reviewWithinDays: 90 }, ['seesaw', 'canva']],
    [{ overdue: true }, ['kahoot']],
    [{ overdue: false }, ALL.filter((id) => id !== 'kahoot')],
    [{ yearGroup: 'years 5 AND 6' }, ['padlet']],
    [{ yearGroup: '' }, ALL],
    [{ subject: 'english' }, ['padlet', 'seesaw']],
    [{ owner: 'sian prydderch' }, ['padlet']],
    [{ owner: 'Rhys Evans' }, ['seesaw', 'canva']],
    [{ search: 'WALLWISHER' }, ['padlet']],
    [{ search: 'letter home' }, ['padlet']],
    [{ search: 'persuasive' }, ['padlet']],
    [{ search: 'lukasz' }, ['padlet']],
    [{ search: 'rhys' }, ['seesaw', 'canva']],
    [{ search: 'rhys canva' }, ['canva']],
    [{ search: '  ' }, ALL],
    [{ status: 'approved', subject: 'English' }, ['padlet']],
  ];
  for (const [filter, expected] of filters) {
    it(`filters ${JSON.stringify(filter)} → ${expected.join(', ') || 'nothing'}`, () => {
      expect(ids(filterEntries(ENTRIES, filter, TODAY))).to.deep.equal(expected);
    });
  }

  const sorts: Array<[SortKey, 'ascending' | 'descending', string | undefined, string[]]> = [
    ['tool', 'ascending', undefined, ['blogger', 'canva', 'flip', 'kahoot', 'padlet', 'seesaw', 'tiktok']],
    ['tool', 'descending', undefined, ['tiktok', 'seesaw', 'padlet', 'kahoot', 'flip', 'canva', 'blogger']],
    ['readiness', 'ascending', undefined, ['tiktok', 'seesaw', 'kahoot', 'padlet', 'canva', 'flip', 'blogger']],
    ['readiness', 'descending', undefined, ['canva', 'padlet', 'kahoot', 'seesaw', 'tiktok', 'flip', 'blogger']],
    ['reviewDue', 'ascending', undefined, ['kahoot', 'blogger', 'seesaw', 'canva', 'padlet', 'tiktok', 'flip']],
    ['reviewDue', 'descending', undefined, ['padlet', 'canva', 'seesaw', 'kahoot', 'blogger', 'tiktok', 'flip']],
    ['outcome', 'ascending', undefined, ['canva', 'kahoot', 'padlet', 'seesaw', 'tiktok', 'flip', 'blogger']],
    ['outcome', 'descending', undefined, ['flip', 'tiktok', 'padlet', 'seesaw', 'canva', 'kahoot', 'blogger']],
    ['status', 'ascending', undefined, ['flip', 'padlet', 'canva', 'kahoot', 'seesaw', 'tiktok', 'blogger']],
    ['status', 'ascending', TODAY, ['flip', 'padlet', 'canva', 'seesaw', 'kahoot', 'tiktok', 'blogger']],
  ];
  for (const [key, direction, today, expected] of sorts) {
    it(`sorts by ${key}, ${direction}${today ? ', as seen today' : ''}`, () => {
      expect(ids(sortEntries(ENTRIES, key, direction, today))).to.deep.equal(expected);
    });
  }

  it('keeps the order of entries that sort alike, in either direction', () => {
    const alike = [entry({ id: 'first', tool: 'Padlet' }), entry({ id: 'second', tool: 'padlet' })];

    expect(ids(sortEntries(alike, 'tool', 'ascending'))).to.deep.equal(['first', 'second']);
    expect(ids(sortEntries(alike, 'tool', 'descending'))).to.deep.equal(['first', 'second']);
  });

  it('returns new arrays and leaves the entries given alone', () => {
    expect(sortEntries(ENTRIES, 'tool', 'ascending')).not.to.equal(ENTRIES);
    expect(filterEntries(ENTRIES, {}, TODAY)).not.to.equal(ENTRIES);
    expect(ids(ENTRIES)).to.deep.equal(ALL);
  });

  it('finds the right entries among 10,000 (speed is measured by the bench, not here)', () => {
    const many = Array.from({ length: 10_000 }, (_, index) =>
      entry({
        id: `entry-${index}`,
        tool: `Tool ${index}`,
        status: index % 3 === 0 ? 'approved' : 'submitted',
        reviewDue: `2027-${String((index % 12) + 1).padStart(2, '0')}-15`,
        readiness: index % 101,
        conditions: [`Condition ${index}`],
      }),
    );

    const found = sortEntries(filterEntries(many, { search: 'tool 9999' }, TODAY), 'tool', 'ascending', TODAY);

    expect(ids(found)).to.deep.equal(['entry-9999']);
  });
});
