/** Equity, kept apart from cash: the investor's marks of its stake and the lab's valuations over time. */

import type {EquityPoint, Figure} from "../../lib/core.js";
import * as Plot from "../../lib/plot.js";
import {el} from "../dom.js";
import {bounded, monthYear, usd} from "../format.js";
import {Swatch} from "./commitmentSwatch.js";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

// True when the point after `i` is within 90 days and less than a factor of 1.6 away, so their labels would collide.
function crowded(rows: readonly {when: Date; bn: number}[], i: number): boolean {
  const next = rows[i + 1];
  if (!next) return false;
  const days = (next.when.getTime() - rows[i].when.getTime()) / 86_400_000;
  const ratio = Math.max(next.bn, rows[i].bn) / Math.min(next.bn, rows[i].bn);
  return days < 90 && ratio < 1.6;
}

/**
 * Returns a dot chart (log scale, USD) of the investor's marks of its stake and the lab's post-money valuations by
 * date, with the firm cash invested as a dashed reference line. Labelled as non-cash; null without any point.
 */
export function RecyclingEquityChart(
  points: readonly EquityPoint[],
  {invested, investor, lab, width, print = false}: {invested: Figure; investor: string; lab: string; width: number; print?: boolean}
): HTMLElement | null {
  if (!points.length) return null;
  const w = Math.max(width, 280);
  const narrow = w < 560;
  const rows = points.map((d) => ({...d, when: utc(d.date), bn: d.usd / 1e9}));
  const values = [...rows.map((d) => d.bn), invested.value / 1e9].filter((v) => v > 0);
  const dates = rows.map((d) => d.when.getTime());
  const pad = 120 * 86_400_000;
  const chart = Plot.plot({
    width: w,
    height: narrow ? 260 : 300,
    marginLeft: 48,
    marginRight: narrow ? 44 : 64,
    x: {type: "utc", label: null, domain: [new Date(Math.min(...dates) - pad), new Date(Math.max(...dates) + pad)], ticks: narrow ? 4 : 8},
    y: {
      type: "log",
      label: "↑ US$ billions (log scale)",
      grid: true,
      domain: [Math.min(...values) / 1.6, Math.max(...values) * 1.6],
      tickFormat: (v: number) => usd(v * 1e9)
    },
    marks: [
      invested.value > 0 ? Plot.ruleY([invested.value / 1e9], {stroke: "var(--flow-equity)", strokeDasharray: "4,3"}) : null,
      Plot.dot(rows, {
        x: "when",
        y: "bn",
        r: 5,
        fill: (d) => (d.kind === "mark" ? "var(--flow-equity)" : "var(--theme-background)"),
        stroke: (d) => (d.kind === "mark" ? "var(--flow-equity)" : "var(--theme-foreground-muted)"),
        strokeWidth: 1.5,
        // An offer that was not taken is drawn as a cross: it is not a valuation any round paid.
        symbol: (d: {kind: string}) => (d.kind === "offer" ? "times" : "circle"),
        ...(print
          ? {}
          : {
              title: (d) =>
                `${d.kind === "mark" ? `${investor}'s mark of its stake` : d.kind === "offer" ? `Valuation offered for ${lab}, not taken` : `${lab}'s post-money valuation`}, ${monthYear(d.date)}: ${bounded(d.usd, d.bound, usd)} (${d.status})`
            })
      }),
      // Labels go right of their dot, or left when the next point is close in both date and value.
      ...([true, false] as const).map((right) =>
        Plot.text(
          rows.filter((_, i) => crowded(rows, i) !== right),
          {
            x: "when",
            y: "bn",
            text: (d) => `${bounded(d.usd, d.bound, usd)}${d.kind === "offer" ? " offered" : ""}`,
            dx: right ? 8 : -8,
            textAnchor: right ? "start" : "end",
            fontSize: narrow ? 9.5 : 11,
            stroke: "var(--theme-background)",
            strokeWidth: 3,
            fill: "currentColor"
          }
        )
      )
    ]
  });
  return el(
    "figure",
    {class: "commitment-chart recycling-equity"},
    el(
      "div",
      {class: "commitment-legend"},
      // The legend names only what is drawn (critic s9 M11: "mark of its stake" with no mark on the chart).
      points.some((d) => d.kind === "mark") ? Swatch(`${investor}'s mark of its stake (filings)`, "var(--flow-equity)") : null,
      points.some((d) => d.kind !== "mark" && d.kind !== "offer")
        ? Swatch(`${lab}'s post-money valuation`, "var(--theme-foreground-muted)", "bar")
        : null,
      points.some((d) => d.kind === "offer")
        ? Swatch(`Valuation offered for ${lab}, not taken (×)`, "var(--theme-foreground-muted)", "bar")
        : null,
      invested.value > 0
        ? Swatch(`Firm cash invested: ${bounded(invested.value, invested.bound, usd)}`, "var(--flow-equity)", "dash")
        : null
    ),
    chart,
    el("figcaption", {}, "Not cash: a mark or a valuation changes what a stake is worth on paper, not the money that changed hands.")
  );
}
