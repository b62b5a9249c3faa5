import type {TornadoRow} from "../../../src/core/uncertainty/tornado.js";

/** A tornado bar for a test: its swing is computed from its two ends, as the tornado computes it. */
export function tornadoRow(bar: Omit<TornadoRow, "label" | "swing"> & {label?: string}): TornadoRow {
  return {...bar, label: bar.label ?? bar.id, swing: Math.abs(bar.valueAtHigh - bar.valueAtLow)};
}
