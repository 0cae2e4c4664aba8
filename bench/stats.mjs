// Small helpers for summarising repeated measurements.

/** Median, min and max of some samples, rounded to `digits` decimals, with how many there were. */
export function summarise(samples, digits = 2) {
  if (samples.length === 0) throw new Error('summarise: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const round = (value) => Number(value.toFixed(digits));
  return { median: round(median), min: round(sorted[0]), max: round(sorted.at(-1)), runs: samples.length };
}
