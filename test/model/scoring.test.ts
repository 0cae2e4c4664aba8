import { expect } from '@open-wc/testing';
import { riskBand, scoreAssessment, type Outcome, type RiskBand } from '../../src/model/index.js';
import {
  answersOf,
  defaultScoring,
  form,
  formOf,
  formWithScoring,
  hazard,
  item,
  question,
  risk,
  section,
  shownWhen,
  yesno,
  type Json,
} from './forms.js';

/** Items `i1`…`in`, one per rating, in one section, answered with those ratings. */
function scoreItems(...ratings: string[]) {
  const ids = ratings.map((_, index) => `i${index + 1}`);
  const answers = Object.fromEntries(ids.map((id, index) => [id, ratings[index]]));
  return scoreAssessment(formOf(...ids.map((id) => item(id))), answersOf(answers));
}

/** Two sections of one item each: "strong" answered met, "weak" answered not met, weighted as given. */
function scoreWeighted(strongWeight: number, weakWeight: number) {
  const weighted = form({
    sections: [
      section('strong', [item('good')], { weight: strongWeight }),
      section('weak', [item('poor')], { weight: weakWeight }),
    ],
  });
  return scoreAssessment(weighted, answersOf({ good: 'met', poor: 'not-met' }));
}

/** One met item plus one hazard whose residual risk is likelihood × impact = `after`. */
function scoreResidual(after: [number, number], scoring: Json = {}) {
  const withHazard = formWithScoring(scoring, item('q1'), hazard('h1'));
  return scoreAssessment(withHazard, answersOf({ q1: 'met', h1: risk([5, 5], after) }));
}

describe('riskBand', () => {
  // prettier-ignore
  const bandOfProduct: Record<number, RiskBand> = {
    1: 'green', 2: 'green', 3: 'green', 4: 'green',
    5: 'amber', 6: 'amber', 8: 'amber', 9: 'amber',
    10: 'red', 12: 'red', 15: 'red', 16: 'red',
    20: 'stop', 25: 'stop',
  };

  it('the table below covers every product of two 1–5 ratings', () => {
    const products = new Set<number>();
    for (let likelihood = 1; likelihood <= 5; likelihood++) {
      for (let impact = 1; impact <= 5; impact++) products.add(likelihood * impact);
    }

    expect([...products].sort((a, b) => a - b)).to.deep.equal(Object.keys(bandOfProduct).map(Number));
  });

  for (const [product, band] of Object.entries(bandOfProduct)) {
    it(`puts residual ${product} in ${band} with the default bands`, () => {
      expect(riskBand(Number(product), defaultScoring().riskBands)).to.equal(band);
    });
  }

  const customBands = { green: 6, amber: 12, red: 20 };
  const customCases: Array<[number, RiskBand]> = [
    [6, 'green'],
    [8, 'amber'],
    [12, 'amber'],
    [15, 'red'],
    [20, 'red'],
    [25, 'stop'],
  ];
  for (const [product, band] of customCases) {
    it(`puts residual ${product} in ${band} with bands 6 / 12 / 20`, () => {
      expect(riskBand(product, customBands)).to.equal(band);
    });
  }
});

describe('scoreAssessment', () => {
  describe('readiness points', () => {
    const cases: Array<{ ratings: string[]; readiness: number; points: number; possible: number }> = [
      { ratings: ['met'], readiness: 100, points: 2, possible: 2 },
      { ratings: ['partly'], readiness: 50, points: 1, possible: 2 },
      { ratings: ['not-met'], readiness: 0, points: 0, possible: 2 },
      { ratings: ['met', 'partly'], readiness: 75, points: 3, possible: 4 },
      { ratings: ['met', 'not-applicable'], readiness: 100, points: 2, possible: 2 },
      { ratings: ['partly', 'not-applicable', 'not-applicable'], readiness: 50, points: 1, possible: 2 },
      { ratings: ['met', 'met', 'partly', 'not-met'], readiness: 62, points: 5, possible: 8 },
      { ratings: ['met', 'partly', 'partly'], readiness: 66, points: 4, possible: 6 },
    ];
    for (const { ratings, readiness, points, possible } of cases) {
      it(`${ratings.join(', ')} ⇒ ${points}/${possible} = ${readiness}%`, () => {
        const score = scoreItems(...ratings);

        expect(score.readiness, 'overall').to.equal(readiness);
        expect(score.sections[0]).to.include({ readiness, points, possible });
      });
    }
  });

  describe('section weights', () => {
    const cases: Array<{ strong: number; weak: number; readiness: number }> = [
      { strong: 1, weak: 1, readiness: 50 },
      { strong: 3, weak: 1, readiness: 75 },
      { strong: 1, weak: 3, readiness: 25 },
      { strong: 1, weak: 0, readiness: 100 },
      { strong: 0.5, weak: 1.5, readiness: 25 },
    ];
    for (const { strong, weak, readiness } of cases) {
      it(`weights ${strong} (100%) and ${weak} (0%) ⇒ ${readiness}%`, () => {
        const score = scoreWeighted(strong, weak);

        expect(score.readiness).to.equal(readiness);
        expect(
          score.sections.map((s) => s.readiness),
          'per section',
        ).to.deep.equal([100, 0]);
        expect(score.sections.map((s) => s.weight)).to.deep.equal([strong, weak]);
      });
    }

    it('averages section percentages, not pooled points', () => {
      const uneven = form({
        sections: [section('one', [item('a')]), section('three', [item('b'), item('c'), item('d')])],
      });

      const score = scoreAssessment(uneven, answersOf({ a: 'met', b: 'not-met', c: 'not-met', d: 'not-met' }));

      expect(score.readiness, 'pooled points would give 25').to.equal(50);
    });

    it('gives a section with every item not applicable no readiness and leaves it out of the total', () => {
      const twoSections = form({ sections: [section('scored', [item('a')]), section('na', [item('b'), item('c')])] });

      const score = scoreAssessment(twoSections, answersOf({ a: 'partly', b: 'not-applicable', c: 'not-applicable' }));

      expect(score.sections[1]).to.include({ readiness: null, possible: 0 });
      expect(score.readiness).to.equal(50);
    });

    it('scores nothing when every item in the form is not applicable', () => {
      const score = scoreItems('not-applicable', 'not-applicable');

      expect(score.readiness).to.equal(null);
      expect(score.outcome).to.equal('approved-with-conditions');
      expect(score.reasons).to.deep.equal([{ code: 'nothing-applicable' }]);
    });
  });

  describe('critical gate', () => {
    const critical = item('c1', { critical: true });

    it('refuses approval for a critical item not met, even with other required answers missing', () => {
      const score = scoreAssessment(formOf(critical, item('q2'), yesno('q3')), answersOf({ c1: 'not-met' }));

      expect(score.outcome).to.equal('not-approved');
      expect(score.reasons).to.deep.equal([{ code: 'critical-not-met', questionId: 'c1' }]);
      expect(score.missing).to.deep.equal(['q2', 'q3']);
      expect(score.reviewMonths).to.equal(null);
    });

    it('refuses approval for a critical item not met when everything else is met', () => {
      const ids = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9'];
      const items = ids.map((id) => item(id));
      const answers = answersOf({ c1: 'not-met', ...Object.fromEntries(ids.map((id) => [id, 'met'])) });

      const score = scoreAssessment(formOf(critical, ...items), answers);

      expect(score.readiness, 'readiness alone would approve').to.equal(90);
      expect(score.outcome).to.equal('not-approved');
    });

    it('ignores a critical item not met when it is hidden', () => {
      const hiddenCritical = item('c1', { critical: true, ...shownWhen('uses-chat', 'yes') });

      const score = scoreAssessment(
        formOf(yesno('uses-chat'), hiddenCritical, item('q2')),
        answersOf({ 'uses-chat': 'no', c1: 'not-met', q2: 'met' }),
      );

      expect(score.outcome).to.equal('approved');
      expect(score.readiness, 'the hidden item is not scored either').to.equal(100);
    });

    it('treats a critical item partly met as a weak item, not a failure', () => {
      const score = scoreAssessment(formOf(critical, item('q2')), answersOf({ c1: 'partly', q2: 'met' }));

      expect(score.outcome).to.equal('approved-with-conditions');
      expect(score.reasons).to.deep.include({ code: 'item-partly-met', questionId: 'c1' });
    });

    it('lists critical failures before residual risks that are too high', () => {
      const both = formOf(critical, hazard('h1'));

      const score = scoreAssessment(both, answersOf({ c1: 'not-met', h1: risk([5, 5], [5, 5]) }));

      expect(score.reasons.map((reason) => reason.code)).to.deep.equal(['critical-not-met', 'residual-risk-too-high']);
    });
  });

  describe('required questions', () => {
    it('is incomplete with a reason for each required question unanswered', () => {
      const score = scoreAssessment(formOf(item('q1'), item('q2'), yesno('q3')), answersOf({ q1: 'met' }));

      expect(score.outcome).to.equal('incomplete');
      expect(score.reasons).to.deep.equal([
        { code: 'required-missing', questionId: 'q2' },
        { code: 'required-missing', questionId: 'q3' },
      ]);
      expect(score.missing).to.deep.equal(['q2', 'q3']);
      expect(score.sections[0]).to.include({ required: 3, answeredRequired: 1 });
      expect(score.reviewMonths).to.equal(null);
    });

    it('does not count a hidden required question as missing', () => {
      const dependent = item('q2', shownWhen('uses-chat', 'yes'));

      const score = scoreAssessment(formOf(yesno('uses-chat'), dependent), answersOf({ 'uses-chat': 'no' }));

      expect(score.missing).to.deep.equal([]);
      expect(score.sections[0]).to.include({ required: 1, answeredRequired: 1 });
    });

    it('counts a required question as missing once it is shown', () => {
      const dependent = item('q2', shownWhen('uses-chat', 'yes'));

      const score = scoreAssessment(formOf(yesno('uses-chat'), dependent), answersOf({ 'uses-chat': 'yes' }));

      expect(score.outcome).to.equal('incomplete');
      expect(score.missing).to.deep.equal(['q2']);
    });

    it('leaves an unanswered optional item out of readiness', () => {
      const score = scoreAssessment(formOf(item('q1'), item('q2', { required: false })), answersOf({ q1: 'met' }));

      expect(score.outcome).to.equal('approved');
      expect(score.readiness).to.equal(100);
      expect(score.missing).to.deep.equal([]);
    });

    it('scores an optional item once it is answered', () => {
      const score = scoreAssessment(
        formOf(item('q1'), item('q2', { required: false })),
        answersOf({ q1: 'met', q2: 'not-met' }),
      );

      expect(score.readiness).to.equal(50);
    });
  });

  describe('readiness thresholds', () => {
    // Weighting a met section against a not-met one sets readiness to exactly the weight of the first.
    const cases: Array<{ readiness: number; outcome: Outcome; reasons: unknown[] }> = [
      {
        readiness: 80,
        outcome: 'approved',
        reasons: [
          { code: 'critical-none-failed', count: 0 },
          { code: 'readiness-met', readiness: 80, threshold: 80 },
          { code: 'residual-risk-within', band: null },
        ],
      },
      {
        readiness: 79,
        outcome: 'approved-with-conditions',
        reasons: [
          { code: 'readiness-below-approval', readiness: 79, threshold: 80 },
          { code: 'item-not-met', questionId: 'poor' },
        ],
      },
      {
        readiness: 60,
        outcome: 'approved-with-conditions',
        reasons: [
          { code: 'readiness-below-approval', readiness: 60, threshold: 80 },
          { code: 'item-not-met', questionId: 'poor' },
        ],
      },
      {
        readiness: 59,
        outcome: 'not-approved',
        reasons: [
          { code: 'readiness-too-low', readiness: 59, threshold: 60 },
          { code: 'item-not-met', questionId: 'poor' },
        ],
      },
    ];
    for (const { readiness, outcome, reasons } of cases) {
      it(`${readiness}% ⇒ ${outcome}`, () => {
        const score = scoreWeighted(readiness, 100 - readiness);

        expect(score.readiness).to.equal(readiness);
        expect(score.outcome).to.equal(outcome);
        expect(score.reasons).to.deep.equal(reasons);
      });
    }

    it('compares the exact readiness with the threshold, and shows it rounded down', () => {
      // 79.5% must not pass for the 80% that approval needs, nor be shown as 80%.
      const score = scoreWeighted(79.5, 20.5);

      expect(score.readiness).to.equal(79);
      expect(score.outcome).to.equal('approved-with-conditions');
      expect(score.reasons[0]).to.deep.equal({ code: 'readiness-below-approval', readiness: 79, threshold: 80 });
    });

    it('lists partly met items among the reasons for conditions', () => {
      const score = scoreItems('met', 'partly');

      expect(score.reasons).to.deep.equal([
        { code: 'readiness-below-approval', readiness: 75, threshold: 80 },
        { code: 'item-partly-met', questionId: 'i2' },
      ]);
    });
  });

  describe('hazards', () => {
    const cases: Array<{ after: [number, number]; band: RiskBand; outcome: Outcome; reasons: unknown[] }> = [
      { after: [1, 4], band: 'green', outcome: 'approved', reasons: [{ code: 'residual-risk-within', band: 'green' }] },
      {
        after: [1, 5],
        band: 'amber',
        outcome: 'approved-with-conditions',
        reasons: [{ code: 'residual-risk-above-approval', questionId: 'h1', residual: 5, band: 'amber' }],
      },
      {
        after: [4, 4],
        band: 'red',
        outcome: 'approved-with-conditions',
        reasons: [{ code: 'residual-risk-above-approval', questionId: 'h1', residual: 16, band: 'red' }],
      },
      {
        after: [4, 5],
        band: 'stop',
        outcome: 'not-approved',
        reasons: [{ code: 'residual-risk-too-high', questionId: 'h1', residual: 20, band: 'stop' }],
      },
    ];
    for (const { after, band, outcome, reasons } of cases) {
      it(`residual ${after[0]} × ${after[1]} (${band}) ⇒ ${outcome}`, () => {
        const score = scoreResidual(after);

        expect(score.highestResidualBand).to.equal(band);
        expect(score.outcome).to.equal(outcome);
        expect(score.reasons).to.deep.include.members(reasons);
      });
    }

    it('scores each hazard before and after controls', () => {
      const score = scoreResidual([2, 3]);

      expect(score.hazards).to.deep.equal([
        { questionId: 'h1', before: 25, after: 6, beforeBand: 'stop', afterBand: 'amber' },
      ]);
    });

    it('takes the highest residual band among several hazards', () => {
      const twoHazards = formOf(item('q1'), hazard('h1'), hazard('h2'), hazard('h3'));

      const score = scoreAssessment(
        twoHazards,
        answersOf({ q1: 'met', h1: risk([3, 3], [1, 1]), h2: risk([3, 3], [3, 3]), h3: risk([3, 3], [2, 2]) }),
      );

      expect(score.highestResidualBand).to.equal('amber');
      expect(score.reasons.map((reason) => 'questionId' in reason && reason.questionId)).to.deep.equal(['h2']);
    });

    it('refuses approval for a residual risk in stop even with required answers missing', () => {
      const score = scoreAssessment(formOf(item('q1'), hazard('h1')), answersOf({ h1: risk([5, 5], [5, 4]) }));

      expect(score.outcome).to.equal('not-approved');
      expect(score.missing).to.deep.equal(['q1']);
    });

    it('leaves a hazard with no risk after controls unanswered and out of the bands', () => {
      const score = scoreAssessment(
        formOf(item('q1'), hazard('h1')),
        answersOf({ q1: 'met', h1: risk([5, 5], undefined) }),
      );

      expect(score.outcome).to.equal('incomplete');
      expect(score.hazards[0]).to.include({ before: 25, after: null, afterBand: null });
      expect(score.highestResidualBand).to.equal(null);
    });

    it('gives no residual band to a hazard whose risk after controls is half rated', () => {
      const halfRated = { before: { likelihood: 5, impact: 5 }, after: { impact: 5 } };

      const score = scoreAssessment(formOf(item('q1'), hazard('h1')), answersOf({ q1: 'met', h1: halfRated }));

      expect(score.hazards[0]).to.include({ before: 25, after: null, afterBand: null });
      expect(score.outcome).to.equal('incomplete');
      expect(score.missing).to.deep.equal(['h1']);
    });

    it('approves a form with no hazards, with no residual band', () => {
      const score = scoreItems('met');

      expect(score.hazards).to.deep.equal([]);
      expect(score.highestResidualBand).to.equal(null);
      expect(score.outcome).to.equal('approved');
    });
  });

  describe('thresholds come from the definition', () => {
    const cases: Array<{ name: string; scoring: Json; outcome: Outcome }> = [
      { name: 'default readiness 80 / 60', scoring: {}, outcome: 'approved-with-conditions' },
      {
        name: 'readiness 70 / 50',
        scoring: { readiness: { approved: 70, approvedWithConditions: 50 } },
        outcome: 'approved',
      },
      {
        name: 'readiness 90 / 80',
        scoring: { readiness: { approved: 90, approvedWithConditions: 80 } },
        outcome: 'not-approved',
      },
    ];
    for (const { name, scoring, outcome } of cases) {
      it(`75% readiness with ${name} ⇒ ${outcome}`, () => {
        const custom = formWithScoring(scoring, item('q1'), item('q2'));

        const score = scoreAssessment(custom, answersOf({ q1: 'met', q2: 'partly' }));

        expect(score.readiness).to.equal(75);
        expect(score.outcome).to.equal(outcome);
      });
    }

    const residualCases: Array<{
      name: string;
      after: [number, number];
      scoring: Json;
      band: RiskBand;
      outcome: Outcome;
    }> = [
      { name: 'default bands', after: [2, 3], scoring: {}, band: 'amber', outcome: 'approved-with-conditions' },
      {
        name: 'green up to 6',
        after: [2, 3],
        scoring: { riskBands: { green: 6, amber: 12, red: 20 } },
        band: 'green',
        outcome: 'approved',
      },
      {
        name: 'red up to 20',
        after: [4, 5],
        scoring: { riskBands: { green: 6, amber: 12, red: 20 } },
        band: 'red',
        outcome: 'approved-with-conditions',
      },
      {
        name: 'amber allowed for approval',
        after: [3, 3],
        scoring: { residualRisk: { approved: 'amber', approvedWithConditions: 'red' } },
        band: 'amber',
        outcome: 'approved',
      },
      {
        name: 'stop allowed with conditions',
        after: [5, 5],
        scoring: { residualRisk: { approved: 'green', approvedWithConditions: 'stop' } },
        band: 'stop',
        outcome: 'approved-with-conditions',
      },
      {
        name: 'only green allowed at all',
        after: [1, 5],
        scoring: { residualRisk: { approved: 'green', approvedWithConditions: 'green' } },
        band: 'amber',
        outcome: 'not-approved',
      },
    ];
    for (const { name, after, scoring, band, outcome } of residualCases) {
      it(`residual ${after[0] * after[1]} with ${name} ⇒ ${band}, ${outcome}`, () => {
        const score = scoreResidual(after, scoring);

        expect(score.highestResidualBand).to.equal(band);
        expect(score.outcome).to.equal(outcome);
      });
    }
  });

  describe('review months', () => {
    const ownReview = { reviewMonths: { approved: 24, approvedWithConditions: 3 } };
    const cases: Array<{ ratings: string[]; scoring: Json; outcome: Outcome; months: number | null }> = [
      { ratings: ['met'], scoring: {}, outcome: 'approved', months: 12 },
      { ratings: ['met', 'partly'], scoring: {}, outcome: 'approved-with-conditions', months: 6 },
      { ratings: ['not-met'], scoring: {}, outcome: 'not-approved', months: null },
      { ratings: ['met'], scoring: ownReview, outcome: 'approved', months: 24 },
      { ratings: ['met', 'partly'], scoring: ownReview, outcome: 'approved-with-conditions', months: 3 },
      { ratings: ['not-met'], scoring: ownReview, outcome: 'not-approved', months: null },
    ];
    for (const { ratings, scoring, outcome, months } of cases) {
      const source = 'reviewMonths' in scoring ? 'the form' : 'the defaults';
      it(`${outcome} ⇒ ${String(months)} months from ${source}`, () => {
        const ids = ratings.map((_, index) => `i${index + 1}`);
        const custom = formWithScoring(scoring, ...ids.map((id) => item(id)));

        const score = scoreAssessment(
          custom,
          answersOf(Object.fromEntries(ids.map((id, index) => [id, ratings[index]]))),
        );

        expect(score.outcome).to.equal(outcome);
        expect(score.reviewMonths).to.equal(months);
      });
    }

    it('gives no review date while incomplete', () => {
      expect(scoreAssessment(formOf(item('q1')), {}).reviewMonths).to.equal(null);
    });
  });

  describe('unexpected answers', () => {
    it('ignores answers to questions the form does not have', () => {
      const answers = answersOf({ q1: 'met', ghost: 'not-met', 'old-hazard': risk([5, 5], [5, 5]) });

      const score = scoreAssessment(formOf(item('q1')), answers);

      expect(score.outcome).to.equal('approved');
      expect(score.readiness).to.equal(100);
    });

    const wrongShapes: Array<{ name: string; question: Json; value: unknown }> = [
      { name: 'an item rated "maybe"', question: item('q1'), value: 'maybe' },
      { name: 'an item rated 2', question: item('q1'), value: 2 },
      { name: 'a yes/no answered true', question: yesno('q1'), value: true },
      { name: 'a number answered "13"', question: question('number', 'q1'), value: '13' },
      { name: 'a hazard with likelihood 9', question: hazard('q1'), value: risk([5, 5], [9, 1]) },
    ];
    for (const { name, question: json, value } of wrongShapes) {
      it(`counts ${name} as unanswered`, () => {
        const score = scoreAssessment(formOf(item('q0'), json), answersOf({ q0: 'met', q1: value }));

        expect(score.outcome).to.equal('incomplete');
        expect(score.missing).to.deep.equal(['q1']);
      });
    }

    it('does not score a hazard rating of the wrong shape', () => {
      const score = scoreAssessment(formOf(hazard('h1')), answersOf({ h1: risk([5, 5], [9, 9]) }));

      expect(score.hazards[0].after).to.equal(null);
      expect(score.outcome, '81 would be "stop"').to.equal('incomplete');
    });
  });

  describe('approval', () => {
    it('gives the reasons for approval', () => {
      const strong = formOf(item('c1', { critical: true }), item('c2', { critical: true }), item('q3'), hazard('h1'));

      const score = scoreAssessment(strong, answersOf({ c1: 'met', c2: 'met', q3: 'met', h1: risk([4, 4], [1, 3]) }));

      expect(score.outcome).to.equal('approved');
      expect(score.reasons).to.deep.equal([
        { code: 'critical-none-failed', count: 2 },
        { code: 'readiness-met', readiness: 100, threshold: 80 },
        { code: 'residual-risk-within', band: 'green' },
      ]);
      expect(score.missing).to.deep.equal([]);
    });

    it('lists every condition: low readiness, weak items and residual risk above approval', () => {
      const mixed = formOf(item('q1'), item('q2'), hazard('h1'));

      const score = scoreAssessment(mixed, answersOf({ q1: 'met', q2: 'partly', h1: risk([4, 4], [2, 4]) }));

      expect(score.outcome).to.equal('approved-with-conditions');
      expect(score.reasons).to.deep.equal([
        { code: 'readiness-below-approval', readiness: 75, threshold: 80 },
        { code: 'item-partly-met', questionId: 'q2' },
        { code: 'residual-risk-above-approval', questionId: 'h1', residual: 8, band: 'amber' },
      ]);
    });
  });
});
