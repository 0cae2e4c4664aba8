import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIGURES } from './figures.mjs';

test('every figure is one entry: a unique key, its row, unit, definition and measurement', () => {
  const keys = FIGURES.map((figure) => figure.key);
  assert.deepEqual(keys, [...new Set(keys)], 'no key twice');
  for (const figure of FIGURES) {
    assert.match(figure.key, /^(proforma|surveyjs|ratio)\.[A-Za-z.]+$/, figure.key);
    assert.equal(typeof figure.row, 'string', figure.key);
    assert.ok(['B', 'ms', ''].includes(figure.unit), figure.key);
    assert.ok(figure.definition.length > 20, `${figure.key} says what it measures`);
    assert.equal(typeof figure.measure, 'function', `${figure.key} says how it is measured`);
  }
});

test('the figures a byte-only run measures need no timing, and CI budgets are on them', () => {
  for (const figure of FIGURES.filter((each) => each.bytes)) {
    assert.ok(figure.unit === 'B' || figure.key.startsWith('ratio.'), figure.key);
  }
  for (const figure of FIGURES.filter((each) => each.budget?.ci)) {
    assert.equal(figure.bytes, true, `${figure.key}: CI checks it, so the byte-only run must measure it`);
  }
});
