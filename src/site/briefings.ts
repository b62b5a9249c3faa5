/**
 * The PDF briefings: a market briefing over every deal and one briefing per deal file, generated from the data so
 * a new deal gets its briefing with no code change. Each names its sections by id (docs/components/sections);
 * a section that is not in the registry yet is skipped with a warning when the briefing is rendered. "sources"
 * is the briefing's own numbered appendix of the sources it cites (components/briefing/sourcesAppendix.ts), not
 * the site's full list (sections/sources.ts).
 */
import {existsSync} from "node:fs";
import {listDeals} from "../io/dealIndex.js";
import type {Briefing} from "./types.js";

export type {Briefing} from "./types.js";

/** Sections of the market briefing. */
export const MARKET_SECTIONS = [
  "market-totals",
  "deals-overview",
  "comparison",
  "market-npv",
  "market-map",
  "options-questions",
  "signals",
  "methodology",
  "sources"
];

/** Sections of each deal's briefing. */
export const DEAL_SECTIONS = [
  "deal-overview",
  "capacity",
  "commitment",
  "recycling",
  "roadmap",
  "options",
  "risks",
  "disclosures",
  "sources"
];

/** Folder of the executive summaries. */
export const SUMMARIES = "reports/summaries";

export interface BriefingOptions {
  /** Whether a summary file exists (default: on disk); a deal's own `deal-<id>.md` wins over the shared `deal.md`. */
  hasSummary?: (file: string) => boolean;
}

/**
 * Returns the briefings for the given deals: "market" first, then "deal-<id>" per deal in the order given, on
 * A4 and the base scenario. A briefing's summary is `reports/summaries/<name>.md` when that file exists, else
 * `deal.md` for a deal (shared by every deal, its placeholders written with `deal.`).
 *
 * @example briefings([{id: "amazon-anthropic", name: "Amazon → Anthropic"}]).map((b) => b.name) // ["market", "deal-amazon-anthropic"]
 */
export function briefings(deals: readonly {id: string; name: string}[], {hasSummary = existsSync}: BriefingOptions = {}): Briefing[] {
  const market: Briefing = {
    name: "market",
    title: "AI compute mega-deals",
    subtitle: `Market briefing: investments, compute commitments and capacity across ${deals.length} deal${deals.length === 1 ? "" : "s"}`,
    paper: "a4",
    scenario: "base",
    sections: MARKET_SECTIONS,
    summary: `${SUMMARIES}/market.md`
  };
  const perDeal = deals.map((deal): Briefing => {
    const name = `deal-${deal.id}`;
    const own = `${SUMMARIES}/${name}.md`;
    return {
      name,
      title: deal.name,
      subtitle: "Deal briefing: investment, compute commitment, capacity, chips and options",
      paper: "a4",
      scenario: "base",
      sections: DEAL_SECTIONS,
      deal: deal.id,
      summary: hasSummary(own) ? own : `${SUMMARIES}/deal.md`,
      template: `${SUMMARIES}/deal.md`
    };
  });
  return [market, ...perDeal];
}

/**
 * Returns the site paths of every briefing page (`/briefings/market`, `/briefings/deal-<id>`…) for the deals in
 * `dataDir` (default `$DEALS_DATA` or `data`): what `dynamicPaths` in observablehq.config.ts lists so Framework
 * builds the pages the PDFs print from.
 *
 * @example briefingPaths() // ["/briefings/market", "/briefings/deal-amazon-anthropic", …]
 */
export function briefingPaths(dataDir = process.env.DEALS_DATA || "data"): string[] {
  return briefings(listDeals(dataDir)).map((b) => `/briefings/${b.name}`);
}
