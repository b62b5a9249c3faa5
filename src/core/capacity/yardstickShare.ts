/** A derived figure against a familiar sourced yardstick: a deal's energy a year as a share of what US data centres used. */
import {type Figure, figure, leaf} from "../lineage.js";
import type {Yardstick} from "../model.js";

/**
 * Returns `value` as a share (a fraction) of `yardstick`, in the same unit: value ÷ yardstick. The lineage adds
 * `yardstick:<id>` with the yardstick's status to the value's inputs; the bound combines both ("up to" 35 TWh of
 * an exact 183 TWh is "up to" 19%). Throws `invalid unit: <value unit> against <yardstick unit>` when the units
 * differ, and `invalid yardstick: <id> (<value>)` unless the yardstick is above 0.
 *
 * @example yardstickShare(energy, usDataCentres2024).value // 35.04 TWh ÷ 183 TWh ≈ 0.191
 */
export function yardstickShare(value: Figure, yardstick: Yardstick): Figure {
  if (value.unit !== yardstick.unit) throw new Error(`invalid unit: ${value.unit} against ${yardstick.unit}`);
  if (!(yardstick.value > 0 && yardstick.value < Infinity)) throw new Error(`invalid yardstick: ${yardstick.id} (${yardstick.value})`);
  return figure(value.value / yardstick.value, "fraction", [
    value,
    {lineage: leaf(`yardstick:${yardstick.id}`, yardstick.status), bound: yardstick.bound}
  ]);
}
