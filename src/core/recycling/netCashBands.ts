import {type AssumptionValues, scenarioValues} from "../assumptions.js";
import {prepareDealCapacity} from "../capacity/prepareDealCapacity.js";
import {evaluateDealCommitment, prepareDealCommitment} from "../commitment/projectDealCommitment.js";
import type {SpendProfile} from "../commitment/spendByYear.js";
import type {Dataset} from "../model.js";
import {buildsOut, defaultSpendProfile, deliveredPath, providerGroupInvestors} from "../project/projectDeal.js";
import {simulate} from "../uncertainty/monteCarlo.js";
import {facilityLeaseYears} from "./companyParents.js";
import {evaluateDealRecycling, prepareDealRecycling} from "./projectDealRecycling.js";

/** The spread of an investor's cumulative net cash at the end of one year, USD. */
export interface NetCashBand {
  year: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface NetCashBandOptions {
  /** Scenario id; defaults to "base". */
  scenario?: string;
  /** Spend profile; defaults to the deal's {@link defaultSpendProfile}. */
  profile?: SpendProfile;
  /** Monte Carlo draws, a positive integer; defaults to 2,000. */
  draws?: number;
  /** Seed; each deal draws from its own stream (`<deal>:net-cash`). Defaults to "compute-deals". */
  seed?: string | number;
  /** Values to centre the draws on instead of the scenario's (e.g. the reader's); the scenario still sets the ramp. */
  values?: AssumptionValues;
  /** Ids of the assumptions to vary; defaults to all (those left out keep their value). */
  vary?: readonly string[];
}

/**
 * Returns the P10 / P50 / P90 of the investor's cumulative net cash (the provider's cash − new money, USD) at the
 * end of each year of a deal's flows, over a seeded Monte Carlo of the assumptions' ranges around the scenario's
 * values (or around `values`, varying only the `vary` ids); one row per year, in order; empty when the deal has no
 * commitment (no flows). Years whose value is undefined in every draw are left out. Throws `invalid deal:`,
 * `invalid scenario:`, `invalid draws:` or `invalid vary:`.
 *
 * @example netCashBands(dataset, "amazon-anthropic", {draws: 1000}).at(-1) // {year: 2036, p10: −…, p50: …, p90: …}
 */
export function netCashBands(dataset: Dataset, dealId: string, options: NetCashBandOptions = {}): NetCashBand[] {
  const {scenario: scenarioId = "base", draws = 2000, seed = "compute-deals", vary} = options;
  const deal = dataset.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid deal: ${dealId}`);
  const profile = options.profile ?? defaultSpendProfile(deal);
  const scenario = dataset.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`invalid scenario: ${scenarioId}`);
  if (!(Number.isInteger(draws) && draws >= 1)) throw new Error(`invalid draws: ${draws}`);
  const base = scenarioValues(dataset.assumptions, scenario);
  // Only the commitment and the recycling are evaluated per draw (the capacity too for the "capacity" profile):
  // the same steps as the deal projector, without the figures the flows do not need.
  const commitment = prepareDealCommitment(deal, dataset.assumptions, {profile});
  if (!commitment) return [];
  const recycling = prepareDealRecycling(deal, dataset.assumptions, {
    group: providerGroupInvestors(dataset.companies, deal),
    facilityLeaseYears: facilityLeaseYears(dataset.companies, deal.provider),
    buildOut: buildsOut(deal, profile)
  });
  const capacityOf = profile === "capacity" ? prepareDealCapacity(deal, dataset.chips, dataset.assumptions) : null;
  const project = (values: typeof base.values) => {
    const path = (v: typeof values) =>
      capacityOf && deliveredPath(capacityOf({scenario: scenario.id, ramp: base.ramp, values: v}, {byYear: true}).byYear);
    const deliveredGw = path(values) ?? undefined;
    const scheduledGw = deliveredGw && values["slip-months"] > 0 ? (path({...values, "slip-months": 0}) ?? undefined) : undefined;
    const flows = evaluateDealRecycling(recycling, evaluateDealCommitment(commitment, values, {deliveredGw, scheduledGw}), values).flows;
    const figures: Record<string, number> = {};
    for (const flow of flows) figures[flow.year] = flow.cumulativeNetCash;
    return figures;
  };
  const values = options.values ?? base.values;
  const {figures} = simulate(dataset.assumptions, values, project, {draws, seed, stream: `${deal.id}:net-cash`, vary});
  return Object.entries(figures)
    .filter(([, s]) => Number.isFinite(s.p50))
    .map(([year, {p10, p50, p90}]) => ({year: Number(year), p10, p50, p90}))
    .sort((a, b) => a.year - b.year);
}
