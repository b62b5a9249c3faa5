import {type AssumptionValues, assumptionLineage} from "../assumptions.js";
import type {DealCommitmentProjection} from "../commitment/projectDealCommitment.js";
import {differenceProvenance, type Provenance, provenanceOf, quotientProvenance, withValue} from "../commitment/provenance.js";
import type {YearUsd} from "../commitment/spendByYear.js";
import type {Figure} from "../lineage.js";
import type {Assumption, Deal} from "../model.js";
import {netPresentValue, paybackYear} from "./cashFlowMeasures.js";
import {dealEquityGain, dealEquitySeries, type EquityPoint} from "./dealEquity.js";
import {type DealInvestment, dealInvestment, newMoneyDate} from "./dealInvestment.js";
import {type FlowTranche, flowTranches, type RecyclingFlow, recyclingFlows} from "./recyclingFlows.js";

/** The recycling critique in numbers: how much of the investment comes back, when, and the equity kept apart. */
export interface DealRecycling {
  deal: string;
  /** Every firm tranche of the deal, USD. */
  investmentFirmUsd: Figure;
  /** Every tranche at face value, USD. */
  investmentMaxUsd: Figure;
  /** Firm + contingent × contingent-probability, USD. */
  investmentExpectedUsd: Figure;
  commitmentUsd: Figure | null;
  /** investmentFirmUsd ÷ commitmentUsd, a fraction; null without a commitment. */
  investmentToCommitmentFirm: Figure | null;
  investmentToCommitmentMax: Figure | null;
  /** Firm tranches dated on or after {@link newMoneyDate} ÷ commitmentUsd: the article's 5% for Amazon–Anthropic. */
  investmentToCommitmentNew: Figure | null;
  /** Every tranche dated on or after {@link newMoneyDate} ÷ commitmentUsd. */
  investmentToCommitmentNewMax: Figure | null;
  /** Cloud revenue over the term (the commitment) per firm dollar invested; null without firm investment. */
  revenuePerDollarInvested: Figure | null;
  /** Provider's operating profit over the term, USD; null without a commitment. */
  operatingProfitUsd: Figure | null;
  /** One row per year, contiguous, from the first tranche or spend to the last; empty without a commitment. */
  flows: RecyclingFlow[];
  netCashByYear: YearUsd[];
  /** First year from which cumulative net cash stays ≥ 0; null if it ends below zero or there are no flows. */
  paybackYear: number | null;
  /** Net cash discounted at discount-rate to the first year of flows, USD; null without flows. */
  npvUsd: Figure | null;
  /** Marks and valuations in date order; not cash. */
  equity: EquityPoint[];
  /** Latest mark − firm cash invested by its date, USD; null without a mark. */
  equityGainUsd: Figure | null;
}

/** Which tranches enter the cash flows: all of the deal's (the default), or only those from {@link newMoneyDate}. */
export type TrancheScope = "all" | "new";

/** The assumption-free part of a recycling projection; see {@link evaluateDealRecycling}. */
export interface PreparedDealRecycling {
  deal: string;
  investment: DealInvestment;
  newInvestment: DealInvestment;
  expected: Provenance;
  flowTranches: FlowTranche[];
  equity: EquityPoint[];
  equityGainUsd: Figure | null;
  margin: Provenance;
  discount: Provenance;
  /** Provenances of the figures that involve the commitment, for the last commitment figure seen. */
  memo: {totalUsd: Figure | null; provenances: ReturnType<typeof commitmentProvenances> | null};
}

/**
 * Returns the assumption-free part of a deal's recycling projection: investment totals (all tranches; and the
 * new money from {@link newMoneyDate}), the tranches the cash flows pay (`scope`, default "all"), the equity
 * series and gain, and lineage. Call once per deal; {@link evaluateDealRecycling} once per draw. Throws
 * `invalid scope:` for another scope.
 *
 * @example const prepared = prepareDealRecycling(deal, dataset.assumptions)
 */
export function prepareDealRecycling(
  deal: Deal,
  assumptions: readonly Assumption[],
  {scope = "all"}: {scope?: TrancheScope} = {}
): PreparedDealRecycling {
  if (scope !== "all" && scope !== "new") throw new Error(`invalid scope: ${scope}`);
  const investment = dealInvestment(deal);
  const newInvestment = dealInvestment(deal, {since: newMoneyDate(deal)});
  const hasContingent = investment.tranches.some((t) => !t.firm);
  const probability = {lineage: assumptionLineage(assumptions, "contingent-probability")};
  return {
    deal: deal.id,
    investment,
    newInvestment,
    expected: hasContingent ? provenanceOf(investment.firmUsd, investment.contingentUsd, probability) : investment.firmUsd,
    flowTranches: flowTranches(deal, (scope === "new" ? newInvestment : investment).tranches),
    equity: dealEquitySeries(deal),
    equityGainUsd: dealEquityGain(deal, investment),
    margin: provenanceOf({lineage: assumptionLineage(assumptions, "provider-margin")}),
    discount: provenanceOf({lineage: assumptionLineage(assumptions, "discount-rate")}),
    memo: {totalUsd: null, provenances: null}
  };
}

/**
 * Returns the recycling projection for one commitment projection and one set of assumption values
 * (`contingent-probability`, `provider-margin`, `discount-rate`). Without a commitment (null) there are no
 * flows, and every figure that needs one is null. Throws `invalid commitment:` for another deal's projection.
 *
 * @example evaluateDealRecycling(prepared, evaluateDealCommitment(preparedCommitment, values), values).paybackYear
 */
export function evaluateDealRecycling(
  prepared: PreparedDealRecycling,
  commitment: DealCommitmentProjection | null,
  values: AssumptionValues
): DealRecycling {
  if (commitment && commitment.deal !== prepared.deal) throw new Error(`invalid commitment: ${commitment.deal}`);
  const {investment, newInvestment} = prepared;
  const probability = values["contingent-probability"];
  const margin = values["provider-margin"];
  const rate = values["discount-rate"];
  const firm = investment.firmUsd.value;
  const expected = withValue(prepared.expected, firm + investment.contingentUsd.value * probability, "usd");
  const flows = commitment ? recyclingFlows(prepared.flowTranches, commitment.perYear, {probability, margin}) : [];
  const netCash = new Float64Array(flows.length);
  const cumulative = new Float64Array(flows.length);
  const netCashByYear: YearUsd[] = new Array(flows.length);
  for (let i = 0; i < flows.length; ++i) {
    const {year, netCash: usd, cumulativeNetCash} = flows[i];
    netCash[i] = usd;
    cumulative[i] = cumulativeNetCash;
    netCashByYear[i] = {year, usd};
  }
  const p = commitment && provenancesFor(prepared, commitment.totalUsd);
  const total = commitment?.totalUsd.value ?? 0;
  const ratio = (provenance: Provenance | undefined, numerator: number, denominator: number) =>
    provenance && denominator > 0 ? withValue(provenance, numerator / denominator, "fraction") : null;
  return {
    deal: prepared.deal,
    investmentFirmUsd: investment.firmUsd,
    investmentMaxUsd: investment.maxUsd,
    investmentExpectedUsd: expected,
    commitmentUsd: commitment?.totalUsd ?? null,
    investmentToCommitmentFirm: ratio(p?.firm, firm, total),
    investmentToCommitmentMax: ratio(p?.max, investment.maxUsd.value, total),
    investmentToCommitmentNew: ratio(p?.newFirm, newInvestment.firmUsd.value, total),
    investmentToCommitmentNewMax: ratio(p?.newMax, newInvestment.maxUsd.value, total),
    revenuePerDollarInvested: p && firm > 0 ? withValue(p.revenuePerDollar, total / firm, "ratio") : null,
    operatingProfitUsd: p ? withValue(p.operatingProfit, total * margin, "usd") : null,
    flows,
    netCashByYear,
    paybackYear: flows.length ? paybackYear(cumulative, flows[0].year) : null,
    npvUsd: p && flows.length ? withValue(p.npv, netPresentValue(netCash, rate), "usd") : null,
    equity: prepared.equity,
    equityGainUsd: prepared.equityGainUsd
  };
}

/**
 * Returns how much of a deal's investment comes back to the investor as cloud revenue and operating profit,
 * year by year, with payback, NPV, investment ÷ commitment ratios, and equity kept apart:
 * {@link prepareDealRecycling} (all tranches) then {@link evaluateDealRecycling}. `commitmentProjection` is the
 * deal's {@link DealCommitmentProjection} (or null). A deal with no tranches has zero investment, ratios of 0
 * and pays back in its first year of profit.
 *
 * Which tranches count: totals and the firm/max ratios use every tranche of the deal (Amazon–Anthropic: $13B
 * firm, $33B max); `investmentToCommitmentNew` uses the tranches dated on or after {@link newMoneyDate} (the
 * article's $5B ÷ $100B = 5%); the cash flows use every tranche unless `scope` is "new". When: firm tranches
 * at face value in their year; contingent ones × `contingent-probability`, spread evenly over the commitment's
 * calendar years after the year they were announced, unless dated after the deal's announcement, which is
 * then read as their expected payment date ({@link recyclingFlows}).
 *
 * @example projectDealRecycling(deal, projectDealCommitment(deal, values, assumptions), values, assumptions).investmentToCommitmentNew?.value // 0.05
 */
export function projectDealRecycling(
  deal: Deal,
  commitmentProjection: DealCommitmentProjection | null,
  values: AssumptionValues,
  assumptions: readonly Assumption[],
  {scope}: {scope?: TrancheScope} = {}
): DealRecycling {
  return evaluateDealRecycling(prepareDealRecycling(deal, assumptions, {scope}), commitmentProjection, values);
}

// Lineage merging sorts ids, so it runs once per commitment figure, not once per draw.
function provenancesFor(prepared: PreparedDealRecycling, totalUsd: Figure): ReturnType<typeof commitmentProvenances> {
  const {memo} = prepared;
  if (memo.provenances && memo.totalUsd && memo.totalUsd.lineage === totalUsd.lineage && memo.totalUsd.bound === totalUsd.bound)
    return memo.provenances;
  memo.totalUsd = totalUsd;
  memo.provenances = commitmentProvenances(prepared, totalUsd);
  return memo.provenances;
}

function commitmentProvenances({investment, newInvestment, expected, margin, discount}: PreparedDealRecycling, totalUsd: Figure) {
  const operatingProfit = provenanceOf(totalUsd, margin);
  return {
    firm: quotientProvenance(investment.firmUsd, totalUsd),
    max: quotientProvenance(investment.maxUsd, totalUsd),
    newFirm: quotientProvenance(newInvestment.firmUsd, totalUsd),
    newMax: quotientProvenance(newInvestment.maxUsd, totalUsd),
    revenuePerDollar: quotientProvenance(totalUsd, investment.firmUsd),
    operatingProfit,
    npv: differenceProvenance(provenanceOf(operatingProfit, discount), expected)
  };
}
