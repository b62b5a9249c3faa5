/** A deal's delivery schedule: cumulative GW online month by month and year by year, with ramp and slip. */
import type {ScenarioValues} from "../assumptions.js";
import type {Capacity, Chip, Deal, RampShape} from "../model.js";
import {factGw} from "./convert.js";
import {type CapacityCurve, type CurvePoint, capacityArea, capacityAt, capacityCurve} from "./curve.js";
import {monthIndex, monthLabel} from "./months.js";

/** A dated schedule point: `gw` online by the date `by` (honoured at the end of that month). */
export interface DatedPoint {
  by: string;
  gw: number;
}

export interface DeliveryOptions {
  /** Most capacity the deal allows, GW. */
  ceiling: number;
  /** Announcement date; delivery starts from 0 GW at the beginning of that month, unless `start` is given. */
  announced: string;
  /**
   * The earliest date capacity can exist (see {@link deliveryStart}): delivery starts from 0 GW at the beginning
   * of its month. Defaults to `announced`. A point due before it is moved to it (`deals check` reports such a point).
   */
  start?: string;
  ramp: RampShape;
  /** Months every point arrives late (≥ 0); defaults to 0. */
  slipMonths?: number;
}

export interface MonthCapacity {
  /** `YYYY-MM`. */
  month: string;
  /** Cumulative GW online at the end of the month. */
  gw: number;
}

export interface YearCapacity {
  year: number;
  /** GW online at the end of the year. */
  gw: number;
  /** GW that came online during the year. */
  gwAdded: number;
  /** Average GW online over the year (time-weighted; months before the start count as 0). */
  gwAverage: number;
}

export interface DeliverySchedule {
  months: MonthCapacity[];
  years: YearCapacity[];
}

/** The earliest date a deal's capacity can exist, and which of the deal's dates sets it. */
export interface DeliveryStart {
  /** ISO date; delivery starts from 0 GW at the beginning of its month. */
  date: string;
  /** What sets it: the announcement, the deal's first stated delivery, or the oldest chip's availability. */
  reason: "announced" | "first-delivery" | "chip-available";
  /** The chip whose availability sets it, when `reason` is "chip-available". */
  chip?: string;
}

/**
 * Returns the earliest date a deal's capacity can exist: the latest of its announcement, its first stated
 * delivery (`capacity.firstDelivery`) and the availability date of the oldest chip generation it names (each
 * later generation fills only from its own availability, see chipFillOrder). Ties keep that order of reasons.
 * Throws `invalid chip: <id>` for a capacity chip not in `chips`.
 *
 * @example deliveryStart(nvidiaOpenAi, chips) // {date: "2026-07-01", reason: "first-delivery"} (announced 2025-09-22; Rubin 2026-07-01)
 */
export function deliveryStart(deal: Pick<Deal, "announced" | "capacity">, chips: readonly Pick<Chip, "id" | "available">[]): DeliveryStart {
  let start: DeliveryStart = {date: deal.announced, reason: "announced"};
  const first = deal.capacity?.firstDelivery?.date;
  if (first && first > start.date) start = {date: first, reason: "first-delivery"};
  let oldest: {id: string; date: string} | undefined;
  for (const id of deal.capacity?.chips ?? []) {
    const chip = chips.find((c) => c.id === id);
    if (!chip) throw new Error(`invalid chip: ${id}`);
    if (!oldest || chip.available.date < oldest.date) oldest = {id, date: chip.available.date};
  }
  if (oldest && oldest.date > start.date) start = {date: oldest.date, reason: "chip-available", chip: oldest.id};
  return start;
}

/**
 * Returns the delivery curve of dated points (see {@link capacityCurve}), starting at the month of `start` (the
 * announcement month by default); a point due before that month is moved to it.
 *
 * @example deliveryCurve([{by: "2026-12-31", gw: 1}], {ceiling: 5, announced: "2026-04-20", ramp: "linear"})
 * // {ramp: "linear", times: [24315, 24324], gw: [0, 1]}
 */
export function deliveryCurve(
  points: readonly DatedPoint[],
  {ceiling, announced, start: from, ramp, slipMonths = 0}: DeliveryOptions
): CapacityCurve {
  const {start, months} = scheduleMonths(points, from ?? announced);
  return capacityCurve(months, {start, ceiling, ramp, slipMonths});
}

/**
 * Returns dated points on the month axis, and the month delivery starts from: the month of `start` (the earliest
 * date capacity can exist, see {@link deliveryStart}). A point due before that month is moved to it: nothing can
 * be online before delivery can start (`deals check` reports such a point as an error in the data).
 *
 * @example scheduleMonths([{by: "2026-12-31", gw: 1}], "2026-04-20") // {start: 24315, months: [{month: 24323, gw: 1}]}
 */
export function scheduleMonths(points: readonly DatedPoint[], start: string): {start: number; months: CurvePoint[]} {
  const first = monthIndex(start);
  const months = points.map(({by, gw}) => ({month: Math.max(first, monthIndex(by)), gw}));
  return {start: first, months};
}

/**
 * Returns a deal's schedule points with GW read from their facts (MW facts converted).
 *
 * @example datedPoints(deal.capacity) // [{by: "2026-12-31", gw: 1}, {by: "2028-12-31", gw: 5}]
 */
export function datedPoints(capacity: Pick<Capacity, "schedule">): DatedPoint[] {
  return capacity.schedule.map((p) => ({by: p.by, gw: factGw(p.gw)}));
}

/**
 * Returns the month index holding the curve's last knot (the last point, slipped): ⌈last knot⌉ − 1; the month
 * before the start when there are no points.
 *
 * @example curveLastMonth({ramp: "linear", times: [24315, 24330.5], gw: [0, 1]}) // 24330
 */
export function curveLastMonth({times}: CapacityCurve): number {
  return Math.ceil(times[times.length - 1]) - 1;
}

/**
 * Returns, for each year from `fromYear` to `toYear` inclusive, the GW online at year end, the GW added in the
 * year and the average GW over the year (closed-form area under the curve ÷ 12). Empty when toYear < fromYear.
 *
 * @example yearlyCapacity({ramp: "linear", times: [24312, 24324], gw: [0, 1]}, 2026, 2026)
 * // [{year: 2026, gw: 1, gwAdded: 1, gwAverage: 0.5}]
 */
export function yearlyCapacity(curve: CapacityCurve, fromYear: number, toYear: number): YearCapacity[] {
  if (!Number.isInteger(fromYear)) throw new Error(`invalid fromYear: ${fromYear}`);
  if (!Number.isInteger(toYear)) throw new Error(`invalid toYear: ${toYear}`);
  const years: YearCapacity[] = [];
  for (let year = fromYear; year <= toYear; ++year) {
    const t0 = year * 12;
    const gw = capacityAt(curve, t0 + 12);
    years.push({year, gw, gwAdded: gw - capacityAt(curve, t0), gwAverage: capacityArea(curve, t0, t0 + 12) / 12});
  }
  return years;
}

/**
 * Returns the cumulative GW online at the end of each month from the start month to the month of the last
 * (slipped) point, and the per-year view over the same years (see {@link yearlyCapacity}). Each point is met
 * exactly at the end of its slipped month (with slip 0, at its own month); capacity grows between points along
 * the ramp, never exceeds the ceiling and never grows past the last point. No points: no months, no years.
 *
 * @example deliverySchedule([{by: "2026-06-30", gw: 1}], {ceiling: 5, announced: "2026-04-01", ramp: "linear"}).months
 * // [{month: "2026-04", gw: 1/3}, {month: "2026-05", gw: 2/3}, {month: "2026-06", gw: 1}]
 */
export function deliverySchedule(points: readonly DatedPoint[], options: DeliveryOptions): DeliverySchedule {
  const curve = deliveryCurve(points, options);
  const first = curve.times[0];
  const last = curveLastMonth(curve);
  const months: MonthCapacity[] = [];
  for (let m = first; m <= last; ++m) months.push({month: monthLabel(m), gw: capacityAt(curve, m + 1)});
  const years = last < first ? [] : yearlyCapacity(curve, Math.floor(first / 12), Math.floor(last / 12));
  return {months, years};
}

/**
 * Returns a deal's delivery schedule (see {@link deliverySchedule}) under scenario values (`slip-months` and the
 * ramp), starting at {@link deliveryStart} (pass the dataset's `chips` so the oldest chip's availability counts;
 * without them only the announcement and the first stated delivery do); null for a deal without capacity.
 *
 * @example dealDeliverySchedule(deal, scenarioValues(assumptions, base), chips)!.years[0] // {year: 2026, gw: 1, …}
 */
export function dealDeliverySchedule(
  deal: Deal,
  {ramp, values}: ScenarioValues,
  chips: readonly Pick<Chip, "id" | "available">[] = []
): DeliverySchedule | null {
  if (!deal.capacity) return null;
  const known = deal.capacity.chips.every((id) => chips.some((c) => c.id === id));
  return deliverySchedule(datedPoints(deal.capacity), {
    ceiling: factGw(deal.capacity.ceiling),
    announced: deal.announced,
    start: deliveryStart(known ? deal : {...deal, capacity: {...deal.capacity, chips: []}}, chips).date,
    ramp,
    slipMonths: values["slip-months"]
  });
}
