import * as z from 'zod/mini';

/**
 * A whole number with the given checks. `multipleOf(1)` rather than `z.int()`
 * keeps zod's integer-format code off the page.
 */
export function wholeNumber(...checks: Array<z.core.CheckFn<number> | z.core.$ZodCheck<number>>) {
  return z.number().check(z.multipleOf(1), ...checks);
}
