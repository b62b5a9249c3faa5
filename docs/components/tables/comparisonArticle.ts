/** The founding article's Amazon–Anthropic vs Amazon–OpenAI table, reproduced from data. */
import type {ArticleCell, ArticleTable, Figure} from "../../lib/core.js";
import {el} from "../dom.js";
import {figureText} from "../format.js";
import {DerivedBadge} from "../provenance.js";

/** One line of a cell: a label and a figure in words with its derived badge. */
function FigureLine(label: string, figure: Figure | null | undefined, mark = ""): HTMLElement | null {
  if (!figure) return null;
  return el(
    "div",
    {class: "comparison-line"},
    el("span", {class: "comparison-line-label"}, `${label} `),
    figureText(figure.value, figure.unit, figure.bound),
    mark ? el("sup", {class: "comparison-mark"}, mark) : null,
    DerivedBadge(figure.lineage)
  );
}

function cellContent(rowId: string, cell: ArticleCell, mark: string): (Node | string | null)[] {
  const f = cell.figures;
  switch (rowId) {
    case "headline-investment":
      return [
        FigureLine("Firm:", f.firm),
        f.max && f.firm && f.max.value !== f.firm.value ? FigureLine("With contingent tranches:", f.max) : null,
        f.newFirm && f.firm && f.newFirm.value !== f.firm.value ? FigureLine("Of which this deal's new money:", f.newFirm) : null,
        f.newMax && f.newFirm && f.newMax.value !== f.newFirm.value && f.newMax.value !== f.max?.value
          ? FigureLine("New money with contingent tranches:", f.newMax)
          : null
      ];
    case "cloud-commitment":
      return [
        f.usd ? FigureLine("", f.usd) : el("div", {class: "muted"}, "No dollar commitment stated"),
        FigureLine("Term:", f.years),
        FigureLine("Per year:", f.usdPerYear)
      ];
    case "capacity-language":
      return [el("div", {}, cell.text ?? ""), FigureLine("Capacity figure:", f.ceilingGw, mark)];
    case "governance-posture":
      return [el("div", {}, cell.text ?? ""), FigureLine("Stake:", f.stake)];
    default:
      return [el("div", {}, cell.text ?? "")];
  }
}

/**
 * Returns the article's table: a column per deal and, for each of its six rows (headline investment, cloud
 * commitment, capacity language, hardware angle, governance posture, strategic intent), a heading row across the
 * table and a row of cells. Numbers keep their bounds and carry derived badges. `marks` puts a footnote mark on a
 * deal's capacity figure (deal id → mark).
 */
export function ComparisonArticleTable(table: ArticleTable, {marks = {}}: {marks?: Record<string, string>} = {}): HTMLElement {
  const n = table.deals.length;
  return el(
    "table",
    {class: "comparison-article"},
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        table.deals.map((d) => el("th", {scope: "col", style: `width: ${100 / n}%`}, d.name))
      )
    ),
    table.rows.map((row) =>
      el(
        "tbody",
        {class: "comparison-article-row", "data-row": row.id},
        el("tr", {}, el("th", {scope: "rowgroup", colspan: n, class: "comparison-article-label"}, row.label)),
        el(
          "tr",
          {},
          row.cells.map((cell) => el("td", {}, cellContent(row.id, cell, marks[cell.deal] ?? "")))
        )
      )
    )
  );
}
