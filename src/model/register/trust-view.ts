import type { RegisterEntry, Status } from '../register-entry.js';
import { dayNumber, parseDateOrThrow } from './calendar.js';
import { filterEntries, type RegisterFilter } from './filter-sort.js';
import type { PublishedDocument } from './published-documents.js';
import { statusOn } from './review-dates.js';
import { foldText, normalizeUrl } from './values.js';

// What a trust sees of its schools' published registers: each tool once, with every school's
// decision on it. Tools are one when they share a name or a web address, as the register itself
// judges (`isSameTool`), and so are two tools both one with a third.

/** One school's word on a tool. */
export interface SchoolDecision {
  school: string;
  /** The school's published entry. */
  entry: RegisterEntry;
  /** Where it stands today: "review due" and "expired" follow from its review date. */
  status: Status;
}

/** How many schools stand where on a tool: "approved at 4 schools (conditions at 1), not approved at 1". */
export interface TrustSummary {
  /** Schools that hold the tool at all. */
  schools: number;
  /** Approved, with or without conditions, review due or not, and not expired. */
  approved: number;
  /** Of those approved, how many with conditions. */
  withConditions: number;
  /** Of those approved, how many are due for review. */
  reviewDue: number;
  notApproved: number;
  /** Approval that has lapsed: past its review date. */
  expired: number;
  /** Drafted, submitted or under review: no decision yet. */
  inProgress: number;
  retired: number;
}

/** One tool across the trust's schools. */
export interface TrustTool {
  /** Stable across reads while its schools' entries keep their ids: the first of its documents' ids. */
  key: string;
  /** The name most of its schools give it (the first in the language's order when as many give each). */
  tool: string;
  /** A web address one of its schools gives. */
  url?: string;
  /** One decision per school entry, in the order of the schools' ids. */
  schools: SchoolDecision[];
  summary: TrustSummary;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const nameKey = (tool: string) => foldText(tool.trim().replace(/\s+/g, ' '));

/** The summary of where the schools stand, from their decisions' statuses today. */
export function trustSummary(decisions: readonly Pick<SchoolDecision, 'entry' | 'status'>[]): TrustSummary {
  const summary: TrustSummary = {
    schools: decisions.length,
    approved: 0,
    withConditions: 0,
    reviewDue: 0,
    notApproved: 0,
    expired: 0,
    inProgress: 0,
    retired: 0,
  };
  for (const { entry, status } of decisions) {
    if (status === 'approved' || status === 'approved-with-conditions' || status === 'review-due') {
      summary.approved += 1;
      if (entry.status === 'approved-with-conditions') summary.withConditions += 1;
      if (status === 'review-due') summary.reviewDue += 1;
    } else if (status === 'not-approved') summary.notApproved += 1;
    else if (status === 'expired') summary.expired += 1;
    else if (status === 'retired') summary.retired += 1;
    else summary.inProgress += 1;
  }
  return summary;
}

/** The index of the group `index` belongs to, shortening the path as it goes. */
function root(parents: number[], index: number): number {
  let at = index;
  while (parents[at] !== at) {
    parents[at] = parents[parents[at]!]!;
    at = parents[at]!;
  }
  return at;
}

/** The name most documents give, the first in the language's order when several are given as often. */
function commonName(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || collator.compare(a, b))[0]![0];
}

/**
 * Each tool the trust's schools publish, once, with each school's decision and where the schools
 * stand (`today` as yyyy-mm-dd, for review dates), in the order of the tools' names.
 */
export function trustTools(documents: readonly PublishedDocument[], today: string): TrustTool[] {
  const day = dayNumber(parseDateOrThrow(today, 'Today'));
  const parents = documents.map((_, index) => index);
  const firstByName = new Map<string, number>();
  const firstByUrl = new Map<string, number>();
  const join = (index: number, byKey: Map<string, number>, key: string) => {
    if (key === '') return;
    const earlier = byKey.get(key);
    if (earlier === undefined) byKey.set(key, index);
    else parents[root(parents, index)] = root(parents, earlier);
  };
  documents.forEach(({ entry }, index) => {
    join(index, firstByName, nameKey(entry.tool));
    join(index, firstByUrl, normalizeUrl(entry.url));
  });

  const groups = new Map<number, number[]>();
  documents.forEach((_, index) => {
    const group = root(parents, index);
    const members = groups.get(group);
    if (members) members.push(index);
    else groups.set(group, [index]);
  });

  const tools = [...groups.values()].map((members): TrustTool => {
    const held = members
      .map((index) => documents[index]!)
      .sort((a, b) => (a.school < b.school ? -1 : a.school > b.school ? 1 : a._id < b._id ? -1 : 1));
    const schools = held.map(({ school, entry }) => ({ school, entry, status: statusOn(entry, day) }));
    const url = held.find(({ entry }) => normalizeUrl(entry.url) !== '')?.entry.url;
    return {
      key: held.map(({ _id }) => _id).sort()[0]!,
      tool: commonName(held.map(({ entry }) => entry.tool.trim())),
      ...(url === undefined ? {} : { url }),
      schools,
      summary: trustSummary(schools),
    };
  });
  return tools.sort((a, b) => collator.compare(a.tool, b.tool) || (a.key < b.key ? -1 : 1));
}

/** The register's filters, and one school. */
export interface TrustFilter extends RegisterFilter {
  /** Only tools this school (its id) publishes; blank for all. */
  school?: string;
}

/**
 * The tools that at least one school's entry lets through every filter given (as the register's
 * list filters its own entries), in their order. A tool shown keeps all its schools.
 */
export function filterTrustTools(tools: readonly TrustTool[], filter: TrustFilter, today: string): TrustTool[] {
  const { school, ...registerFilter } = filter;
  const filtering = Object.values(registerFilter).some((value) => value !== undefined && value !== '');
  return tools.filter((tool) => {
    const decisions = school ? tool.schools.filter((decision) => decision.school === school) : tool.schools;
    if (decisions.length === 0) return false;
    if (!filtering) return true;
    return (
      filterEntries(
        decisions.map(({ entry }) => entry),
        registerFilter,
        today,
      ).length > 0
    );
  });
}

/** The schools' ids the tools name, each once, in order: for a filter by school. */
export function trustSchools(tools: readonly TrustTool[]): string[] {
  return [...new Set(tools.flatMap((tool) => tool.schools.map(({ school }) => school)))].sort();
}
