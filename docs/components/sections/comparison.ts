/**
 * Comparison: the founding article's Amazon–Anthropic vs Amazon–OpenAI table reproduced from data, the same
 * measures extended to every deal, and a scatter of commitment ÷ investment against $ per GW, with one computed
 * sentence saying what stands out.
 */

import {type ArticleTable, type Chip, capacityScope, type Deal, type DealComparison} from "../../lib/core.js";
import {ChartCsv, COMPARISON_SCATTER} from "../chartDownloads.js";
import {asTitle, ChartFrame, chartSource, figureInputs} from "../charts/chartFrame.js";
import {ComparisonScatter, comparisonPoints} from "../charts/comparisonScatter.js";
import {el} from "../dom.js";
import {ARTICLE_TABLE, articleRows, ComparisonArticleTable} from "../tables/comparisonArticle.js";
import {ComparisonDealsTable} from "../tables/comparisonDeals.js";
import {comparisonFigureText} from "../tables/comparisonFigure.js";
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

/** Returns the one sentence that says what stands out on the scatter, computed from the deals with both figures. */
export function comparisonStandout(rows: readonly DealComparison[], partial: readonly PartialCapacity[]): string {
  const {points} = comparisonPoints(rows);
  if (points.length < 2)
    return `Only ${points.length} deal${points.length === 1 ? " has" : "s have"} both a dollar commitment per GW and a commitment per dollar invested, so there is nothing to compare yet.`;
  const byRatio = [...points].sort((a, b) => b.ratio - a.ratio);
  const byPrice = [...points].sort((a, b) => b.usdPerGw - a.usdPerGw);
  const row = (id: string) => rows.find((r) => r.id === id)!;
  const [top, bottom] = [byRatio[0], byRatio[byRatio.length - 1]];
  const [dear, cheap] = [byPrice[0], byPrice[byPrice.length - 1]];
  const partialNote = (id: string) => (partial.some((p) => p.deal === id) ? ", a GW figure that leaves part of its hardware out" : "");
  return `Among the ${points.length} deals with both figures, ${top.name} asks the most compute spending per dollar invested by its provider's own group (${comparisonFigureText(row(top.id).commitmentToInvestment!)}) and ${bottom.name} the least (${comparisonFigureText(row(bottom.id).commitmentToInvestment!)}), while the commitment per GW runs from ${comparisonFigureText(row(cheap.id).usdPerGw!)} for ${cheap.name} to ${comparisonFigureText(row(dear.id).usdPerGw!)} for ${dear.name}${partialNote(dear.id)}.`;
}

/** Returns the scatter's "Data (CSV)" link: one row per dot, the two axes with their units, and the dot's status. */
function scatterCsv(rows: readonly DealComparison[], version: string): HTMLElement {
  return ChartCsv(COMPARISON_SCATTER, "", comparisonPoints(rows).points, version);
}

/** Fewest deals with both figures the scatter is drawn for; below it the sentence alone names them. */
export const MIN_SCATTER_POINTS = 3;

export const comparison: Section = {
  id: "comparison",
  title: "The deals compared",
  render({data, analysis, dealId, width, print}: SectionContext) {
    const rows: DealComparison[] = analysis.comparison;
    // A deal's briefing data has no article table (null): the section then shows the comparison alone.
    const article: ArticleTable = analysis.articleTable ?? {deals: [], rows: []};
    const partial = partialCapacities(data.deals, data.chips);
    const marks = Object.fromEntries(partial.map((p) => [p.deal, p.mark]));
    const articleDeals = article.deals.map((d) => d.id);
    const told = new Set<string>();
    const {points} = comparisonPoints(rows);
    const scattered = points.length >= MIN_SCATTER_POINTS;
    return el(
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
      el("h3", {}, "Every deal on the same measures"),
      el(
        "p",
        {class: "comparison-note"},
        `${rows.length} deals, largest dollar commitment first${print ? "" : "; select a column heading to sort by it"}. Each badge gives the weakest status among the figure's inputs${print ? "" : " (hover for the inputs)"}; the status mix counts each deal's sourced figures by status.`
      ),
      print
        ? [
            ComparisonDealsTable(rows, {marks, highlight: dealId, print, only: MONEY_COLUMNS}),
            ComparisonDealsTable(rows, {marks, highlight: dealId, print, only: CAPACITY_COLUMNS})
          ]
        : ComparisonDealsTable(rows, {marks, highlight: dealId, print, version: data.version}),
      Footnotes(partial, told),
      el("h3", {}, "Commitment per dollar invested, against commitment per GW"),
      // A chart of two dots is a page of paper for two numbers (critic s8 M6): below MIN_SCATTER_POINTS deals with
      // both figures, the sentence alone, which names them; else the chart, whose title is that sentence.
      scattered
        ? [
            ChartFrame(ComparisonScatter(rows, {width, marks}), {
              title: asTitle(comparisonStandout(rows, partial)),
              source: chartSource(data, {inputs: figureInputs(rows)})
            }),
            !print && scatterCsv(rows, data.version)
          ]
        : el(
            "p",
            {class: "comparison-standout"},
            comparisonStandout(rows, partial),
            points.length ? ` Too few deals have both figures for a chart; each deal's values are in the tables above.` : ""
          ),
      Footnotes(
        partial,
        told,
        points.map((d) => d.id)
      )
    );
  }
};
