import {type AssumptionValues, assumptionLineage, type MarginId, marginId} from "../assumptions.js";
import {factGw} from "../capacity/convert.js";
import {capacityScope} from "../comparison/capacityScope.js";
import type {Figure} from "../lineage.js";
import type {Assumption, Deal} from "../model.js";
import {commitmentReading} from "./commitmentReading.js";
import {BUILD_UP_ASSUMPTIONS, buildUpCostPerGwYear, contractCostPerGwYear} from "./costPerGwYear.js";
import {type DealCommitmentTotals, dealCommitmentTotals} from "./dealCommitmentTotals.js";
import {factProvenance, type Provenance, provenanceOf, quotientProvenance, withValue} from "./provenance.js";
import {
  type DeliveredGw,
  deliveredGwYears,
  evaluateSpend,
  type PreparedSpend,
  prepareSpend,
  SPEND_PROFILES,
  type SpendProfile,
  type YearUsd
} from "./spendByYear.js";

/** What a deal's commitment buys, year by year, against its capacity ceiling. */
export interface DealCommitmentProjection {
  deal: string;
  profile: SpendProfile;
  /** Sum of the deal's commitments, USD. */
  totalUsd: Figure;
  /** Term in years (from the earliest start to the latest end when there are several commitments). */
  years: Figure;
  /** Earliest start, ISO. */
  start: string;
  /** Spend per calendar year, USD; sums to totalUsd. Bound and lineage are totalUsd's (and the ramp's). */
  perYear: YearUsd[];
  /** USD per GW-year: the contract price assumption, and the provider's costs built up and grossed up. */
  costPerGwYear: {contract: Figure; buildUp: Figure};
  /** GW-years the spend buys at each cost. */
  gwYears: {contract: Figure; buildUp: Figure};
  /** The capacity ceiling, GW; null when the deal states no capacity. */
  ceilingGw: Figure | null;
  /** Ceiling GW × term years; null without a ceiling. */
  ceilingGwYears: Figure | null;
  /** gwYears.contract ÷ ceilingGwYears, a fraction; null without a ceiling. */
  coverage: Figure | null;
  /**
   * With the "capacity" profile: the GW-years the delivered capacity supplies in each row of `perYear` (same
   * order) and their sum, and `scheduledGwYears`: their sum with no delivery slip (set by projectDeal when a slip is
   * drawn; the price of a GW-year is read on schedule); null otherwise.
   */
  delivered: {gwYears: number[]; totalGwYears: number; scheduledGwYears?: number} | null;
  /** One plain-language reading of the numbers ({@link commitmentReading}); built when first read. */
  reading: string;
}

export interface CommitmentOptions {
  /** Defaults to "flat". */
  profile?: SpendProfile;
  /** Average GW delivered per year; required by the "capacity" profile. */
  deliveredGw?: readonly DeliveredGw[];
}

/** Everything about a deal's commitment that does not depend on assumption values; see {@link evaluateDealCommitment}. */
export interface PreparedDealCommitment {
  deal: string;
  profile: SpendProfile;
  /** The provider's margin assumption, which grosses up the built-up cost. */
  marginId: MarginId;
  totals: DealCommitmentTotals;
  spend: PreparedSpend;
  ceilingGw: Figure | null;
  ceilingGwYears: Figure | null;
  /** True when the ceiling counts only part of the hardware the commitment pays for (capacityScope): no coverage then. */
  partialCapacity: boolean;
  /**
   * True when the ceiling is contracted on top of the commitment (capacityScope's `additional`): no coverage, and
   * `ceilingGwYears` is null, so it caps no price either.
   */
  additionalCapacity: boolean;
  provenance: {
    contract: Provenance;
    buildUp: Provenance;
    gwYearsContract: Provenance;
    gwYearsBuildUp: Provenance;
    coverage: Provenance | null;
  };
}

/**
 * Returns the assumption-free part of a deal's commitment projection (totals, the terms cut into calendar
 * years, the ceiling, every figure's lineage), or null when the deal has no commitment. Call it once per deal
 * and {@link evaluateDealCommitment} once per draw. `assumptions` give the assumptions' statuses for lineage.
 * Throws `invalid profile:` for an unknown profile.
 *
 * @example const prepared = prepareDealCommitment(deal, dataset.assumptions, {profile: "ramp"})
 */
export function prepareDealCommitment(
  deal: Deal,
  assumptions: readonly Assumption[],
  {profile = "flat"}: {profile?: SpendProfile} = {}
): PreparedDealCommitment | null {
  if (!SPEND_PROFILES.includes(profile)) throw new Error(`invalid profile: ${profile}`);
  const totals = dealCommitmentTotals(deal);
  if (!totals) return null;
  const assumption = (id: Parameters<typeof assumptionLineage>[1]) => ({lineage: assumptionLineage(assumptions, id)});
  const spendPart = profile === "ramp" ? provenanceOf(totals.totalUsd, assumption("spend-ramp-years")) : totals.totalUsd;
  const contract = provenanceOf(assumption("revenue-per-gw-year"));
  const margin = marginId(deal.provider);
  const buildUp = provenanceOf(...BUILD_UP_ASSUMPTIONS.map(assumption), {lineage: assumptionLineage(assumptions, margin)});
  const gwYearsContract = quotientProvenance(spendPart, contract);
  const ceiling = deal.capacity?.ceiling;
  const ceilingGw = ceiling ? withValue(factProvenance(`${deal.id}.capacity.ceiling`, ceiling), factGw(ceiling), "gw") : null;
  const {partial: partialCapacity, additional: additionalCapacity} = capacityScope(deal);
  const ceilingGwYears =
    ceilingGw && !additionalCapacity
      ? withValue(provenanceOf(ceilingGw, totals.years), ceilingGw.value * totals.years.value, "gw-years")
      : null;
  return {
    deal: deal.id,
    profile,
    marginId: margin,
    totals,
    spend: prepareSpend(totals.terms),
    ceilingGw,
    ceilingGwYears,
    partialCapacity,
    additionalCapacity,
    provenance: {
      contract,
      buildUp,
      gwYearsContract,
      gwYearsBuildUp: quotientProvenance(spendPart, buildUp),
      // A ceiling that counts part of the hardware (Amazon → OpenAI's Trainium 2 GW, not its Nvidia GPUs) measures
      // no share of what the whole commitment buys.
      coverage: ceilingGwYears && !partialCapacity ? quotientProvenance(gwYearsContract, ceilingGwYears) : null
    }
  };
}

/**
 * Returns the commitment projection for one set of assumption values (in the assumptions' units: USD bn,
 * fractions, years): spend per calendar year in the prepared profile (the "ramp" reads `spend-ramp-years`;
 * "capacity" needs `deliveredGw`), the cost per GW-year both ways (USD), the GW-years each buys, the ceiling's
 * GW-years over the same term, the coverage (null without a ceiling or with a zero one) and the reading.
 *
 * @example evaluateDealCommitment(prepared, values).gwYears.contract.value // 9.0909 for $100B at $11B per GW-year
 */
export function evaluateDealCommitment(
  prepared: PreparedDealCommitment,
  values: AssumptionValues,
  {deliveredGw, scheduledGw}: {deliveredGw?: readonly DeliveredGw[]; scheduledGw?: readonly DeliveredGw[]} = {}
): DealCommitmentProjection {
  const {profile, totals, ceilingGw, ceilingGwYears, provenance} = prepared;
  const spend = evaluateCommitmentSpend(prepared, values, {deliveredGw, scheduledGw});
  const total = totals.totalUsd.value;
  const contract = withValue(provenance.contract, spend.contractUsdPerGwYear, "usd-per-gw-year");
  const buildUp = withValue(provenance.buildUp, buildUpCostPerGwYear(values, values[prepared.marginId]), "usd-per-gw-year");
  const gwYears = {
    contract: withValue(provenance.gwYearsContract, spend.gwYearsContract, "gw-years"),
    buildUp: withValue(provenance.gwYearsBuildUp, total / buildUp.value, "gw-years")
  };
  const coverage = provenance.coverage && spend.coverage !== null ? withValue(provenance.coverage, spend.coverage, "fraction") : null;
  const {totalUsd, years, start} = totals;
  return {
    deal: prepared.deal,
    profile,
    totalUsd,
    years,
    start,
    perYear: spend.perYear,
    costPerGwYear: {contract, buildUp},
    gwYears,
    ceilingGw,
    ceilingGwYears,
    coverage,
    delivered: spend.delivered,
    // Formatting costs more than the arithmetic, and a Monte Carlo draw never reads it: build it when read.
    get reading() {
      return commitmentReading({
        totalUsd,
        years,
        costPerGwYear: contract,
        gwYears: gwYears.contract,
        ceilingGw,
        ceilingGwYears,
        coverage,
        partialCapacity: prepared.partialCapacity,
        additionalCapacity: prepared.additionalCapacity
      });
    }
  };
}

/** The numbers of a commitment projection that a Monte Carlo draw reads, without lineage or words. */
export type CommitmentSpend = Pick<DealCommitmentProjection, "deal" | "totalUsd" | "ceilingGwYears" | "perYear" | "delivered"> & {
  /** The contract price, USD per GW-year. */
  contractUsdPerGwYear: number;
  /** GW-years the spend buys at the contract price. */
  gwYearsContract: number;
  /**
   * gwYearsContract ÷ the ceiling's GW-years, a fraction; null without a ceiling, with a zero one, or when the ceiling
   * counts only part of the hardware the commitment pays for (`partialCapacity`).
   */
  coverage: number | null;
};

/**
 * Returns the spend per calendar year, the delivered GW-years ("capacity" profile; with `scheduledGw`, also their sum
 * with no slip), the GW-years at the contract price and the coverage for one set of values: the numbers
 * {@link evaluateDealCommitment} wraps in figures, computed the same way, for a Monte Carlo draw that reads only them.
 *
 * @example evaluateCommitmentSpend(prepared, values).gwYearsContract // 9.0909 for $100B at $11B per GW-year
 */
export function evaluateCommitmentSpend(
  prepared: PreparedDealCommitment,
  values: AssumptionValues,
  {deliveredGw, scheduledGw}: {deliveredGw?: readonly DeliveredGw[]; scheduledGw?: readonly DeliveredGw[]} = {}
): CommitmentSpend {
  const {profile, totals, ceilingGwYears} = prepared;
  const rampYears = profile === "ramp" ? values["spend-ramp-years"] : 0;
  const perYear = evaluateSpend(prepared.spend, {profile, rampYears, deliveredGw});
  const contractUsdPerGwYear = contractCostPerGwYear(values);
  const gwYearsContract = totals.totalUsd.value / contractUsdPerGwYear;
  const deliveredRows = profile === "capacity" && deliveredGw ? deliveredGwYears(prepared.spend, deliveredGw) : null;
  return {
    deal: prepared.deal,
    totalUsd: totals.totalUsd,
    ceilingGwYears,
    perYear,
    delivered: deliveredRows
      ? {
          gwYears: deliveredRows,
          totalGwYears: deliveredRows.reduce((a, b) => a + b, 0),
          scheduledGwYears: scheduledGw ? deliveredGwYears(prepared.spend, scheduledGw).reduce((a, b) => a + b, 0) : undefined
        }
      : null,
    contractUsdPerGwYear,
    gwYearsContract,
    coverage: ceilingGwYears && !prepared.partialCapacity && ceilingGwYears.value > 0 ? gwYearsContract / ceilingGwYears.value : null
  };
}

/**
 * Returns what a deal's commitment buys, year by year, at today's cost per GW-year and against its capacity
 * ceiling, or null when the deal has no commitment: {@link prepareDealCommitment} then
 * {@link evaluateDealCommitment}. For many draws, prepare once and evaluate per draw.
 *
 * @example projectDealCommitment(amazonAnthropic, values, assumptions).reading
 * // "Over $100B buys about 9.1 GW-years at $11B per GW-year: 18% of the 50 GW-years that up to 5 GW for ten years would supply. …"
 */
export function projectDealCommitment(
  deal: Deal,
  values: AssumptionValues,
  assumptions: readonly Assumption[],
  {profile, deliveredGw}: CommitmentOptions = {}
): DealCommitmentProjection | null {
  const prepared = prepareDealCommitment(deal, assumptions, {profile});
  return prepared && evaluateDealCommitment(prepared, values, {deliveredGw});
}
