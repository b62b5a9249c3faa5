/** The heat map of a future-chip option's value against volatility and time to exercise. */

import type {ChipOptionValue} from "../../lib/core.js";
import * as Plot from "../../lib/plot.js";
import {el} from "../dom.js";
import {pct, sig, usd} from "../format.js";

/**
 * Returns a heat map of `option.grid` (value per GW-year for σ 10–100% × T 0.5–5 years), with a ring at the
 * option's own σ and T. Cells are labelled with their value when there is room (≥ 640 px), so print keeps them.
 */
export function OptionsHeatmap(option: ChipOptionValue, {width: available, print = false}: {width: number; print?: boolean}): HTMLElement {
  const width = Math.max(280, available);
  const perGwYear = option.gw * option.yearsOfUse || 1;
  const cells = option.grid.map((d) => ({...d, perGwYear: d.value / perGwYear}));
  const labelled = width >= 640;
  const max = Math.max(...cells.map((d) => d.perGwYear));
  // The cell under the ring is left unlabelled so the ring stays readable.
  const labels = cells.filter((d) => !(Math.abs(d.years - option.years) <= 0.25 && Math.abs(d.volatility - option.volatility) <= 0.05));
  const chart = Plot.plot({
    width,
    height: Math.max(260, Math.min(420, width * 0.55)),
    marginLeft: 48,
    marginBottom: 40,
    x: {label: "Years to exercise →", domain: [0.25, 5.25], ticks: width < 480 ? 5 : 10, tickFormat: (x: number) => sig(x)},
    y: {label: "↑ Volatility σ", domain: [0.05, 1.05], ticks: width < 480 ? 5 : 10, tickFormat: (y: number) => pct(y)},
    color: {type: "linear", scheme: "viridis", label: "Option value per GW-year", legend: true, tickFormat: (v: number) => usd(v)},
    marks: [
      Plot.rect(cells, {
        x1: (d) => d.years - 0.25,
        x2: (d) => d.years + 0.25,
        y1: (d) => d.volatility - 0.05,
        y2: (d) => d.volatility + 0.05,
        fill: "perGwYear",
        inset: 0.5,
        ...(print ? {} : {title: (d) => `σ ${pct(d.volatility)}, T ${sig(d.years)} years: ${usd(d.perGwYear)} per GW-year`})
      }),
      // Dark text on the light end of viridis, light text on the dark end.
      labelled
        ? cellLabels(
            labels.filter((d) => d.perGwYear > 0.55 * max),
            "black"
          )
        : null,
      labelled
        ? cellLabels(
            labels.filter((d) => d.perGwYear <= 0.55 * max),
            "white"
          )
        : null,
      // A two-tone ring reads on both ends of the colour scale.
      Plot.dot([option], {x: "years", y: "volatility", r: 9, stroke: "white", strokeWidth: 4, fill: "none"}),
      Plot.dot([option], {x: "years", y: "volatility", r: 9, stroke: "black", strokeWidth: 1.5, fill: "none"})
    ]
  });
  return el("figure", {class: "options-heatmap"}, chart);
}

function cellLabels(cells: {years: number; volatility: number; perGwYear: number}[], fill: string) {
  return Plot.text(cells, {x: "years", y: "volatility", text: (d) => usd(d.perGwYear), fill, fontSize: 9});
}
