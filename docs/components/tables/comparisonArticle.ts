/** The founding article's Amazon–Anthropic vs Amazon–OpenAI table, reproduced from data. */
import type {ArticleCell, ArticleTable, Figure} from "../../lib/core.js";
import type {ChartDownload} from "../chartDownloads.js";
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
    figure.words ?? figureText(figure.value, figure.unit, figure.bound),
    mark ? el("sup", {class: "comparison-mark"}, mark) : null,
    DerivedBadge(figure.lineage)
  );
}

/** One item a cell draws: a text, a figure with its label, or a note that a figure is missing. */
export interface ArticleItem {
  label: string;
  key: string | null;
  figure: Figure | null;
  text: string | null;
}

const figureItem = (label: string, key: string, figure: Figure | null | undefined): ArticleItem | null =>
  figure ? {label, key, figure, text: null} : null;
const textItem = (text: string): ArticleItem => ({label: "", key: null, figure: null, text});

/** Returns what a cell draws, in order: the same list makes the cell and the rows of the table's CSV. */
export function articleItems(rowId: string, cell: ArticleCell): ArticleItem[] {
  const f = cell.figures;
  const items: (ArticleItem | null)[] = (() => {
    switch (rowId) {
      case "headline-investment":
        return [
          figureItem("Firm:", "firm", f.firm),
          f.max && f.firm && f.max.value !== f.firm.value ? figureItem("With contingent tranches:", "max", f.max) : null,
          f.newFirm && f.firm && f.newFirm.value !== f.firm.value
            ? figureItem("Of which this deal's new money:", "newFirm", f.newFirm)
            : null,
          f.newMax && f.newFirm && f.newMax.value !== f.newFirm.value && f.newMax.value !== f.max?.value
            ? figureItem("New money with contingent tranches:", "newMax", f.newMax)
            : null
        ];
      case "cloud-commitment":
        return [
          f.usd ? figureItem("", "usd", f.usd) : textItem("No dollar commitment stated"),
          figureItem("Term:", "years", f.years),
          figureItem("Per year:", "usdPerYear", f.usdPerYear)
        ];
      case "capacity-language":
        return [textItem(cell.text ?? ""), figureItem("Capacity figure:", "ceilingGw", f.ceilingGw)];
      case "governance-posture":
        return [textItem(cell.text ?? ""), figureItem("Stake:", "stake", f.stake)];
      default:
        return [textItem(cell.text ?? "")];
    }
  })();
  return items.filter((i): i is ArticleItem => i !== null);
}

/** A line of the article table's CSV: one item a cell draws, under its row and deal. */
export interface ArticleCsvRow extends ArticleItem {
  row: string;
  rowLabel: string;
  deal: string;
  dealName: string;
}

/** Returns the article table's CSV rows: for each row, each deal's cell, each item it draws, in the table's order. */
export function articleRows(table: ArticleTable): ArticleCsvRow[] {
  const names = new Map(table.deals.map((d) => [d.id, d.name]));
  return table.rows.flatMap((row) =>
    row.cells.flatMap((cell) =>
      articleItems(row.id, cell).map((item) => ({
        ...item,
        row: row.id,
        rowLabel: row.label,
        deal: cell.deal,
        dealName: names.get(cell.deal) ?? cell.deal
      }))
    )
  );
}

export const ARTICLE_TABLE: ChartDownload<ArticleCsvRow> = {
  id: "comparison-article",
  chart: "Comparison: the founding article's table (one line per text or figure a cell draws)",
  columns: [
    {header: "Row", meaning: "The article's row (headline investment, cloud commitment…)", unit: "", value: (r) => r.rowLabel},
    {header: "Row id", meaning: "Its id", unit: "", value: (r) => r.row},
    {header: "Deal", meaning: "The deal's column", unit: "", value: (r) => r.dealName},
    {header: "Deal id", meaning: "Its id", unit: "", value: (r) => r.deal},
    {header: "Label", meaning: "The label before a figure (Firm:, Term:…); empty for text", unit: "", value: (r) => r.label},
    {header: "Figure", meaning: "The figure's name; empty for text", unit: "", value: (r) => r.key},
    {header: "Text", meaning: "The words of the cell; empty for a figure", unit: "", value: (r) => r.text},
    {header: "Value", meaning: "The figure's value, in the unit of the next column", unit: "Unit", value: (r) => r.figure?.value},
    {header: "Unit", meaning: "Unit of the value (usd, years, usd-per-year, gw, fraction)", unit: "", value: (r) => r.figure?.unit},
    {header: "Bound", meaning: "exact, about, at-least or up-to", unit: "", value: (r) => r.figure?.bound},
    {header: "Status", meaning: "The weakest status among its inputs", unit: "", value: (r) => r.figure?.lineage.status}
  ]
};

function cellContent(rowId: string, cell: ArticleCell, mark: string): (Node | string | null)[] {
  return articleItems(rowId, cell).map((item) =>
    item.figure
      ? FigureLine(item.label, item.figure, item.key === "ceilingGw" ? mark : "")
      : el("div", {class: item.text === "No dollar commitment stated" ? "muted" : undefined}, item.text ?? "")
  );
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
