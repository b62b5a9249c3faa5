/** A deal's capacity in hardware, energy and compute: headline figures at the ceiling, and year by year. */
import type {ScenarioValues} from "../assumptions.js";
import type {Figure} from "../lineage.js";
import type {Assumption, Chip, Deal} from "../model.js";
import {type CapacityFigureKey, capacityLineage, type FigureOrigin} from "./capacityLineage.js";
import {chipAtMonth, chipFillOrder, gwAddedByChip} from "./chipMix.js";
import {
  acceleratorsToFlops,
  acceleratorsToServers,
  facilityGwToItMw,
  facilityMwToBuildings,
  factGw,
  flopsToH100e,
  gwToTwhPerYear,
  itMwToAccelerators
} from "./convert.js";
import {capacityArea, capacityAt, capacityCurve} from "./curve.js";
import {monthIndex} from "./months.js";
import {curveLastMonth} from "./schedule.js";

export interface CapacityOptions {
  /** Months from a chip's availability until it fills new capacity; defaults to 6. */
  lagMonths?: number;
  /** Chip id whose bf16 FLOP/s is one H100-equivalent; defaults to "h100". */
  referenceChip?: string;
  /** Extend `byYear` (flat after the last point) through this year; by default it ends with the last point's year. */
  throughYear?: number;
}

/** One chip's share of a year: cumulative GW and accelerators at year end, and GW added in the year. */
export interface ChipCapacity {
  gw: number;
  gwAdded: number;
  accelerators: number;
}

/** A deal's capacity in one year; stocks are at year end, energy is over the year. */
export interface CapacityYear {
  year: number;
  /** Facility GW online at year end. */
  gw: number;
  gwAdded: number;
  /** Time-weighted average facility GW over the year. */
  gwAverage: number;
  itMw: number;
  accelerators: number;
  byChip: Record<string, ChipCapacity>;
  servers: number;
  buildings: number;
  /** Energy drawn in the year at the average GW and the load factor, TWh. */
  energyTwh: number;
  /** Dense bf16 FLOP/s installed at year end. */
  flopsBf16: number;
  h100e: number;
}

/** Headline figures at the full ceiling, and the year-by-year view. */
export interface DealCapacity {
  deal: string;
  gw: Figure;
  itMw: Figure;
  accelerators: Figure;
  servers: Figure;
  buildings: Figure;
  energyTwhPerYear: Figure;
  flopsBf16: Figure;
  /** null when a chip in the mix publishes no fp8 figure. */
  flopsFp8: Figure | null;
  h100e: Figure;
  /** Share (0–1) of the ceiling filled by each chip in the headline counts: the schedule's mix. */
  mix: Record<string, number>;
  byYear: CapacityYear[];
}

/** A deal's projection with everything that does not depend on assumption values already worked out. */
export type CapacityProjector = (values: ScenarioValues) => DealCapacity;

/**
 * Returns a function that projects `deal`'s capacity for given scenario values (see {@link projectDealCapacity}),
 * with the schedule, chip order, chip parameters and lineages prepared once; null when the deal has no capacity.
 * Throws `invalid referenceChip: <id>` when the H100 reference is not among `chips`.
 *
 * @example const project = prepareDealCapacity(deal, chips, assumptions); project(values).gw.value // 5
 */
export function prepareDealCapacity(
  deal: Deal,
  chips: readonly Chip[],
  assumptions: readonly Assumption[],
  {lagMonths = 6, referenceChip = "h100", throughYear}: CapacityOptions = {}
): CapacityProjector | null {
  const capacity = deal.capacity;
  if (!capacity) return null;
  if (throughYear !== undefined && !Number.isInteger(throughYear)) throw new Error(`invalid throughYear: ${throughYear}`);
  const h100 = chips.find((c) => c.id === referenceChip);
  if (!h100) throw new Error(`invalid referenceChip: ${referenceChip}`);
  if (capacity.chips.length === 0) throw new Error(`invalid capacity.chips of ${deal.id}: (none)`);
  const order = chipFillOrder(chips, capacity.chips, {lagMonths});
  const specs = order.map(({id}) => chips.find((c) => c.id === id)!);
  const ceiling = factGw(capacity.ceiling);
  const points = capacity.schedule.map((p) => ({month: monthIndex(p.by), gw: factGw(p.gw)}));
  const start = Math.min(monthIndex(deal.announced), ...points.map((p) => p.month));
  const fromYear = Math.floor(start / 12);
  const origins = new Map<number, Record<CapacityFigureKey, FigureOrigin>>();
  const originsOf = (mask: number) => {
    let o = origins.get(mask);
    if (!o) {
      const mixChips = specs.filter((_, k) => mask & (1 << k));
      o = capacityLineage(deal, mixChips, order.length, h100, assumptions);
      origins.set(mask, o);
    }
    return o;
  };
  const n = order.length;
  const accelerators = (gw: readonly number[], pue: number) =>
    gw.map((g, k) => itMwToAccelerators(facilityGwToItMw(g, pue), specs[k].itKw.value));
  const servers = (counts: readonly number[]) => counts.reduce((s, c, k) => s + acceleratorsToServers(c, specs[k].perServer), 0);
  // NaN when a chip with accelerators has no figure at this precision (only fp8 is optional).
  const flops = (counts: readonly number[], precision: "bf16" | "fp8") =>
    counts.reduce((sum, c, k) => {
      const pflops = specs[k].flops[precision]?.value;
      return c === 0 ? sum : pflops === undefined ? NaN : sum + acceleratorsToFlops(c, pflops);
    }, 0);

  return ({ramp, values}) => {
    const {pue, "load-factor": load, "slip-months": slipMonths, "building-mw": buildingMw} = values;
    const curve = capacityCurve(points, {start, ceiling, ramp, slipMonths});
    const share = gwAddedByChip(curve, order, start, curve.times[curve.times.length - 1]);
    const total = share.reduce((s, g) => s + g, 0);
    const first = chipAtMonth(order, start);
    let mask = 0;
    for (let k = 0; k < n; ++k) {
      share[k] = total > 0 ? share[k] / total : order[k].id === first ? 1 : 0;
      if (share[k] > 0) mask |= 1 << k;
    }
    const o = originsOf(mask);
    const fig = (value: number, unit: string, key: CapacityFigureKey): Figure => ({value, unit, ...o[key]});
    const counts = accelerators(
      share.map((s) => s * ceiling),
      pue
    );
    const bf16 = flops(counts, "bf16");
    const fp8 = flops(counts, "fp8");

    const toYear = Math.max(points.length ? Math.floor(curveLastMonth(curve) / 12) : fromYear - 1, throughYear ?? -Infinity);
    const byYear: CapacityYear[] = [];
    const cumulative = new Array<number>(n).fill(0);
    for (let year = fromYear; year <= toYear; ++year) {
      const t0 = year * 12;
      const gw = capacityAt(curve, t0 + 12);
      const added = gwAddedByChip(curve, order, t0, t0 + 12);
      for (let k = 0; k < n; ++k) cumulative[k] += added[k];
      const yearCounts = accelerators(cumulative, pue);
      const byChip: Record<string, ChipCapacity> = {};
      for (let k = 0; k < n; ++k) byChip[order[k].id] = {gw: cumulative[k], gwAdded: added[k], accelerators: yearCounts[k]};
      const gwAverage = capacityArea(curve, t0, t0 + 12) / 12;
      const flopsBf16 = flops(yearCounts, "bf16");
      byYear.push({
        year,
        gw,
        gwAdded: gw - capacityAt(curve, t0),
        gwAverage,
        itMw: facilityGwToItMw(gw, pue),
        accelerators: yearCounts.reduce((s, c) => s + c, 0),
        byChip,
        servers: servers(yearCounts),
        buildings: facilityMwToBuildings(gw * 1e3, buildingMw),
        energyTwh: gwToTwhPerYear(gwAverage, load),
        flopsBf16,
        h100e: flopsToH100e(flopsBf16, h100.flops.bf16.value)
      });
    }

    return {
      deal: deal.id,
      gw: fig(ceiling, "gw", "gw"),
      itMw: fig(facilityGwToItMw(ceiling, pue), "mw", "itMw"),
      accelerators: fig(
        counts.reduce((s, c) => s + c, 0),
        "count",
        "accelerators"
      ),
      servers: fig(servers(counts), "count", "servers"),
      buildings: fig(facilityMwToBuildings(ceiling * 1e3, buildingMw), "count", "buildings"),
      energyTwhPerYear: fig(gwToTwhPerYear(ceiling, load), "twh-per-year", "energyTwhPerYear"),
      flopsBf16: fig(bf16, "flops", "flopsBf16"),
      flopsFp8: Number.isNaN(fp8) ? null : fig(fp8, "flops", "flopsFp8"),
      h100e: fig(flopsToH100e(bf16, h100.flops.bf16.value), "h100e", "h100e"),
      mix: Object.fromEntries(order.map((d, k) => [d.id, share[k]])),
      byYear
    };
  };
}

const prepared = new WeakMap<Deal, {key: readonly unknown[]; project: CapacityProjector | null}>();

/**
 * Returns `deal`'s capacity at the full ceiling as Figures (facility GW; IT MW = GW × 1,000 ÷ PUE; accelerators
 * summed over chips in the schedule's chip mix, each ⌊IT kW ÷ chip itKw⌋; servers ⌈per chip⌉; buildings
 * ⌈MW ÷ building-mw⌉; TWh a year at the load factor; dense bf16/fp8 FLOP/s; H100-equivalents), plus `byYear` from
 * the announcement year to the year of the last (slipped) schedule point, with stocks at year end and energy at
 * the year's average GW. Reads `pue`, `load-factor`, `slip-months` and `building-mw` from `values.values` and the
 * ramp from `values.ramp`. Returns null for a deal without capacity. Preparation is cached per deal (for the same
 * `chips`, `assumptions` and options), so repeated calls in a Monte Carlo only do the per-draw work; data must not
 * be mutated after a first call.
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
