import type {TornadoRow} from "./tornado.js";

/**
 * The largest levers on a figure, from its tornado (rows with every other input at its base value): the `n` rows
 * with the widest defined, non-zero swing, widest first (ties by id), each with whether its two ends lie on
 * opposite sides of zero (`crossesZero`: moving that input alone across its range can change the figure's sign).
 *
 * @example largestLevers([{id: "price", valueAtLow: -52.7, valueAtHigh: 56.2, swing: 108.9, …}, …], 2)
 * // [{id: "price", …, crossesZero: true}, …]
 */
export function largestLevers(rows: readonly TornadoRow[], n = 2): (TornadoRow & {crossesZero: boolean})[] {
  return rows
    .filter((r) => Number.isFinite(r.swing) && r.swing > 0)
    .sort((a, b) => b.swing - a.swing || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, n)
    .map((r) => ({...r, crossesZero: Math.sign(r.valueAtLow) * Math.sign(r.valueAtHigh) < 0}));
}

/** The IT renewal rule's assumption: the share of a new kit's life the term must still run for the kit to be renewed. */
export const RENEWAL_SHARE = "it-renewal-share";

/**
 * The figure at its base with the IT renewal rule's other choices, from the tornado's `it-renewal-share` row: at
 * the range's low end (renew IT whenever the term has time left) and its high end (never buy IT that outlives the
 * term), and which of them, if any, has the opposite sign to the base (`flip`: "low", "high", or null when neither
 * does; "low" first if both). Null without that row or with an undefined end.
 *
 * @example renewalCases([{id: "it-renewal-share", low: 0, high: 1, baseValue: 37.27, valueAtLow: -9.13, valueAtHigh: 48.32, …}])
 * // {base: 37.27, atLow: -9.13, atHigh: 48.32, low: 0, high: 1, flip: "low"}
 */
export function renewalCases(
  rows: readonly TornadoRow[]
): {base: number; atLow: number; atHigh: number; low: number; high: number; flip: "low" | "high" | null} | null {
  const row = rows.find((r) => r.id === RENEWAL_SHARE);
  if (!row || ![row.baseValue, row.valueAtLow, row.valueAtHigh].every(Number.isFinite)) return null;
  const opposite = (v: number) => Math.sign(v) * Math.sign(row.baseValue) < 0;
  const flip = opposite(row.valueAtLow) ? "low" : opposite(row.valueAtHigh) ? "high" : null;
  return {base: row.baseValue, atLow: row.valueAtLow, atHigh: row.valueAtHigh, low: row.low, high: row.high, flip};
}

/**
 * The present value at `rate`, to 1 January of `valuationYear`, of a sum paid in `year`, discounted as the cash NPV
 * discounts a year's flow (× (1 + rate)^(valuationYear − year)): e.g. the rent a lessee still owes after the term,
 * paid in the term's last year.
 *
 * @example presentValueAt(38.71e9, 2031, 0.1, 2026) // 38.71e9 ÷ 1.1⁵ ≈ 24.04e9
 */
export function presentValueAt(usd: number, year: number, rate: number, valuationYear: number): number {
  return usd * (1 + rate) ** (valuationYear - year);
}
