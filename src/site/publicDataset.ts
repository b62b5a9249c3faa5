/** The dataset as the site receives it: validated, with untrusted Markdown rendered to sanitized HTML. */
import {capacityShares} from "../core/capacity/capacityShare.js";
import type {Dataset, Deal, Source} from "../core/model.js";
import {renderMarkdown} from "../io/markdown.js";
import {cleanStrings} from "../io/markdownHazard.js";
import {numberSources} from "./sourceNumbers.js";
import type {PublicDataset, PublicDeal} from "./types.js";

export type {PublicDataset, PublicDeal} from "./types.js";

/**
 * Returns the dataset with summaries and notes as sanitized HTML and every other string stripped of invisible
 * control characters (they are inserted as text by the components, never as HTML). Throws
 * `deal <id>: <field>: invalid markdown: …` for Markdown that renderMarkdown refuses.
 *
 * @example
 * const data = publicDataset(await readValidDataset("data"), "3f2a9c01b7de");
 */
export function publicDataset(
  dataset: Dataset,
  version: string,
  {
    // Markdown → sanitized HTML: renderMarkdown, or the same kept between builds (siteData).
    render = renderMarkdown,
    // A deal as published, from the deal: computed, or kept between builds by the deal (siteData).
    keepDeal = (_deal, compute) => compute()
  }: {render?: (markdown: string) => string; keepDeal?: (deal: Deal, compute: () => PublicDeal) => PublicDeal} = {}
): PublicDataset {
  // Every field cleaned, in the dataset's order; the deals one by one (a rebuild after one deal changes cleans and
  // renders that deal, and the others, kept, carry the digest of their key: their pages' files are keyed cheaply).
  const deals = dataset.deals.map((deal) => keepDeal(deal, () => publicDeal(deal, render)));
  const cleaned = Object.fromEntries(
    Object.entries(dataset).map(([key, value]) => [key, key === "deals" ? deals : cleanStrings(value)])
  ) as Omit<Dataset, "deals"> & {deals: PublicDeal[]};
  const sourcesById = Object.fromEntries(cleaned.sources.map((s: Source) => [s.id, s]));
  const optionHolders = deals.filter((d) => d.hardware.options.length > 0).map((d) => d.name);
  return {
    ...cleaned,
    version,
    sourcesById,
    // The data's numbering (cleaning changes no id; computed once per dataset, page 1's figures use it too).
    sourceNumbers: numberSources(dataset),
    // Figures across deals, computed here so that a page or briefing about one deal does not need the others.
    capacityShares: capacityShares(deals),
    optionHolders
  };
}

/** Returns a deal as published: its strings cleaned, its summary and notes as sanitized HTML. */
function publicDeal(deal: Deal, render: (markdown: string) => string): PublicDeal {
  const cleaned = cleanStrings(deal);
  return {
    ...cleaned,
    summaryHtml: dealMarkdown(cleaned, "summary", render),
    notesHtml: cleaned.notes ? dealMarkdown(cleaned, "notes", render) : ""
  };
}

/** Returns a deal's summary or notes as sanitized HTML; an error names the deal and the field. */
function dealMarkdown(deal: Deal, field: "summary" | "notes", render: (markdown: string) => string): string {
  try {
    return render(deal[field] ?? "");
  } catch (error) {
    throw new Error(`deal ${deal.id}: ${field}: ${(error as Error).message}`);
  }
}
