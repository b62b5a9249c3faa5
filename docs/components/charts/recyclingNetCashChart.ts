/** The investor's cumulative net cash (the provider's cash − investment) by year, with its P10–P90 band and payback. */

import type {NetCashBand, RecyclingFlow} from "../../lib/core.js";
import * as Plot from "../../lib/plot.js";
import {el} from "../dom.js";
import {sig, usd} from "../format.js";
import {Swatch} from "./commitmentSwatch.js";

/**
 * Returns the line of cumulative net cash to the investor (USD bn) by year, a zero rule, the P10–P90 band when
 * given, and the payback year marked. With a band, the line is the band's own median (P50) path, so it never runs
 * outside its band; without one (the first, quick draw on screen), the flows at the values shown.
 */
export function RecyclingNetCashChart(
  flows: readonly RecyclingFlow[],
  {
    bands,
    paybackYear,
    width,
    print = false
  }: {bands: readonly NetCashBand[] | null; paybackYear: number | null; width: number; print?: boolean}
): HTMLElement {
  const w = Math.max(width, 280);
  const narrow = w < 560;
  // The axis runs over the band's years too: a draw's spend runs past the line's where its capacity comes online late,
  // and the median draw's payback year the text names must lie on the chart (critic s15 #1: Microsoft → OpenAI's
  // axis stopped at the base case's 2033, its text said 2034).
  const years = [...new Set([...flows.map((d) => d.year), ...(bands ?? []).map((b) => b.year)])].sort((a, b) => a - b);
  // The line is the flows' own path (every assumption at its base value, or at the values chosen): the median of each
  // year's draws is no draw's path, and its sign could contradict the title (critic s8 H3). The band gives the draws.
  const points = flows.map((d) => ({...d, y: d.cumulativeNetCash / 1e9})).filter((d) => Number.isFinite(d.y));
  const payback = paybackYear === null ? null : points.find((d) => d.year === paybackYear);
  // The label goes on the side of the rule with more room: a payback in the first years would run off the left edge.
  const early = payback !== null && payback !== undefined && payback.year - years[0] < (years[years.length - 1] - years[0]) / 2;
  const chart = Plot.plot({
    width: w,
    height: narrow ? 260 : 320,
    marginLeft: 44,
    marginRight: 12,
    x: {
      label: null,
      domain: [years[0] - 0.3, years[years.length - 1] + 0.3],
      ticks: narrow ? 5 : Math.min(years.length, 12),
      tickFormat: (x: number) => String(x)
    },
    y: {label: "↑ Cumulative net cash, US$ billions", grid: true, nice: true, tickFormat: (v: number) => sig(v)},
    marks: [
      bands?.length
        ? Plot.areaY(bands, {
            x: "year",
            y1: (d) => d.p10 / 1e9,
            y2: (d) => d.p90 / 1e9,
            fill: "var(--flow-profit)",
            fillOpacity: 0.18,
            curve: "monotone-x"
          })
        : null,
      Plot.ruleY([0], {stroke: "currentColor", strokeOpacity: 0.6}),
      Plot.lineY(points, {
        x: "year",
        y: "y",
        stroke: "var(--flow-profit)",
        strokeWidth: 2.5,
        curve: "monotone-x"
      }),
      Plot.dot(points, {
        x: "year",
        y: "y",
        fill: "var(--flow-profit)",
        r: 2.5,
        ...(print
          ? {}
          : {
              title: (d) =>
                `${d.year}: invested ${usd(d.investment)}, provider's cash ${usd(d.providerCash)} (capex ${usd(d.capex)}); cumulative ${usd(d.cumulativeNetCash)}`
            })
      }),
      payback ? Plot.ruleX([payback.year], {stroke: "currentColor", strokeDasharray: "3,3", strokeOpacity: 0.7}) : null,
      payback
        ? Plot.text([payback], {
            x: "year",
            y: "y",
            text: (d) => `pays back in ${d.year}`,
            dx: early ? 6 : -6,
            dy: -12,
            textAnchor: early ? "start" : "end",
            fontWeight: 600,
            stroke: "var(--theme-background)",
            strokeWidth: 3,
            fill: "currentColor"
          })
        : null
    ]
  });
  return el(
    "figure",
    {class: "commitment-chart"},
    el(
      "div",
      {class: "commitment-legend"},
      Swatch("Cumulative net cash to the investor, every assumption at its base value", "var(--flow-profit)", "line"),
      bands?.length ? Swatch("P10–P90 over the assumptions' ranges", "var(--flow-profit)", "band") : null
    ),
    chart
  );
}
