import type {YearUsd} from "../commitment/spendByYear.js";
import type {Deal} from "../model.js";
import type {TrancheUsd} from "./dealInvestment.js";

/** One year of money between the investor (and its cloud arm) and the lab, USD. */
export interface RecyclingFlow {
  year: number;
  /** Investor → lab: firm tranches at face value plus contingent ones × contingent-probability. */
  investment: number;
  /** Lab → provider: the commitment's spend. */
  spend: number;
  /** Provider's operating profit on that spend: spend × provider-margin. */
  operatingProfit: number;
  /** operatingProfit − investment. */
  netCash: number;
  cumulativeNetCash: number;
}

/** A tranche as the cash flows see it. */
export interface FlowTranche {
  year: number;
  usd: number;
  firm: boolean;
  /** Contingent and dated no later than the deal's announcement: spread over the term's later years. */
  spread: boolean;
}

/**
 * Returns the tranches as the cash flows pay them: firm ones in their year; contingent ones dated after the
 * deal's announcement in their own year (the date says when); other contingent ones (dated at or before the
 * announcement, i.e. the date is only when they were announced) marked to be spread over the term.
 *
 * @example flowTranches(amazonAnthropic, dealInvestment(amazonAnthropic).tranches).at(-1) // {year: 2026, usd: 20e9, firm: false, spread: true}
 */
export function flowTranches(deal: Deal, tranches: readonly TrancheUsd[]): FlowTranche[] {
  return tranches.map((t) => ({year: t.year, usd: t.usd, firm: t.firm, spread: !t.firm && t.date <= deal.announced}));
}

/**
 * Returns the year-by-year flows, one row per year from the first tranche or spend to the last. Investment:
 * firm tranches at face value; contingent ones × `probability`, in their own year, or, when `spread`, evenly
 * over the spend years after the tranche's year (in its own year if the spend has no later year). Operating
 * profit: spend × `margin`. `perYear` must hold one row per year, in order. Net cash: operating profit − investment; equity is not cash and stays out. Empty
 * when there is no spend. Throws `invalid probability:` or `invalid margin:` outside [0, 1].
 *
 * @example recyclingFlows([{year: 2026, usd: 5e9, firm: true, spread: false}], [{year: 2026, usd: 10e9}, {year: 2027, usd: 10e9}], {probability: 0.5, margin: 0.25})
 * // [{year: 2026, investment: 5e9, spend: 10e9, operatingProfit: 2.5e9, netCash: −2.5e9, cumulativeNetCash: −2.5e9}, {year: 2027, …, cumulativeNetCash: 0}]
 */
export function recyclingFlows(
  tranches: readonly FlowTranche[],
  perYear: readonly YearUsd[],
  {probability, margin}: {probability: number; margin: number}
): RecyclingFlow[] {
  if (!(probability >= 0 && probability <= 1)) throw new Error(`invalid probability: ${probability}`);
  if (!(margin >= 0 && margin <= 1)) throw new Error(`invalid margin: ${margin}`);
  if (!perYear.length) return [];
  const spendFirst = perYear[0].year;
  const spendLast = perYear[perYear.length - 1].year;
  if (spendLast - spendFirst + 1 !== perYear.length) throw new Error(`invalid perYear: not one row per year from ${spendFirst}`);
  let first = spendFirst;
  let last = spendLast;
  for (const t of tranches) [first, last] = [Math.min(first, t.year), Math.max(last, t.year)];
  const investment = new Float64Array(last - first + 1);
  for (const {year, usd, firm, spread} of tranches) {
    if (firm) investment[year - first] += usd;
    else if (!spread || year >= spendLast) investment[year - first] += usd * probability;
    else {
      const from = Math.max(year + 1, spendFirst);
      const share = (usd * probability) / (spendLast - from + 1);
      for (let y = from; y <= spendLast; ++y) investment[y - first] += share;
    }
  }
  const flows: RecyclingFlow[] = new Array(investment.length);
  let cumulative = 0;
  for (let i = 0; i < investment.length; ++i) {
    const year = first + i;
    const spend = year >= spendFirst && year <= spendLast ? perYear[year - spendFirst].usd : 0;
    const operatingProfit = spend * margin;
    const netCash = operatingProfit - investment[i];
    cumulative += netCash;
    flows[i] = {year, investment: investment[i], spend, operatingProfit, netCash, cumulativeNetCash: cumulative};
  }
  return flows;
}
