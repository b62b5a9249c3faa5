import type {Assumption} from "../model.js";
import type {ProjectFigures} from "./monteCarlo.js";

/** One bar of a tornado chart: a figure's value with one assumption at each end of its range. */
export interface TornadoRow {
  /** Assumption id. */
  id: string;
  label: string;
  /** The assumption's low and high, in its unit. */
  low: number;
  high: number;
  /** The figure with this assumption at its low (resp. high) and every other at its base value; NaN if undefined. */
  valueAtLow: number;
  valueAtHigh: number;
  /** The figure with every assumption at its base value (the same on every row). */
  baseValue: number;
  /** |valueAtHigh − valueAtLow|; NaN if either end is undefined. */
  swing: number;
}

/**
 * Returns the one-at-a-time sensitivity of one figure, a row per assumption sorted by swing, largest first: each
 * assumption is set to its low and then its high while the others keep `baseValues` (the scenario's values), and
 * the figure's value at each end is recorded. Ties are ordered by id, and rows whose swing is undefined (the
 * figure is null, NaN or infinite at an end) come last, so the order is deterministic. An assumption with
 * low = high has swing 0. `project` is the same kind of function as for {@link simulate}; it receives a fresh
 * copy of the values for each call. Throws `invalid vary` for an unknown id, `invalid figure` if `project` does
 * not return the figure at the base values.
 *
 * @example tornado(assumptions, values, (v) => ({twh: 5 * v.pue * v["load-factor"] * 8.76}), "twh")
 * // [{id: "load-factor", low: 0.5, high: 1, valueAtLow: …, swing: …}, {id: "pue", …}, …]
 */
export function tornado<V extends Record<string, number>>(
  assumptions: readonly Assumption[],
  baseValues: V,
  project: (values: V) => ProjectFigures,
  figure: string,
  {vary}: {vary?: readonly string[]} = {}
): TornadoRow[] {
  const ids = new Set(assumptions.map((a) => a.id));
  if (vary) for (const id of vary) if (!ids.has(id)) throw new Error(`invalid vary: ${id}`);
  const varied = vary ? new Set(vary) : ids;
  const base = project({...baseValues});
  if (!(figure in base)) throw new Error(`invalid figure: ${figure}`);
  const baseValue = finite(base[figure]);
  const at = (id: string, value: number): number => finite(project({...baseValues, [id]: value})[figure]);
  return assumptions
    .filter((a) => varied.has(a.id))
    .map(({id, label, low, high}) => {
      const valueAtLow = at(id, low);
      const valueAtHigh = at(id, high);
      return {id, label, low, high, valueAtLow, valueAtHigh, baseValue, swing: Math.abs(valueAtHigh - valueAtLow)};
    })
    .sort(bySwing);
}

function finite(value: number | null | undefined): number {
  return typeof value === "number" && Number.isFinite(value) ? value : Number.NaN;
}

function bySwing(a: TornadoRow, b: TornadoRow): number {
  const aDefined = !Number.isNaN(a.swing);
  const bDefined = !Number.isNaN(b.swing);
  if (aDefined !== bDefined) return aDefined ? -1 : 1;
  if (aDefined && a.swing !== b.swing) return b.swing - a.swing;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
