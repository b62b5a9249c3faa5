/** A deal's capacity online month by month, split by the chip that filled it: the delivery ramp's fine grain. */
import type {ScenarioValues} from "../assumptions.js";
import type {Chip, Deal} from "../model.js";
import {chipFillOrder, gwAddedByChip} from "./chipMix.js";
import {factGw} from "./convert.js";
import {capacityAt} from "./curve.js";
import {monthIndex, monthLabel} from "./months.js";
import {curveLastMonth, datedPoints, deliveryCurve, deliveryStart} from "./schedule.js";

/** Capacity online at the end of one month. */
export interface CapacityMonthRow {
  /** `YYYY-MM`. */
  month: string;
  /** Last day of the month, ISO `YYYY-MM-DD`: when the row's stock is measured. */
  end: string;
  /** Facility GW online at the end of the month. */
  gw: number;
  /** Facility GW online by chip id (every chip of the deal, 0 before it fills); empty when the deal names no chip. */
  byChip: Record<string, number>;
}

export interface DealCapacityMonths {
  /** First month of delivery, `YYYY-MM` (capacity is 0 at its beginning). */
  start: string;
  /** First day of the first month, ISO: where the ramp starts from 0 GW. */
  startDate: string;
  months: CapacityMonthRow[];
}

/**
 * Returns a deal's facility GW online at the end of each month, in total and by chip, from the delivery start
 * (see deliveryStart: the latest of the announcement, the first stated delivery and the oldest chip's availability) to the month of the last schedule point after
 * `slip-months` (or to December of `throughYear`, if later; flat after the last point). The split follows
 * the same rule as the yearly view of prepareDealCapacity: capacity added in a month goes to the newest of the
 * deal's chips available `lagMonths` (default 6) before it, so the December rows equal `byYear[].byChip[].gw`.
 * Reads `slip-months` from `values.values` and the ramp from `values.ramp`. Null for a deal without capacity;
 * no months for a deal without schedule points (unless `throughYear` asks for them, at 0 GW).
 *
 * @example dealCapacityMonths(deal, chips, scenarioValues(assumptions, base))!.months.at(-1) // {month: "2028-12", gw: 5, …}
 */
export function dealCapacityMonths(
  deal: Deal,
  chips: readonly Chip[],
  {ramp, values}: ScenarioValues,
  {lagMonths = 6, throughYear}: {lagMonths?: number; throughYear?: number} = {}
): DealCapacityMonths | null {
  const capacity = deal.capacity;
  if (!capacity) return null;
  if (throughYear !== undefined && !Number.isInteger(throughYear)) throw new Error(`invalid throughYear: ${throughYear}`);
  const from = deliveryStart(deal, chips).date;
  const curve = deliveryCurve(datedPoints(capacity), {
    ceiling: factGw(capacity.ceiling),
    announced: deal.announced,
    start: from,
    ramp,
    slipMonths: values["slip-months"]
  });
  const order = capacity.chips.length ? chipFillOrder(chips, capacity.chips, {lagMonths, startMonth: monthIndex(from)}) : [];
  const start = curve.times[0];
  const last = Math.max(
    capacity.schedule.length ? curveLastMonth(curve) : start - 1,
    throughYear === undefined ? -Infinity : throughYear * 12 + 11
  );
  const months: CapacityMonthRow[] = [];
  for (let m = start; m <= last; ++m) {
    const added = gwAddedByChip(curve, order, start, m + 1);
    const byChip: Record<string, number> = {};
    for (let k = 0; k < order.length; ++k) byChip[order[k].id] = added[k];
    months.push({month: monthLabel(m), end: lastDay(m), gw: capacityAt(curve, m + 1), byChip});
  }
  return {start: monthLabel(start), startDate: `${monthLabel(start)}-01`, months};
}

// The ISO date of the last day of month index m (day 0 of the next month, in UTC).
function lastDay(m: number): string {
  const day = new Date(Date.UTC(Math.floor(m / 12), (m % 12) + 1, 0)).getUTCDate();
  return `${monthLabel(m)}-${String(day).padStart(2, "0")}`;
}
