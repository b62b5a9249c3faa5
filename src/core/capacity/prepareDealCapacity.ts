/** A deal's capacity in hardware, energy and compute, with the per-deal work done once for many draws. */
import type {ScenarioValues} from "../assumptions.js";
import type {Figure} from "../lineage.js";
import type {Assumption, Chip, Deal} from "../model.js";
import {type CapacityFigureKey, capacityLineage, type FigureOrigin} from "./capacityLineage.js";
import {chipInputReader, shareAssumptionId} from "./chipAssumptions.js";
import {chipAccelerators, chipFlops, chipServers} from "./chipCounts.js";
import {chipAtMonth, chipFillOrder, gwAddedByChip} from "./chipMix.js";
import {facilityGwToItMw, facilityMwToBuildings, factGw, flopsToH100e, gwToTwhPerYear} from "./convert.js";
import {type CapacityCurve, capacityArea, capacityAt, capacityCurve} from "./curve.js";
import {curveLastMonth, datedPoints, deliveryStart, scheduleMonths} from "./schedule.js";

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
  /** H100-equivalents on the BF16 basis: dense bf16 FLOP/s ÷ the H100's. */
  h100e: number | null;
  /** H100-equivalents on Epoch AI's basis: dense 8-bit FLOP/s ÷ the H100's (1,979 TFLOP/s); null without fp8 figures. */
  h100eFp8: number | null;
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
  /** H100-equivalents on the BF16 basis: dense bf16 FLOP/s ÷ the H100's dense bf16 (0.989 PFLOP/s in chips.yaml). */
  h100e: Figure | null;
  /**
   * H100-equivalents on Epoch AI's definition: dense 8-bit FLOP/s ÷ the H100's dense 8-bit (1.979 PFLOP/s); null when
   * a chip in the mix publishes no fp8 figure.
   */
  h100eFp8: Figure | null;
  /** Share (0–1) of the ceiling filled by each chip in the headline counts: the schedule's mix. */
  mix: Record<string, number>;
  /**
   * What the headline values are: "base", computed at one set of assumption values (the scenario's, or the
   * reader's); "median", the P50 of the Monte Carlo that makes their P10–P90 bands (see projectDeal), with the
   * values at the scenario's own values kept in `base`.
   */
  central: "base" | "median";
  /** With `central: "median"`, the headline values at the scenario's values (no draw): the "base case"; else null. */
  base: CapacityBaseCase | null;
  byYear: CapacityYear[];
}

/** The headline values computed at the scenario's values, beside their Monte Carlo medians. */
export type CapacityBaseCase = Partial<Record<CapacityHeadlineKey, number>>;

/**
 * The headline capacity figures whose published value is the median of their Monte Carlo band (see projectDeal).
 * Energy is not among them: it is the ceiling × 8,760 h × the load factor, one assumption, and its text names that
 * load factor; its value at the base load factor lies inside its band (a test holds every headline to that).
 */
export const CAPACITY_BANDED = ["accelerators", "servers", "flopsBf16", "flopsFp8", "h100e", "h100eFp8"] as const;
export type CapacityHeadlineKey = (typeof CAPACITY_BANDED)[number];

/** Facility GW at the end of one calendar year and its average over the year. */
export interface YearGwAverage {
  year: number;
  /** Facility GW at the end of the year. */
  gw: number;
  /** Average facility GW over the year. */
  gwAverage: number;
}

/** The values of a projection's banded headline figures ({@link DealCapacity}'s), as plain numbers; null where the figure is. */
export interface CapacityHeadlines {
  accelerators: number | null;
  servers: number | null;
  energyTwhPerYear: number;
  flopsBf16: number | null;
  flopsFp8: number | null;
  h100e: number | null;
  h100eFp8: number | null;
}

/** A deal's projection with everything that does not depend on assumption values already worked out. */
export type CapacityProjector = ((values: ScenarioValues, options?: {byYear?: boolean}) => DealCapacity) & {
  /**
   * The `year`, `gw` and `gwAverage` of each row of `project(values).byYear`, computed alone (what a Monte Carlo draw
   * of the spend that follows delivered capacity reads). `onSchedule`: as if `slip-months` were 0 (the schedule
   * without the drawn slip), without copying the values.
   */
  gwAverageByYear(values: ScenarioValues, options?: {onSchedule?: boolean}): YearGwAverage[];
  /**
   * What a Monte Carlo draw reads, computed from one capacity curve: the values of `project(values)`'s headline
   * figures as plain numbers (no figures, mix or lineage), and with `years`, `gwAverageByYear(values)`'s rows (else null).
   */
  headlines(values: ScenarioValues, options?: {years?: boolean}): CapacityHeadlines & {years: YearGwAverage[] | null};
  /**
   * What a draw of the capacity bands reads (bands.ts), computed alone: for each row of `project(values).byYear`, its
   * `gw`, `energyTwh` and `h100e` under the keys `gw.<year>`, `energyTwh.<year>` and `h100e.<year>`, in that order,
   * year after year. The same numbers as `project`'s, by the same operations, without the rows' other fields, the
   * headline figures and their lineage, which a band does not read.
   */
  bandFigures(values: ScenarioValues): Record<string, number | null>;
};

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
  // Chips in the mix are tracked as bits of a 32-bit mask.
  if (capacity.chips.length > 30) throw new Error(`invalid capacity.chips of ${deal.id}: ${capacity.chips.length} chips (at most 30)`);
  const h100 = chips.find((c) => c.id === referenceChip);
  if (!h100 && capacity.chips.length > 0) throw new Error(`invalid referenceChip: ${referenceChip}`);
  const h100Pflops = h100?.flops.bf16.value ?? NaN;
  const h100Fp8 = h100?.flops.fp8?.value ?? NaN;
  const ceiling = factGw(capacity.ceiling);
  const {start, months: points} = scheduleMonths(datedPoints(capacity), deliveryStart(deal, chips).date);
  // From the delivery start, so no capacity is drawn as a chip before it is available (chipFillOrder).
  const order = capacity.chips.length ? chipFillOrder(chips, capacity.chips, {lagMonths, startMonth: start}) : [];
  const n = order.length;
  const specs = order.map(({id}) => chips.find((c) => c.id === id)!);
  const fromYear = Math.floor(start / 12);
  const first = n > 0 ? chipAtMonth(order, start) : undefined;
  // Stated generation shares (aligned with the fill order; 0 for a chip without one), drawn under their ids.
  const stated = capacity.shares?.length
    ? order.map(({id}) => {
        const s = capacity.shares!.find((d) => d.id === id);
        return {key: shareAssumptionId(deal.id, id), value: s ? s.share.value : 0};
      })
    : null;
  const readItKw = chipInputReader(specs, "itKw");
  const readBf16 = chipInputReader(specs, "flops.bf16");
  const readFp8 = chipInputReader(specs, "flops.fp8");
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

  // The last year of the year-by-year view: the last point's (slipped), or `throughYear` when later.
  const lastYearOf = (curve: CapacityCurve) =>
    Math.max(points.length ? Math.floor(curveLastMonth(curve) / 12) : fromYear - 1, throughYear ?? -Infinity);

  // The chips' shares of the ceiling and the counts and compute at the ceiling, for one set of values and its curve:
  // what the headline figures are made of (`project` and `headlines` alike).
  const atCeiling = (values: ScenarioValues["values"], curve: CapacityCurve) => {
    const drawn = values as unknown as Record<string, number>;
    const share = stated
      ? stated.map(({key, value}) => Math.max(0, drawn[key] ?? value))
      : gwAddedByChip(curve, order, start, curve.times[curve.times.length - 1]);
    const total = sum(share);
    let mask = 0;
    const ceilingGw = new Array<number>(n);
    for (let k = 0; k < n; ++k) {
      share[k] = total > 0 ? share[k] / total : order[k].id === first ? 1 : 0;
      if (share[k] > 0) mask |= 1 << k;
      ceilingGw[k] = share[k] * ceiling;
    }
    // Chip inputs drawn in a Monte Carlo (`chip:<id>.itKw`, `.flops.bf16`, `.flops.fp8`) replace the chip's figures.
    const itKw = readItKw(drawn);
    const pfBf16 = readBf16(drawn);
    const pfFp8 = readFp8(drawn);
    const counts = chipAccelerators(specs, ceilingGw, values.pue, itKw);
    return {
      share,
      mask,
      itKw,
      pfBf16,
      pfFp8,
      counts,
      bf16: chipFlops(specs, counts, "bf16", pfBf16),
      fp8: chipFlops(specs, counts, "fp8", pfFp8)
    };
  };

  // Per draw: plain loops and no closures created per call, since this runs inside the Monte Carlo.
  // `byYear: false` skips the year-by-year view (empty), for Monte Carlo draws that need only the headline figures.
  const project = ({ramp, values}: ScenarioValues, {byYear: withYears = true}: {byYear?: boolean} = {}): DealCapacity => {
    const {pue, "load-factor": load, "slip-months": slipMonths, "building-mw": buildingMw} = values;
    const curve = capacityCurve(points, {start, ceiling, ramp, slipMonths});
    const {share, mask, itKw, pfBf16, pfFp8, counts, bf16, fp8} = atCeiling(values, curve);
    const mix: Record<string, number> = {};
    for (let k = 0; k < n; ++k) mix[order[k].id] = share[k];
    const o = originsOf(mask);

    const toYear = withYears ? lastYearOf(curve) : fromYear - 1;
    const byYear: CapacityYear[] = [];
    const cumulative = new Array<number>(n).fill(0);
    for (let year = fromYear; year <= toYear; ++year) {
      const t0 = year * 12;
      const gw = capacityAt(curve, t0 + 12);
      const added = gwAddedByChip(curve, order, t0, t0 + 12);
      for (let k = 0; k < n; ++k) cumulative[k] += added[k];
      const yearCounts = chipAccelerators(specs, cumulative, pue, itKw);
      const byChip: Record<string, ChipCapacity> = {};
      for (let k = 0; k < n; ++k) byChip[order[k].id] = {gw: cumulative[k], gwAdded: added[k], accelerators: yearCounts[k]};
      const gwAverage = yearGwAverage(curve, year);
      const flopsBf16 = n > 0 ? chipFlops(specs, yearCounts, "bf16", pfBf16) : null;
      const flopsFp8 = n > 0 ? chipFlops(specs, yearCounts, "fp8", pfFp8) : Number.NaN;
      byYear.push({
        year,
        gw,
        gwAdded: gw - capacityAt(curve, t0),
        gwAverage,
        itMw: facilityGwToItMw(gw, pue),
        accelerators: n > 0 ? sum(yearCounts) : null,
        byChip,
        servers: n > 0 ? chipServers(specs, yearCounts) : null,
        buildings: facilityMwToBuildings(gw * 1e3, buildingMw),
        energyTwh: gwToTwhPerYear(gwAverage, load),
        flopsBf16,
        h100e: flopsBf16 === null ? null : flopsToH100e(flopsBf16, h100Pflops),
        h100eFp8: Number.isFinite(flopsFp8) && Number.isFinite(h100Fp8) ? flopsToH100e(flopsFp8, h100Fp8) : null
      });
    }

    const chipless = n === 0;
    return {
      deal: deal.id,
      gw: figureOf(ceiling, "gw", o.gw),
      itMw: figureOf(facilityGwToItMw(ceiling, pue), "mw", o.itMw),
      accelerators: chipless ? null : figureOf(sum(counts), "count", o.accelerators),
      servers: chipless ? null : figureOf(chipServers(specs, counts), "count", o.servers),
      buildings: figureOf(facilityMwToBuildings(ceiling * 1e3, buildingMw), "count", o.buildings),
      energyTwhPerYear: figureOf(gwToTwhPerYear(ceiling, load), "twh-per-year", o.energyTwhPerYear),
      flopsBf16: chipless ? null : figureOf(bf16, "flops", o.flopsBf16),
      flopsFp8: chipless ? null : maybeFigure(fp8, "flops", o.flopsFp8),
      h100e: chipless ? null : figureOf(flopsToH100e(bf16, h100Pflops), "h100e", o.h100e),
      h100eFp8:
        chipless || !(Number.isFinite(fp8) && Number.isFinite(h100Fp8)) ? null : figureOf(flopsToH100e(fp8, h100Fp8), "h100e", o.h100eFp8),
      mix,
      central: "base",
      base: null,
      byYear
    };
  };
  const yearRows = (curve: CapacityCurve): YearGwAverage[] => {
    const toYear = lastYearOf(curve);
    const rows: YearGwAverage[] = [];
    for (let year = fromYear; year <= toYear; ++year)
      rows.push({year, gw: capacityAt(curve, year * 12 + 12), gwAverage: yearGwAverage(curve, year)});
    return rows;
  };
  const gwAverageByYear = ({ramp, values}: ScenarioValues, {onSchedule = false}: {onSchedule?: boolean} = {}): YearGwAverage[] =>
    yearRows(capacityCurve(points, {start, ceiling, ramp, slipMonths: onSchedule ? 0 : values["slip-months"]}));
  const headlines: CapacityProjector["headlines"] = ({ramp, values}, {years = false} = {}) => {
    const curve = capacityCurve(points, {start, ceiling, ramp, slipMonths: values["slip-months"]});
    const {counts, bf16, fp8} = atCeiling(values, curve);
    const chipless = n === 0;
    return {
      accelerators: chipless ? null : sum(counts),
      servers: chipless ? null : chipServers(specs, counts),
      energyTwhPerYear: gwToTwhPerYear(ceiling, values["load-factor"]),
      flopsBf16: chipless ? null : bf16,
      flopsFp8: chipless || Number.isNaN(fp8) ? null : fp8,
      h100e: chipless ? null : flopsToH100e(bf16, h100Pflops),
      h100eFp8: chipless || !(Number.isFinite(fp8) && Number.isFinite(h100Fp8)) ? null : flopsToH100e(fp8, h100Fp8),
      years: years ? yearRows(curve) : null
    };
  };
  // The keys of each year's band figures, made once (a draw writes them, it does not build them).
  const bandKeys = new Map<number, [string, string, string]>();
  const keysOf = (year: number) => {
    let keys = bandKeys.get(year);
    if (!keys) {
      keys = [`gw.${year}`, `energyTwh.${year}`, `h100e.${year}`];
      bandKeys.set(year, keys);
    }
    return keys;
  };
  // project's year loop, reduced to the three fields a band reads (same operations, same order: same numbers).
  const bandFigures: CapacityProjector["bandFigures"] = ({ramp, values}) => {
    const {pue, "load-factor": load, "slip-months": slipMonths} = values;
    const curve = capacityCurve(points, {start, ceiling, ramp, slipMonths});
    const drawn = values as unknown as Record<string, number>;
    const itKw = readItKw(drawn);
    const pfBf16 = readBf16(drawn);
    const out: Record<string, number | null> = {};
    const toYear = lastYearOf(curve);
    const cumulative = new Array<number>(n).fill(0);
    for (let year = fromYear; year <= toYear; ++year) {
      const t0 = year * 12;
      const [gwKey, energyKey, h100eKey] = keysOf(year);
      out[gwKey] = capacityAt(curve, t0 + 12);
      out[energyKey] = gwToTwhPerYear(yearGwAverage(curve, year), load);
      if (n > 0) {
        const added = gwAddedByChip(curve, order, t0, t0 + 12);
        for (let k = 0; k < n; ++k) cumulative[k] += added[k];
        const yearCounts = chipAccelerators(specs, cumulative, pue, itKw);
        out[h100eKey] = flopsToH100e(chipFlops(specs, yearCounts, "bf16", pfBf16), h100Pflops);
      } else out[h100eKey] = null;
    }
    return out;
  };
  return Object.assign(project, {gwAverageByYear, headlines, bandFigures});
}

// Average facility GW over calendar year `year`: the area under the curve over its 12 months ÷ 12.
function yearGwAverage(curve: CapacityCurve, year: number): number {
  return capacityArea(curve, year * 12, year * 12 + 12) / 12;
}

// A figure from a value and its prepared origin.
function figureOf(value: number, unit: string, {lineage, bound, orMore}: FigureOrigin): Figure {
  return orMore ? {value, unit, bound, lineage, orMore} : {value, unit, bound, lineage};
}

// A figure, or null for NaN (a chip in the mix without a figure at that precision).
function maybeFigure(value: number, unit: string, origin: FigureOrigin): Figure | null {
  return Number.isNaN(value) ? null : figureOf(value, unit, origin);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const x of values) total += x;
  return total;
}
