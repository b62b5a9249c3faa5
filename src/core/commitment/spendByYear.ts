import {decimalYear} from "./decimalYear.js";

/** How a commitment's spend spreads over its term: evenly, ramping up to a plateau, or with delivered capacity. */
export type SpendProfile = "flat" | "ramp" | "capacity";

export const SPEND_PROFILES: readonly SpendProfile[] = ["flat", "ramp", "capacity"];

/** One commitment's total spend (USD), term (years) and first day of spend (ISO). */
export interface SpendTerm {
  usd: number;
  years: number;
  start: string;
}

/** Average capacity delivered in a calendar year, in GW (from the capacity projection). */
export interface DeliveredGw {
  year: number;
  gwAverage: number;
}

/** Spend in one calendar year, in USD. */
export interface YearUsd {
  year: number;
  usd: number;
}

export interface SpendOptions {
  /** Defaults to "flat". */
  profile?: SpendProfile;
  /** Years until spend reaches its plateau in the "ramp" profile; 0 (the default) is flat. */
  rampYears?: number;
  /** Required by the "capacity" profile. */
  deliveredGw?: readonly DeliveredGw[];
}

/** The terms cut into calendar years, computed once per deal; see {@link evaluateSpend}. */
export interface PreparedSpend {
  firstYear: number;
  yearCount: number;
  terms: {usd: number; years: number; firstIndex: number; edges: Float64Array}[];
}

/**
 * Returns the terms cut into calendar years: for each term, the offset (in the term's years) at which each
 * calendar year it touches begins and ends. Throws `invalid usd:` when negative, `invalid years:` unless
 * positive, and `invalid date:` for a bad start.
 *
 * @example prepareSpend([{usd: 1e9, years: 1, start: "2026-07-02"}]).yearCount // 2 (2026 and 2027)
 */
export function prepareSpend(terms: readonly SpendTerm[]): PreparedSpend {
  let firstYear = Infinity;
  let lastYear = -Infinity;
  const cut = terms.map(({usd, years, start}) => {
    if (!(usd >= 0)) throw new Error(`invalid usd: ${usd}`);
    if (!(years > 0 && years < Infinity)) throw new Error(`invalid years: ${years}`);
    const from = decimalYear(start);
    let to = from + years;
    if (Math.abs(to - Math.round(to)) < 1e-9) to = Math.round(to); // so 2026 + 10 ends in 2035, not 2036
    const first = Math.floor(from);
    const last = Math.ceil(to) - 1;
    const edges = new Float64Array(last - first + 2);
    for (let year = first + 1; year <= last; ++year) edges[year - first] = year - from;
    edges[edges.length - 1] = years;
    firstYear = Math.min(firstYear, first);
    lastYear = Math.max(lastYear, last);
    return {usd, years, first, edges};
  });
  if (!cut.length) return {firstYear: 0, yearCount: 0, terms: []};
  return {
    firstYear,
    yearCount: lastYear - firstYear + 1,
    terms: cut.map(({usd, years, first, edges}) => ({usd, years, firstIndex: first - firstYear, edges}))
  };
}

/**
 * Returns spend per calendar year (USD), summed over the prepared terms, one row per year from the first
 * term's first year to the last term's last year. "flat" spends evenly, so a start mid-year gets a pro-rata
 * first year and the remainder in a last, partial year. "ramp" spends at a rate rising linearly from zero to a
 * plateau reached `rampYears` into each term (a term shorter than the ramp never reaches it), same total.
 * "capacity" spreads each term's total in proportion to `deliveredGw` × the share of the year in the term;
 * years before the first delivered year count 0 GW, years after the last hold its value. Each term always
 * sums to its total. Throws `invalid profile:`, `invalid rampYears:` (negative) or `invalid deliveredGw:`
 * (missing for "capacity", a negative value, or no capacity during a term that has spend).
 *
 * @example evaluateSpend(prepareSpend([{usd: 100e9, years: 10, start: "2026-04-20"}]), {}).map((d) => d.usd)
 * // [7.014e9 (256/365 of 10e9), 10e9 × 9, 2.986e9]
 */
export function evaluateSpend(prepared: PreparedSpend, {profile = "flat", rampYears = 0, deliveredGw}: SpendOptions): YearUsd[] {
  if (!SPEND_PROFILES.includes(profile)) throw new Error(`invalid profile: ${profile}`);
  if (!(rampYears >= 0)) throw new Error(`invalid rampYears: ${rampYears}`);
  const {firstYear, yearCount} = prepared;
  // Plain arrays, not Float64Array: a typed array costs about ten times more to allocate, and this runs per draw.
  const usd = new Array<number>(yearCount).fill(0);
  const gw = profile === "capacity" ? gwByYear(deliveredGw, firstYear, yearCount) : undefined;
  for (const {usd: total, years, firstIndex, edges} of prepared.terms) {
    const count = edges.length - 1;
    if (gw) {
      let weights = 0;
      for (let i = 0; i < count; ++i) weights += gw[firstIndex + i] * (edges[i + 1] - edges[i]);
      if (!(weights > 0)) {
        if (total === 0) continue;
        throw new Error(`invalid deliveredGw: no capacity during the term from ${firstYear + firstIndex}`);
      }
      for (let i = 0; i < count; ++i) usd[firstIndex + i] += (total * gw[firstIndex + i] * (edges[i + 1] - edges[i])) / weights;
    } else {
      const ramp = profile === "ramp" ? Math.min(rampYears, years) : 0;
      for (let i = 0; i < count; ++i)
        usd[firstIndex + i] += total * (rampShare(edges[i + 1], years, ramp) - rampShare(edges[i], years, ramp));
    }
  }
  const rows: YearUsd[] = new Array(yearCount);
  for (let i = 0; i < yearCount; ++i) rows[i] = {year: firstYear + i, usd: usd[i]};
  return rows;
}

/**
 * Returns spend per calendar year (USD) for the given terms; {@link prepareSpend} then {@link evaluateSpend}.
 *
 * @example spendByYear([{usd: 2e9, years: 2, start: "2026-01-01"}]) // [{year: 2026, usd: 1e9}, {year: 2027, usd: 1e9}]
 */
export function spendByYear(terms: readonly SpendTerm[], options: SpendOptions = {}): YearUsd[] {
  return evaluateSpend(prepareSpend(terms), options);
}

/**
 * Returns the GW-years the delivered capacity supplies in each calendar year of the prepared terms (same rows as
 * {@link evaluateSpend}): the year's average delivered GW × the share of the year that some term covers (the
 * largest share when terms overlap: the same capacity serves both). Years before the first delivered year count
 * 0 GW, years after the last hold its value. Throws `invalid deliveredGw:` as {@link evaluateSpend}.
 *
 * @example deliveredGwYears(prepareSpend([{usd: 1e9, years: 1, start: "2026-07-02"}]), [{year: 2026, gwAverage: 2}, {year: 2027, gwAverage: 4}])
 * // [2 × 0.5, 4 × 0.5] (half of 2026 and half of 2027 are in the term)
 */
export function deliveredGwYears(prepared: PreparedSpend, deliveredGw: readonly DeliveredGw[]): number[] {
  const {firstYear, yearCount} = prepared;
  const gw = gwByYear(deliveredGw, firstYear, yearCount);
  const covered = new Array<number>(yearCount).fill(0);
  for (const {firstIndex, edges} of prepared.terms)
    for (let i = 0; i < edges.length - 1; ++i) covered[firstIndex + i] = Math.max(covered[firstIndex + i], edges[i + 1] - edges[i]);
  for (let i = 0; i < yearCount; ++i) covered[i] *= gw[i];
  return covered;
}

// Share of the total spent by `t` years into a term of `years`, when the rate ramps linearly from zero over
// `ramp` years (ramp ≤ years) and then stays flat: the integral of min(1, t/ramp), normalized.
function rampShare(t: number, years: number, ramp: number): number {
  if (ramp === 0) return t / years;
  const area = t <= ramp ? (t * t) / (2 * ramp) : t - ramp / 2;
  return area / (years - ramp / 2);
}

function gwByYear(deliveredGw: readonly DeliveredGw[] | undefined, firstYear: number, yearCount: number): number[] {
  if (!deliveredGw) throw new Error("invalid deliveredGw: undefined");
  const gw = new Array<number>(yearCount).fill(Number.NaN);
  let carryYear = -Infinity;
  let carry = 0;
  for (const {year, gwAverage} of deliveredGw) {
    if (!Number.isInteger(year)) throw new Error(`invalid deliveredGw: year ${year}`);
    if (!(gwAverage >= 0)) throw new Error(`invalid deliveredGw: ${gwAverage} in ${year}`);
    const index = year - firstYear;
    if (index >= 0 && index < yearCount) gw[index] = gwAverage;
    else if (index < 0 && year > carryYear) [carryYear, carry] = [year, gwAverage];
  }
  for (let i = 0; i < yearCount; ++i) {
    if (Number.isNaN(gw[i])) gw[i] = carry;
    else carry = gw[i];
  }
  return gw;
}
