/**
 * Comparison: the founding article's Amazon–Anthropic vs Amazon–OpenAI table reproduced from data, the same
 * measures extended to every deal, and a scatter of commitment ÷ investment against $ per GW, with one computed
 * sentence saying what stands out.
 *
 * On screen its size does not grow with the number of deals (issue #18): above a dozen deals the table draws the
 * deals the market briefing details (the largest by firm investment, by dollar commitment and by GW ceiling:
 * analysis.market, marketAggregate) and one last row with what the others add up to, and the scatter draws those
 * deals and the ones its sentence names (the sentence ranks every deal). A button draws every deal, in the browser
 * only; the deals index (/deals) lists, searches and filters them all. A briefing prints the rows its data file
 * carries (the market briefing's are already the detailed deals).
 */

import {
  type ArticleTable,
  type Chip,
  capacityScope,
  type Deal,
  type DealComparison,
  type MarketAggregate,
  type MarketTotals
} from "../../lib/core.js";
import {ChartCsv, COMPARISON_SCATTER} from "../chartDownloads.js";
import {asTitle, ChartFrame, chartSourceLine, figureInputs} from "../charts/chartFrame.js";
import {type ComparisonPoint, ComparisonScatter, comparisonPoints} from "../charts/comparisonScatter.js";
import {el} from "../dom.js";
import {count} from "../format.js";
import {ARTICLE_TABLE, articleRows, ComparisonArticleTable} from "../tables/comparisonArticle.js";
import {ComparisonDealsTable, type OthersRow} from "../tables/comparisonDeals.js";
import {comparisonFigureText} from "../tables/comparisonFigure.js";
import {sumText} from "./marketTotals.js";
import type {Section, SectionContext} from "./types.js";

const MARKS = ["*", "†", "‡", "§"];

// On paper the table is printed in two halves, each with the deal column: the money, then capacity and the rest.
const MONEY_COLUMNS = ["investmentFirmUsd", "investmentMaxUsd", "commitmentUsd", "years", "usdPerYear", "commitmentToInvestment"];
const CAPACITY_COLUMNS = ["gw", "usdPerGw", "hardware", "governance", "statusMix"];

/** A deal whose GW figure covers only part of its hardware, with its footnote mark, text and one-line reminder. */
export interface PartialCapacity {
  deal: string;
  mark: string;
  text: string;
  /** The footnote once it has been given in full above. */
  again: string;
}

/** Returns the deals whose GW figure counts only some of the chips they name, each with a footnote. */
export function partialCapacities(deals: readonly Deal[], chips: readonly Chip[]): PartialCapacity[] {
  const name = (id: string) => chips.find((c) => c.id === id)?.name ?? id;
  return deals
    .map((deal) => ({deal, scope: capacityScope(deal)}))
    .filter(({scope}) => scope.partial)
    .map(({deal, scope}, i) => ({
      deal: deal.id,
      mark: MARKS[i] ?? `(${i + 1})`,
      again: `${deal.name}: the GW figure covers only part of its hardware (see the note above).`,
      text: `${deal.name}: the GW figure counts only ${words(scope.covered.map(name))}; ${words(scope.uncovered.map(name))} ${scope.uncovered.length === 1 ? "is" : "are"} not in it, so the commitment pays for more than the GW figure counts: no $ per GW and no share of the ceiling are computed for it, and it is left out of their rankings.${deal.capacity?.ceiling.note ? ` The data's note: “${deal.capacity.ceiling.note}”.` : ""}`
    }));
}

/** Returns a list in words: "a", "a and b", "a, b and c". */
function words(items: readonly string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * Returns the footnotes under a table or chart: a note in full the first time (`told` collects the deals already
 * explained), then one line pointing back to it, so a section with three marked figures does not print the same
 * paragraph three times.
 */
function Footnotes(partial: readonly PartialCapacity[], told: Set<string>, ids?: readonly string[]): HTMLElement | null {
  const shown = ids ? partial.filter((p) => ids.includes(p.deal)) : partial;
  if (!shown.length) return null;
  const notes = shown.map((p) => el("p", {}, el("sup", {}, p.mark), " ", told.has(p.deal) ? p.again : p.text));
  for (const p of shown) told.add(p.deal);
  return el("div", {class: "comparison-footnotes"}, notes);
}

/** The deals the scatter's sentence names: the highest and lowest commitment per dollar invested and per GW. */
interface Standouts {
  points: number;
  top: ComparisonPoint;
  bottom: ComparisonPoint;
  dear: ComparisonPoint;
  cheap: ComparisonPoint;
}

/** Returns the deals the sentence names, among the live deals with both figures; null with fewer than two. */
function standouts(rows: readonly DealComparison[]): Standouts | null {
  const {points} = comparisonPoints(rows);
  if (points.length < 2) return null;
  const byRatio = [...points].sort((a, b) => b.ratio - a.ratio);
  const byPrice = [...points].sort((a, b) => b.usdPerGw - a.usdPerGw);
  return {
    points: points.length,
    top: byRatio[0],
    bottom: byRatio[byRatio.length - 1],
    dear: byPrice[0],
    cheap: byPrice[byPrice.length - 1]
  };
}

/** Returns the one sentence that says what stands out on the scatter, computed from the deals with both figures. */
export function comparisonStandout(rows: readonly DealComparison[], partial: readonly PartialCapacity[], total = rows.length): string {
  const named = standouts(rows);
  // A page's file that holds only the largest deals (above a dozen) ranks those: the sentence says so.
  const among = total > rows.length ? ` among the ${count(rows.length, "as-written")} largest of the ${count(total, "as-written")}` : "";
  if (!named) {
    const {points} = comparisonPoints(rows);
    return `Only ${points.length} deal${points.length === 1 ? " has" : "s have"} both a dollar commitment per GW and a commitment per dollar invested, so there is nothing to compare yet.`;
  }
  const row = (id: string) => rows.find((r) => r.id === id)!;
  const {top, bottom, dear, cheap} = named;
  const partialNote = (id: string) => (partial.some((p) => p.deal === id) ? ", a GW figure that leaves part of its hardware out" : "");
  return `Of the ${named.points} deals${among} with both a GW figure the commitment pays for and money invested by the provider's group, ${top.name} asks the most compute spending per dollar invested by its provider's own group (${comparisonFigureText(row(top.id).commitmentToInvestment!)}) and ${bottom.name} the least (${comparisonFigureText(row(bottom.id).commitmentToInvestment!)}), while the commitment per GW runs from ${comparisonFigureText(row(cheap.id).usdPerGw!)} for ${cheap.name} to ${comparisonFigureText(row(dear.id).usdPerGw!)} for ${dear.name}${partialNote(dear.id)}.`;
}

/** Returns the scatter's "Data (CSV)" link: one row per dot, the two axes with their units, and the dot's status. */
function scatterCsv(rows: readonly DealComparison[], version: string): HTMLElement {
  return ChartCsv(COMPARISON_SCATTER, "", comparisonPoints(rows).points, version);
}

/** What the section draws on screen: the table's deals, the scatter's, and the deals left out, summed. */
export interface ComparisonView {
  /** The table's deals, in data order (the table sorts them). */
  table: DealComparison[];
  /** The scatter's deals: the table's and the deals its sentence names (every deal when none is left out). */
  scatter: DealComparison[];
  /** The live deals left out of the table and what they add up to; null when the table has every deal. */
  others: MarketTotals | null;
  /** Superseded deals left out of the table (history: in no total). */
  supersededLeftOut: number;
}

/**
 * Returns what the section draws: every deal when `all`, when the market is not bounded (at most a dozen deals:
 * `market.others` is null) or without a market (a deal's briefing); else the deals the market details
 * (`market.shown`) and the others' totals (`market.others`), and on the scatter also the deals its sentence names,
 * so that the sentence, which ranks every deal, points at dots that are drawn.
 *
 * @example comparisonView(rows, marketAggregate(rows)).table.length // every deal up to 12, else at most 15
 */
export function comparisonView(rows: readonly DealComparison[], market: MarketAggregate | null | undefined, all = false): ComparisonView {
  if (all || !market?.others) return {table: [...rows], scatter: [...rows], others: null, supersededLeftOut: 0};
  const shown = new Set(market.shown);
  const named = standouts(rows);
  const onScatter = new Set([...shown, ...(named ? [named.top, named.bottom, named.dear, named.cheap].map((p) => p.id) : [])]);
  const table = rows.filter((r) => shown.has(r.id));
  return {
    table,
    scatter: rows.filter((r) => onScatter.has(r.id)),
    others: market.others,
    // Counted from the market (every deal), so that a page's file holding the shown rows only counts them too.
    supersededLeftOut: market.deals - market.live - rows.filter((r) => shown.has(r.id) && r.status === "superseded").length
  };
}

/** Returns the table's last row for the live deals left out: how many, and their firm investment, commitment and GW. */
export function othersRow(others: MarketTotals): OthersRow {
  return {
    label: `The other ${count(others.deals, "as-written")} live deals, together`,
    cells: {
      investmentFirmUsd: sumText(others.investmentFirmUsd, "usd"),
      commitmentUsd: sumText(others.commitmentUsd, "usd"),
      gw: sumText(others.gw, "gw")
    }
  };
}

/** Returns the sentence above the table: which deals it shows, in which order, and where the others are. */
function tableNote(
  view: ComparisonView,
  rows: readonly DealComparison[],
  market: MarketAggregate | null | undefined,
  print?: boolean,
  total = rows.length
): string {
  const n = (x: number) => count(x, "as-written");
  const after = `Each badge gives the weakest status among the figure's inputs${print ? "" : " (hover for the inputs)"}; the status mix counts each deal's sourced figures by status.`;
  if (!view.others || !market)
    return `${n(rows.length)} deals, largest dollar commitment first${print ? "" : "; select a column heading to sort by it"}. ${after}`;
  const top = Math.max(0, ...Object.values(market.top).map((ids) => ids.length));
  const superseded = view.supersededLeftOut
    ? ` ${n(view.supersededLeftOut)} superseded deal${view.supersededLeftOut === 1 ? " is" : "s are"} left out (history, in no total).`
    : "";
  return `${n(view.table.length)} of the ${n(total)} deals: the ${top === 1 ? "largest" : `${n(top)} largest`} by firm investment, by dollar commitment and by GW ceiling, largest dollar commitment first${print ? "" : " (select a column heading to sort by it)"}; the last row adds up the other ${n(view.others.deals)} live deals.${superseded} ${after}`;
}

/** Fewest deals with both figures the scatter is drawn for; below it the sentence alone names them. */
export const MIN_SCATTER_POINTS = 3;

export const comparison: Section = {
  id: "comparison",
  title: "The deals compared",
  render: (context) => ComparisonSection(context, false)
};

/** Returns the section; `all` draws every deal (the "Show all" button's redraw). */
function ComparisonSection(context: SectionContext, all: boolean): HTMLElement {
  const {data, analysis, dealId, width, print} = context;
  const rows: DealComparison[] = analysis.comparison;
  // How many deals the data holds: a page's file above a dozen deals holds the largest only (data.dealCount).
  const total = Math.max(data.dealCount ?? 0, rows.length);
  // A briefing prints the rows its data file carries: the market briefing's are already its detailed deals.
  const view = comparisonView(rows, analysis.market, all || print);
  // A deal's briefing data has no article table (null): the section then shows the comparison alone.
  const article: ArticleTable = analysis.articleTable ?? {deals: [], rows: []};
  // Footnote marks for the deals drawn only, so a long list of deals does not number them past the few marks.
  const drawn = new Set([...view.scatter, ...rows.filter((r) => article.deals.some((d) => d.id === r.id))].map((r) => r.id));
  const partial = partialCapacities(
    data.deals.filter((d) => drawn.has(d.id)),
    data.chips
  );
  const marks = Object.fromEntries(partial.map((p) => [p.deal, p.mark]));
  const articleDeals = article.deals.map((d) => d.id);
  const told = new Set<string>();
  const others = view.others && othersRow(view.others);
  const {points} = comparisonPoints(rows);
  const scattered = points.length >= MIN_SCATTER_POINTS;
  const section = el(
    "div",
    {class: "comparison-section"},
    article.deals.length > 0 && [
      el("h3", {}, `The article's table, from data: ${article.deals.map((d) => d.name).join(" and ")}`),
      el(
        "p",
        {class: "comparison-note"},
        "The founding article compares the two Amazon deals on six rows. The numbers below are computed from each deal's sourced terms, keep the source's bounds (“up to”, “over”, “about”) and say how sure they are; the words are each deal's profile."
      ),
      el("div", {class: "comparison-article-scroll"}, ComparisonArticleTable(article, {marks})),
      print ? null : ChartCsv(ARTICLE_TABLE, "", articleRows(article), data.version),
      Footnotes(partial, told, articleDeals)
    ],
    el("h3", {}, view.others ? "The largest deals on the same measures, and the others together" : "Every deal on the same measures"),
    el("p", {class: "comparison-note"}, tableNote(view, rows, analysis.market, print, total)),
    print
      ? [
          ComparisonDealsTable(view.table, {marks, highlight: dealId, print, only: MONEY_COLUMNS}),
          ComparisonDealsTable(view.table, {marks, highlight: dealId, print, only: CAPACITY_COLUMNS})
        ]
      : ComparisonDealsTable(view.table, {marks, highlight: dealId, print, version: data.version, others}),
    view.others && total > rows.length
      ? ShowAll(null, () => {})
      : view.others
        ? ShowAll(rows.length, () => {
            const all = ComparisonSection(context, true);
            section.replaceWith(all);
            // The reader who pressed the button goes on from the table, now with every deal.
            all.querySelector<HTMLElement>(".comparison-scroll")?.focus();
          })
        : null,
    Footnotes(
      partial,
      told,
      view.table.map((r) => r.id)
    ),
    divisorNotes(view.table),
    el("h3", {}, "Commitment per dollar invested, against commitment per GW"),
    // A chart of two dots is a page of paper for two numbers (critic s8 M6): below MIN_SCATTER_POINTS deals with
    // both figures, the sentence alone, which names them; else the chart, whose title is that sentence.
    scattered
      ? [
          ChartFrame(ComparisonScatter(view.scatter, {width, marks}), {
            title: asTitle(comparisonStandout(rows, partial, total)),
            source: chartSourceLine(data, {inputs: figureInputs(view.scatter)})
          }),
          view.others ? el("p", {class: "comparison-note"}, scatterNote(view, rows, total)) : null,
          !print && scatterCsv(view.scatter, data.version)
        ]
      : el(
          "p",
          {class: "comparison-standout"},
          comparisonStandout(rows, partial, total),
          points.length ? ` Too few deals have both figures for a chart; each deal's values are in the tables above.` : ""
        ),
    Footnotes(
      partial,
      told,
      comparisonPoints(view.scatter).points.map((d) => d.id)
    )
  );
  return section;
}

/**
 * Returns the notes under the table for the deals whose commitment ÷ investment divides by less than the firm
 * investment the row shows (another investor's cheque beside the provider group's): the divisor and whose money it
 * is, so the row's two figures do not read as a third ratio. Null when there is none.
 */
export function divisorNotes(rows: readonly DealComparison[]): HTMLElement | null {
  const notes = rows
    .filter((r) => r.commitmentToInvestment && r.ratioInvestmentFirmUsd && r.investmentFirmUsd)
    .filter((r) => r.ratioInvestmentFirmUsd!.value !== r.investmentFirmUsd!.value)
    .map((r) =>
      el(
        "p",
        {},
        `${r.name}: its commitment ÷ investment counts only the firm money of ${r.ratioInvestors.map((p) => p.name).join(" and ")} (the provider's group), ${comparisonFigureText(r.ratioInvestmentFirmUsd!)}, of the ${comparisonFigureText(r.investmentFirmUsd!)} its investors put in; another investor's cheque earns nothing from the provider's margin.`
      )
    );
  return notes.length ? el("div", {class: "comparison-footnotes"}, notes) : null;
}

/** Returns the line under a bounded scatter: which deals it draws, and that its sentence ranks them all. */
function scatterNote(view: ComparisonView, rows: readonly DealComparison[], total = rows.length): string {
  const n = (x: number) => count(x, "as-written");
  const named = view.scatter.length - view.table.length;
  const points = comparisonPoints(rows).points.length;
  const ranks = total > rows.length ? `the ${n(points)} of them with both` : `all ${n(points)} deals with both`;
  return `The chart draws ${n(view.scatter.length)} of the ${n(total)} deals: the table's ${n(view.table.length)}${named ? ` and ${named === 1 ? "the one" : `the ${n(named)}`} its sentence names besides` : ""}, as dots those with both figures; the sentence ranks ${ranks}.`;
}

/**
 * Returns the line under a bounded table: a button that draws every deal here, and the deals index's link; without a
 * button (`deals` null) when the page's file holds only the largest deals, whose other deals are on the index alone.
 */
function ShowAll(deals: number | null, showAll: () => void): HTMLElement {
  const button =
    deals === null
      ? null
      : el("button", {type: "button", class: "comparison-show-all"}, `Show all ${count(deals, "as-written")} deals here`);
  button?.addEventListener("click", showAll);
  return el(
    "p",
    {class: "comparison-more no-print"},
    button ?? "Every deal has its own page with the same measures;",
    button ? " or search, filter and sort them on " : " search, filter and sort them on ",
    el("a", {href: "./deals"}, "the deals index"),
    "."
  );
}
