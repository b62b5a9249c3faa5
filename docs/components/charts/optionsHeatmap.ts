/** The heat map of a future-chip option's value against volatility and time to exercise. */

import {type ChipOptionValue, optionCellText} from "../../lib/core.js";
import * as Plot from "../../lib/plot.js";
import {el} from "../dom.js";
import {pct, sig, usd} from "../format.js";

/**
 * Returns a heat map of `option.grid` (value per GW-year for σ 10–100% × T 0.5–5 years), with a frame round the
 * option's own σ and T. Cells are labelled with their value when there is room (≥ 640 px), so print keeps them:
 * at three significant figures, a value under 0.1% of the strike as "≈$0" (core optionCellText); the framed cell's
 * label is bold, so today's value reads in print.
 */
export function OptionsHeatmap(option: ChipOptionValue, {width: available, print = false}: {width: number; print?: boolean}): HTMLElement {
  const width = Math.max(280, available);
  const perGwYear = option.gw * option.yearsOfUse || 1;
  const cells = option.grid.map((d) => ({...d, perGwYear: d.value / perGwYear}));
  const labelled = width >= 640;
  const max = Math.max(...cells.map((d) => d.perGwYear));
  const label = (d: {perGwYear: number}) => optionCellText(d.perGwYear, option.strike);
  // Today's cell: a frame (not a ring, which a label inside would cross) and a bold label.
  const today = (d: {years: number; volatility: number}) =>
    Math.abs(d.years - option.years) <= 0.25 && Math.abs(d.volatility - option.volatility) <= 0.05;
  const labels = cells.map((d) => ({...d, today: today(d)}));
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
        ...(print ? {} : {title: (d) => `σ ${pct(d.volatility)}, T ${sig(d.years)} years: ${label(d)} per GW-year`})
      }),
      // Dark text on the light end of viridis, light text on the dark end; today's cell in bold.
      ...(labelled
        ? [false, true].flatMap((bold) =>
            [true, false].map((light) =>
              cellLabels(
                labels.filter((d) => d.today === bold && d.perGwYear > 0.55 * max === light),
                light ? "black" : "white",
                label,
                bold
              )
            )
          )
        : []),
      // A two-tone frame reads on both ends of the colour scale.
      frame(option, "white", 4),
      frame(option, "black", 1.5)
    ]
  });
  return el("figure", {class: "options-heatmap"}, chart);
}

function cellLabels(
  cells: {years: number; volatility: number; perGwYear: number}[],
  fill: string,
  label: (d: {perGwYear: number}) => string,
  bold: boolean
) {
  return Plot.text(cells, {x: "years", y: "volatility", text: label, fill, fontSize: 9, fontWeight: bold ? "bold" : "normal"});
}

/** The frame round today's cell (the option's own σ and T), in one tone. */
function frame(option: ChipOptionValue, stroke: string, strokeWidth: number) {
  return Plot.rect([option], {
    x1: (d) => d.years - 0.25,
    x2: (d) => d.years + 0.25,
    y1: (d) => d.volatility - 0.05,
    y2: (d) => d.volatility + 0.05,
    stroke,
    strokeWidth,
    fill: "none"
  });
}
