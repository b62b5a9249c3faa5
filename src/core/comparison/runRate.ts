/**
 * A commitment's dollars a year when it is several contracts (critic s9: "$ a year" was the commitment ÷ the span
 * from the first start to the last end, which understates the rate while contracts overlap: Amazon → OpenAI's $38B
 * over 7 years and $100B over 8 run together from Feb 2026 at $5.43B + $12.5B = $17.9B a year, not $138B ÷ 8.32
 * years = $16.6B). The rate is each contract's amount ÷ its own term, summed over the contracts running at once, at the
 * time when the most run together (the peak); one contract gives its amount ÷ its term.
 */
import {decimalYear} from "../commitment/decimalYear.js";

/** One contract: USD, its term in years, and its start (ISO date). */
export interface RateTerm {
  usd: number;
  years: number;
  start: string;
}

/**
 * Returns the highest dollars a year the contracts commit to at any time: at each contract's start, the sum of
 * amount ÷ term over the contracts running then (started, not yet ended). Null for none, or a term not above zero.
 *
 * @example runRateUsdPerYear([{usd: 38e9, years: 7, start: "2025-11-03"}, {usd: 100e9, years: 8, start: "2026-02-27"}]) // 17.93e9
 */
export function runRateUsdPerYear(terms: readonly RateTerm[]): number | null {
  if (!terms.length || terms.some((t) => !(t.years > 0))) return null;
  const spans = terms.map((t) => ({from: decimalYear(t.start), to: decimalYear(t.start) + t.years, rate: t.usd / t.years}));
  let peak = 0;
  for (const {from: at} of spans) {
    let sum = 0;
    for (const s of spans) if (s.from <= at && at < s.to) sum += s.rate;
    peak = Math.max(peak, sum);
  }
  return peak;
}
