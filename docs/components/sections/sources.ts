/**
 * The numbered sources list: every source in the data under the number its badges print (numbers follow first
 * use and are the same on the site and in every briefing). With a deal, only the sources that deal's figures
 * rest on: its own facts, the chips its figures use, and the assumptions.
 */
import {type DealProjection, dealSources, headlineFormulas} from "../../lib/core.js";
import {el} from "../dom.js";
import {date} from "../format.js";
import type {SourceRef} from "../provenance.js";
import type {Section, SectionContext} from "./types.js";

/** Returns the ids of the sources to list: all of them, or a deal's (see the module comment). */
export function sourceIdsFor({data, analysis, dealId}: Pick<SectionContext, "data" | "analysis" | "dealId">): string[] {
  if (!dealId) return data.sources.map((s) => s.id);
  const projection: DealProjection | undefined = analysis?.projections?.[dealId];
  const chips = new Set<string>();
  for (const {figure} of projection ? headlineFormulas(projection) : []) {
    for (const id of figure?.lineage.inputs ?? []) if (id.startsWith("chip:")) chips.add(id.slice(5).split(".")[0]);
  }
  return dealSources(data, dealId, {extraChips: [...chips]});
}

/** Returns one source: its number, publisher, title, date and address as a link. */
function SourceItem(source: SourceRef, number: number | undefined): HTMLElement {
  return el(
    "li",
    {id: `source-${source.id}`, "data-source-id": source.id},
    el("span", {class: "source-number"}, number !== undefined ? `[${number}]` : "[–]"),
    el(
      "span",
      {class: "source-text"},
      el("strong", {}, source.publisher ?? source.title),
      source.publisher ? `, “${source.title}”` : "",
      `, ${date(source.date)}. `,
      /^https?:/.test(source.url)
        ? el("a", {href: source.url, class: "source-url", target: "_blank", rel: "noopener noreferrer"}, source.url)
        : el("span", {class: "source-url"}, localSourceText(source.url))
    )
  );
}

/**
 * Returns how a source that is a page of this project reads (critic 20: a repository path, "docs/methodology.md",
 * printed as a source): "this site's methodology page"; another project file keeps its path.
 */
export function localSourceText(url: string): string {
  const page = /^docs\/([\w-]+)\.md$/.exec(url);
  return page ? `this site's ${page[1].replace(/-/g, " ")} page` : url;
}

/**
 * Returns the list of the given sources, numbered ones in number order, then those no figure cites. `total`, when the
 * list holds only the sources of some deals (a page's file above a dozen deals), is how many numbered sources the
 * site has: the note then says so, and where the whole list is.
 */
export function SourcesList(
  ids: readonly string[],
  {sources, index, total}: {sources: Record<string, SourceRef>; index: Record<string, number>; total?: number}
): HTMLElement {
  const known = [...new Set(ids)].filter((id) => sources[id]);
  const numbered = known.filter((id) => index[id] !== undefined).sort((a, b) => index[a] - index[b]);
  const unnumbered = known
    .filter((id) => index[id] === undefined)
    .sort((a, b) => sources[a].date.localeCompare(sources[b].date) || (a < b ? -1 : 1));
  return el(
    "div",
    {class: "methodology-sources"},
    el(
      "p",
      {class: "methodology-sources-note"},
      total !== undefined && total > numbered.length
        ? `The ${numbered.length} sources the deals on this page cite, of the ${total} the site numbers in order of first use; a number in brackets after a figure points here, and means the same source on every page and in every briefing. Every source is in the sources file on the Downloads page, and each deal's page lists its own.`
        : `${numbered.length} source${numbered.length === 1 ? "" : "s"}, numbered in order of first use; a number in brackets after a figure points here, and means the same source on every page and in every briefing.`
    ),
    el(
      "ol",
      {class: "source-list"},
      numbered.map((id) => SourceItem(sources[id], index[id]))
    ),
    unnumbered.length
      ? [
          el("p", {class: "methodology-sources-note"}, `Also consulted, but cited by no figure (${unnumbered.length}):`),
          el(
            "ol",
            {class: "source-list source-list--uncited"},
            unnumbered.map((id) => SourceItem(sources[id], undefined))
          )
        ]
      : null
  );
}

export const sources: Section = {
  id: "sources",
  title: "Sources",
  perDeal: false,
  render(context) {
    const {data} = context;
    return SourcesList(sourceIdsFor(context), {sources: data.sourcesById, index: data.sourceNumbers, total: data.sourceCount});
  }
};
