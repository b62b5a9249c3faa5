/**
 * The delivery ramp: facility GW online month by month, stacked by the chip generation that fills it, with the
 * "up to" ceiling as a dashed rule, the deal's dated schedule points in their status colour, and the P10–P90
 * range of GW online at each year end from the Monte Carlo.
 */

import type {CapacityBandYear, DealCapacityMonths} from "../../lib/core.js";
import * as Plot from "../../lib/plot.js";
import {type Bound, bounded, gw, monthYear} from "../format.js";
import {chartWidth, chipColors, isoDate} from "./fleetColors.js";

export interface RampPoint {
  id: string;
  /** ISO date the point is due. */
  by: string;
  gw: number;
  bound?: Bound;
  status: string;
}

export interface CapacityRampOptions {
  months: DealCapacityMonths;
  /** Year-end bands; empty or null to draw none. */
  bands: readonly CapacityBandYear[] | null;
  schedule: readonly RampPoint[];
  ceiling: {gw: number; bound?: Bound};
  /** Chip ids in fill order, and their names; none for a deal that names no chip. */
  chips: readonly {id: string; name: string}[];
  /** The legend's name for the capacity when `chips` is empty; "Capacity (chips not named)" by default. */
  unnamed?: string;
  width: number;
  print?: boolean;
}

interface Row {
  date: Date;
  chip: string;
  gw: number;
}

/** Returns the ramp chart (a figure with a legend and an SVG). */
export function CapacityRamp({
  months,
  bands,
  schedule,
  ceiling,
  chips,
  unnamed,
  width: w,
  print
}: CapacityRampOptions): HTMLElement | SVGSVGElement {
  const width = chartWidth(w);
  const series = chips.length ? chips : [{id: "", name: unnamed ?? "Capacity (chips not named)"}];
  const start = isoDate(months.startDate);
  const rows: Row[] = series.flatMap(({id, name}) => [
    {date: start, chip: name, gw: 0},
    ...months.months.map((m) => ({date: isoDate(m.end), chip: name, gw: id ? (m.byChip[id] ?? 0) : m.gw}))
  ]);
  const chipLines = (byChip: Record<string, number>) =>
    chips
      .filter((c) => (byChip[c.id] ?? 0) > 0)
      .map((c) => `\n${c.name} ${gw(byChip[c.id])}`)
      .join("");
  const totals = [
    {date: start, gw: 0, title: `${monthYear(months.startDate)}: delivery starts`},
    ...months.months.map((m) => ({
      date: isoDate(m.end),
      gw: m.gw,
      title: `End of ${monthYear(m.end)}: ${gw(m.gw)} online${chipLines(m.byChip)}`
    }))
  ];
  const whiskers = (bands ?? []).map((y) => ({date: isoDate(`${y.year}-12-31`), ...y.gw}));
  const points = schedule.map((p) => ({...p, date: isoDate(p.by), label: `${bounded(p.gw, p.bound, gw)} by ${monthYear(p.by)}`}));
  const narrow = width < 560;
  const last = totals[totals.length - 1].date;
  const names = series.map((s) => s.name);
  // A label sits left of its dot in the right half of the chart and right of it in the left half, below the dot
  // when the dot is near the ceiling (whose label sits above the rule), above it otherwise.
  const middle = (+start + +last) / 2;
  const pointLabel = (high: boolean, left: boolean) =>
    Plot.text(
      points.filter((p) => p.gw >= ceiling.gw * 0.9 === high && +p.date > middle === left),
      {
        x: "date",
        y: "gw",
        text: "label",
        textAnchor: left ? "end" : "start",
        dx: left ? -9 : 9,
        dy: high ? 13 : -10,
        fontWeight: 600,
        fill: "var(--theme-foreground)",
        stroke: "var(--theme-background)",
        strokeWidth: 3,
        paintOrder: "stroke"
      }
    );

  return Plot.plot({
    width,
    height: narrow ? 300 : 360,
    marginLeft: 44,
    marginRight: narrow ? 12 : 24,
    marginTop: 24,
    x: {type: "utc", label: null, ticks: "year", tickFormat: "%Y"},
    y: {label: "GW online (facility power)", domain: [0, ceiling.gw * 1.08], grid: true, nice: false},
    color: {domain: names, range: chipColors(names), legend: true},
    marks: [
      Plot.areaY(rows, {x: "date", y: "gw", fill: "chip", fillOpacity: 0.85, curve: "linear", order: names}),
      Plot.lineY(totals, {x: "date", y: "gw", stroke: "var(--theme-foreground)", strokeWidth: 1.5}),
      Plot.ruleY([ceiling.gw], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "5,4"}),
      Plot.text([{date: last, gw: ceiling.gw, label: `ceiling: ${bounded(ceiling.gw, ceiling.bound, gw)}`}], {
        x: "date",
        y: "gw",
        text: "label",
        textAnchor: "end",
        dy: -7,
        fill: "var(--theme-foreground-muted)",
        stroke: "var(--theme-background)",
        strokeWidth: 3,
        paintOrder: "stroke"
      }),
      Plot.ruleX(whiskers, {
        x: "date",
        y1: "p10",
        y2: "p90",
        stroke: "var(--theme-foreground)",
        strokeWidth: 1.5,
        markerStart: "tick-x",
        markerEnd: "tick-x"
      }),
      Plot.dot(points, {
        x: "date",
        y: "gw",
        r: 5,
        // Colour means the chip in this chart; a point's status is its fill: solid when confirmed, hollow otherwise
        // (the caption names each point's status).
        fill: (d) => (d.status === "confirmed" ? "var(--theme-foreground)" : "var(--theme-background)"),
        stroke: "var(--theme-foreground)",
        strokeWidth: 1.5
      }),
      pointLabel(false, false),
      pointLabel(false, true),
      pointLabel(true, false),
      pointLabel(true, true),
      print
        ? null
        : Plot.tip(
            totals,
            Plot.pointerX({
              x: "date",
              y: "gw",
              title: "title"
            })
          )
    ]
  });
}
