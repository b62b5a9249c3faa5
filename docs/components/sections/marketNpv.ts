/**
 * The deals' cash returns side by side (the market briefing, /comparison and /recycling): each live deal with a cash
 * NPV, best median first (the order is computed: no ranking is typed), with its P10–P90, its median payback and the
 * share of draws that never pay back; its scope and valuation date in the caption. Bounded like the market's totals
 * (src/core/research/npvTable.ts): above a dozen priced deals, the best and worst five, the others in one line.
 */
import type {NpvRow, NpvTable} from "../../lib/core.js";
import {ChartCsv, NPV_TABLE} from "../chartDownloads.js";
import {asTitle, ChartFrame, chartSource} from "../charts/chartFrame.js";
import {el} from "../dom.js";
import {count, figureText, pct} from "../format.js";
import type {Section, SectionContext} from "./types.js";

/** Valuation date of every cash NPV (VALUATION_YEAR in the core's recycling model). */
const VALUED_ON = "1 January 2026";

const deals = (n: number) => `${count(n)} deal${n === 1 ? "" : "s"}`;

/** Returns the table's finding in one sentence, computed from its figures: how many are negative, the best and the worst. */
export function npvFinding(table: NpvTable): string {
  const {rows, priced, negative} = table;
  if (!priced) return "No deal in the data has a dollar commitment whose cash can be valued.";
  const best = rows[0];
  const worst = rows.at(-1)!;
  const share =
    negative === priced
      ? `All ${deals(priced)} we can price have a negative median cash NPV for their provider`
      : negative === 0
        ? `None of the ${deals(priced)} we can price has a negative median cash NPV for its provider`
        : `${count(negative)} of the ${deals(priced)} we can price ${negative === 1 ? "has" : "have"} a negative median cash NPV for ${negative === 1 ? "its" : "their"} provider`;
  if (priced === 1) return `${share}: ${best.name}, ${figureText(best.npvUsd, "usd")}.`;
  return `${share}: from ${best.name} (${figureText(best.npvUsd, "usd")}) down to ${worst.name} (${figureText(worst.npvUsd, "usd")}).`;
}

/** Returns the caption: scope, valuation date, discount rate and what the band and payback columns are. */
export function npvCaption(table: NpvTable, draws: number | null): string {
  const rate = table.discountRate === null ? "at each deal's discount rate" : `at ${figureText(table.discountRate, "fraction")}`;
  const median = draws
    ? `the median of ${count(draws)} seeded draws over the assumptions' ranges, with the P10–P90 of the same draws`
    : "the median of the draws, with their P10–P90";
  return `Scope: each deal's new money, as the provider sees it: its cash from the lab's committed spend after cash costs and the capex to deliver the capacity, less the investor's new money in the deal (none where the provider invests nothing); equity gains are not counted. Discounted ${rate} to ${VALUED_ON}. NPV: ${median}. Payback: the median year in which cumulative cash turns positive for good, the draws that never pay back ranked last; "never" when the median draw does not pay back within the deal's term.`;
}

function paybackText(row: NpvRow): string {
  return row.paybackYear === null ? "never" : String(row.paybackYear);
}

function NpvTableElement(table: NpvTable): HTMLElement {
  const head = ["Deal", "Cash NPV, median", "P10 to P90", "Pays back (median)", "Draws that never pay back"];
  const row = (r: NpvRow) =>
    el(
      "tr",
      {"data-deal": r.id},
      el("th", {scope: "row", "data-label": head[0]}, r.name),
      el("td", {class: "num", "data-label": head[1]}, figureText(r.npvUsd, "usd")),
      el(
        "td",
        {class: "num", "data-label": head[2]},
        r.p10 === null || r.p90 === null ? "–" : `${figureText(r.p10, "usd")} to ${figureText(r.p90, "usd")}`
      ),
      el("td", {class: "num", "data-label": head[3]}, paybackText(r)),
      el("td", {class: "num", "data-label": head[4]}, r.neverShare === null ? "–" : pct(r.neverShare))
    );
  const top = table.others ? table.rows.length / 2 : table.rows.length;
  return el(
    "table",
    {class: "market-npv-table"},
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        head.map((h, i) => el("th", {scope: "col", class: i ? "num" : undefined}, h))
      )
    ),
    el(
      "tbody",
      {},
      table.rows.slice(0, top).map(row),
      table.others
        ? el(
            "tr",
            {class: "market-totals-others"},
            el(
              "td",
              {colspan: 5, "data-label": "Others"},
              `${deals(table.others.deals)} in between: medians from ${figureText(table.others.high, "usd")} down to ${figureText(table.others.low, "usd")}; ${count(table.others.negative)} negative; ${count(table.others.neverMedian)} whose median draw never pays back.`
            )
          )
        : null,
      table.rows.slice(top).map(row)
    )
  );
}

/** Returns the section: the finding, the table in a numbered frame with its source line, the caption, and a CSV. */
export function MarketNpvSection({data, analysis, print}: Pick<SectionContext, "data" | "analysis" | "print">): HTMLElement {
  const table = analysis.npvTable;
  if (!table) return el("p", {class: "muted"}, "The deals' cash NPVs side by side are computed for the market only.");
  if (!table.rows.length) return el("p", {}, npvFinding(table));
  const draws = Object.values(analysis.projections).find((p) => p.uncertainty)?.uncertainty?.draws ?? null;
  const inputs = table.rows.flatMap((r) => analysis.projections[r.id]?.recycling.npvUsd?.lineage.inputs ?? []);
  const finding = npvFinding(table);
  const left = [
    table.unpriced ? `${count(table.unpriced)} live deal${table.unpriced === 1 ? "" : "s"} with no dollar commitment to value` : "",
    table.superseded ? `${count(table.superseded)} superseded deal${table.superseded === 1 ? "" : "s"} (history, in no ranking)` : ""
  ].filter(Boolean);
  return el(
    "div",
    {class: "market-npv"},
    ChartFrame(
      [
        el("div", {class: "table-scroll", tabindex: "0"}, NpvTableElement(table)),
        el("p", {class: "market-npv-caption"}, npvCaption(table, draws), left.length ? ` Not in the table: ${left.join(" and ")}.` : "")
      ],
      {title: asTitle(finding), source: chartSource(data, {inputs}), className: "market-npv-frame"}
    ),
    print ? null : ChartCsv(NPV_TABLE, "", table.rows, data.version)
  );
}

export const marketNpv: Section = {
  id: "market-npv",
  title: "What the deals return in cash",
  perDeal: false,
  render: (context) => MarketNpvSection(context)
};
