import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STATISTICS, checkBudgets, figureValue } from './check-budgets.mjs';
import { BUDGETS as budgets } from './figures.mjs';

/** Figures comfortably inside the start budgets. */
const figures = {
  'proforma.pageJs.gzipBytes': 20000,
  'proforma.appPageJs.gzipBytes': 40000,
  'proforma.firstRender': { median: 20, min: 18, max: 30, runs: 7 },
  'proforma.embedFirstRender': { median: 100, min: 80, max: 200, runs: 7 },
  'proforma.scoreAssessment': { median: 0.05, min: 0.04, max: 0.2, runs: 1000 },
  'proforma.autosaveWrite': { median: 10, min: 6, max: 60, runs: 30, p95: 30 },
  'proforma.draftsListRender': { median: 60, min: 50, max: 90, runs: 7 },
  'ratio.pageJs': 0.05,
  'ratio.firstRender': 0.3,
  'proforma.exportCold': { median: 500, min: 400, max: 900, runs: 7 },
  'proforma.exportWarm': { median: 200, min: 180, max: 400, runs: 14 },
  'proforma.exportFile.bytes': 60000,
  'proforma.exportJs.gzipBytes': 240000,
  'proforma.exportWorker.gzipBytes': 230000,
  'proforma.verify': { median: 20, min: 18, max: 60, runs: 7 },
  'proforma.verifyCrafted': { median: 900, min: 800, max: 1500, runs: 7 },
  'proforma.verifyCraftedLongestTask': { median: 0, min: 0, max: 60, runs: 7 },
  'proforma.registerFirstRender': { median: 150, min: 120, max: 250, runs: 7 },
  'proforma.registerSort': { median: 20, min: 15, max: 60, runs: 7 },
  'proforma.registerFilter': { median: 20, min: 15, max: 60, runs: 7 },
  'proforma.registerExportCsv': { median: 300, min: 250, max: 600, runs: 7 },
  'proforma.registerImportCsv': { median: 900, min: 800, max: 1600, runs: 7 },
  'proforma.registerFold': { median: 90, min: 80, max: 140, runs: 7 },
  'proforma.registerLogRead': { median: 150, min: 120, max: 260, runs: 7 },
  'proforma.registerLogDecide': { median: 20, min: 15, max: 45, runs: 7 },
  'proforma.registerCarryOver': { median: 3000, min: 2500, max: 4500, runs: 7 },
  'proforma.couchAdds.gzipBytes': 45000,
  'proforma.couchFirstSync': { median: 3000, min: 2500, max: 4000, runs: 7 },
  'proforma.couchChangeSeen': { median: 300, min: 200, max: 600, runs: 10 },
  'proforma.trustFirstRender': { median: 250, min: 200, max: 400, runs: 7 },
  'proforma.trustDecisionSeen': { median: 500, min: 300, max: 900, runs: 10 },
};

test('every budget names a figure, a limit, a unit and whether CI checks it', () => {
  for (const budget of budgets) {
    assert.equal(typeof budget.name, 'string', JSON.stringify(budget));
    assert.equal(typeof budget.figure, 'string', budget.name);
    assert.equal(typeof budget.limit, 'number', budget.name);
    assert.equal(typeof budget.unit, 'string', budget.name);
    assert.equal(typeof budget.ci, 'boolean', budget.name);
    if ('statistic' in budget) assert.ok(STATISTICS.includes(budget.statistic), budget.name);
  }
});

test('figures inside the real budgets pass', () => {
  const { passed, failed } = checkBudgets(figures, budgets);
  assert.deepEqual(failed, []);
  assert.equal(passed.length, budgets.length);
});

test('a lowered budget fails and names the figure over it', () => {
  const lowered = budgets.map((budget) =>
    budget.figure === 'proforma.pageJs.gzipBytes' ? { ...budget, limit: 10000 } : budget,
  );
  const { failed } = checkBudgets(figures, lowered);
  assert.equal(failed.length, 1);
  assert.equal(failed[0].figure, 'proforma.pageJs.gzipBytes');
  assert.match(failed[0].message, /default-form page JS \(proforma\.pageJs\.gzipBytes\): 20000 .* over .* 10000/);
});

test('a timed figure is checked by its median, not its slowest run', () => {
  const lowered = budgets.map((budget) =>
    budget.figure === 'proforma.firstRender' ? { ...budget, limit: 25 } : budget,
  );
  assert.deepEqual(checkBudgets(figures, lowered).failed, []);
  const tighter = lowered.map((budget) =>
    budget.figure === 'proforma.firstRender' ? { ...budget, limit: 19 } : budget,
  );
  assert.deepEqual(
    checkBudgets(figures, tighter).failed.map((failure) => failure.figure),
    ['proforma.firstRender'],
  );
});

test('a budget with statistic "p95" is checked by the p95, not the median or the slowest run', () => {
  const autosave = budgets.find((budget) => budget.figure === 'proforma.autosaveWrite');
  assert.equal(autosave.statistic, 'p95');
  // The median (10) and the p95 (30) are inside 50, the slowest run (60) is not: it passes.
  assert.deepEqual(checkBudgets(figures, [autosave]).failed, []);
  // Over the median but not the p95 would pass a median budget; the p95 budget fails and says which.
  const { failed } = checkBudgets(figures, [{ ...autosave, limit: 20 }]);
  assert.equal(failed.length, 1);
  assert.equal(failed[0].value, 30);
  assert.match(failed[0].message, /\(proforma\.autosaveWrite, p95\): 30 ms is over the budget of 20 ms/);
  assert.deepEqual(checkBudgets(figures, [{ ...autosave, limit: 20, statistic: 'median' }]).failed, []);
});

test('a p95 budget fails when the figure has no p95, and an unknown statistic fails', () => {
  const onMedians = [
    { name: 'x', figure: 'proforma.firstRender', statistic: 'p95', limit: 100, unit: 'ms', ci: false },
  ];
  assert.match(checkBudgets(figures, onMedians).failed[0].message, /x \(proforma\.firstRender, p95\): not measured/);
  const onNumber = [{ ...onMedians[0], figure: 'ratio.pageJs' }];
  assert.match(checkBudgets(figures, onNumber).failed[0].message, /not measured/);
  const typo = [{ ...onMedians[0], statistic: 'p99' }];
  assert.match(checkBudgets(figures, typo).failed[0].message, /unknown statistic "p99"/);
});

test('ciOnly checks only the byte budgets CI runs, so missing timings do not fail it', () => {
  const bytesOnly = {
    'proforma.pageJs.gzipBytes': 20000,
    'proforma.appPageJs.gzipBytes': 40000,
    'ratio.pageJs': 0.05,
    'proforma.exportWorker.gzipBytes': 230000,
  };
  const { passed, failed } = checkBudgets(bytesOnly, budgets, { ciOnly: true });
  assert.deepEqual(failed, []);
  assert.deepEqual(passed.map((budget) => budget.figure).sort(), [
    'proforma.appPageJs.gzipBytes',
    'proforma.exportWorker.gzipBytes',
    'proforma.pageJs.gzipBytes',
    'ratio.pageJs',
  ]);
});

test('a budget whose figure was not measured fails', () => {
  const { failed } = checkBudgets({}, [{ name: 'x', figure: 'renamed', limit: 1, unit: 'ms', ci: false }]);
  assert.match(failed[0].message, /x \(renamed\): not measured/);
});

test('figureValue reads numbers, medians, and the statistic asked for', () => {
  assert.equal(figureValue(3), 3);
  assert.equal(figureValue({ median: 2, min: 1, max: 5 }), 2);
  assert.equal(figureValue(undefined), undefined);
  assert.equal(figureValue({ min: 1 }), undefined);
  assert.equal(figureValue({ median: 2, min: 1, max: 5, p95: 4 }, 'p95'), 4);
  assert.equal(figureValue({ median: 2, min: 1, max: 5 }, 'p95'), undefined);
  assert.equal(figureValue(3, 'p95'), undefined);
});
