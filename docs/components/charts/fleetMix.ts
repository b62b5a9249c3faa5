/**
 * The installed fleet of a deal by year: stacked bars of accelerators by chip generation, and the fleet's dense
 * BF16 compute in H100-equivalents as a line, on the same years.
 */

import type {FleetYear} from "../../lib/core.js";
import * as Plot from "../../lib/plot.js";
import {count} from "../format.js";
import {chartWidth, chipColors} from "./fleetColors.js";

export interface FleetMixOptions {
  years: readonly FleetYear[];
  /** Chip ids in fill order, with names. */
  chips: readonly {id: string; name: string}[];
  /** Dense BF16 H100-equivalents of each year's fleet, aligned with `years` (computed with the core). */
  h100e: readonly number[];
  width: number;
  print?: boolean;
}

/** Returns the fleet bars (accelerators by chip and year, in millions). */
export function FleetBars({years, chips, width: w, print}: FleetMixOptions): HTMLElement | SVGSVGElement {
  const width = chartWidth(w);
  const names = chips.map((c) => c.name);
  const rows = years.flatMap((y) =>
    chips.map((c) => ({year: String(y.year), chip: c.name, millions: (y.byChip[c.id] ?? 0) / 1e6, count: y.byChip[c.id] ?? 0}))
  );
  const totals = years.map((y) => ({year: String(y.year), millions: y.accelerators / 1e6}));
  const narrow = width < 560;
  return Plot.plot({
    width,
    height: narrow ? 240 : 280,
    marginLeft: 44,
    marginTop: 24,
    x: {label: null, domain: totals.map((d) => d.year), tickFormat: (d: string, i: number) => (narrow && i % 2 ? "" : d)},
    y: {label: "Accelerators installed (millions)", grid: true},
    color: {domain: names, range: chipColors(names), legend: true},
    marks: [
      Plot.barY(rows, {
        x: "year",
        y: "millions",
        fill: "chip",
        order: names,
        inset: 0.5,
        title: (d: (typeof rows)[number]) => `${d.chip}, ${d.year}: ${count(d.count)}`,
        tip: !print
      }),
      Plot.text(totals, {
        x: "year",
        y: "millions",
        text: (d: {millions: number}) => (d.millions > 0 ? `${Math.round(d.millions * 100) / 100}` : ""),
        dy: -7,
        fontSize: narrow ? 9 : 10,
        fill: "var(--theme-foreground-muted)"
      }),
      Plot.ruleY([0])
    ]
  });
}

/** Returns the fleet compute line (H100-equivalents, in millions) on the same years as the bars. */
export function FleetCompute({years, h100e, width: w, print}: FleetMixOptions): HTMLElement | SVGSVGElement {
  const width = chartWidth(w);
  const rows = years.map((y, i) => ({year: String(y.year), millions: h100e[i] / 1e6}));
  const narrow = width < 560;
  return Plot.plot({
    width,
    height: narrow ? 180 : 200,
    marginLeft: 44,
    marginTop: 20,
    x: {label: null, type: "band", domain: rows.map((d) => d.year), tickFormat: (d: string, i: number) => (narrow && i % 2 ? "" : d)},
    y: {label: "H100-equivalents (millions)", grid: true, zero: true},
    marks: [
      Plot.lineY(rows, {x: "year", y: "millions", stroke: "var(--theme-foreground)", strokeWidth: 2, marker: "circle"}),
      print
        ? null
        : Plot.tip(
            rows,
            Plot.pointerX({
              x: "year",
              y: "millions",
              title: (d: {year: string; millions: number}) => `${d.year}: ${count(d.millions * 1e6)} H100-equivalents`
            })
          ),
      Plot.ruleY([0])
    ]
  });
}
