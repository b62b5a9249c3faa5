import type {Deal} from "../model.js";
import type {TrancheUsd} from "./dealInvestment.js";
import type {ProviderCashYear} from "./providerCash.js";

/** One year of money between the investor (and its cloud arm) and the lab, USD. */
export interface RecyclingFlow {
  year: number;
  /** Investor → lab: firm tranches at face value plus contingent ones × contingent-probability. */
  investment: number;
  /** Lab → provider: the commitment's spend (the provider's revenue). */
  spend: number;
  /** Accounting view: spend × the provider's operating margin. */
  operatingProfit: number;
  /** Capex the provider spends to deliver the capacity this year ({@link providerCash}). */
  capex: number;
  /** The provider's cash operating costs. */
  cashOpex: number;
  /** Book value left at the end of the term (last spend year only); not cash, so in no cash figure. */
  residual: number;
  /** The provider's cash: spend − cash operating costs − capex (the residual is not cash). */
  providerCash: number;
  /** Cash: providerCash − investment. */
  netCash: number;
  cumulativeNetCash: number;
  /** Accounting view, not cash: operatingProfit − investment. */
  accountingNet: number;
  cumulativeAccountingNet: number;
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

/** The investor's side of the flows and their net cash, one value per year from `firstYear`: what a Monte Carlo draw reads. */
export interface NetCashByYear {
  /** Year of the first value (the first tranche or spend); no values when there is no spend. */
  firstYear: number;
  /** Investor → lab each year, USD: {@link RecyclingFlow.investment}. */
  investment: number[];
  /** The provider's cash − investment each year, USD: {@link RecyclingFlow.netCash}. */
  netCash: number[];
}

/**
 * Returns the investment and net cash of {@link recyclingFlows}, year by year, without its rows: the same numbers
 * (recyclingFlows reads them from here), for a Monte Carlo draw that needs only the net cash. Empty without spend.
 * Throws `invalid probability:` outside [0, 1] or `invalid cost:` outside [0, 2] (a credit served at a loss costs more
 * than its face: 1 − share × a negative margin).
 *
 * @example netCashByYear([{year: 2026, usd: 5e9, firm: true, spread: false}], providerCash(perYear, costs), {probability: 0.5}).netCash[0] // providerCash − 5e9
 */
export function netCashByYear(
  tranches: readonly FlowTranche[],
  provider: readonly ProviderCashYear[],
  {probability, cost = 1}: {probability: number; cost?: number}
): NetCashByYear {
  if (!(probability >= 0 && probability <= 1)) throw new Error(`invalid probability: ${probability}`);
  if (!(cost >= 0 && cost <= 2)) throw new Error(`invalid cost: ${cost}`);
  if (!provider.length) return {firstYear: Number.NaN, investment: [], netCash: []};
  const spendFirst = provider[0].year;
  const spendLast = provider[provider.length - 1].year;
  if (spendLast - spendFirst + 1 !== provider.length) throw new Error(`invalid provider: not one row per year from ${spendFirst}`);
  let first = spendFirst;
  let last = spendLast;
  for (const t of tranches) [first, last] = [Math.min(first, t.year), Math.max(last, t.year)];
  // A plain array, not a Float64Array: a typed array costs about ten times more to allocate, and this runs per draw.
  const investment = new Array<number>(last - first + 1).fill(0);
  for (const {year, usd, firm, spread} of tranches) {
    if (firm) investment[year - first] += usd * cost;
    else if (!spread || year >= spendLast) investment[year - first] += usd * probability * cost;
    else {
      const from = Math.max(year + 1, spendFirst);
      const share = (usd * probability * cost) / (spendLast - from + 1);
      for (let y = from; y <= spendLast; ++y) investment[y - first] += share;
    }
  }
  const netCash = new Array<number>(investment.length);
  for (let i = 0; i < investment.length; ++i) {
    const year = first + i;
    const providerCash = year >= spendFirst && year <= spendLast ? provider[year - spendFirst].cash : 0;
    netCash[i] = providerCash - investment[i];
  }
  return {firstYear: first, investment, netCash};
}

/**
 * Returns the year-by-year flows, one row per year from the first tranche or spend to the last. Investment:
 * firm tranches at face value; contingent ones × `probability`, in their own year, or, when `spread`, evenly
 * over the spend years after the tranche's year (in its own year if the spend has no later year). The provider's
 * side comes from `provider` ({@link providerCash}: one row per spend year, in order). Each invested dollar costs
 * the investor `cost` (default 1; less than 1 when part is paid in cloud credits, counted at their cost to the
 * provider). Net cash: the provider's cash
 * − investment; the accounting view (operating profit − investment) is kept beside it; equity is not cash and
 * stays out. Empty when there is no spend. Throws `invalid probability:` outside [0, 1] or `invalid cost:` outside [0, 2].
 * The investment and the net cash are {@link netCashByYear}'s.
 *
 * @example recyclingFlows([{year: 2026, usd: 5e9, firm: true, spread: false}], providerCash(perYear, costs), {probability: 0.5})
 * // [{year: 2026, investment: 5e9, providerCash: …, netCash: providerCash − 5e9, …}, …]
 */
export function recyclingFlows(
  tranches: readonly FlowTranche[],
  provider: readonly ProviderCashYear[],
  options: {probability: number; cost?: number}
): RecyclingFlow[] {
  const {firstYear: first, investment, netCash: net} = netCashByYear(tranches, provider, options);
  if (!net.length) return [];
  const spendFirst = provider[0].year;
  const spendLast = provider[provider.length - 1].year;
  const flows: RecyclingFlow[] = new Array(investment.length);
  let cumulative = 0;
  let cumulativeAccounting = 0;
  for (let i = 0; i < investment.length; ++i) {
    const year = first + i;
    const p = year >= spendFirst && year <= spendLast ? provider[year - spendFirst] : null;
    const providerCash = p ? p.cash : 0;
    const operatingProfit = p ? p.operatingProfit : 0;
    const netCash = net[i];
    const accountingNet = operatingProfit - investment[i];
    cumulative += netCash;
    cumulativeAccounting += accountingNet;
    flows[i] = {
      year,
      investment: investment[i],
      spend: p ? p.revenue : 0,
      operatingProfit,
      capex: p ? p.capex : 0,
      cashOpex: p ? p.cashOpex : 0,
      residual: p ? p.residual : 0,
      providerCash,
      netCash,
      cumulativeNetCash: cumulative,
      accountingNet,
      cumulativeAccountingNet: cumulativeAccounting
    };
  }
  return flows;
}
