/** The installed fleet of a deal by year: cohorts of accelerators per chip, retired at the end of their life. */
import type {ScenarioValues} from "../assumptions.js";
import {acceleratorsToFlops} from "../capacity/convert.js";
import type {CapacityYear, DealCapacity} from "../capacity/prepareDealCapacity.js";
import type {Chip} from "../model.js";

/** Accelerators of one chip installed in one year. */
export interface FleetCohort {
  year: number;
  chip: string;
  accelerators: number;
  /** First year the cohort is no longer installed. */
  retires: number;
}

/** The fleet installed in one year (counting every cohort still within its life). */
export interface FleetYear {
  year: number;
  accelerators: number;
  /** Accelerators installed during the year. */
  installed: number;
  /** Accelerators whose life ended at the start of the year. */
  retired: number;
  byChip: Record<string, number>;
  /** Peak dense bf16 FLOP/s of the fleet. */
  flopsBf16: number;
  /** Peak dense fp8 FLOP/s; null when a chip in the fleet publishes no fp8 figure. */
  flopsFp8: number | null;
}

export interface Fleet {
  cohorts: FleetCohort[];
  years: FleetYear[];
}

export interface FleetOptions {
  /** Useful life in years (> 0): a cohort installed in year y is gone from year y + ⌈life⌉. */
  life: number;
  /** Last year to report; defaults to the year the last cohort is gone. */
  throughYear?: number;
}

/**
 * Returns the cohorts (accelerators each chip added each year, from the year-end counts in `byYear`) and the
 * fleet by year from the first year of `byYear`: accelerators still within their life, by chip, with bf16 and
 * fp8 compute. A cohort installed in year y counts in years y … y + ⌈life⌉ − 1. Empty for an empty `byYear`.
 *
 * @example projectFleet([{year: 2026, byChip: {trainium2: {accelerators: 100, …}}}], chips, {life: 5}).years[5].accelerators // 0
 */
export function projectFleet(
  byYear: readonly Pick<CapacityYear, "year" | "byChip">[],
  chips: readonly Chip[],
  {life, throughYear}: FleetOptions
): Fleet {
  if (!(life > 0 && life < Infinity)) throw new Error(`invalid life: ${life}`);
  if (throughYear !== undefined && !Number.isInteger(throughYear)) throw new Error(`invalid throughYear: ${throughYear}`);
  const span = Math.ceil(life);
  const cohorts: FleetCohort[] = [];
  const previous: Record<string, number> = {};
  for (const {year, byChip} of byYear) {
    for (const [chip, {accelerators}] of Object.entries(byChip)) {
      const added = accelerators - (previous[chip] ?? 0);
      previous[chip] = accelerators;
      if (added > 0) cohorts.push({year, chip, accelerators: added, retires: year + span});
    }
  }
  if (byYear.length === 0) return {cohorts, years: []};
  // Each cohort's compute once; NaN fp8 for a chip without an fp8 figure.
  const bf16 = new Array<number>(cohorts.length);
  const fp8 = new Array<number>(cohorts.length);
  cohorts.forEach(({chip, accelerators}, i) => {
    const spec = chips.find((c) => c.id === chip);
    if (!spec) throw new Error(`invalid chip: ${chip}`);
    bf16[i] = acceleratorsToFlops(accelerators, spec.flops.bf16.value);
    fp8[i] = spec.flops.fp8 ? acceleratorsToFlops(accelerators, spec.flops.fp8.value) : NaN;
  });
  const last = throughYear ?? byYear[byYear.length - 1].year + span;
  const years: FleetYear[] = [];
  for (let year = byYear[0].year; year <= last; ++year) {
    const byChip: Record<string, number> = {};
    let accelerators = 0;
    let installed = 0;
    let retired = 0;
    let flopsBf16 = 0;
    let flopsFp8 = 0;
    cohorts.forEach((cohort, i) => {
      if (cohort.year === year) installed += cohort.accelerators;
      if (cohort.retires === year) retired += cohort.accelerators;
      if (!(cohort.year <= year && year < cohort.retires)) return;
      byChip[cohort.chip] = (byChip[cohort.chip] ?? 0) + cohort.accelerators;
      accelerators += cohort.accelerators;
      flopsBf16 += bf16[i];
      flopsFp8 += fp8[i];
    });
    years.push({year, accelerators, installed, retired, byChip, flopsBf16, flopsFp8: Number.isNaN(flopsFp8) ? null : flopsFp8});
  }
  return {cohorts, years};
}

/**
 * Returns the fleet of a deal's capacity projection with the useful life `it-life` from `values` (see
 * {@link projectFleet}).
 *
 * @example projectDealFleet(projectDealCapacity(deal, chips, values, assumptions)!, chips, values).years
 */
export function projectDealFleet(
  capacity: Pick<DealCapacity, "byYear">,
  chips: readonly Chip[],
  values: ScenarioValues,
  {throughYear}: {throughYear?: number} = {}
): Fleet {
  return projectFleet(capacity.byYear, chips, {life: values.values["it-life"], throughYear});
}
