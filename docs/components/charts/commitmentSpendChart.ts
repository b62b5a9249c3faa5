/** Spend per year (bars) against the cost of the capacity delivered each year (line), in US dollars. */

import type {CapacityCostYear} from "../../lib/core.js";
import * as Plot from "../../lib/plot.js";
import {el} from "../dom.js";
import {gw, sig, usd} from "../format.js";
import {Swatch} from "./commitmentSwatch.js";

/**
 * Returns the chart of a commitment's spend per calendar year (bars, USD bn) against the cost of the capacity
 * delivered that year at the contract price (line; omitted when the deal has no delivery schedule). The x axis is
 * the calendar year; a partial first or last year has a shorter bar.
 */
export function CommitmentSpendChart(
  rows: readonly CapacityCostYear[],
  {width, print = false, hasCapacity = true}: {width: number; print?: boolean; hasCapacity?: boolean}
): HTMLElement {
  const w = Math.max(width, 280);
  const narrow = w < 560;
  const years = rows.map((d) => d.year);
  const everyOther = narrow && years.length > 6;
  const chart = Plot.plot({
    width: w,
    height: narrow ? 260 : 320,
    marginLeft: 44,
    marginRight: 8,
    x: {
      label: null,
      domain: [years[0], years[years.length - 1] + 1],
      ticks: years.filter((_, i) => !everyOther || i % 2 === 0).map((y) => y + 0.5),
      tickFormat: (x: number) => String(x - 0.5),
      tickSize: 0
    },
    y: {label: "↑ US$ billions a year", grid: true, nice: true, tickFormat: (v: number) => sig(v)},
    marks: [
      Plot.rectY(rows, {
        x1: "year",
        x2: (d) => d.year + 1,
        y: (d) => d.spendUsd / 1e9,
        inset: narrow ? 1 : 3,
        fill: "var(--flow-commitment)",
        ...(print ? {} : {title: (d) => `${d.year}: spend ${usd(d.spendUsd)} buys ${sig(d.gwYearsBought)} GW-years`})
      }),
      hasCapacity
        ? Plot.lineY(rows, {
            x: (d) => d.year + 0.5,
            y: (d) => d.capacityCostUsd / 1e9,
            stroke: "var(--flow-equity)",
            strokeWidth: 2.5,
            curve: "monotone-x"
          })
        : null,
      hasCapacity
        ? Plot.dot(rows, {
            x: (d) => d.year + 0.5,
            y: (d) => d.capacityCostUsd / 1e9,
            fill: "var(--flow-equity)",
            r: 3,
            ...(print
              ? {}
              : {title: (d) => `${d.year}: ${gw(d.gwAverage)} delivered on average costs ${usd(d.capacityCostUsd)} at the contract price`})
          })
        : null,
      Plot.ruleY([0])
    ]
  });
  return el(
    "figure",
    {class: "commitment-chart"},
    el(
      "div",
      {class: "commitment-legend"},
      Swatch("Committed spend", "var(--flow-commitment)"),
      hasCapacity ? Swatch("Cost of the capacity delivered that year, at the contract price", "var(--flow-equity)", "line") : null
    ),
    chart
  );
}
