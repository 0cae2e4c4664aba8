import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { checkBudgets, figureValue } from './check-budgets.mjs';

const { budgets } = JSON.parse(await readFile(new URL('./budgets.json', import.meta.url), 'utf8'));

/** Figures comfortably inside the start budgets. */
const figures = {
  'proforma.pageJs.gzipBytes': 20000,
  'proforma.firstRender': { median: 20, min: 18, max: 30, runs: 7 },
  'proforma.scoreAssessment': { median: 0.05, min: 0.04, max: 0.2, runs: 1000 },
  'ratio.pageJs': 0.05,
  'ratio.firstRender': 0.3,
};

test('every budget names a figure, a limit, a unit and whether CI checks it', () => {
  for (const budget of budgets) {
    assert.equal(typeof budget.name, 'string', JSON.stringify(budget));
    assert.equal(typeof budget.figure, 'string', budget.name);
    assert.equal(typeof budget.limit, 'number', budget.name);
    assert.equal(typeof budget.unit, 'string', budget.name);
    assert.equal(typeof budget.ci, 'boolean', budget.name);
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

test('ciOnly checks only the byte budgets CI runs, so missing timings do not fail it', () => {
  const bytesOnly = { 'proforma.pageJs.gzipBytes': 20000, 'ratio.pageJs': 0.05 };
  const { passed, failed } = checkBudgets(bytesOnly, budgets, { ciOnly: true });
  assert.deepEqual(failed, []);
  assert.deepEqual(passed.map((budget) => budget.figure).sort(), ['proforma.pageJs.gzipBytes', 'ratio.pageJs']);
});

test('a budget whose figure was not measured fails', () => {
  const { failed } = checkBudgets({}, [{ name: 'x', figure: 'renamed', limit: 1, unit: 'ms', ci: false }]);
  assert.match(failed[0].message, /x \(renamed\): not measured/);
});

test('figureValue reads numbers and medians only', () => {
  assert.equal(figureValue(3), 3);
  assert.equal(figureValue({ median: 2, min: 1, max: 5 }), 2);
  assert.equal(figureValue(undefined), undefined);
  assert.equal(figureValue({ min: 1 }), undefined);
});
