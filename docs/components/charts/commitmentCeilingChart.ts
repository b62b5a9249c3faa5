/** GW-years the commitment buys against the capacity ceiling's GW-years, as waffles on one scale. */
import * as Plot from "../../lib/plot.js";
import {el} from "../dom.js";

export interface CeilingRow {
  /** What the row shows, e.g. "Bought at the contract price". */
  label: string;
  /** The value in words, with its bound and any range: "about 9.09 GW-years (P10–P90 7.6–11)". */
  text: string;
  gwYears: number;
  kind: "bought" | "ceiling";
}

/**
 * Returns one waffle per row on a shared scale: each square is one GW-year; the ceiling's row is drawn as an
 * outline (it is an "up to", not capacity bought). `perColumn` squares stack in each column (the ceiling's GW,
 * so a column reads as one year of the ceiling) when it is a whole number from 1 to 12; otherwise about a
 * quarter as many as there are columns.
 */
export function CommitmentCeilingChart(
  rows: readonly CeilingRow[],
  {width, perColumn, ceilingName = "the ceiling"}: {width: number; perColumn?: number; ceilingName?: string}
): HTMLElement {
  const max = Math.max(1, ...rows.map((d) => d.gwYears));
  const byCeiling = Boolean(perColumn && Number.isInteger(perColumn) && perColumn >= 1 && perColumn <= 12);
  const multiple = byCeiling ? perColumn! : Math.ceil(Math.sqrt(max / 4));
  const columns = Math.ceil(max / multiple);
  // Square cells of at most 26 px, so a small ceiling does not balloon; the plot is as wide as its cells.
  const cell = Math.max(4, Math.min(26, (Math.max(width, 280) - 4) / columns));
  const plotWidth = Math.ceil(columns * cell) + 4;
  const height = Math.ceil(multiple * cell) + 4;
  return el(
    "figure",
    {class: "commitment-ceiling"},
    rows.map((row) =>
      el(
        "div",
        {class: `commitment-ceiling-row commitment-ceiling-row--${row.kind}`},
        el("div", {class: "commitment-ceiling-label"}, el("strong", {}, row.label), " ", row.text),
        Plot.plot({
          width: plotWidth,
          height,
          margin: 2,
          x: {domain: [0, columns * multiple], axis: null},
          y: {axis: null},
          marks: [
            Plot.waffleX([row.gwYears], {
              x: (d: number) => d,
              unit: 1,
              multiple,
              gap: 2,
              round: true,
              fill: row.kind === "bought" ? "var(--flow-commitment)" : "none",
              stroke: row.kind === "ceiling" ? "var(--theme-foreground-muted)" : "none",
              strokeDasharray: row.kind === "ceiling" ? "2,2" : undefined
            })
          ]
        })
      )
    ),
    el(
      "figcaption",
      {},
      // A column is one year of the ceiling only when the ceiling sets the column's height (critic 27: a deal with
      // no ceiling read "each column holds 1, the ceiling's GW").
      `Each square is one GW-year: one gigawatt of facility power for one year${byCeiling ? `; each column holds ${multiple}, ${ceilingName}'s GW` : multiple > 1 ? `; each column holds ${multiple}` : ""}.`
    )
  );
}
