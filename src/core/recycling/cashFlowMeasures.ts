/**
 * Returns the payback year: the first year from which the cumulative net cash stays at or above zero to the
 * end of the flows, or null if it ends below zero (or there are no flows). A series that never goes negative
 * pays back in its first year. `cumulative[i]` belongs to `firstYear + i`.
 *
 * @example paybackYear([-5, -2, 1, 4], 2026) // 2028
 */
export function paybackYear(cumulative: ArrayLike<number>, firstYear: number): number | null {
  const n = cumulative.length;
  if (!n || !(cumulative[n - 1] >= 0)) return null;
  let i = n - 1;
  while (i > 0 && cumulative[i - 1] >= 0) --i;
  return firstYear + i;
}

/**
 * Returns the net present value of yearly cash flows at an annual `rate`. Without `years` the flows are
 * discounted to the first flow's year (the first flow is not discounted); with `years` (`firstYear` and
 * `valuationYear`), flow i belongs to `firstYear + i` and is discounted to `valuationYear`: flows before it are
 * compounded forward, flows after it discounted. Throws `invalid rate:` unless rate > −1.
 *
 * @example netPresentValue([-10, 11], 0.1) // 0 (−10 + 11 ÷ 1.1)
 * @example netPresentValue([-10, 11], 0.1, {firstYear: 2025, valuationYear: 2026}) // 0 (−10 × 1.1 + 11)
 */
export function netPresentValue(
  flows: ArrayLike<number>,
  rate: number,
  {firstYear = 0, valuationYear = firstYear}: {firstYear?: number; valuationYear?: number} = {}
): number {
  if (!(rate > -1)) throw new Error(`invalid rate: ${rate}`);
  let npv = 0;
  let factor = (1 + rate) ** (valuationYear - firstYear);
  for (let i = 0; i < flows.length; ++i, factor /= 1 + rate) npv += flows[i] * factor;
  return npv;
}

/**
 * Returns the last year whose `amount` is above zero (USD), or null when none is: the last year of the lab's spend
 * in a deal's flows, which a built-out deal's late capacity carries past the contract's stated end.
 *
 * @example lastYearWith([{year: 2032, spend: 5}, {year: 2033, spend: 2}, {year: 2034, spend: 0}], (r) => r.spend) // 2033
 */
export function lastYearWith<T extends {year: number}>(rows: readonly T[], amount: (row: T) => number): number | null {
  for (let i = rows.length - 1; i >= 0; --i) if (amount(rows[i]) > 0) return rows[i].year;
  return null;
}
