import {decimalYear} from "../commitment/decimalYear.js";
import type {SpendTerm, YearUsd} from "../commitment/spendByYear.js";

/** A contract's capacity built out over time, year by year ({@link buildOut}). */
export interface BuildOut {
  /** The lab's spend each year: the GW-years it uses × the price, USD; from the first year any capacity comes online. */
  perYear: YearUsd[];
  /** GW-years in use each year (the year's average GW the lab uses), same rows. */
  gw: number[];
  /** GW coming online each year (the provider's capex is sized to these), same rows. */
  builtGw: number[];
  /** When the last use ends, as a decimal year (the renewal rule's end of the term). */
  endYear: number;
}

/**
 * Returns the build-out of contracts whose deal gives no dated capacity schedule. Each contract keeps
 * G = usd ÷ years ÷ `pricePerGwYearUsd` GW busy. That capacity comes online along a straight ramp of `buildYears`,
 * which ends on the contract's start, or, when that would start the build before `notBefore` (the deal's signing; a
 * contract that started earlier was signed by its own start), starts then and ends later; a slip moves the whole ramp `slipYears` later. A commitment is consumed only as its
 * capacity exists: the lab uses what is online from the contract's start, at the price, until it has spent the
 * contract's usd, so GW-years the ramp leaves short of G are used after the contract's stated end (on schedule with
 * the ramp ending by the start, the contract's own even spread). The provider builds nothing past that. One row per
 * year, from the first year capacity comes online to the last year of any use. Throws `invalid <field>:` for a value
 * out of range.
 *
 * @example buildOut([{usd: 20e9, years: 2, start: "2027-01-01"}], {pricePerGwYearUsd: 10e9, buildYears: 2, slipYears: 0, notBefore: "2025-01-01"})
 * // G = 1 GW online along 2025–2026: builtGw [0.5, 0.5, 0, 0], gw [0, 0, 1, 1], spend [0, 0, 10e9, 10e9] for 2025–2028
 */
export function buildOut(
  terms: readonly SpendTerm[],
  {
    pricePerGwYearUsd,
    buildYears,
    slipYears,
    notBefore
  }: {pricePerGwYearUsd: number; buildYears: number; slipYears: number; notBefore: string}
): BuildOut {
  if (!(pricePerGwYearUsd > 0)) throw new Error(`invalid pricePerGwYearUsd: ${pricePerGwYearUsd}`);
  if (!(buildYears >= 0 && buildYears < Infinity)) throw new Error(`invalid buildYears: ${buildYears}`);
  if (!(slipYears >= 0 && slipYears < Infinity)) throw new Error(`invalid slipYears: ${slipYears}`);
  const signed = decimalYear(notBefore);
  if (!terms.length) return {perYear: [], gw: [], builtGw: [], endYear: signed};
  // The share of G online at time t for a ramp from `a`, and its integral from −∞ to t: GW-years online per GW.
  const share = (t: number, a: number) => (buildYears > 0 ? Math.min(1, Math.max(0, (t - a) / buildYears)) : t > a ? 1 : 0);
  const area = (t: number, a: number) =>
    buildYears > 0 ? (t <= a ? 0 : t < a + buildYears ? (t - a) ** 2 / (2 * buildYears) : t - a - buildYears / 2) : Math.max(0, t - a);
  const cut = terms.map(({usd, years, start}) => {
    if (!(usd >= 0)) throw new Error(`invalid usd: ${usd}`);
    if (!(years > 0 && years < Infinity)) throw new Error(`invalid years: ${years}`);
    const from = decimalYear(start);
    // A contract that started before the deal was announced was signed by its start: its build starts no later.
    const a = Math.max(from - buildYears, Math.min(signed, from)) + slipYears;
    // The use ends when `years` GW-years per GW are used from the start: area(to) − area(from) = years, past the ramp.
    let to = a + buildYears / 2 + years + area(from, a);
    if (Math.abs(to - Math.round(to)) < 1e-9) to = Math.round(to); // so 2026 + 10 ends in 2035, not 2036
    return {gw: usd / years / pricePerGwYearUsd, from, to, a};
  });
  const firstYear = Math.floor(Math.min(...cut.map((c) => Math.min(c.a, c.from))));
  const endYear = Math.max(...cut.map((c) => c.to));
  const lastYear = Math.ceil(endYear) - 1;
  const n = lastYear - firstYear + 1;
  const gw = new Array<number>(n).fill(0);
  const builtGw = new Array<number>(n).fill(0);
  for (const {gw: g, from, to, a} of cut) {
    for (let i = 0; i < n; ++i) {
      const y = firstYear + i;
      builtGw[i] += g * (share(Math.min(y + 1, to), a) - share(Math.min(y, to), a));
      const lo = Math.max(y, from);
      const hi = Math.min(y + 1, to);
      if (hi > lo) gw[i] += g * (area(hi, a) - area(lo, a));
    }
  }
  return {perYear: gw.map((g, i) => ({year: firstYear + i, usd: g * pricePerGwYearUsd})), gw, builtGw, endYear};
}
