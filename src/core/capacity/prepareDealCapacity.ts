/** A deal's capacity in hardware, energy and compute, with the per-deal work done once for many draws. */
import type {ScenarioValues} from "../assumptions.js";
import type {Figure} from "../lineage.js";
import type {Assumption, Chip, Deal} from "../model.js";
import {type CapacityFigureKey, capacityLineage, type FigureOrigin} from "./capacityLineage.js";
import {chipCounter} from "./chipCounts.js";
import {chipAtMonth, chipFillOrder, gwAddedByChip} from "./chipMix.js";
import {facilityGwToItMw, facilityMwToBuildings, factGw, flopsToH100e, gwToTwhPerYear} from "./convert.js";
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

/** A deal's capacity in one year; stocks at year end, energy over the year; counts null when the deal names no chip. */
export interface CapacityYear {
  year: number;
  /** Facility GW online at year end. */
  gw: number;
  gwAdded: number;
  /** Time-weighted average facility GW over the year. */
  gwAverage: number;
  itMw: number;
  accelerators: number | null;
  byChip: Record<string, ChipCapacity>;
  servers: number | null;
  buildings: number;
  /** Energy drawn in the year at the average GW and the load factor, TWh. */
  energyTwh: number;
  /** Dense bf16 FLOP/s installed at year end. */
  flopsBf16: number | null;
  h100e: number | null;
}

/** Headline figures at the full ceiling, and the year-by-year view. Chip counts are null when the deal names no chip. */
export interface DealCapacity {
  deal: string;
  gw: Figure;
  itMw: Figure;
  accelerators: Figure | null;
  servers: Figure | null;
  buildings: Figure;
  energyTwhPerYear: Figure;
  flopsBf16: Figure | null;
  /** Also null when a chip in the mix publishes no fp8 figure. */
  flopsFp8: Figure | null;
  h100e: Figure | null;
  /** Share (0–1) of the ceiling filled by each chip in the headline counts: the schedule's mix. */
  mix: Record<string, number>;
  byYear: CapacityYear[];
}

/** A deal's projection with everything that does not depend on assumption values already worked out. */
export type CapacityProjector = (values: ScenarioValues) => DealCapacity;

/**
 * Returns a function that projects `deal`'s capacity for given scenario values (see projectDealCapacity), with
 * the schedule, chip order, chip parameters and lineages prepared once; null when the deal has no capacity.
 * Throws `invalid referenceChip: <id>` when the deal names chips and the H100 reference is not among `chips`.
 *
 * @example const project = prepareDealCapacity(deal, chips, assumptions)!; project(values).gw.value // 5
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
  const n = capacity.chips.length;
  const h100 = chips.find((c) => c.id === referenceChip);
  if (!h100 && n > 0) throw new Error(`invalid referenceChip: ${referenceChip}`);
  const h100Pflops = h100?.flops.bf16.value ?? NaN;
  const order = n > 0 ? chipFillOrder(chips, capacity.chips, {lagMonths}) : [];
  const specs = order.map(({id}) => chips.find((c) => c.id === id)!);
  const count = chipCounter(specs);
  const ceiling = factGw(capacity.ceiling);
  const points = capacity.schedule.map((p) => ({month: monthIndex(p.by), gw: factGw(p.gw)}));
  const start = Math.min(monthIndex(deal.announced), ...points.map((p) => p.month));
  const fromYear = Math.floor(start / 12);
  const first = n > 0 ? chipAtMonth(order, start) : undefined;
  const origins = new Map<number, Record<CapacityFigureKey, FigureOrigin>>();
  const originsOf = (mask: number) => {
    let o = origins.get(mask);
    if (!o) {
      o = capacityLineage(
        deal,
        specs.filter((_, k) => mask & (1 << k)),
        n,
        h100,
        assumptions
      );
      origins.set(mask, o);
    }
    return o;
  };
  const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

  return ({ramp, values}) => {
    const {pue, "load-factor": load, "slip-months": slipMonths, "building-mw": buildingMw} = values;
    const curve = capacityCurve(points, {start, ceiling, ramp, slipMonths});
    const share = gwAddedByChip(curve, order, start, curve.times[curve.times.length - 1]);
    const total = sum(share);
    let mask = 0;
    for (let k = 0; k < n; ++k) {
      share[k] = total > 0 ? share[k] / total : order[k].id === first ? 1 : 0;
      if (share[k] > 0) mask |= 1 << k;
    }
    const o = originsOf(mask);
    const fig = (value: number, unit: string, key: CapacityFigureKey): Figure => ({value, unit, ...o[key]});
    const chipFig = (value: number, unit: string, key: CapacityFigureKey) => (n > 0 && !Number.isNaN(value) ? fig(value, unit, key) : null);
    const counts = count.accelerators(
      share.map((s) => s * ceiling),
      pue
    );
    const bf16 = count.flops(counts, "bf16");

    const toYear = Math.max(points.length ? Math.floor(curveLastMonth(curve) / 12) : fromYear - 1, throughYear ?? -Infinity);
    const byYear: CapacityYear[] = [];
    const cumulative = new Array<number>(n).fill(0);
    for (let year = fromYear; year <= toYear; ++year) {
      const t0 = year * 12;
      const gw = capacityAt(curve, t0 + 12);
      const added = gwAddedByChip(curve, order, t0, t0 + 12);
      for (let k = 0; k < n; ++k) cumulative[k] += added[k];
      const yearCounts = count.accelerators(cumulative, pue);
      const byChip: Record<string, ChipCapacity> = {};
      for (let k = 0; k < n; ++k) byChip[order[k].id] = {gw: cumulative[k], gwAdded: added[k], accelerators: yearCounts[k]};
      const gwAverage = capacityArea(curve, t0, t0 + 12) / 12;
      const flopsBf16 = n > 0 ? count.flops(yearCounts, "bf16") : null;
      byYear.push({
        year,
        gw,
        gwAdded: gw - capacityAt(curve, t0),
        gwAverage,
        itMw: facilityGwToItMw(gw, pue),
        accelerators: n > 0 ? sum(yearCounts) : null,
        byChip,
        servers: n > 0 ? count.servers(yearCounts) : null,
        buildings: facilityMwToBuildings(gw * 1e3, buildingMw),
        energyTwh: gwToTwhPerYear(gwAverage, load),
        flopsBf16,
        h100e: flopsBf16 === null ? null : flopsToH100e(flopsBf16, h100Pflops)
      });
    }

    return {
      deal: deal.id,
      gw: fig(ceiling, "gw", "gw"),
      itMw: fig(facilityGwToItMw(ceiling, pue), "mw", "itMw"),
      accelerators: chipFig(sum(counts), "count", "accelerators"),
      servers: chipFig(count.servers(counts), "count", "servers"),
      buildings: fig(facilityMwToBuildings(ceiling * 1e3, buildingMw), "count", "buildings"),
      energyTwhPerYear: fig(gwToTwhPerYear(ceiling, load), "twh-per-year", "energyTwhPerYear"),
      flopsBf16: chipFig(bf16, "flops", "flopsBf16"),
      flopsFp8: chipFig(count.flops(counts, "fp8"), "flops", "flopsFp8"),
      h100e: chipFig(n > 0 ? flopsToH100e(bf16, h100Pflops) : NaN, "h100e", "h100e"),
      mix: Object.fromEntries(order.map((d, k) => [d.id, share[k]])),
      byYear
    };
  };
}
