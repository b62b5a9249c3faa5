/** The installed fleet of a deal by year: cohorts of accelerators per chip, retired at the end of their life. */
import type {ScenarioValues} from "../assumptions.js";
import {acceleratorsToFlops, facilityGwToItMw, itMwToAccelerators} from "../capacity/convert.js";
import {monthIndex} from "../capacity/months.js";
import type {CapacityYear, DealCapacity} from "../capacity/prepareDealCapacity.js";
import type {Chip, Deal} from "../model.js";

/** Accelerators of one chip installed in one year. */
export interface FleetCohort {
  year: number;
  chip: string;
  accelerators: number;
  /** First year the cohort is no longer installed. */
  retires: number;
  /** Facility GW the cohort occupies (0 when unknown). */
  gw: number;
  /** The cohort this one replaces (its year and chip), when it refills retired capacity during a commitment. */
  replaces?: {year: number; chip: string};
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
  /**
   * Replace retired capacity while a commitment runs: a cohort retiring in a year before `until` (a decimal year:
   * the commitment's end) is refilled in that year with the same facility GW of the newest chip in `chips` (ids)
   * available by the start of that year, at `pue`. Replacements retire and are replaced in turn.
   */
  replace?: {until: number; chips: readonly string[]; pue: number};
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
  {life, throughYear, replace}: FleetOptions
): Fleet {
  if (!(life > 0 && life < Infinity)) throw new Error(`invalid life: ${life}`);
  if (throughYear !== undefined && !Number.isInteger(throughYear)) throw new Error(`invalid throughYear: ${throughYear}`);
  const span = Math.ceil(life);
  const cohorts: FleetCohort[] = [];
  const previous: Record<string, number> = {};
  const previousGw: Record<string, number> = {};
  for (const {year, byChip} of byYear) {
    for (const [chip, {accelerators, gw}] of Object.entries(byChip)) {
      const added = accelerators - (previous[chip] ?? 0);
      const addedGw = gw - (previousGw[chip] ?? 0);
      previous[chip] = accelerators;
      previousGw[chip] = gw;
      if (added > 0) cohorts.push({year, chip, accelerators: added, retires: year + span, gw: addedGw});
    }
  }
  if (byYear.length === 0) return {cohorts, years: []};
  if (replace) {
    if (!(replace.pue > 0 && replace.pue < Infinity)) throw new Error(`invalid pue: ${replace.pue}`);
    const specs = replace.chips.map((id) => {
      const spec = chips.find((c) => c.id === id);
      if (!spec) throw new Error(`invalid chip: ${id}`);
      return spec;
    });
    // Cohorts are appended as they are made, so the loop also reaches the replacements (which may be replaced too).
    for (let i = 0; i < cohorts.length; ++i) {
      const old = cohorts[i];
      if (!(old.retires < replace.until) || old.gw <= 0) continue;
      const newest = newestAvailable(specs, old.retires) ?? chips.find((c) => c.id === old.chip)!;
      const accelerators = itMwToAccelerators(facilityGwToItMw(old.gw, replace.pue), newest.itKw.value);
      cohorts.push({
        year: old.retires,
        chip: newest.id,
        accelerators,
        retires: old.retires + span,
        gw: old.gw,
        replaces: {year: old.year, chip: old.chip}
      });
    }
  }
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
 * {@link projectFleet}). Given the `deal`, capacity that retires while its longest commitment runs (start + term)
 * is replaced on the newest of its capacity chips available by then, at the scenario's PUE: the lab keeps the
 * capacity it pays for, so the fleet does not shrink inside a commitment.
 *
 * @example projectDealFleet(projectDealCapacity(deal, chips, values, assumptions)!, chips, values, {deal}).years
 */
export function projectDealFleet(
  capacity: Pick<DealCapacity, "byYear">,
  chips: readonly Chip[],
  values: ScenarioValues,
  {throughYear, deal}: {throughYear?: number; deal?: Pick<Deal, "commitments" | "capacity">} = {}
): Fleet {
  const until = deal ? commitmentEnd(deal) : null;
  const replace = until !== null && deal?.capacity ? {until, chips: deal.capacity.chips, pue: values.values.pue} : undefined;
  return projectFleet(capacity.byYear, chips, {life: values.values["it-life"], throughYear, replace});
}

/**
 * Returns the decimal year a deal's last commitment ends (start month + term in years), or null without one.
 *
 * @example commitmentEnd({commitments: [{start: "2026-04-20", years: {value: 10, …}, …}]}) // 2036.25
 */
export function commitmentEnd(deal: Pick<Deal, "commitments">): number | null {
  let end: number | null = null;
  for (const c of deal.commitments) {
    const at = monthIndex(c.start) / 12 + c.years.value;
    if (end === null || at > end) end = at;
  }
  return end;
}

// The newest of `specs` available by the start of `year` (availability date before January 1st of it).
function newestAvailable(specs: readonly Chip[], year: number): Chip | undefined {
  let best: Chip | undefined;
  for (const c of specs) if (c.available.date < `${year}-01-01` && (!best || c.available.date > best.available.date)) best = c;
  return best;
}
