import { expect } from '@open-wc/testing';
import {
  RegisterEventSchema,
  assessedFieldsOf,
  entryFromAssessment,
  entryWithHistory,
  eventsFromEntry,
  eventsFromRegister,
  parseFormDefinition,
  publishedEntry,
  registerFromEvents,
  type Assessment,
  type FormDefinition,
  type RegisterEntry,
  type RegisterEvent,
  type TrustedKey,
} from '../../../src/model/index.js';
import { completeSocialAssessment } from '../../pdf/fixtures.js';
import { moveStatus, reassess, recordDecision, retire } from './earlier-version.js';
import { FINGERPRINT, approved, entry, mixedEntries } from '../../register/entries.js';
import { IT_LEAD, KEY_B, NOW, decided, shuffled } from './log.js';

const CARRY_OVER = { at: '2026-11-30T08:00:00.000Z', by: IT_LEAD };
const TRUSTED: TrustedKey[] = [
  { name: 'Rhys Evans', role: 'Teacher', fingerprint: FINGERPRINT, addedAt: '2026-01-05T10:00:00.000Z' },
  { name: 'Siân Jones', role: 'Head of computing', fingerprint: KEY_B, addedAt: '2026-02-05T10:00:00.000Z' },
];

const fold = (events: readonly RegisterEvent[]) => registerFromEvents(events, { now: NOW });

describe('eventsFromRegister', () => {
  const registers: Array<[string, () => RegisterEntry[]]> = [
    ['the shared register entries', mixedEntries],
    [
      'entries with several changes and reasons',
      () => [
        approved('padlet', 'Padlet', '2027-01-12', {
          history: [
            ...entry('padlet').history,
            {
              at: '2026-01-11T09:00:00.000Z',
              by: 'J. Evans',
              action: 'status',
              changes: [{ field: 'status', from: 'submitted', to: 'under-review' }],
            },
            {
              at: '2026-01-12T09:00:00.000Z',
              by: 'C. Jones',
              action: 'decided',
              changes: [{ field: 'status', from: 'under-review', to: 'approved' }],
              reason: 'Meets every condition',
            },
            {
              at: '2026-03-01T09:00:00.000Z',
              by: 'J. Evans',
              action: 'imported from CSV',
              changes: [{ field: 'vendor', to: 'Wallwisher' }],
            },
          ],
          vendor: 'Wallwisher',
        }),
        entry('retired', {
          status: 'retired',
          minimumAge: 13,
          dpiaReference: 'DPIA-7',
          signerFingerprint: FINGERPRINT,
        }),
      ],
    ],
    ['a published register, whose history names nobody', () => mixedEntries().map(publishedEntry)],
  ];

  for (const [what, entries] of registers) {
    it(`carries over ${what} with every entry, history event and trusted key`, () => {
      const events = eventsFromRegister(entries(), TRUSTED, CARRY_OVER);
      for (const event of events) expect(RegisterEventSchema.safeParse(event).success, event.id).to.equal(true);
      const state = fold(shuffled(events, 7));
      expect(state.rejected).to.deep.equal([]);
      expect(state.conflicts).to.deep.equal([]);
      expect(state.entries.map(entryWithHistory)).to.have.deep.members(entries());
      expect(state.trustedKeys).to.have.deep.members(TRUSTED);
    });
  }

  it('makes the same events when a register is carried over twice, which count once', () => {
    const first = eventsFromRegister(mixedEntries(), TRUSTED, CARRY_OVER);
    const again = eventsFromRegister(mixedEntries(), TRUSTED, CARRY_OVER);
    expect(again).to.deep.equal(first);
    const state = fold([...first, ...again]);
    expect(state.rejected).to.deep.equal([]);
    expect(state.entries).to.have.length(mixedEntries().length);
  });

  it('gives an entry with no history one line saying it was carried over', () => {
    const [event, ...others] = eventsFromEntry(entry('bare', { history: [] }), CARRY_OVER);
    expect(others).to.deep.equal([]);
    expect(event).to.include({ type: 'carried-over', entryId: 'bare', at: CARRY_OVER.at, action: 'carried over' });
    expect(entryWithHistory(fold([event!]).entries[0]!).history).to.deep.equal([
      { at: CARRY_OVER.at, by: IT_LEAD.name, action: 'carried over', changes: [] },
    ]);
  });

  it('lets new events follow the last event carried over', () => {
    const kahoot = mixedEntries().find(({ id }) => id === 'kahoot')!;
    const events = eventsFromEntry(kahoot, CARRY_OVER);
    const state = fold([...events, decided('kahoot-decided', 'kahoot', events.at(-1)!.id, '2026-11-30T10:00:00.000Z')]);
    expect(state.rejected).to.deep.equal([]);
    expect(state.entries[0]).to.include({ status: 'approved', decisionDate: '2026-11-30', reviewDue: '2027-11-30' });
    expect(entryWithHistory(state.entries[0]!).history.map(({ action }) => action)).to.deep.equal([
      'imported',
      'decided',
    ]);
  });
});

describe('historyOf', () => {
  let socialForm: FormDefinition;
  let assessment: Assessment;

  before(async () => {
    socialForm = parseFormDefinition(await (await fetch('/forms/social-tool-risk-assessment.json')).json());
    assessment = completeSocialAssessment(socialForm);
  });

  it('records each event as the register recorded it before it kept a log', () => {
    const later = structuredClone(assessment);
    later.answers['account-deletion-tested'] = { value: 'met' };
    later.revision += 1;
    const signer = { name: 'Rhys Evans', fingerprint: FINGERPRINT };
    const fresh = entryFromAssessment(assessment, socialForm, {
      by: 'Łukasz Nowak',
      at: '2026-11-20T11:00:00.000Z',
      signerFingerprint: FINGERPRINT,
      signerName: 'Rhys Evans',
    });
    const reassessed = entryFromAssessment(later, socialForm, { by: 'J. Evans', at: '2027-05-02T09:00:00.000Z' });
    const decision = {
      outcome: 'approved-with-conditions',
      conditions: fresh.conditions,
      approver: 'Carys Jones',
      decisionDate: '2026-11-25',
    } as const;

    // Today's functions, each returning the entry with one more history event.
    let today = moveStatus(fresh, 'under-review', { by: 'J. Evans', at: '2026-11-21T09:00:00.000Z' });
    today = recordDecision(today, { ...decision, by: 'J. Evans', at: '2026-11-25T14:00:00.000Z' });
    today = reassess(today, reassessed, { by: 'J. Evans', at: '2027-05-02T09:00:00.000Z' });
    today = moveStatus(today, 'under-review', { by: 'J. Evans', at: '2027-05-03T09:00:00.000Z' });
    today = retire(today, {
      by: 'J. Evans',
      at: '2027-05-04T09:00:00.000Z',
      reason: ' The school chose another tool ',
    });

    const by = { name: 'J. Evans' };
    const id = fresh.id;
    const events: RegisterEvent[] = [
      {
        id: 'e1',
        type: 'imported',
        entryId: id,
        at: '2026-11-20T11:00:00.000Z',
        by: { name: 'Łukasz Nowak' },
        assessment,
        fields: assessedFieldsOf(fresh),
        signer,
      },
      { id: 'e2', type: 'review-started', entryId: id, basedOn: 'e1', at: '2026-11-21T09:00:00.000Z', by },
      { id: 'e3', type: 'decided', entryId: id, basedOn: 'e2', at: '2026-11-25T14:00:00.000Z', by, ...decision },
      {
        id: 'e4',
        type: 're-assessed',
        entryId: id,
        basedOn: 'e3',
        at: '2027-05-02T09:00:00.000Z',
        by,
        assessment: later,
        fields: assessedFieldsOf(reassessed),
      },
      { id: 'e5', type: 'review-started', entryId: id, basedOn: 'e4', at: '2027-05-03T09:00:00.000Z', by },
      {
        id: 'e6',
        type: 'retired',
        entryId: id,
        basedOn: 'e5',
        at: '2027-05-04T09:00:00.000Z',
        by,
        reason: ' The school chose another tool ',
      },
    ];
    const state = registerFromEvents(events, { now: new Date('2027-06-01T00:00:00.000Z') });
    expect(state.rejected).to.deep.equal([]);
    expect(entryWithHistory(state.entries[0]!)).to.deep.equal(today);
  });
});
