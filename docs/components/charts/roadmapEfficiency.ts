/**
 * Chip generations compared: performance per watt against availability date for every chip in the data, each chip
 * joined to its predecessor (log scale, labelled dots), and performance per dollar-hour for the chips with a public price.
 */

import {type ChipLineEfficiency, PRICE_CLASS_WORDS} from "../../lib/core.js";
import * as Plot from "../../lib/plot.js";
import {sig} from "../format.js";
import {chartWidth, isoDate, LINE_COLORS, LINE_LABELS, shortChipName} from "./fleetColors.js";

export interface EfficiencyRow {
  id: string;
  name: string;
  line: string;
  date: Date;
  /** Dense BF16 TFLOP/s per watt of IT power. */
  perWatt: number;
  /** Dense BF16 TFLOP/s per US dollar an hour; null without a price. */
  perDollar: number | null;
  /** The price's basis in words ("neocloud list prices"); null without a price or basis. */
  priceBasis: string | null;
  inDeal: boolean;
  /**
   * True where the generation does less per watt than its predecessor in the same line (gainPerWatt < 1): the caption
   * says from its figures where the loss comes from, so the chart marks the point (hollow, "?") instead of drawing it
   * as a plain reading (s14 critic #19).
   */
  suspect: boolean;
  /** The status of the IT power per chip the point divides by (most are estimates). */
  itKwStatus: string;
  /** The previous generation's id (the core's predecessor: same line, earlier date, same packaging); null for a line's first. */
  predecessor: string | null;
  /** The previous generation's short name; null for a line's first. */
  predecessorName: string | null;
  /** Dense BF16 per chip ÷ the predecessor's; null for a line's first. */
  computeRatio: number | null;
  /** IT power per chip ÷ the predecessor's; null for a line's first. */
  powerRatio: number | null;
  /** Dense 8-bit per chip ÷ the predecessor's; null for a line's first or without 8-bit figures. */
  fp8ComputeRatio: number | null;
}

/**
 * True where a generation does less BF16 per watt than its predecessor (gainPerWatt < 1): the one flag behind the
 * chart's hollow "(?)" point, its caption and the lead sentence's comparison.
 */
export function fallsPerWatt(chip: {gainPerWatt: number | null}): boolean {
  return chip.gainPerWatt !== null && chip.gainPerWatt < 1;
}

/**
 * Returns what a {@link fallsPerWatt} point is, in the caption's words, for `n` points: "does less per watt than the
 * previous generation of its line" (n = 1) or "do … of their line". The lead and the caption print this one wording,
 * so the lead says no more of the point than the caption (s16: the lead called Trainium3 "doubtful").
 */
export function lessPerWattWords(n: number): string {
  return `${n === 1 ? "does" : "do"} less per watt than the previous generation of ${n === 1 ? "its" : "their"} line`;
}

/** The mark the chart puts beside a {@link fallsPerWatt} point's name. */
export const FALLS_MARK = "(?)";

/** Returns flat rows (TFLOP/s units) from the core's chipEfficiency groups; `dealChips` are highlighted. */
export function efficiencyRows(groups: readonly ChipLineEfficiency[], dealChips: readonly string[]): EfficiencyRow[] {
  return groups.flatMap((g) =>
    g.chips.map((c) => ({
      id: c.id,
      name: shortChipName(c.name),
      line: c.line,
      date: isoDate(c.available),
      perWatt: c.flopsPerWatt / 1e12,
      perDollar: c.flopsPerDollarHour === null ? null : c.flopsPerDollarHour / 1e12,
      priceBasis: c.priceClass ? PRICE_CLASS_WORDS[c.priceClass] : null,
      inDeal: dealChips.includes(c.id),
      suspect: fallsPerWatt(c),
      itKwStatus: c.itKwStatus,
      predecessor: c.predecessor ?? null,
      predecessorName: c.predecessor ? shortChipName(g.chips.find((p) => p.id === c.predecessor)?.name ?? c.predecessor) : null,
      computeRatio: c.computeRatio ?? null,
      powerRatio: c.powerRatio ?? null,
      fp8ComputeRatio: c.fp8ComputeRatio ?? null
    }))
  );
}

const FONT = 11;

/** A segment from a chip's predecessor to the chip: where it was, where it went. */
export interface GenerationStep {
  line: string;
  from: string;
  to: string;
  x1: Date;
  y1: number;
  x2: Date;
  y2: number;
}

/**
 * The chart's segments: one from each chip's predecessor (the core's, as the text compares them) to the chip, so a
 * line joins generations, never two chips of one date (s15 critic #5: one line through a vendor's chips in date order
 * drew HGX B200 → GB200 NVL72 as a vertical step the text no longer makes). A chip whose predecessor is not among the
 * rows starts a segment nowhere.
 */
export function generationSteps(rows: readonly EfficiencyRow[]): GenerationStep[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows.flatMap((r) => {
    const p = r.predecessor ? byId.get(r.predecessor) : undefined;
    return p ? [{line: r.line, from: p.id, to: r.id, x1: p.date, y1: p.perWatt, x2: r.date, y2: r.perWatt}] : [];
  });
}

/** Returns the performance-per-watt chart: labelled dots, each joined to its predecessor ({@link generationSteps}), log y. */
export function RoadmapEfficiency(
  rows: readonly EfficiencyRow[],
  {width: w, print}: {width: number; print?: boolean}
): HTMLElement | SVGSVGElement {
  const width = chartWidth(w);
  const lines = [...new Set(rows.map((r) => r.line))];
  const values = rows.map((r) => r.perWatt);
  const dates = rows.map((r) => +r.date);
  const narrow = width < 560;
  const options = {
    width,
    // On paper as on a phone: at 400 px the chart and its lead-in took 71% of a page and left a third-empty page
    // before it where the part above is short (Broadcom → OpenAI).
    height: narrow || print ? 340 : 400,
    marginLeft: 44,
    marginRight: narrow ? 16 : 24,
    marginTop: 24,
    x: {
      type: "utc" as const,
      label: null,
      domain: [new Date(Math.min(...dates) - 1.2e10), new Date(Math.max(...dates) + 2.5e10)],
      ticks: narrow ? 4 : undefined
    },
    y: {
      type: "log" as const,
      label: "Dense BF16 TFLOP/s per watt of IT power",
      domain: [Math.min(...values) / 1.25, Math.max(...values) * 1.3],
      grid: true,
      tickFormat: (d: number) => sig(d)
    },
    color: {domain: lines.map((l) => LINE_LABELS[l] ?? l), range: lines.map((l) => LINE_COLORS[l] ?? "currentColor"), legend: true}
  };
  const base = [
    Plot.link(generationSteps(rows), {
      x1: "x1",
      y1: "y1",
      x2: "x2",
      y2: "y2",
      stroke: (d: GenerationStep) => LINE_LABELS[d.line] ?? d.line,
      strokeWidth: 1.5,
      strokeOpacity: 0.8
    }),
    Plot.dot(
      rows.filter((r) => !r.suspect),
      {
        x: "date",
        y: "perWatt",
        r: (d: EfficiencyRow) => (d.inDeal ? 6 : 4),
        fill: (d: EfficiencyRow) => LINE_LABELS[d.line] ?? d.line,
        stroke: (d: EfficiencyRow) => (d.inDeal ? "var(--theme-foreground)" : "var(--theme-background)"),
        strokeWidth: 1.5
      }
    ),
    // A point the text doubts is hollow, ringed in its line's colour: its caption says where the loss comes from.
    Plot.dot(
      rows.filter((r) => r.suspect),
      {
        x: "date",
        y: "perWatt",
        r: (d: EfficiencyRow) => (d.inDeal ? 6 : 4),
        fill: "var(--theme-background)",
        stroke: (d: EfficiencyRow) => LINE_LABELS[d.line] ?? d.line,
        strokeWidth: 2,
        strokeDasharray: "2,2"
      }
    )
  ];
  // Draw once to learn the scales, then place labels so they do not overlap (greedy, in pixels).
  const probe = Plot.plot({...options, marks: base});
  const labels = placeLabels(rows, probe, width);
  const text = (anchor: "start" | "end", bold: boolean) =>
    Plot.text(
      labels.filter((l) => l.anchor === anchor && l.inDeal === bold),
      {
        x: "date",
        y: "y",
        text: labelText,
        textAnchor: anchor,
        dx: anchor === "start" ? 8 : -8,
        fontSize: FONT,
        fontWeight: bold ? 700 : 400,
        fill: "var(--theme-foreground)",
        stroke: "var(--theme-background)",
        strokeWidth: 3,
        paintOrder: "stroke"
      }
    );
  return Plot.plot({
    ...options,
    marks: [
      ...base,
      Plot.link(
        labels.filter((l) => l.shifted),
        {x1: "date", y1: "perWatt", x2: "date", y2: "y", stroke: "var(--theme-foreground-faint)"}
      ),
      text("start", false),
      text("end", false),
      text("start", true),
      text("end", true),
      print
        ? null
        : Plot.tip(
            rows,
            Plot.pointer({x: "date", y: "perWatt", title: (d: EfficiencyRow) => `${d.name}: ${sig(d.perWatt)} TFLOP/s per watt`})
          )
    ]
  });
}

/**
 * Returns the price-performance bars: TFLOP/s per dollar-hour for every chip with a public price, one chart per
 * price basis (a cloud's on-demand rate is never set against a neocloud's list price), best first within each.
 */
export function RoadmapPerDollar(rows: readonly EfficiencyRow[], {width: w, print}: {width: number; print?: boolean}): HTMLElement {
  const width = chartWidth(w);
  const priced = rows.filter((r) => r.perDollar !== null);
  const bases = [...new Set(priced.map((r) => r.priceBasis ?? "price basis not stated"))];
  const lines = [...new Set(priced.map((r) => r.line))];
  const color = {domain: lines.map((l) => LINE_LABELS[l] ?? l), range: lines.map((l) => LINE_COLORS[l] ?? "currentColor")};
  const marginLeft = Math.min(150, 8 + Math.max(...priced.map((r) => r.name.length)) * 6.5);
  const panel = (basis: string) => {
    const group = priced.filter((r) => (r.priceBasis ?? "price basis not stated") === basis).sort((a, b) => b.perDollar! - a.perDollar!);
    const wrap = document.createElement("div");
    wrap.className = "roadmap-price-basis";
    const head = document.createElement("p");
    head.className = "roadmap-price-basis-head";
    head.textContent = `On ${basis}`;
    wrap.append(
      head,
      Plot.plot({
        width,
        height: 36 + group.length * 30,
        marginLeft,
        marginRight: 48,
        x: {label: "Dense BF16 TFLOP/s per dollar an hour of rent →", grid: true},
        y: {label: null, domain: group.map((r) => r.name)},
        color,
        marks: [
          Plot.barX(group, {
            x: "perDollar",
            y: "name",
            fill: (d: EfficiencyRow) => LINE_LABELS[d.line] ?? d.line,
            title: print ? undefined : (d: EfficiencyRow) => `${d.name}: ${sig(d.perDollar!)} TFLOP/s per $/h (${basis})`
          }),
          Plot.text(group, {
            x: "perDollar",
            y: "name",
            text: (d: EfficiencyRow) => sig(d.perDollar!),
            textAnchor: "start",
            dx: 4,
            fontSize: FONT
          }),
          Plot.ruleX([0])
        ]
      }) as unknown as Node
    );
    return wrap;
  };
  const out = document.createElement("div");
  out.append(...bases.map(panel));
  return out;
}

/** A dot's label: the chip's name, with "(?)" where the point is suspect. */
export function labelText(row: Pick<EfficiencyRow, "name" | "suspect">): string {
  return row.suspect ? `${row.name} ${FALLS_MARK}` : row.name;
}

interface Label extends EfficiencyRow {
  y: number;
  anchor: "start" | "end";
  shifted: boolean;
}

// Greedy placement: each label beside its dot (right, or left near the right edge), nudged up or down one line
// at a time until it overlaps no label placed before it.
function placeLabels(rows: readonly EfficiencyRow[], probe: ReturnType<typeof Plot.plot>, width: number): Label[] {
  const x = probe.scale("x")!;
  const y = probe.scale("y")!;
  const line = FONT + 2;
  const boxes: {x0: number; x1: number; y0: number; y1: number}[] = [];
  const order = [...rows].sort((a, b) => b.perWatt - a.perWatt);
  return order.map((row) => {
    const px = x.apply!(row.date) as number;
    const py = y.apply!(row.perWatt) as number;
    const w = labelText(row).length * FONT * 0.6;
    const anchor = px + 8 + w > width - 4 && px - 8 - w >= 0 ? "end" : "start";
    const x0 = anchor === "start" ? px + 8 : px - 8 - w;
    let dy = 0;
    for (let k = 0; k < 12; ++k) {
      dy = (k % 2 ? 1 : -1) * Math.ceil(k / 2) * line;
      const box = {x0, x1: x0 + w, y0: py + dy - line / 2, y1: py + dy + line / 2};
      if (!boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) {
        boxes.push(box);
        break;
      }
    }
    return {...row, y: y.invert!(py + dy) as number, anchor, shifted: dy !== 0};
  });
}
