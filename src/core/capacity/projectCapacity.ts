/** A deal's capacity in hardware, energy and compute: headline figures at the ceiling, and year by year. */
import type {ScenarioValues} from "../assumptions.js";
import type {Assumption, Chip, Deal} from "../model.js";
import {type CapacityOptions, type CapacityProjector, type DealCapacity, prepareDealCapacity} from "./prepareDealCapacity.js";

const prepared = new WeakMap<Deal, {key: readonly unknown[]; project: CapacityProjector | null}>();

/**
 * Returns `deal`'s capacity at the full ceiling as Figures (facility GW; IT MW = GW × 1,000 ÷ PUE; accelerators
 * summed over chips in the schedule's chip mix, each ⌊IT kW ÷ chip itKw⌋; servers ⌈per chip⌉; buildings
 * ⌈MW ÷ building-mw⌉; TWh a year at the load factor; dense bf16/fp8 FLOP/s; H100-equivalents), plus `byYear` from
 * the announcement year to the year of the last (slipped) schedule point, with stocks at year end and energy at
 * the year's average GW. Reads `pue`, `load-factor`, `slip-months` and `building-mw` from `values.values` and the
 * ramp from `values.ramp`. Chip counts are null when the deal names no chip; the whole result is null for a deal
 * without capacity. Preparation ({@link prepareDealCapacity}) is cached per deal for the same `chips`,
 * `assumptions` and options, so repeated calls in a Monte Carlo only do the per-draw work; data must not be
 * mutated after a first call.
 *
 * @example projectDealCapacity(deal, chips, scenarioValues(assumptions, base), assumptions)!.itMw.value // 4347.8 (5 GW ÷ 1.15)
 */
export function projectDealCapacity(
  deal: Deal,
  chips: readonly Chip[],
  values: ScenarioValues,
  assumptions: readonly Assumption[],
  options: CapacityOptions = {}
): DealCapacity | null {
  const key = [chips, assumptions, options.lagMonths, options.referenceChip, options.throughYear];
  let memo = prepared.get(deal);
  if (!memo || memo.key.some((k, i) => k !== key[i])) {
    memo = {key, project: prepareDealCapacity(deal, chips, assumptions, options)};
    prepared.set(deal, memo);
  }
  return memo.project ? memo.project(values) : null;
}
