import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarise } from './stats.mjs';

test('summarise gives the median, min and max of the samples and how many there were', () => {
  assert.deepEqual(summarise([5, 1, 3]), { median: 3, min: 1, max: 5, runs: 3 });
  assert.deepEqual(summarise([4, 1, 3, 2]), { median: 2.5, min: 1, max: 4, runs: 4 });
  assert.deepEqual(summarise([0.123456], 3), { median: 0.123, min: 0.123, max: 0.123, runs: 1 });
  assert.throws(() => summarise([]), /no samples/);
});
