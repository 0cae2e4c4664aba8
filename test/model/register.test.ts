import { expect } from '@open-wc/testing';
import {
  allQuestions,
  parseFormDefinition,
  resolveText,
  scoreAssessment,
  type Assessment,
  type FormDefinition,
} from '../../src/model/index.js';
import {
  STORED_STATUSES,
  RegisterEntrySchema,
  type RegisterEntry,
  type Status,
  type StoredStatus,
} from '../../src/model/register-entry.js';
import {
  RegisterRuleError,
  allowedTransitions,
  canMove,
  daysUntilReview,
  effectiveStatus,
  entryFromAssessment,
  filterEntries,
  findEntryForTool,
  isSameTool,
  moveStatus,
  reassess,
  recordDecision,
  retire,
  reviewDueDate,
  sortEntries,
  type Decision,
  type RegisterFilter,
  type RegisterRule,
  type SortKey,
} from '../../src/model/register/index.js';
import { SOCIAL_ASSESSMENT_ID, completeSocialAssessment } from '../pdf/fixtures.js';
import { answersOf, formOf, item, question, shownWhen, yesno } from './forms.js';

const BY = 'J. Evans, IT lead';
const AT = '2026-11-21T09:30:00.000Z';
const TWO_OWNERS = [
  { name: 'Łukasz Nowak', role: 'Head of computing' },
  { name: 'Siân Prydderch', role: 'Year 6 teacher' },
];

/** A register entry with only what a test is about changed. */
function entry(overrides: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    id: 'entry-1',
    tool: 'Padlet',
    url: 'https://padlet.com',
    subjects: [],
    yearGroups: [],
    status: 'under-review',
    conditions: [],
    owners: TWO_OWNERS,
    history: [{ at: '2026-11-20T10:42:00.000Z', by: 'Łukasz Nowak', action: 'imported', changes: [] }],
    ...overrides,
  };
}

/** The value frozen all the way down, so that any change to it throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The rule of the RegisterRuleError `act` throws; fails when it throws nothing or something else. */
function refusedRule(act: () => unknown): RegisterRule {
  try {
    act();
  } catch (error) {
    expect(error).to.be.instanceOf(RegisterRuleError);
    const refusal = error as RegisterRuleError;
    expect(refusal.message, 'a refusal says why').not.to.equal('');
    return refusal.rule;
  }
  expect.fail('expected a RegisterRuleError');
}

function refusal(act: () => unknown): RegisterRuleError {
  try {
    act();
  } catch (error) {
    if (error instanceof RegisterRuleError) return error;
    throw error;
  }
  expect.fail('expected a RegisterRuleError');
}

describe('status transitions', () => {
  const allowed: Record<StoredStatus, StoredStatus[]> = {
    draft: ['submitted', 'retired'],
    submitted: ['under-review', 'retired'],
    'under-review': ['approved', 'approved-with-conditions', 'not-approved', 'retired'],
    approved: ['under-review', 'retired'],
    'approved-with-conditions': ['under-review', 'retired'],
    'not-approved': ['under-review', 'retired'],
    retired: ['under-review'],
  };
  const decisions: StoredStatus[] = ['approved', 'approved-with-conditions', 'not-approved'];

  for (const from of STORED_STATUSES) {
    it(`allows ${from} → ${allowed[from].join(', ')}`, () => {
      expect([...allowedTransitions(from)]).to.have.members(allowed[from]);
    });

    for (const to of STORED_STATUSES) {
      const permitted = allowed[from].includes(to);
      if (permitted && decisions.includes(to)) {
        it(`${from} → ${to}: allowed, but only by recording a decision`, () => {
          expect(canMove(from, to)).to.equal(true);
          expect(refusedRule(() => moveStatus(entry({ status: from }), to, { by: BY, at: AT }))).to.equal(
            'decision-by-status',
          );
        });
      } else if (permitted) {
        it(`${from} → ${to}: allowed`, () => {
          const before = deepFreeze(entry({ status: from }));

          const after = moveStatus(before, to, { by: BY, at: AT, reason: 'Termly check' });

          expect(canMove(from, to)).to.equal(true);
          expect(after.status).to.equal(to);
          expect(after.history.slice(0, -1)).to.deep.equal(before.history);
          expect(after.history.at(-1)).to.deep.equal({
            at: AT,
            by: BY,
            action: 'status',
            changes: [{ field: 'status', from, to }],
            reason: 'Termly check',
          });
          expect(before.status, 'the entry given is left alone').to.equal(from);
        });
      } else {
        it(`${from} → ${to}: refused`, () => {
          expect(canMove(from, to)).to.equal(false);
          expect(refusedRule(() => moveStatus(entry({ status: from }), to, { by: BY, at: AT, reason: 'x' }))).to.equal(
            'transition',
          );
        });
      }
    }
  }

  it('names the statuses an entry could move to when it refuses a move', () => {
    const error = refusal(() => moveStatus(entry({ status: 'draft' }), 'under-review', { by: BY, at: AT }));

    expect(error.message).to.equal(
      'A tool that is draft cannot become under review; it can become submitted or retired.',
    );
  });

  it('refuses a change with nobody named as making it', () => {
    expect(refusedRule(() => moveStatus(entry({ status: 'draft' }), 'submitted', { by: '  ', at: AT }))).to.equal(
      'who',
    );
  });
});

describe('retire', () => {
  it('retires an entry with the reason in its history', () => {
    const approved = deepFreeze(entry({ status: 'approved' }));

    const retired = retire(approved, { by: BY, at: AT, reason: ' Replaced by the school blog ' });

    expect(retired.status).to.equal('retired');
    expect(retired.history.at(-1)).to.deep.equal({
      at: AT,
      by: BY,
      action: 'retired',
      changes: [{ field: 'status', from: 'approved', to: 'retired' }],
      reason: 'Replaced by the school blog',
    });
  });

  const refusals: Array<[string, StoredStatus, string, RegisterRule]> = [
    ['without a reason', 'approved', '', 'reason'],
    ['with a blank reason', 'approved', '   ', 'reason'],
    ['that is already retired', 'retired', 'Gone', 'transition'],
  ];
  for (const [what, status, reason, rule] of refusals) {
    it(`refuses to retire an entry ${what}`, () => {
      expect(refusedRule(() => retire(entry({ status }), { by: BY, at: AT, reason }))).to.equal(rule);
    });
  }

  it('needs a reason to retire through moveStatus too', () => {
    expect(refusedRule(() => moveStatus(entry({ status: 'submitted' }), 'retired', { by: BY, at: AT }))).to.equal(
      'reason',
    );
  });

  it('brings a retired tool back under review', () => {
    const retired = retire(entry({ status: 'approved' }), { by: BY, at: AT, reason: 'Licence ended' });

    expect(moveStatus(retired, 'under-review', { by: BY, at: AT }).status).to.equal('under-review');
  });
});

describe('reviewDueDate', () => {
  type Months = { approved: number; approvedWithConditions: number } | undefined;
  const cases: Array<[string, Parameters<typeof reviewDueDate>[1], Months, string | undefined]> = [
    ['2026-11-20', 'approved', undefined, '2027-11-20'],
    ['2026-11-20', 'approved-with-conditions', undefined, '2027-05-20'],
    ['2026-07-31', 'approved-with-conditions', undefined, '2027-01-31'],
    ['2026-08-31', 'approved-with-conditions', undefined, '2027-02-28'],
    ['2027-08-31', 'approved-with-conditions', undefined, '2028-02-29'],
    ['2028-02-29', 'approved', undefined, '2029-02-28'],
    ['2032-02-29', 'approved', { approved: 48, approvedWithConditions: 6 }, '2036-02-29'],
    ['2026-01-31', 'approved', { approved: 1, approvedWithConditions: 1 }, '2026-02-28'],
    ['2028-01-31', 'approved-with-conditions', { approved: 1, approvedWithConditions: 1 }, '2028-02-29'],
    ['2026-03-31', 'approved', { approved: 24, approvedWithConditions: 3 }, '2028-03-31'],
    ['2026-03-31', 'approved-with-conditions', { approved: 24, approvedWithConditions: 3 }, '2026-06-30'],
    ['2026-11-20', 'not-approved', undefined, undefined],
    ['2026-11-20', 'incomplete', undefined, undefined],
  ];
  for (const [decided, outcome, months, due] of cases) {
    const override = months ? ` with reviews after ${months.approved} / ${months.approvedWithConditions} months` : '';
    it(`${outcome} on ${decided}${override} → ${due ?? 'no review'}`, () => {
      expect(reviewDueDate(decided, outcome, months)).to.equal(due);
    });
  }

  for (const bad of ['2026-02-30', '2026-13-01', '20 Nov 2026', '']) {
    it(`refuses the decision date "${bad}"`, () => {
      expect(refusedRule(() => reviewDueDate(bad, 'approved'))).to.equal('date');
    });
  }
});

describe('effectiveStatus and daysUntilReview', () => {
  // 2027-03-01 falls 30 days after 2027-01-30 (February 2027 has 28 days).
  const cases: Array<[StoredStatus, string | undefined, string, Status, number | undefined]> = [
    ['approved', '2027-03-01', '2026-11-20', 'approved', 101],
    ['approved', '2027-03-01', '2027-01-29', 'approved', 31],
    ['approved', '2027-03-01', '2027-01-30', 'review-due', 30],
    ['approved', '2027-03-01', '2027-02-28', 'review-due', 1],
    ['approved', '2027-03-01', '2027-03-01', 'review-due', 0],
    ['approved', '2027-03-01', '2027-03-02', 'expired', -1],
    ['approved', '2027-03-01', '2028-03-01', 'expired', -366],
    ['approved-with-conditions', '2027-03-01', '2027-01-29', 'approved-with-conditions', 31],
    ['approved-with-conditions', '2027-03-01', '2027-01-30', 'review-due', 30],
    ['approved-with-conditions', '2027-03-01', '2027-03-02', 'expired', -1],
    // A leap February: 2028-01-31 is 30 days before 2028-03-01.
    ['approved', '2028-03-01', '2028-01-30', 'approved', 31],
    ['approved', '2028-03-01', '2028-01-31', 'review-due', 30],
    ['approved', undefined, '2027-03-02', 'approved', undefined],
    ['not-approved', '2027-03-01', '2027-03-02', 'not-approved', undefined],
    ['under-review', '2027-03-01', '2027-03-02', 'under-review', undefined],
    ['retired', '2027-03-01', '2027-03-02', 'retired', undefined],
    ['submitted', undefined, '2027-03-02', 'submitted', undefined],
  ];
  for (const [status, reviewDue, today, shown, days] of cases) {
    it(`${status}, review ${reviewDue ?? 'not set'}, on ${today}: ${shown}`, () => {
      const subject = reviewDue === undefined ? entry({ status }) : entry({ status, reviewDue });

      expect(effectiveStatus(subject, today)).to.equal(shown);
      expect(daysUntilReview(subject, today)).to.equal(days);
    });
  }
});

describe('recordDecision', () => {
  const decision = (overrides: Partial<Decision> = {}): Decision => ({
    outcome: 'approved',
    conditions: [],
    approver: 'Carys Jones, deputy head',
    decisionDate: '2026-11-25',
    by: BY,
    at: AT,
    ...overrides,
  });

  it('approves an entry under review, with the review date a year on', () => {
    const underReview = deepFreeze(entry());
    const snapshot = structuredClone(underReview);

    const approved = recordDecision(underReview, decision({ reason: 'Checked with the DSL' }));

    expect(approved).to.include({
      status: 'approved',
      approver: 'Carys Jones, deputy head',
      decisionDate: '2026-11-25',
      reviewDue: '2027-11-25',
    });
    expect(approved.history).to.have.length(2);
    expect(approved.history.at(-1)).to.deep.equal({
      at: AT,
      by: BY,
      action: 'decided',
      changes: [
        { field: 'status', from: 'under-review', to: 'approved' },
        { field: 'approver', to: 'Carys Jones, deputy head' },
        { field: 'decisionDate', to: '2026-11-25' },
        { field: 'reviewDue', to: '2027-11-25' },
      ],
      reason: 'Checked with the DSL',
    });
    expect(underReview, 'the entry given is left alone').to.deep.equal(snapshot);
  });

  it('lists changed conditions and a replaced decision in the history', () => {
    const reopened = entry({
      conditions: ['Send the letter home'],
      approver: 'A. Former',
      decisionDate: '2025-11-25',
      reviewDue: '2026-05-25',
    });

    const decided = recordDecision(
      reopened,
      decision({
        outcome: 'approved-with-conditions',
        conditions: ['Send the letter home', '  Test account deletion ', ''],
      }),
    );

    expect(decided.conditions).to.deep.equal(['Send the letter home', 'Test account deletion']);
    expect(decided.history.at(-1)!.changes).to.deep.equal([
      { field: 'status', from: 'under-review', to: 'approved-with-conditions' },
      { field: 'conditions', from: 'Send the letter home', to: 'Send the letter home; Test account deletion' },
      { field: 'approver', from: 'A. Former', to: 'Carys Jones, deputy head' },
      { field: 'decisionDate', from: '2025-11-25', to: '2026-11-25' },
      { field: 'reviewDue', from: '2026-05-25', to: '2027-05-25' },
    ]);
  });

  const reviewDates: Array<[string, Partial<Decision>, Parameters<typeof recordDecision>[2], string | undefined]> = [
    [
      'approval with conditions: six months',
      { outcome: 'approved-with-conditions', conditions: ['x'] },
      undefined,
      '2027-05-25',
    ],
    ["the form's review months", { outcome: 'approved' }, { approved: 24, approvedWithConditions: 3 }, '2028-11-25'],
    [
      "the form's review months, with conditions",
      { outcome: 'approved-with-conditions', conditions: ['x'] },
      { approved: 24, approvedWithConditions: 3 },
      '2027-02-25',
    ],
    ['a review date given', { outcome: 'approved', reviewDue: '2027-07-31' }, undefined, '2027-07-31'],
    ['not approved: none', { outcome: 'not-approved' }, undefined, undefined],
    [
      'not approved, even with a date given: none',
      { outcome: 'not-approved', reviewDue: '2027-07-31' },
      undefined,
      undefined,
    ],
  ];
  for (const [what, overrides, months, due] of reviewDates) {
    it(`sets the review date for ${what}`, () => {
      const decided = recordDecision(entry({ reviewDue: '2026-12-01' }), decision(overrides), months);

      expect(decided.reviewDue).to.equal(due);
    });
  }

  it('records "not approved" with one account owner', () => {
    const decided = recordDecision(
      entry({ owners: [{ name: 'Łukasz Nowak' }] }),
      decision({ outcome: 'not-approved' }),
    );

    expect(decided.status).to.equal('not-approved');
  });

  const refusals: Array<[string, Partial<RegisterEntry>, Partial<Decision>, RegisterRule]> = [
    ['approval with no account owners', { owners: [] }, {}, 'account-owners'],
    ['approval with one account owner', { owners: [{ name: 'Łukasz Nowak' }] }, {}, 'account-owners'],
    [
      'approval with conditions and one account owner',
      { owners: [{ name: 'Łukasz Nowak' }] },
      { outcome: 'approved-with-conditions', conditions: ['x'] },
      'account-owners',
    ],
    [
      'approval with the same owner named twice',
      { owners: [{ name: 'Siân Prydderch' }, { name: ' sian prydderch ' }] },
      {},
      'account-owners',
    ],
    ['approval with a blank owner', { owners: [{ name: 'Siân Prydderch' }, { name: '  ' }] }, {}, 'account-owners'],
    ['approval with conditions but none given', {}, { outcome: 'approved-with-conditions' }, 'conditions'],
    [
      'approval with only blank conditions',
      {},
      { outcome: 'approved-with-conditions', conditions: [' ', ''] },
      'conditions',
    ],
    ['a decision on a submitted entry', { status: 'submitted' }, {}, 'transition'],
    ['a decision on an approved entry', { status: 'approved' }, {}, 'transition'],
    ['a decision on a retired entry', { status: 'retired' }, { outcome: 'not-approved' }, 'transition'],
    ['a decision with no approver', {}, { approver: '  ' }, 'approver'],
    ['a decision on an impossible date', {}, { decisionDate: '2026-02-30' }, 'date'],
    ['a review date before the decision', {}, { reviewDue: '2026-11-24' }, 'date'],
    ['a review date on the day of the decision', {}, { reviewDue: '2026-11-25' }, 'date'],
    ['a decision by nobody', {}, { by: '' }, 'who'],
  ];
  for (const [what, entryOverrides, decisionOverrides, rule] of refusals) {
    it(`refuses ${what}`, () => {
      expect(refusedRule(() => recordDecision(entry(entryOverrides), decision(decisionOverrides)))).to.equal(rule);
    });
  }

  it('says which rule an approval without two owners breaks', () => {
    const error = refusal(() => recordDecision(entry({ owners: [{ name: 'Łukasz Nowak' }] }), decision()));

    expect(error.message).to.contain('at least 2 named account owners').and.to.contain('names 1');
  });
});

describe('entryFromAssessment', () => {
  let socialForm: FormDefinition;
  let assessment: Assessment;
  const FINGERPRINT = Array.from({ length: 32 }, (_, index) => index.toString(16).padStart(2, '0').toUpperCase()).join(
    ':',
  );

  before(async () => {
    socialForm = parseFormDefinition(await (await fetch('/forms/social-tool-risk-assessment.json')).json());
  });

  beforeEach(() => {
    assessment = completeSocialAssessment(socialForm);
  });

  /** The form's condition text for each question id. */
  const conditionsOf = (...ids: string[]) =>
    ids.map((id) => {
      const found = allQuestions(socialForm).find(({ question }) => question.id === id)!.question;
      return resolveText(found.kind === 'item' ? found.condition : undefined);
    });

  it('makes a submitted entry of a complete social-tool assessment', () => {
    const imported = entryFromAssessment(deepFreeze(assessment), socialForm, {
      signerFingerprint: FINGERPRINT,
      by: BY,
      at: AT,
    });

    expect(imported).to.deep.equal({
      id: SOCIAL_ASSESSMENT_ID,
      tool: 'Padlet',
      vendor: 'Wallwisher, Inc.',
      url: 'https://padlet.com',
      purpose:
        'Year 6 will keep a class wall to practise persuasive writing for a real audience.\nPupils will comment on each other’s drafts.',
      subjects: ['English', 'and the school council’s “Eco” blog'],
      yearGroups: ['Years 5 and 6', 'Years 7 to 9'],
      minimumAge: 13,
      dataCollected: "Names; Pupils' work, posts and comments; Device and usage data (for example IP address, cookies)",
      dpiaReference: 'DPIA-2026-014',
      status: 'submitted',
      outcome: 'approved-with-conditions',
      readiness: scoreAssessment(socialForm, assessment.answers).readiness,
      conditions: conditionsOf('value-shared', 'parental-consent', 'parents-notified', 'account-deletion-tested'),
      owners: TWO_OWNERS,
      assessor: 'Łukasz Nowak',
      signerFingerprint: FINGERPRINT,
      assessment,
      history: [{ at: AT, by: BY, action: 'imported', changes: [{ field: 'status', to: 'submitted' }] }],
    });
  });

  it('makes an entry the register file schema accepts', () => {
    const imported = entryFromAssessment(assessment, socialForm, { signerFingerprint: FINGERPRINT, by: BY, at: AT });

    expect(RegisterEntrySchema.safeParse(imported).success).to.equal(true);
  });

  it('keeps its own copy of the assessment', () => {
    const imported = entryFromAssessment(assessment, socialForm, { by: BY, at: AT });
    assessment.answers['tool-name'] = { value: 'Changed afterwards' };

    expect(imported.assessment!.answers['tool-name']).to.deep.equal({ value: 'Padlet' });
  });

  it('takes the id given', () => {
    expect(entryFromAssessment(assessment, socialForm, { by: BY, at: AT, id: 'entry-42' }).id).to.equal('entry-42');
  });

  it('leaves out the conditions of items hidden by the answers', () => {
    assessment.answers['under-13'] = { value: 'no' };

    const imported = entryFromAssessment(assessment, socialForm, { by: BY, at: AT });

    expect(imported.conditions).to.deep.equal(
      conditionsOf('value-shared', 'parents-notified', 'account-deletion-tested'),
    );
  });

  it('names the first signed sign-off as the assessor', () => {
    assessment.answers['signoff-assessor'] = { value: { name: 'Łukasz Nowak' } };

    expect(entryFromAssessment(assessment, socialForm, { by: BY, at: AT }).assessor).to.equal('Rhys Evans');
  });

  it('leaves out fields with no answer', () => {
    for (const id of ['dpia-reference', 'educational-objectives', 'service-minimum-age', 'personal-data-collected']) {
      delete assessment.answers[id];
    }
    delete assessment.tool.vendor;

    const imported = entryFromAssessment(assessment, socialForm, { by: BY, at: AT });

    for (const field of ['vendor', 'purpose', 'minimumAge', 'dataCollected', 'dpiaReference', 'signerFingerprint']) {
      expect(imported, field).not.to.have.property(field);
    }
    expect(imported.outcome).to.equal('incomplete');
  });

  it('reads a form with plain field ids, and no owners when no people question names owners', () => {
    const plain = formOf(
      question('text', 'tool-name'),
      question('longtext', 'purpose'),
      question('number', 'minimum-age'),
      question('people', 'pupils-involved'),
      yesno('has-dpia'),
      question('text', 'dpia-reference', shownWhen('has-dpia', 'yes')),
      item('q1', { condition: 'Check it' }),
      question('signoff', 'signoff-teacher', { role: 'Teacher' }),
    );
    const answers = answersOf({
      'tool-name': 'Seesaw',
      purpose: '  Sharing work with parents ',
      'minimum-age': 4.5,
      'pupils-involved': [{ name: 'A pupil' }],
      'has-dpia': 'no',
      'dpia-reference': 'DPIA-1',
      q1: 'met',
      'signoff-teacher': { name: 'Siân Prydderch', date: '2026-11-20' },
    });
    const small: Assessment = {
      ...assessment,
      form: { id: plain.id, version: plain.version },
      tool: { name: 'Seesaw' },
      answers,
    };

    const imported = entryFromAssessment(small, plain, { by: BY, at: AT });

    expect(imported).to.include({ tool: 'Seesaw', purpose: 'Sharing work with parents', assessor: 'Siân Prydderch' });
    expect(imported.owners, 'the people question does not name owners').to.deep.equal([]);
    expect(imported, 'not a whole number').not.to.have.property('minimumAge');
    expect(imported, 'hidden').not.to.have.property('dpiaReference');
    expect(imported.conditions).to.deep.equal([]);
  });

  const refusals: Array<[string, (a: Assessment) => Assessment, RegisterRule]> = [
    [
      'made with another form',
      (a) => ({ ...a, form: { id: 'social-media-account-request', version: '1.0.0' } }),
      'form',
    ],
    ['that does not name the tool', (a) => ({ ...a, tool: { name: '  ' } }), 'tool-name'],
  ];
  for (const [what, change, rule] of refusals) {
    it(`refuses an assessment ${what}`, () => {
      expect(refusedRule(() => entryFromAssessment(change(assessment), socialForm, { by: BY, at: AT }))).to.equal(rule);
    });
  }

  describe('reassess', () => {
    /** The entry as the register holds it after import, review and approval. */
    function approvedEntry(): RegisterEntry {
      const imported = entryFromAssessment(assessment, socialForm, {
        by: 'Łukasz Nowak',
        at: '2026-11-20T11:00:00.000Z',
      });
      const underReview = moveStatus(imported, 'under-review', { by: BY, at: '2026-11-21T09:00:00.000Z' });
      return recordDecision(underReview, {
        outcome: 'approved-with-conditions',
        conditions: imported.conditions,
        approver: 'Carys Jones',
        decisionDate: '2026-11-25',
        by: BY,
        at: '2026-11-25T14:00:00.000Z',
      });
    }

    /** The same assessment, a revision later, with the account deletion since tested. */
    function laterAssessment(): Assessment {
      const later = structuredClone(assessment);
      later.answers['account-deletion-tested'] = { value: 'met' };
      later.revision += 1;
      later.updatedAt = '2027-05-01T08:00:00.000Z';
      return later;
    }

    it('updates the entry from the fresh assessment and keeps its history', () => {
      const existing = deepFreeze(approvedEntry());
      const fresh = entryFromAssessment(laterAssessment(), socialForm, { by: BY, at: '2027-05-02T09:00:00.000Z' });

      const updated = reassess(existing, fresh, { by: BY, at: '2027-05-02T09:00:00.000Z' });

      expect(updated).to.include({
        id: existing.id,
        status: 'submitted',
        approver: 'Carys Jones',
        reviewDue: '2027-05-25',
      });
      expect(updated.assessment).to.deep.equal(fresh.assessment);
      expect(updated.conditions).to.deep.equal(conditionsOf('value-shared', 'parental-consent', 'parents-notified'));
      expect(updated.history.slice(0, -1)).to.deep.equal(existing.history);
      expect(updated.history.at(-1)).to.deep.equal({
        at: '2027-05-02T09:00:00.000Z',
        by: BY,
        action: 'reassessed',
        changes: [
          { field: 'status', from: 'approved-with-conditions', to: 'submitted' },
          { field: 'readiness', from: String(existing.readiness), to: String(fresh.readiness) },
          { field: 'conditions', from: existing.conditions.join('; '), to: fresh.conditions.join('; ') },
          {
            field: 'assessment',
            from: `${SOCIAL_ASSESSMENT_ID} (revision 42)`,
            to: `${SOCIAL_ASSESSMENT_ID} (revision 43)`,
          },
        ],
      });
    });

    it('finds the entry of the same tool by name, ignoring case, or by web address', () => {
      const padlet = entry({ id: 'padlet', tool: 'Padlet', url: 'https://padlet.com' });
      const seesaw = entry({ id: 'seesaw', tool: 'Seesaw', url: 'https://web.seesaw.me' });

      expect(findEntryForTool([seesaw, padlet], { tool: '  PADLET ', url: 'https://example.org' })?.id).to.equal(
        'padlet',
      );
      expect(
        findEntryForTool([seesaw, padlet], { tool: 'Padlet for Schools', url: 'http://www.Padlet.com/' })?.id,
      ).to.equal('padlet');
      expect(findEntryForTool([seesaw, padlet], { tool: 'Canva' })).to.equal(undefined);
    });

    const sameTool: Array<[Pick<RegisterEntry, 'tool' | 'url'>, Pick<RegisterEntry, 'tool' | 'url'>, boolean]> = [
      [{ tool: 'Padlet' }, { tool: 'padlet' }, true],
      [{ tool: 'Siân’s Blog' }, { tool: 'SIAN’S BLOG' }, true],
      [{ tool: 'Padlet', url: 'https://padlet.com' }, { tool: 'Wallwisher', url: 'padlet.com/' }, true],
      [{ tool: 'Padlet', url: 'https://padlet.com/a' }, { tool: 'Wallwisher', url: 'https://padlet.com/b' }, false],
      [{ tool: 'Padlet' }, { tool: 'Wallwisher' }, false],
      [{ tool: 'Padlet', url: '' }, { tool: 'Wallwisher', url: '' }, false],
    ];
    for (const [a, b, same] of sameTool) {
      it(`${JSON.stringify(a)} and ${JSON.stringify(b)} are ${same ? '' : 'not '}the same tool`, () => {
        expect(isSameTool(a, b)).to.equal(same);
      });
    }

    it('refuses a fresh assessment of another tool', () => {
      const other = entry({ tool: 'Seesaw', url: 'https://web.seesaw.me' });

      expect(refusedRule(() => reassess(approvedEntry(), other, { by: BY, at: AT }))).to.equal('different-tool');
    });

    it('refuses a copy of the same assessment that is not newer', () => {
      const existing = approvedEntry();
      const sameAgain = entryFromAssessment(assessment, socialForm, { by: BY, at: AT });

      expect(refusedRule(() => reassess(existing, sameAgain, { by: BY, at: AT }))).to.equal('stale-assessment');
    });

    it('takes a retired tool back to submitted', () => {
      const retired = retire(approvedEntry(), { by: BY, at: AT, reason: 'Licence ended' });
      const fresh = entryFromAssessment(laterAssessment(), socialForm, { by: BY, at: AT });

      expect(reassess(retired, fresh, { by: BY, at: AT }).status).to.equal('submitted');
    });
  });
});

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
