import {quantileSorted} from "d3-array";
import {type AssumptionValues, scenarioValues} from "../assumptions.js";
import {prepareDealCapacity} from "../capacity/prepareDealCapacity.js";
import {evaluateDealCommitment, prepareDealCommitment} from "../commitment/projectDealCommitment.js";
import type {SpendProfile} from "../commitment/spendByYear.js";
import type {Assumption, Dataset} from "../model.js";
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
 * commitment (no flows). The years run from the draws' earliest flow to their latest ({@link cumulativeBands}). Throws `invalid deal:`,
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
  // Each draw's cumulative net cash by year, kept to be read over the years of every draw (not the first draw's alone).
  const paths: {first: number; cumulative: number[]}[] = [];
  const project = (values: typeof base.values) => {
    const path = (v: typeof values) =>
      capacityOf && deliveredPath(capacityOf({scenario: scenario.id, ramp: base.ramp, values: v}, {byYear: true}).byYear);
    const deliveredGw = path(values) ?? undefined;
    const scheduledGw = deliveredGw && values["slip-months"] > 0 ? (path({...values, "slip-months": 0}) ?? undefined) : undefined;
    const flows = evaluateDealRecycling(recycling, evaluateDealCommitment(commitment, values, {deliveredGw, scheduledGw}), values).flows;
    if (flows.length) paths.push({first: flows[0].year, cumulative: flows.map((f) => f.cumulativeNetCash)});
    return {};
  };
  const values = options.values ?? base.values;
  simulate(dataset.assumptions, values, project, {draws, seed, stream: `${deal.id}:net-cash`, vary});
  return cumulativeBands(paths);
}

/**
 * Returns the P10 / P50 / P90 (type-7, d3's quantileSorted) of cumulative net cash at the end of each year from the
 * earliest first year to the latest last year of the draws' `paths`, USD. A draw's cumulative cash is 0 before its
 * first flow and stays at its last value after its flows end (the deal's cash is done then), so every year's
 * percentiles are over every draw: a draw whose spend runs on later (capacity online late) does not drop the years
 * the others have (critic s15 #1: Microsoft → OpenAI's chart stopped at 2033, the first draw's last year, while its
 * median draw paid back in 2034).
 *
 * @example cumulativeBands([{first: 2030, cumulative: [-2, 1]}, {first: 2030, cumulative: [-3, -1, 2]}])
 * // 2032: both draws' values are 1 (held) and 2 → P50 1.5
 */
export function cumulativeBands(paths: readonly {first: number; cumulative: readonly number[]}[]): NetCashBand[] {
  if (!paths.length) return [];
  const from = Math.min(...paths.map((d) => d.first));
  const to = Math.max(...paths.map((d) => d.first + d.cumulative.length - 1));
  const out: NetCashBand[] = [];
  const column = new Float64Array(paths.length);
  for (let year = from; year <= to; ++year) {
    paths.forEach(({first, cumulative}, i) => {
      const k = year - first;
      column[i] = k < 0 ? 0 : cumulative[Math.min(k, cumulative.length - 1)];
    });
    column.sort();
    const at = (p: number) => quantileSorted(column as unknown as number[], p) as number;
    out.push({year, p10: at(0.1), p50: at(0.5), p90: at(0.9)});
  }
  return out;
}

/** The years a path of cumulative net cash lies outside its P10–P90 band ({@link bandExits}). */
export interface BandExits {
  /** Years the path is below the band's P10, in order. */
  below: number[];
  /** Years the path is above the band's P90, in order. */
  above: number[];
}

/**
 * Returns the years where `line` (one path of cumulative net cash, USD) lies outside `bands` by more than `tolerance`
 * USD (default $1M, so float residue is no exit); a year without a band is not read.
 *
 * @example bandExits([{year: 2025, cumulativeNetCash: -11e9}], [{year: 2025, p10: -7e9, p50: -3e9, p90: 0}]) // {below: [2025], above: []}
 */
export function bandExits(
  line: readonly {year: number; cumulativeNetCash: number}[],
  bands: readonly NetCashBand[],
  tolerance = 1e6
): BandExits {
  const byYear = new Map(bands.map((b) => [b.year, b]));
  const below: number[] = [];
  const above: number[] = [];
  for (const {year, cumulativeNetCash: v} of line) {
    const b = byYear.get(year);
    if (!b) continue;
    if (v < b.p10 - tolerance) below.push(year);
    else if (v > b.p90 + tolerance) above.push(year);
  }
  return {below, above};
}

/**
 * Returns the ids of the drawn assumptions whose centre value sits at an end of their range (low < high): every draw
 * then falls on one side of it (the delivery slip's base of 0 months, the low end of 0–18), so the draws are not
 * spread around a path drawn at that value.
 *
 * @example oneSidedIds(assumptions, base.values, ids) // ["slip-months", "credit-share"]
 */
export function oneSidedIds(assumptions: readonly Assumption[], values: AssumptionValues, vary?: readonly string[]): string[] {
  return assumptions
    .filter((a) => a.low < a.high && (!vary || vary.includes(a.id)))
    .filter((a) => {
      const value = (values as Record<string, number>)[a.id];
      return value === a.low || value === a.high;
    })
    .map((a) => a.id);
}

/** Why a path leaves its band ({@link bandExitCause}). */
export interface BandExitCause extends BandExits {
  /**
   * The one-sided assumptions ({@link oneSidedIds}) that, held at the path's value in the draws, bring the path inside
   * the band in every year: the first one that does alone, else all of them; null when none is one-sided or holding
   * them leaves an exit (the band is then each year's own percentiles, which need not hold any one path).
   */
  held: string[] | null;
}

/**
 * Returns the years `line` leaves the band {@link netCashBands} draws with `options`, and the one-sided assumptions
 * that put it there: each is tried held at its value (left out of `vary`), alone and then together, on the same
 * seed and draws; null `held` when none clears every exit. No exit: empty lists and null, without another draw.
 *
 * @example bandExitCause(dataset, "microsoft-openai", line, {values, draws: 1000}) // {below: [2025], above: [2030, 2032, 2033], held: ["slip-months"]}
 */
export function bandExitCause(
  dataset: Dataset,
  dealId: string,
  line: readonly {year: number; cumulativeNetCash: number}[],
  options: NetCashBandOptions & {bands?: readonly NetCashBand[]} = {}
): BandExitCause {
  const {bands = netCashBands(dataset, dealId, options), ...rest} = options;
  const exits = bandExits(line, bands);
  if (!exits.below.length && !exits.above.length) return {...exits, held: null};
  const scenario = dataset.scenarios.find((s) => s.id === (rest.scenario ?? "base"));
  if (!scenario) throw new Error(`invalid scenario: ${rest.scenario}`);
  const values = rest.values ?? scenarioValues(dataset.assumptions, scenario).values;
  const vary = rest.vary ?? dataset.assumptions.map((a) => a.id);
  const sided = oneSidedIds(dataset.assumptions, values, vary);
  const clears = (ids: readonly string[]) => {
    const held = bandExits(line, netCashBands(dataset, dealId, {...rest, values, vary: vary.filter((id) => !ids.includes(id))}));
    return !held.below.length && !held.above.length;
  };
  const one = sided.find((id) => clears([id]));
  const held = one ? [one] : sided.length > 1 && clears(sided) ? sided : null;
  return {...exits, held};
}
