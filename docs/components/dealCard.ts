/** A deal at a glance: parties, headline money, compute and capacity, each with its provenance. */
import type {Deal, Source} from "../lib/core.js";
import {capacityLabel, dealStageText, firmWord, headlineTerms, termStatus} from "../lib/core.js";
import {el} from "./dom.js";
import {date, figureText, moneyTermText} from "./format.js";
import {Badge, DerivedBadge} from "./provenance.js";

export interface DealCardOptions {
  sources: Record<string, Source>;
  companies: Record<string, string>;
  index?: Record<string, number>;
  /** Link target for the deal's page. */
  href?: string;
}

/** Returns a money term (stated or summed) with its bound and the right badge. */
export function MoneyTerm(
  term: ReturnType<typeof headlineTerms>["firm"],
  {sources, index}: DealCardOptions,
  /** The published figure's key (e.g. "amazon-anthropic.investment.firm"), for a sum of several facts. */
  figureKey?: string
): Node {
  if (!term) return el("span", {class: "muted"}, "none");
  const text = moneyTermText(term);
  // A stated total is one fact, whose lineage id names it for the correction control; a sum is the published figure.
  const key = term.lineage.inputs.length === 1 ? term.lineage.inputs[0] : figureKey;
  return el(
    "span",
    {},
    text,
    term.fact
      ? Badge(term.fact, {sources, index, key})
      : DerivedBadge({...term.lineage, status: termStatus(term)}, key ? {key, value: text} : undefined)
  );
}

/** Returns a card for one deal. */
export function DealCard(deal: Deal, options: DealCardOptions): HTMLElement {
  const {sources, companies, index, href} = options;
  const terms = headlineTerms(deal);
  const name = (id: string) => companies[id] ?? id;
  const rows: [string, Node | string][] = [];
  if (terms.latest)
    rows.push([
      `Latest (${date(terms.latest.tranche.date)})`,
      el(
        "span",
        {},
        figureText(terms.latest.usd, "usd", terms.latest.tranche.amount.bound, terms.latest.tranche.amount.status),
        Badge(terms.latest.tranche.amount, {sources, index, key: `${deal.id}.tranches.${terms.latest.tranche.id}.amount`})
      )
    ]);
  rows.push([`Invested, ${firmWord([terms.firm?.bound])}`, MoneyTerm(terms.firm, options, `${deal.id}.investment.firm`)]);
  if (terms.contingent) {
    rows.push(["More if conditions met", MoneyTerm(terms.contingent, options)]);
    rows.push(["In all, if every condition is met", MoneyTerm(terms.max, options, `${deal.id}.investment.max`)]);
  }
  for (const {commitment, usd: amount} of terms.commitments) {
    rows.push([
      "Compute commitment",
      el(
        "span",
        {},
        // One badge per part: the amount and the term are sourced (or assumed) separately.
        figureText(amount, "usd", commitment.amount.bound, commitment.amount.status),
        Badge(commitment.amount, {sources, index, key: `${deal.id}.commitments.${commitment.id}.amount`}),
        ` over ${figureText(commitment.years.value, "years", commitment.years.bound, commitment.years.status)}`,
        Badge(commitment.years, {sources, index, key: `${deal.id}.commitments.${commitment.id}.years`})
      )
    ]);
  }
  if (deal.capacity)
    rows.push([
      // The deal's own key box's label: "Trainium capacity (part of the deal)" is no ceiling (capacityLabel).
      capacityLabel(deal.capacity),
      el(
        "span",
        {},
        figureText(deal.capacity.ceiling.value, deal.capacity.ceiling.unit, deal.capacity.ceiling.bound, deal.capacity.ceiling.status),
        Badge(deal.capacity.ceiling, {sources, index, key: `${deal.id}.capacity.ceiling`})
      )
    ]);
  return el(
    "article",
    {class: "card deal-card", "data-deal": deal.id},
    el("p", {class: "kicker"}, `${deal.investors.map(name).join(" + ")} → ${name(deal.lab)} · ${dealStageText(deal, date)}`),
    el("h2", {}, href ? el("a", {href}, deal.name) : deal.name),
    el(
      "dl",
      {},
      rows.map(([term, value]) => [el("dt", {}, term), el("dd", {}, value)])
    ),
    el("p", {class: "card-foot"}, `Compute from ${name(deal.provider)} · data as of ${date(deal.asOf)}`)
  );
}
