/** P10–P90 bands of a deal's capacity year by year, from a seeded Monte Carlo over the capacity assumptions. */
import {type AssumptionValues, scenarioValues} from "../assumptions.js";
import type {Dataset, RampShape} from "../model.js";
import {MONTE_CARLO_DRAWS, MONTE_CARLO_SEED} from "../uncertainty/draws.js";
import {simulate} from "../uncertainty/monteCarlo.js";
import {chipAssumptions, shareAssumptions} from "./chipAssumptions.js";
import {prepareDealCapacity} from "./prepareDealCapacity.js";
import {datedPoints, deliveryStart, scheduleMonths} from "./schedule.js";

/** The assumptions the capacity projection reads, and so the ones the bands vary. */
export const CAPACITY_BAND_ASSUMPTIONS = ["pue", "load-factor", "slip-months", "building-mw"] as const;

/** A year-end figure: the median of its draws (the headline), its spread, and its value with no draw. */
export interface BandValue {
  /** The headline: the median (P50) of the draws that make the band, so it always lies inside P10–P90. */
  value: number;
  /**
   * The "base case": every input at the scenario's (or the given) value, no draw. For the timing of delivery this is
   * the deal's own dates (slip 0 in the base scenario), the best case of the slip range, so it often sits at or
   * above P90.
   */
  base: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface CapacityBandYear {
  year: number;
  /** Facility GW online at year end. */
  gw: BandValue;
  /** Energy drawn in the year, TWh. */
  energyTwh: BandValue;
  /** H100-equivalents installed at year end; null when the deal names no chip. */
  h100e: BandValue | null;
}

export interface CapacityBands {
  deal: string;
  scenario: string;
  ramp: RampShape;
  seed: string | number;
  draws: number;
  /** Ids of the inputs drawn, in draw order: the capacity assumptions, then the chips' (`chip:<id>.<input>`). */
  varied: string[];
  /** From the year delivery starts to the year of the last schedule point slipped by the most the range allows. */
  years: CapacityBandYear[];
}

export interface CapacityBandOptions {
  /** Monte Carlo draws, a positive integer; defaults to MONTE_CARLO_DRAWS (the one count of every published band). */
  draws?: number;
  /** Global seed; defaults to "compute-deals". */
  seed?: string | number;
  /** Scenario id; defaults to "base". Its values are the modes of the triangular draws. */
  scenario?: string;
  /** Assumption values that replace the scenario's (the reader's sliders); ids not given keep the scenario's. */
  values?: Partial<AssumptionValues>;
}

/**
 * Returns, for each year of a deal's delivery, the facility GW online at year end, the energy drawn in the year
 * (TWh) and the H100-equivalents installed at year end, each as the median (`value`) and P10 / P50 / P90 over a
 * seeded Monte Carlo of the capacity assumptions (`pue`, `load-factor`, `slip-months`, `building-mw`; the others do
 * not move capacity) and of the deal's chip inputs that have a range (see chipAssumptions), with the value under
 * the scenario and no draw as `base`. The scenario's (or the given) values are the modes of the triangular draws;
 * the ramp is the scenario's. Years run from the delivery start to the year of the last schedule point slipped by
 * the most the slip range (or the given slip) allows, so every draw reports the same years; after its last point
 * a draw stays flat. Draws come from the stream `<deal>/capacity-bands/<scenario>`, so the same inputs and seed
 * give identical bands on every machine. Null for a deal without capacity; no years for a deal without schedule
 * points. Throws `invalid deal: <id>`, `invalid scenario: <id>` or `invalid draws: <n>`.
 *
 * @example capacityBands(dataset, "amazon-anthropic", {draws: 1000}).years[1].gw // {value: 3, p10: 2.4, p50: 3, p90: 3}
 */
export function capacityBands(
  dataset: Pick<Dataset, "deals" | "chips" | "assumptions" | "scenarios">,
  dealId: string,
  {draws = MONTE_CARLO_DRAWS, seed = MONTE_CARLO_SEED, scenario: scenarioId = "base", values: given = {}}: CapacityBandOptions = {}
): CapacityBands | null {
  const deal = dataset.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`invalid deal: ${dealId}`);
  const scenario = dataset.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`invalid scenario: ${scenarioId}`);
  if (!(Number.isInteger(draws) && draws >= 1)) throw new Error(`invalid draws: ${draws}`);
  if (!deal.capacity) return null;
  const {ramp, values: scenarioBase} = scenarioValues(dataset.assumptions, scenario);
  const base = {...scenarioBase, ...definedValues(given)} as AssumptionValues;
  const slip = dataset.assumptions.find((a) => a.id === "slip-months");
  const {start, months} = scheduleMonths(datedPoints(deal.capacity), deliveryStart(deal, dataset.chips).date);
  const throughYear = months.length ? lastYear(months, Math.max(slip?.high ?? 0, base["slip-months"])) : undefined;
  const project = prepareDealCapacity(deal, dataset.chips, dataset.assumptions, {throughYear})!;
  const chipRanges = [...shareAssumptions(deal), ...chipAssumptions(dataset.chips, deal.capacity.chips)];
  const ranges = [...dataset.assumptions, ...chipRanges];
  const vary = [...CAPACITY_BAND_ASSUMPTIONS, ...chipRanges.map((a) => a.id)];
  const head = {deal: deal.id, scenario: scenario.id, ramp, seed, draws, varied: vary};
  if (throughYear === undefined) return {...head, years: []};

  // Each row's gw, energyTwh and h100e of project(…).byYear, without the rest of the projection (bandFigures).
  const figures = (v: AssumptionValues) => project.bandFigures({scenario: scenario.id, ramp, values: v});
  const withChips = {...base, ...Object.fromEntries(chipRanges.map((a) => [a.id, a.base]))} as AssumptionValues;
  const central = figures(withChips);
  const simulation = simulate(ranges, withChips, figures, {
    draws,
    seed,
    stream: `${deal.id}/capacity-bands/${scenario.id}`,
    vary
  });
  const band = (key: string): BandValue | null => {
    const value = central[key];
    if (value === null || value === undefined) return null;
    const {p10, p50, p90} = simulation.figures[key];
    return {value: p50, base: value, p10, p50, p90};
  };
  const years: CapacityBandYear[] = [];
  for (let year = Math.floor(start / 12); year <= throughYear; ++year) {
    years.push({year, gw: band(`gw.${year}`)!, energyTwh: band(`energyTwh.${year}`)!, h100e: band(`h100e.${year}`)});
  }
  return {...head, varied: simulation.varied, years};
}

// The year holding the last point once slipped by `slipMonths` (see curveLastMonth: ⌈month + 1 + slip⌉ − 1).
function lastYear(months: readonly {month: number}[], slipMonths: number): number {
  const last = Math.max(...months.map((d) => d.month));
  return Math.floor((Math.ceil(last + 1 + slipMonths) - 1) / 12);
}

// Drops ids given as undefined, so they keep the scenario's value.
function definedValues(values: Partial<AssumptionValues>): Partial<AssumptionValues> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
