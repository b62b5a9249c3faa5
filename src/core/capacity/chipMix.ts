/**
 * Which chip fills capacity as it comes online: the newest of a deal's chips that is available (plus a lag for
 * volume ramp) by the month the capacity arrives. Given the month delivery starts, no capacity is drawn as a chip
 * before that chip is available: the deal's oldest chip fills from its availability (the lag is the time a newer chip
 * takes to displace an older one in the deal's builds), and capacity added before it is available is drawn as the
 * newest earlier chip of its line in the data; without a start (or an earlier chip), the oldest.
 */
import type {Chip} from "../model.js";
import {type CapacityCurve, capacityAt} from "./curve.js";
import {monthIndex} from "./months.js";

/** A chip in fill order, with the first month index at which it fills new capacity (availability + lag). */
export interface ChipFill {
  id: string;
  from: number;
}

export interface ChipMixYear {
  year: number;
  /** GW that came online in the year, by chip id (every chip in the order, 0 when none). */
  byChip: Record<string, number>;
}

/**
 * Returns the chips named by `ids`, oldest first by availability date (ties keep the order of `ids`), each with
 * the month from which it fills new capacity: its availability month + `lagMonths` (a whole number ≥ 0,
 * default 6). Throws `invalid chip: <id>` for an id not in `chips` and `invalid ids: ` for none.
 *
 * With `startMonth` (the month index delivery starts, see deliveryStart), the oldest chip fills from its own
 * availability month, or from `startMonth` when later (issue #13: Google → Anthropic's capacity from April 2026 was
 * drawn as Ironwood while the same rule said Ironwood filled only from May 2026); a newer chip still waits its lag. When
 * delivery starts before the oldest chip is available, the newest chip of the same `line` in `chips` available by
 * `startMonth` is put first, filling from `startMonth`, so what is built before is drawn as the chip available then.
 *
 * @example chipFillOrder(chips, ["trainium3", "trainium2"]) // [{id: "trainium2", from: 24305}, {id: "trainium3", from: 24317}]
 * @example chipFillOrder(chips, ["ironwood", "tpu-8t"], {startMonth: 24315}) // [{id: "ironwood", from: 24315}, {id: "tpu-8t", from: 24330}]
 */
export function chipFillOrder(
  chips: readonly (Pick<Chip, "id" | "available"> & {line?: string})[],
  ids: readonly string[],
  {lagMonths = 6, startMonth}: {lagMonths?: number; startMonth?: number} = {}
): ChipFill[] {
  if (!(Number.isInteger(lagMonths) && lagMonths >= 0)) throw new Error(`invalid lagMonths: ${lagMonths}`);
  if (ids.length === 0) throw new Error("invalid ids: (none)");
  if (startMonth !== undefined && !Number.isInteger(startMonth)) throw new Error(`invalid startMonth: ${startMonth}`);
  const fills = ids.map((id, i) => {
    const chip = chips.find((c) => c.id === id);
    if (!chip) throw new Error(`invalid chip: ${id}`);
    return {id, i, date: chip.available.date, from: monthIndex(chip.available.date) + lagMonths};
  });
  fills.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  const order = fills.map(({id, from}) => ({id, from}));
  if (startMonth === undefined) return order;
  const oldest = chips.find((c) => c.id === fills[0].id)!;
  const available = monthIndex(oldest.available.date);
  order[0] = {id: oldest.id, from: Math.max(available, startMonth)};
  if (startMonth >= available || !oldest.line) return order;
  // Built before the deal's oldest chip exists: the newest earlier chip of its line out by then, if the data hold one.
  const earlier = chips
    .filter((c) => c.line === oldest.line && !ids.includes(c.id) && monthIndex(c.available.date) <= startMonth)
    .sort((a, b) => (a.available.date < b.available.date ? 1 : a.available.date > b.available.date ? -1 : 0))[0];
  return earlier ? [{id: earlier.id, from: startMonth}, ...order] : order;
}

/**
 * Returns the id of the chip that fills capacity added in month index `month`: the newest in `order` whose
 * `from` is on or before the month, else the oldest.
 *
 * @example chipAtMonth([{id: "trainium2", from: 24305}, {id: "trainium3", from: 24317}], 24316) // "trainium2"
 */
export function chipAtMonth(order: readonly ChipFill[], month: number): string {
  if (order.length === 0) throw new Error("invalid order: (none)");
  for (let k = order.length - 1; k > 0; --k) if (order[k].from <= month) return order[k].id;
  return order[0].id;
}

/**
 * Returns the GW that came online between times `t0` and `t1` (months, see months.ts), split by the chip that
 * filled it; an array aligned with `order`. The parts sum to capacityAt(t1) − capacityAt(t0).
 *
 * @example gwAddedByChip(curve, order, 24312, 24324) // [0.2, 0.8]
 */
export function gwAddedByChip(curve: CapacityCurve, order: readonly ChipFill[], t0: number, t1: number): number[] {
  if (!(t1 >= t0)) throw new Error(`invalid t1: ${t1}`);
  const n = order.length;
  const added = new Array<number>(n);
  for (let k = 0; k < n; ++k) {
    const a = k === 0 ? t0 : Math.max(t0, order[k].from);
    const b = k === n - 1 ? t1 : Math.min(t1, order[k + 1].from);
    added[k] = b > a ? Math.max(0, capacityAt(curve, b) - capacityAt(curve, a)) : 0;
  }
  return added;
}

/**
 * Returns, for each year from `fromYear` to `toYear`, the GW that came online in the year by chip id.
 *
 * @example chipMixByYear(curve, order, 2026, 2027) // [{year: 2026, byChip: {trainium2: 0.2, trainium3: 0.8}}, …]
 */
export function chipMixByYear(curve: CapacityCurve, order: readonly ChipFill[], fromYear: number, toYear: number): ChipMixYear[] {
  if (!Number.isInteger(fromYear)) throw new Error(`invalid fromYear: ${fromYear}`);
  if (!Number.isInteger(toYear)) throw new Error(`invalid toYear: ${toYear}`);
  const years: ChipMixYear[] = [];
  for (let year = fromYear; year <= toYear; ++year) {
    const added = gwAddedByChip(curve, order, year * 12, year * 12 + 12);
    years.push({year, byChip: Object.fromEntries(order.map((d, k) => [d.id, added[k]]))});
  }
  return years;
}
