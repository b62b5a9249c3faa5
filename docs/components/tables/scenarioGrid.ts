/**
 * A table with one column per scenario and one row per figure, in a box that scrolls sideways on a phone (with a cue
 * that says so): the deal briefings' and the market's bull / base / bear tables.
 */
import {el} from "../dom.js";

/** A row of the grid: its label and the cell text of each column. */
export interface ScenarioGridRow<C> {
  label: string;
  cell: (column: C) => string | Node;
  /** The row's P10–P90 over the Monte Carlo's draws, for the band column ("" when the row has none). */
  band?: string;
}

/**
 * Returns the scroll cue and the scrolling table: `title(c)` heads each of `columns`, each of `rows` is one line.
 *
 * @example ScenarioGrid(columns, rows, {title: (c) => c.label, label: "Scenarios compared", className: "research-scenarios"})
 */
export function ScenarioGrid<C>(
  columns: readonly C[],
  rows: readonly ScenarioGridRow<C>[],
  {title, label, className, band}: {title: (column: C) => string | Node; label: string; className: string; band?: string}
): HTMLElement[] {
  // The band column, last and set apart: where the Monte Carlo's draws fall, so a reader sees where each scenario sits.
  const withBand = band !== undefined && rows.some((r) => r.band);
  return [
    el(
      "p",
      {class: "scroll-cue scroll-cue--narrow no-print", "aria-hidden": "true"},
      `Scroll sideways for all ${columns.length} scenarios${withBand ? " and the draws' P10–P90" : ""} →`
    ),
    el(
      "div",
      {class: "research-scroll", tabindex: 0, role: "region", "aria-label": `${label} (scrolls sideways)`},
      el(
        "table",
        {class: className},
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            el("th", {}, ""),
            columns.map((c) => el("th", {scope: "col", class: "num"}, title(c))),
            withBand ? el("th", {scope: "col", class: "num scenario-band"}, band) : null
          )
        ),
        el(
          "tbody",
          {},
          rows.map((r) =>
            el(
              "tr",
              {},
              el("th", {scope: "row"}, r.label),
              columns.map((c) => el("td", {class: "num"}, r.cell(c))),
              withBand ? el("td", {class: "num scenario-band"}, r.band || "–") : null
            )
          )
        )
      )
    )
  ];
}
