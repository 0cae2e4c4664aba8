// Small helpers for summarising repeated measurements.

/**
 * Median, min and max of some samples, rounded to `digits` decimals, with how many there were;
 * plus, for each `percentiles` entry p, `p<p>` (e.g. `p95`) as `percentile` gives it.
 */
export function summarise(samples, digits = 2, { percentiles = [] } = {}) {
  if (samples.length === 0) throw new Error('summarise: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const round = (value) => Number(value.toFixed(digits));
  const summary = { median: round(median), min: round(sorted[0]), max: round(sorted.at(-1)), runs: samples.length };
  for (const p of percentiles) summary[`p${p}`] = round(percentile(samples, p));
  return summary;
}

/**
 * The p-th percentile of some samples by the nearest-rank method: the smallest sample that at least
 * p % of the samples are at or below. Always one of the samples; of 30, the 95th is the 29th smallest.
 */
export function percentile(samples, p) {
  if (samples.length === 0) throw new Error('percentile: no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile: p must be above 0 and at most 100, not ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}
