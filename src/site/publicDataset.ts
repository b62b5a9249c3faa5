/** The dataset as the site receives it: validated, with untrusted Markdown rendered to sanitized HTML. */
import {capacityShare} from "../core/capacity/capacityShare.js";
import type {Dataset, Deal, Source} from "../core/model.js";
import {renderMarkdown} from "../io/markdown.js";
import {cleanStrings} from "../io/markdownHazard.js";
import {numberSources} from "./sourceNumbers.js";
import type {PublicDataset} from "./types.js";

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
  // Markdown → sanitized HTML: renderMarkdown, or the same kept between builds (siteData).
  {render = renderMarkdown}: {render?: (markdown: string) => string} = {}
): PublicDataset {
  const cleaned = cleanStrings(dataset);
  const deals = cleaned.deals.map((deal) => ({
    ...deal,
    summaryHtml: dealMarkdown(deal, "summary", render),
    notesHtml: deal.notes ? dealMarkdown(deal, "notes", render) : ""
  }));
  const sourcesById = Object.fromEntries(cleaned.sources.map((s: Source) => [s.id, s]));
  // Figures across deals, computed here so that a page or briefing about one deal does not need the others.
  const capacityShares = Object.fromEntries(cleaned.deals.map((d) => [d.id, capacityShare(cleaned.deals, d.id)]));
  const optionHolders = cleaned.deals.filter((d) => d.hardware.options.length > 0).map((d) => d.name);
  return {...cleaned, deals, version, sourcesById, sourceNumbers: numberSources(cleaned), capacityShares, optionHolders};
}

/** Returns a deal's summary or notes as sanitized HTML; an error names the deal and the field. */
function dealMarkdown(deal: Deal, field: "summary" | "notes", render: (markdown: string) => string): string {
  try {
    return render(deal[field] ?? "");
  } catch (error) {
    throw new Error(`deal ${deal.id}: ${field}: ${(error as Error).message}`);
  }
}
