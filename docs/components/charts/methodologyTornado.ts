/** The tornado chart: how far one headline figure moves when each assumption goes to its low and its high. */

import type {TornadoRow} from "../../lib/core.js";
import * as Plot from "../../lib/plot.js";
import {el} from "../dom.js";
import {figureText} from "../format.js";
import {dataUnitText} from "../tables/methodologyUnits.js";

export interface TornadoOptions {
  width: number;
  /** Unit of the figure (the core's unit names: "gw-years", "usd"…). */
  unit: string;
  /** Unit of each assumption, by id, to label the bar ends with the assumption's low and high. */
  assumptionUnits: Record<string, string>;
  /** Bars to draw at most (the largest swings); defaults to 8. */
  top?: number;
}

/**
 * Returns a horizontal bar chart of a tornado: per assumption (largest swing on top), a bar from the base value to
 * the figure's value with the assumption at its low, another to its value at its high, each end labelled with the
 * assumption's value; a rule marks the base value. Assumptions that do not move the figure are named under the
 * chart, not drawn.
 */
export function MethodologyTornado(
  rows: readonly TornadoRow[],
  {width: available, unit, assumptionUnits, top = 8}: TornadoOptions
): HTMLElement {
  const width = Math.max(280, available);
  const moving = rows.filter((r) => Number.isFinite(r.swing) && r.swing > 0).slice(0, top);
  const still = rows.filter((r) => !(Number.isFinite(r.swing) && r.swing > 0));
  const base = rows[0]?.baseValue ?? 0;
  const bars = moving.flatMap((r) => [
    {label: r.label, end: "low", value: r.valueAtLow, text: endText(r.low, assumptionUnits[r.id])},
    {label: r.label, end: "high", value: r.valueAtHigh, text: endText(r.high, assumptionUnits[r.id])}
  ]);
  const narrow = width < 560;
  const format = (x: number) => figureText(x, unit).replace(/ (a year|per GW-year|GW-years)$/, "");
  const chart = moving.length
    ? Plot.plot({
        width,
        height: 56 + moving.length * (narrow ? 44 : 34),
        marginLeft: narrow ? 120 : 200,
        marginRight: 16,
        marginTop: 28,
        x: {
          label: `${figureText(base, unit)} at base values →`,
          tickFormat: format,
          ticks: narrow ? 3 : 6,
          grid: true,
          insetLeft: 50,
          insetRight: 10
        },
        y: {domain: moving.map((r) => r.label), label: null},
        marks: [
          Plot.barX(bars, {
            x1: base,
            x2: "value",
            y: "label",
            fill: (d) => (d.end === "low" ? "var(--flow-equity)" : "var(--flow-commitment)"),
            insetTop: 4,
            insetBottom: 4
          }),
          Plot.ruleX([base], {stroke: "currentColor", strokeWidth: 1.5}),
          Plot.text(
            bars.filter((d) => d.value > base),
            {x: "value", y: "label", text: "text", dx: 4, textAnchor: "start", fontSize: 10, fill: "currentColor"}
          ),
          Plot.text(
            bars.filter((d) => d.value < base),
            {x: "value", y: "label", text: "text", dx: -4, textAnchor: "end", fontSize: 10, fill: "currentColor"}
          ),
          Plot.axisY({tickSize: 0, lineWidth: narrow ? 9 : 16, fontSize: 11})
        ]
      })
    : el("p", {class: "muted"}, "No assumption moves this figure.");
  return el(
    "figure",
    {class: "methodology-tornado"},
    el(
      "div",
      {class: "methodology-tornado-legend"},
      el("span", {class: "methodology-swatch methodology-swatch--low"}),
      " assumption at its low  ",
      el("span", {class: "methodology-swatch methodology-swatch--high"}),
      " at its high; the line is the base value"
    ),
    chart,
    still.length ? el("figcaption", {class: "muted"}, `No effect on this figure: ${still.map((r) => r.label).join(", ")}.`) : null
  );
}

// The assumption's value at a bar's end, short: the unit's "per GW-year" is in the row's label already.
function endText(value: number, unit = "ratio"): string {
  return dataUnitText(value, unit).replace(/ per (GW-year|GW|MWh)$/, "");
}
