/**
 * The availability timeline of chip generations: one row per chip (grouped by line, oldest first), a dot at its
 * availability date coloured by the date's status; for the deal's chips, a bar to the month they fill capacity
 * in volume; and the deal's schedule points as dashed rules.
 */

import {CHIP_LINES, type Chip} from "../../lib/core.js";
import * as Plot from "../../lib/plot.js";
import {monthYear} from "../format.js";
import {chartWidth, isoDate, STATUS_COLORS, shortChipName} from "./fleetColors.js";

export interface TimelineOptions {
  chips: readonly Chip[];
  /** The deal's capacity chips with the month (`YYYY-MM`) each fills capacity from. */
  fills: readonly {id: string; fillsFrom: string}[];
  /** The deal's schedule points: date and label. */
  points: readonly {by: string; label: string}[];
  width: number;
  print?: boolean;
}

/** Returns the timeline chart. */
export function RoadmapTimeline({chips, fills, points, width: w, print}: TimelineOptions): HTMLElement | SVGSVGElement {
  const width = chartWidth(w);
  const rank = (c: Chip) => CHIP_LINES.indexOf(c.line);
  const sorted = [...chips].sort((a, b) => rank(a) - rank(b) || (a.available.date < b.available.date ? -1 : 1));
  const inDeal = new Set(fills.map((f) => f.id));
  const rows = sorted.map((c) => ({
    name: shortChipName(c.name),
    date: isoDate(c.available.date),
    status: c.available.status,
    inDeal: inDeal.has(c.id),
    label: `${monthYear(c.available.date)}${c.available.status === "confirmed" ? "" : ` (${c.available.status})`}`
  }));
  const bars = fills.map((f) => {
    const chip = chips.find((c) => c.id === f.id)!;
    return {name: shortChipName(chip.name), x1: isoDate(chip.available.date), x2: isoDate(`${f.fillsFrom}-01`)};
  });
  const rules = points.map((p, i) => ({date: isoDate(p.by), label: p.label, row: i % 2}));
  const times = [...rows.map((r) => +r.date), ...rules.map((r) => +r.date), ...bars.map((b) => +b.x2)];
  const narrow = width < 560;
  const marginLeft = Math.min(narrow ? 120 : 170, 10 + Math.max(...rows.map((r) => r.name.length)) * 6.2);
  return Plot.plot({
    width,
    height: 40 + rows.length * 26 + 20,
    marginLeft,
    marginRight: narrow ? 80 : 110,
    marginTop: 36,
    x: {
      type: "utc",
      label: null,
      domain: [new Date(Math.min(...times) - 1e10), new Date(Math.max(...times) + 1e10)],
      ticks: narrow ? 4 : undefined,
      grid: true
    },
    y: {label: null, domain: rows.map((r) => r.name), tickSize: 0},
    marks: [
      Plot.ruleX(rules, {x: "date", stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}),
      // Alternate labels between two lines above the frame, so neighbouring points do not collide.
      ...[0, 1].map((row) =>
        Plot.text(
          rules.filter((r) => r.row === row),
          {x: "date", text: "label", frameAnchor: "top", dy: row ? -8 : -22, fontSize: 10, fill: "var(--theme-foreground-muted)"}
        )
      ),
      Plot.ruleY(bars, {y: "name", x1: "x1", x2: "x2", stroke: "var(--theme-foreground-muted)", strokeWidth: 5, strokeOpacity: 0.35}),
      Plot.dot(rows, {
        x: "date",
        y: "name",
        r: (d: (typeof rows)[number]) => (d.inDeal ? 6 : 4.5),
        fill: (d: (typeof rows)[number]) => STATUS_COLORS[d.status] ?? "currentColor",
        stroke: (d: (typeof rows)[number]) => (d.inDeal ? "var(--theme-foreground)" : "var(--theme-background)"),
        strokeWidth: 1.5,
        title: print ? undefined : (d: (typeof rows)[number]) => `${d.name}: available ${d.label}`
      }),
      Plot.text(rows, {x: "date", y: "name", text: "label", textAnchor: "start", dx: 9, fontSize: 10, fill: "var(--theme-foreground-alt)"})
    ]
  });
}
