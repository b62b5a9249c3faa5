/** The deals on two normalized metrics: commitment ÷ investment against $ per GW, with labelled points. */

import type {DealComparison} from "../../lib/core.js";
import * as Plot from "../../lib/plot.js";
import {el} from "../dom.js";
import {times, usd} from "../format.js";

type Status = "confirmed" | "reported" | "estimate" | "assumption";
const STATUSES: Status[] = ["confirmed", "reported", "estimate", "assumption"];
const RANK: Record<Status, number> = {confirmed: 0, reported: 1, estimate: 2, assumption: 3};

/** A deal with both metrics, ready to plot. */
export interface ComparisonPoint {
  id: string;
  name: string;
  usdPerGw: number;
  ratio: number;
  /** Weakest status of the two figures' inputs. */
  status: Status;
}

/** Returns why a deal lacks one of the two metrics, in words ("no GW figure; no firm investment"). */
export function missingReason(row: DealComparison): string {
  const reasons: string[] = [];
  if (row.status === "superseded") reasons.push("superseded terms, history");
  if (!row.commitmentUsd) reasons.push("no dollar commitment");
  if (!row.gw && row.commitmentUsd) reasons.push("no GW figure");
  // A GW figure that counts only part of the hardware, or capacity contracted on top of the commitment: stated, but
  // not what the dollars buy, so no dollars per GW (Amazon → OpenAI, Microsoft + Nvidia → Anthropic printed "()").
  if (row.commitmentUsd && row.gw && !row.usdPerGw) reasons.push("its GW figure is not what the commitment buys, so no $ per GW");
  if (row.commitmentUsd && !(row.investmentFirmUsd.value > 0)) reasons.push("no firm investment");
  return reasons.length ? reasons.join("; ") : "not both figures";
}

/** Splits the deals into plotted points (both metrics, terms not superseded) and the rest, in the rows' order. */
export function comparisonPoints(rows: readonly DealComparison[]): {points: ComparisonPoint[]; missing: DealComparison[]} {
  const points: ComparisonPoint[] = [];
  const missing: DealComparison[] = [];
  for (const row of rows) {
    if (row.status !== "superseded" && row.usdPerGw && row.commitmentToInvestment) {
      const a = row.usdPerGw.lineage.status;
      const b = row.commitmentToInvestment.lineage.status;
      points.push({
        id: row.id,
        name: row.name,
        usdPerGw: row.usdPerGw.value,
        ratio: row.commitmentToInvestment.value,
        status: RANK[a] >= RANK[b] ? a : b
      });
    } else {
      missing.push(row);
    }
  }
  return {points, missing};
}

/**
 * Returns the scatter: one dot per deal with both figures, coloured by the weakest status of its inputs and
 * labelled with its name (and `marks`, e.g. "*" for a partial GW figure); the deals that lack a figure are listed
 * under the chart with the reason.
 */
export function ComparisonScatter(
  rows: readonly DealComparison[],
  {width: available, marks = {}}: {width: number; marks?: Record<string, string>}
): HTMLElement {
  const width = Math.max(280, available);
  const {points, missing} = comparisonPoints(rows);
  const xMax = Math.max(...points.map((d) => d.usdPerGw), 1) * 1.1;
  const yMax = Math.max(...points.map((d) => d.ratio), 1) * 1.15;
  const label = (d: ComparisonPoint) => `${d.name}${marks[d.id] ?? ""}`;
  const right = (d: ComparisonPoint) => d.usdPerGw > xMax * 0.6;
  const present = STATUSES.filter((s) => points.some((d) => d.status === s));
  const chart = Plot.plot({
    width,
    height: Math.max(260, Math.min(400, width * 0.6)),
    marginLeft: 44,
    marginRight: 16,
    marginBottom: 40,
    x: {
      domain: [0, xMax],
      label: "$ committed per GW of capacity →",
      tickFormat: (x: number) => usd(x),
      ticks: width < 480 ? 4 : 8,
      grid: true
    },
    y: {domain: [0, yMax], label: "↑ $ committed ÷ $ invested (firm)", tickFormat: (y: number) => times(y), ticks: 6, grid: true},
    marks: [
      ...present.map((status) =>
        Plot.dot(
          points.filter((d) => d.status === status),
          {x: "usdPerGw", y: "ratio", r: 6, fill: `var(--status-${status})`, stroke: "var(--theme-background)", strokeWidth: 1.5}
        )
      ),
      Plot.text(
        points.filter((d) => !right(d)),
        {
          x: "usdPerGw",
          y: "ratio",
          text: label,
          dx: 10,
          textAnchor: "start",
          fontSize: 12,
          lineWidth: width < 480 ? 9 : 20,
          fill: "currentColor",
          stroke: "var(--theme-background)",
          strokeWidth: 3
        }
      ),
      Plot.text(points.filter(right), {
        x: "usdPerGw",
        y: "ratio",
        text: label,
        dx: -10,
        textAnchor: "end",
        fontSize: 12,
        lineWidth: width < 480 ? 9 : 20,
        fill: "currentColor",
        stroke: "var(--theme-background)",
        strokeWidth: 3
      })
    ]
  });
  return el(
    "figure",
    {class: "comparison-scatter"},
    chart,
    el(
      "figcaption",
      {},
      el(
        "div",
        {class: "comparison-legend"},
        "Dot colour: the weakest status among each deal's inputs — ",
        present.map((s) => el("span", {class: `badge badge--${s}`}, s))
      ),
      missing.length
        ? el(
            "p",
            {class: "comparison-missing"},
            `Not on the chart (${missing.length} of ${rows.length} deals): `,
            missing.map((row, i) => [i ? "; " : "", el("strong", {}, row.name), ` (${missingReason(row)})`]),
            "."
          )
        : null
    )
  );
}
