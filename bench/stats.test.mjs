import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentile, summarise } from './stats.mjs';

test('summarise gives the median, min and max of the samples and how many there were', () => {
  assert.deepEqual(summarise([5, 1, 3]), { median: 3, min: 1, max: 5, runs: 3 });
  assert.deepEqual(summarise([4, 1, 3, 2]), { median: 2.5, min: 1, max: 4, runs: 4 });
  assert.deepEqual(summarise([0.123456], 3), { median: 0.123, min: 0.123, max: 0.123, runs: 1 });
  assert.throws(() => summarise([]), /no samples/);
});

test('summarise adds the percentiles asked for', () => {
  const samples = Array.from({ length: 30 }, (_, i) => 30 - i + 0.004);
  assert.deepEqual(summarise(samples, 2, { percentiles: [95] }), {
    median: 15.5,
    min: 1,
    max: 30,
    runs: 30,
    p95: 29,
  });
});

test('percentile is the nearest-rank sample', () => {
  const samples = Array.from({ length: 30 }, (_, i) => i + 1).reverse();
  assert.equal(percentile(samples, 95), 29);
  assert.equal(percentile(samples, 50), 15);
  assert.equal(percentile(samples, 100), 30);
  assert.equal(
    percentile(
      Array.from({ length: 20 }, (_, i) => i + 1),
      95,
    ),
    19,
  );
  assert.equal(percentile([7], 95), 7);
  assert.throws(() => percentile([], 95), /no samples/);
  assert.throws(() => percentile([1], 0), /above 0/);
});
