import { expect } from '@open-wc/testing';
import {
  allQuestions,
  parseFormDefinition,
  resolveText,
  scoreAssessment,
  type Assessment,
  type FormDefinition,
} from '../../../src/model/index.js';
import { RegisterEntrySchema, type RegisterEntry } from '../../../src/model/register-entry.js';
import {
  assessedFieldsOf,
  decisionEvent,
  entryFromAssessment,
  findEntryForTool,
  historyOf,
  isSameTool,
  moveEvent,
  registerFromEvents,
  type RegisterEvent,
  type RegisterRule,
} from '../../../src/model/register/index.js';
import { SOCIAL_ASSESSMENT_ID, completeSocialAssessment } from '../../pdf/fixtures.js';
import { answersOf, formOf, item, question, shownWhen, yesno } from '../forms.js';
import { BY, AT, TWO_OWNERS, entry, deepFreeze, refusedRule } from './helpers.js';

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

  describe('re-assessing a tool', () => {
    const by = { name: BY };
    const ENTRY = 'padlet';

    /** The event importing `from`, as an import of its signed PDF records it. */
    function importEvent(from: Assessment, id: string, at: string, basedOn?: string): RegisterEvent {
      const fields = assessedFieldsOf(entryFromAssessment(from, socialForm, { by: BY, at }));
      const change = { id, entryId: ENTRY, at, by, assessment: from, fields };
      return basedOn ? { ...change, type: 're-assessed', basedOn } : { ...change, type: 'imported' };
    }

    /** The tool's events as it is imported, reviewed and approved with conditions. */
    function approvedEvents(): RegisterEvent[] {
      const imported = importEvent(assessment, 'padlet-1', '2026-11-20T11:00:00.000Z');
      const [fresh] = registerFromEvents([imported], { now: NOW }).entries;
      const review = moveEvent(fresh!, 'under-review', { by, at: '2026-11-21T09:00:00.000Z', id: 'padlet-2' });
      const [reviewed] = registerFromEvents([imported, review], { now: NOW }).entries;
      const draft = {
        outcome: 'approved-with-conditions' as const,
        conditions: fresh!.conditions,
        approver: 'Carys Jones',
        decisionDate: '2026-11-25',
      };
      const decided = decisionEvent(reviewed!, draft, { by, at: '2026-11-25T14:00:00.000Z', id: 'padlet-3' });
      return [imported, review, decided.event!];
    }

    /** The same assessment, a revision later, with the account deletion since tested. */
    function laterAssessment(): Assessment {
      const later = structuredClone(assessment);
      later.answers['account-deletion-tested'] = { value: 'met' };
      later.revision += 1;
      later.updatedAt = '2027-05-01T08:00:00.000Z';
      return later;
    }

    const NOW = new Date('2027-06-01T12:00:00.000Z');

    it('updates the entry from the fresh assessment, keeps the last decision, and lists what changed', () => {
      const events = approvedEvents();
      const [before] = registerFromEvents(events, { now: NOW }).entries;
      const reassessed = importEvent(laterAssessment(), 'padlet-4', '2027-05-02T09:00:00.000Z', 'padlet-3');

      const { entries, rejected } = registerFromEvents([...events, reassessed], { now: NOW });

      expect(rejected).to.deep.equal([]);
      const [updated] = entries;
      expect(updated).to.include({ id: ENTRY, status: 'submitted', approver: 'Carys Jones', reviewDue: '2027-05-25' });
      expect(updated!.assessment).to.deep.equal(laterAssessment());
      expect(updated!.conditions).to.deep.equal(conditionsOf('value-shared', 'parental-consent', 'parents-notified'));
      const history = historyOf(updated!);
      expect(history.slice(0, -1)).to.deep.equal(historyOf(before!));
      expect(history.at(-1)).to.deep.equal({
        at: '2027-05-02T09:00:00.000Z',
        by: BY,
        action: 'reassessed',
        changes: [
          { field: 'status', from: 'approved-with-conditions', to: 'submitted' },
          { field: 'readiness', from: String(before!.readiness), to: String(updated!.readiness) },
          { field: 'conditions', from: before!.conditions.join('; '), to: updated!.conditions.join('; ') },
          {
            field: 'assessment',
            from: `${SOCIAL_ASSESSMENT_ID} (revision 42)`,
            to: `${SOCIAL_ASSESSMENT_ID} (revision 43)`,
          },
        ],
      });
    });

    it('takes a retired tool back to submitted', () => {
      const events = approvedEvents();
      const [approved] = registerFromEvents(events, { now: NOW }).entries;
      const retired = moveEvent(approved!, 'retired', { by, at: '2027-01-10T09:00:00.000Z', reason: 'Licence ended' });
      const reassessed = importEvent(laterAssessment(), 'padlet-5', '2027-05-02T09:00:00.000Z', retired.id);

      const [entry] = registerFromEvents([...events, retired, reassessed], { now: NOW }).entries;

      expect(entry!.status).to.equal('submitted');
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
  });
});
