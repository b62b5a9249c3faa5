/**
 * The availability timeline of chip generations: one row per chip (grouped by line, oldest first), a dot at its
 * availability date in its maker's colour (the colours the efficiency charts above use for the same lines: one
 * meaning per colour on the page), solid when the date is confirmed and hollow otherwise (the label says which
 * status); for the deal's chips, a bar to the month they fill capacity in volume; and the deal's schedule points as
 * dashed rules.
 */

import {CHIP_LINES, type Chip} from "../../lib/core.js";
import * as Plot from "../../lib/plot.js";
import {monthYear} from "../format.js";
import {chartWidth, isoDate, LINE_COLORS, shortChipName} from "./fleetColors.js";

export interface TimelineOptions {
  chips: readonly Chip[];
  /** The deal's capacity chips with the month (`YYYY-MM`) each fills capacity from. */
  fills: readonly {id: string; fillsFrom: string}[];
  /** The deal's schedule points: date and label. */
  points: readonly {by: string; label: string}[];
  width: number;
  print?: boolean;
}

// Narrow, a full "(reported)" does not fit beside a date; the caption spells the short forms out.
const SHORT_STATUS: Record<string, string> = {reported: "rep.", estimate: "est.", assumption: "assum."};

/** Returns the timeline chart. */
export function RoadmapTimeline({chips, fills, points, width: w, print}: TimelineOptions): HTMLElement | SVGSVGElement {
  const width = chartWidth(w);
  const narrow = width < 560;
  const rank = (c: Chip) => CHIP_LINES.indexOf(c.line);
  const sorted = [...chips].sort((a, b) => rank(a) - rank(b) || (a.available.date < b.available.date ? -1 : 1));
  const inDeal = new Set(fills.map((f) => f.id));
  const bars = fills.map((f) => {
    const chip = chips.find((c) => c.id === f.id)!;
    // At least two months long, so a chip that fills capacity the month it comes out still shows its bar.
    const [x1, x2] = [isoDate(chip.available.date), isoDate(`${f.fillsFrom}-01`)];
    return {
      id: chip.id,
      name: shortChipName(chip.name),
      x1,
      x2: new Date(Math.max(+x2, +x1 + 61 * 864e5)),
      color: LINE_COLORS[chip.line] ?? "currentColor"
    };
  });
  const rows = sorted.map((c) => ({
    name: shortChipName(c.name),
    date: isoDate(c.available.date),
    status: c.available.status,
    color: LINE_COLORS[c.line] ?? "currentColor",
    inDeal: inDeal.has(c.id),
    // A deal chip's date label starts where its bar ends, so the label's halo never hides the bar.
    labelAt: bars.find((bar) => bar.id === c.id)?.x2 ?? isoDate(c.available.date),
    label: `${monthYear(c.available.date)}${c.available.status === "confirmed" ? "" : ` (${narrow ? SHORT_STATUS[c.available.status] : c.available.status})`}`
  }));
  const rules = points.map((p, i) => ({date: isoDate(p.by), label: p.label, row: i % 2}));
  const times = [...rows.map((r) => +r.date), ...rules.map((r) => +r.date), ...bars.map((b) => +b.x2)];
  const marginLeft = Math.min(narrow ? 120 : 170, 10 + Math.max(...rows.map((r) => r.name.length)) * 6.2);
  const marginRight = narrow ? 80 : 110;
  const [t0, t1] = [Math.min(...times) - 1e10, Math.max(...times) + 1e10];
  // A date's label goes right of its dot, unless it would run out of the chart there and has more room on the left
  // (where no bar is); widths are estimated at 0.6 em a character of the 10 px labels.
  const px = (t: number) => marginLeft + ((t - t0) / (t1 - t0)) * (width - marginLeft - marginRight);
  const leftOfDot = (r: (typeof rows)[number]) => {
    const [room, left] = [width - px(+r.labelAt) - 9, px(+r.date) - 9 - marginLeft];
    return r.label.length * 6 > room && left > room;
  };
  return Plot.plot({
    width,
    height: 40 + rows.length * 26 + 20,
    marginLeft,
    marginRight,
    marginTop: 36,
    x: {
      type: "utc",
      label: null,
      domain: [new Date(t0), new Date(t1)],
      // Yearly ticks collide below ~560 px; every other year fits.
      ticks: narrow ? "2 years" : undefined,
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
      // The deal's chips: a bar in the chip's maker's colour from availability to volume, 10 px tall.
      Plot.barX(bars, {
        y: "name",
        x1: "x1",
        x2: "x2",
        fill: (d: (typeof bars)[number]) => d.color,
        fillOpacity: 0.55,
        insetTop: 8,
        insetBottom: 8
      }),
      Plot.dot(rows, {
        x: "date",
        y: "name",
        r: (d: (typeof rows)[number]) => (d.inDeal ? 6 : 4.5),
        // Status is the fill, not a colour: solid = a confirmed date; hollow = reported, estimated or assumed.
        fill: (d: (typeof rows)[number]) => (d.status === "confirmed" ? d.color : "var(--theme-background)"),
        stroke: (d: (typeof rows)[number]) => d.color,
        strokeWidth: (d: (typeof rows)[number]) => (d.inDeal ? 2.5 : 1.5),
        title: print ? undefined : (d: (typeof rows)[number]) => `${d.name}: available ${d.label}`
      }),
      ...[false, true].map((left) =>
        Plot.text(
          rows.filter((r) => leftOfDot(r) === left),
          {
            x: left ? "date" : "labelAt",
            y: "name",
            text: "label",
            textAnchor: left ? "end" : "start",
            dx: left ? -9 : 9,
            fontSize: 10,
            fill: "var(--theme-foreground-alt)",
            // A halo keeps the date readable where it crosses its chip's bar or a schedule rule.
            stroke: "var(--theme-background)",
            strokeWidth: 3
          }
        )
      )
    ]
  });
}
