import type {YearUsd} from "../commitment/spendByYear.js";

/**
 * Returns the lab's spend by calendar year as the cash model takes it (the `spend` of each row of a deal's recycling
 * flows, USD), from its first year of spend to its last: the schedule behind every cash NPV and payback year, which
 * can differ from the commitment's own spread (`commitment.perYear`, even over the contract's term) when the
 * capacity is built out and the lab's spend follows it (critic s14 #3: Microsoft → OpenAI's chart ran 2025–2032,
 * its cash model 2025–2033). Years of no spend inside the span are kept as 0, so the rows are one per year. Empty
 * when no row has spend.
 *
 * @example cashSpendByYear([{year: 2026, spend: 0}, {year: 2027, spend: 5e9}, {year: 2028, spend: 0}, {year: 2029, spend: 2e9}, {year: 2030, spend: 0}])
 * // [{year: 2027, usd: 5e9}, {year: 2028, usd: 0}, {year: 2029, usd: 2e9}]
 */
export function cashSpendByYear(flows: readonly {year: number; spend: number}[]): YearUsd[] {
  const first = flows.findIndex((f) => f.spend > 0);
  if (first < 0) return [];
  let last = flows.length - 1;
  while (!(flows[last].spend > 0)) last--;
  return flows.slice(first, last + 1).map(({year, spend}) => ({year, usd: spend}));
}
