// Compares measured figures with their budgets (bench/figures.mjs). Pure: no files, no browser.

/** The statistics of a timed figure a budget may limit. */
export const STATISTICS = ['median', 'p95'];

/**
 * @typedef {object} Budget
 * @property {string} name What the budget is about, in words.
 * @property {string} figure Key of the figure it limits in `results.figures`.
 * @property {number} limit The largest value allowed.
 * @property {string} unit Unit of the figure and the limit.
 * @property {boolean} ci Whether CI checks it (byte figures only: they do not depend on machine speed).
 * @property {'median' | 'p95'} [statistic] Which statistic of a timed figure is checked; the median unless given.
 */

/**
 * The value a budget is checked against: the figure itself when it is a number, or the `statistic`
 * (its median unless given) of a timed figure (`{ median, min, max, p95?, … }`). A plain number has
 * only a median: a p95 budget on one fails as not measured.
 */
export function figureValue(figure, statistic = 'median') {
  if (typeof figure === 'number') return statistic === 'median' ? figure : undefined;
  if (figure && typeof figure === 'object' && typeof figure[statistic] === 'number') return figure[statistic];
  return undefined;
}

/**
 * Checks figures against budgets.
 *
 * @param {Record<string, unknown>} figures Measured figures by key.
 * @param {Budget[]} budgets
 * @param {{ ciOnly?: boolean }} [options] `ciOnly` checks only the budgets marked `ci`.
 * @returns {{ passed: Array<Budget & { value: number }>, failed: Array<Budget & { value: number | undefined, message: string }> }}
 *   A budget whose figure (or statistic) was not measured fails too, so that a renamed figure cannot
 *   pass unnoticed; so does one naming a statistic other than those in `STATISTICS`.
 */
export function checkBudgets(figures, budgets, { ciOnly = false } = {}) {
  const passed = [];
  const failed = [];
  for (const budget of budgets) {
    if (ciOnly && !budget.ci) continue;
    const statistic = budget.statistic ?? 'median';
    const label = `${budget.name} (${budget.figure}${statistic === 'median' ? '' : `, ${statistic}`})`;
    if (!STATISTICS.includes(statistic)) {
      failed.push({
        ...budget,
        value: undefined,
        message: `${label}: unknown statistic "${statistic}" (${STATISTICS.join(' or ')})`,
      });
      continue;
    }
    const value = figureValue(figures[budget.figure], statistic);
    if (value === undefined) {
      failed.push({ ...budget, value, message: `${label}: not measured` });
    } else if (value > budget.limit) {
      failed.push({
        ...budget,
        value,
        message: `${label}: ${formatNumber(value)} ${budget.unit} is over the budget of ${formatNumber(budget.limit)} ${budget.unit}`,
      });
    } else {
      passed.push({ ...budget, value });
    }
  }
  return { passed, failed };
}

function formatNumber(value) {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}
