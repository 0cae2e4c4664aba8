// Compares measured figures with the budgets in bench/budgets.json. Pure: no files, no browser.

/**
 * @typedef {object} Budget
 * @property {string} name What the budget is about, in words.
 * @property {string} figure Key of the figure it limits in `results.figures`.
 * @property {number} limit The largest value allowed.
 * @property {string} unit Unit of the figure and the limit.
 * @property {boolean} ci Whether CI checks it (byte figures only: they do not depend on machine speed).
 */

/**
 * The value a budget is checked against: the figure itself when it is a number,
 * or its median when it is a timed figure (`{ median, min, max, … }`).
 */
export function figureValue(figure) {
  if (typeof figure === 'number') return figure;
  if (figure && typeof figure === 'object' && typeof figure.median === 'number') return figure.median;
  return undefined;
}

/**
 * Checks figures against budgets.
 *
 * @param {Record<string, unknown>} figures Measured figures by key.
 * @param {Budget[]} budgets
 * @param {{ ciOnly?: boolean }} [options] `ciOnly` checks only the budgets marked `ci`.
 * @returns {{ passed: Array<Budget & { value: number }>, failed: Array<Budget & { value: number | undefined, message: string }> }}
 *   A budget whose figure was not measured fails too, so that a renamed figure cannot pass unnoticed.
 */
export function checkBudgets(figures, budgets, { ciOnly = false } = {}) {
  const passed = [];
  const failed = [];
  for (const budget of budgets) {
    if (ciOnly && !budget.ci) continue;
    const value = figureValue(figures[budget.figure]);
    if (value === undefined) {
      failed.push({ ...budget, value, message: `${budget.name} (${budget.figure}): not measured` });
    } else if (value > budget.limit) {
      failed.push({
        ...budget,
        value,
        message: `${budget.name} (${budget.figure}): ${formatNumber(value)} ${budget.unit} is over the budget of ${formatNumber(budget.limit)} ${budget.unit}`,
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
