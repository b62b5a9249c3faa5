import type {Figure} from "../lineage.js";
import type {Dataset} from "../model.js";
import {dealInvestment, newMoneyDate} from "../recycling/dealInvestment.js";
import {compareDeals} from "./compareDeals.js";

/** The founding article's comparison rows, in its order. */
export type ArticleRowId =
  | "headline-investment"
  | "cloud-commitment"
  | "capacity-language"
  | "hardware-angle"
  | "governance-posture"
  | "strategic-intent";

/** One deal's cell: the profile's words (null for number rows) and the figures behind it. */
export interface ArticleCell {
  deal: string;
  text: string | null;
  figures: Record<string, Figure | null>;
}

export interface ArticleRow {
  id: ArticleRowId;
  label: string;
  cells: ArticleCell[];
}

/** The article's table: one column per deal, one row per {@link ArticleRowId}. */
export interface ArticleTable {
  deals: {id: string; name: string}[];
  rows: ArticleRow[];
}

/** The deals the founding article compares, and so the site's article table (`deals check` requires them). */
export const ARTICLE_DEALS: readonly string[] = ["amazon-anthropic", "amazon-openai"];

/**
 * Returns the founding article's comparison table for the given deals (default Amazon–Anthropic and
 * Amazon–OpenAI), computed from data: headline investment (figures `firm`, `max`, and `newFirm`/`newMax` for
 * the tranches from {@link newMoneyDate}, USD), cloud commitment (`usd`, `years`, `usdPerYear`), then the
 * profile's words for capacity language (with `ceilingGw`), hardware angle, governance posture (with `stake`)
 * and strategic intent. Formatting is the site's job. Throws `invalid deal:` for an id not in the dataset.
 *
 * @example articleTable(dataset).rows[0].cells[0].figures.newFirm?.value // 5e9 for Amazon–Anthropic
 */
export function articleTable(dataset: Dataset, dealIds: readonly string[] = ARTICLE_DEALS): ArticleTable {
  // Each deal's comparison row reads only that deal and the shared tables: compare the article's deals alone, not every
  // deal (at 1,000 deals comparing them all was 0.5 CPU-s of each build).
  const wanted = {...dataset, deals: dataset.deals.filter((d) => dealIds.includes(d.id))};
  const comparisons = new Map(compareDeals(wanted).map((row) => [row.id, row]));
  const deals = dealIds.map((id) => {
    const deal = dataset.deals.find((d) => d.id === id);
    const comparison = comparisons.get(id);
    if (!deal || !comparison) throw new Error(`invalid deal: ${id}`);
    return {deal, comparison, newMoney: dealInvestment(deal, {since: newMoneyDate(deal)})};
  });
  const row = (id: ArticleRowId, label: string, cell: (d: (typeof deals)[number]) => Omit<ArticleCell, "deal">): ArticleRow => ({
    id,
    label,
    cells: deals.map((d) => ({deal: d.deal.id, ...cell(d)}))
  });
  return {
    deals: deals.map(({deal}) => ({id: deal.id, name: deal.name})),
    rows: [
      row("headline-investment", "Headline investment", ({comparison: c, newMoney}) => ({
        text: null,
        figures: {firm: c.investmentFirmUsd, max: c.investmentMaxUsd, newFirm: newMoney.firmUsd, newMax: newMoney.maxUsd}
      })),
      row("cloud-commitment", "Cloud commitment", ({comparison: c}) => ({
        text: null,
        figures: {usd: c.commitmentUsd, years: c.years, usdPerYear: c.usdPerYear}
      })),
      row("capacity-language", "Capacity language", ({deal, comparison: c}) => ({
        text: deal.profile.capacityLanguage,
        figures: {ceilingGw: c.gw}
      })),
      row("hardware-angle", "Hardware angle", ({deal}) => ({text: deal.profile.hardwareAngle, figures: {}})),
      row("governance-posture", "Governance posture", ({deal, comparison: c}) => ({
        text: deal.profile.governancePosture,
        figures: {stake: c.stake}
      })),
      row("strategic-intent", "Strategic intent", ({deal}) => ({text: deal.profile.strategicIntent, figures: {}}))
    ]
  };
}
