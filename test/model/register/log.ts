// Register events for the tests of the log and its fold: one tool's import, the
// moves of its workflow and a decision, each based on the event before.
import type { Assessment } from '../../../src/model/assessment.js';
import type { AssessedFields, DecidedEvent, RegisterEvent } from '../../../src/model/register/index.js';

export const NOW = new Date('2026-12-01T12:00:00.000Z');
export const IT_LEAD = { name: 'J. Evans, IT lead' };
export const TWO_OWNERS = [{ name: 'Siân Jones', role: 'Head of computing' }, { name: 'Łukasz Nowak' }];
export const KEY_A = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(
  ':',
);
export const KEY_B = Array.from({ length: 32 }, (_, i) => (255 - i).toString(16).padStart(2, '0').toUpperCase()).join(
  ':',
);

/** `2026-11-<day>` at `hour`:00 UTC. */
export const at = (day: number, hour = 9) =>
  `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

export function assessmentOf(id: string, tool: string, revision = 1): Assessment {
  return {
    id,
    form: { id: 'social-tool-risk-assessment', version: '1.0.0' },
    tool: { name: tool, url: `https://${tool.toLowerCase()}.example` },
    answers: {},
    createdAt: at(1),
    updatedAt: at(1),
    revision,
  };
}

export function fieldsOf(tool: string, changes: Partial<AssessedFields> = {}): AssessedFields {
  return {
    tool,
    url: `https://${tool.toLowerCase()}.example`,
    subjects: ['Computing'],
    yearGroups: ['Year 7'],
    outcome: 'approved',
    readiness: 90,
    conditions: [],
    owners: TWO_OWNERS,
    ...changes,
  };
}

type Extra = Record<string, unknown>;

export function imported(id: string, entryId: string, when: string, extra: Extra = {}): RegisterEvent {
  const tool = (extra['tool'] as string | undefined) ?? `Tool ${entryId}`;
  return {
    id,
    type: 'imported',
    entryId,
    at: when,
    by: IT_LEAD,
    assessment: assessmentOf(`assessment-${entryId}`, tool),
    fields: fieldsOf(tool),
    ...extra,
  } as RegisterEvent;
}

export const reviewStarted = (id: string, entryId: string, basedOn: string, when: string): RegisterEvent => ({
  id,
  type: 'review-started',
  entryId,
  basedOn,
  at: when,
  by: IT_LEAD,
});

export function decided(
  id: string,
  entryId: string,
  basedOn: string,
  when: string,
  extra: Partial<DecidedEvent> = {},
): DecidedEvent {
  return {
    id,
    type: 'decided',
    entryId,
    basedOn,
    at: when,
    by: IT_LEAD,
    outcome: 'approved',
    conditions: [],
    approver: 'Carys Jones, deputy head',
    decisionDate: when.slice(0, 10),
    ...extra,
  };
}

export const retired = (id: string, entryId: string, basedOn: string, when: string, reason = 'No longer used') =>
  ({ id, type: 'retired', entryId, basedOn, at: when, by: IT_LEAD, reason }) satisfies RegisterEvent;

/** A tool imported on the 1st, under review on the 2nd: the events, named `<entryId>-1` and `<entryId>-2`. */
export const underReview = (entryId: string): RegisterEvent[] => [
  imported(`${entryId}-1`, entryId, at(1)),
  reviewStarted(`${entryId}-2`, entryId, `${entryId}-1`, at(2)),
];

/** The same items in an order that only the seed decides (mulberry32). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
