/** The numbered sources appendix: every source the briefing cites, under the number its badges print. */
import {el} from "../dom.js";
import {date} from "../format.js";
import type {SourceRef} from "../provenance.js";
import {localSourceText} from "../sections/sources.js";

/**
 * Returns the ids of the sources cited inside `nodes`, without repeats: every element with `data-source` (a badge
 * or a bracket number) and every source a chart's "Source:" line names (`data-sources`, space-separated; critic s14
 * #5: the blog and the reprint behind key chart figures had no address anywhere in the PDF).
 */
export function citedSources(nodes: readonly Node[]): string[] {
  const ids = new Set<string>();
  const take = (element: Element) => {
    const own = element.getAttribute("data-source");
    if (own) ids.add(own);
    for (const id of element.getAttribute("data-sources")?.split(" ") ?? []) if (id) ids.add(id);
  };
  for (const node of nodes) {
    if (!(node instanceof Element)) continue;
    take(node);
    for (const cited of node.querySelectorAll("[data-source], [data-sources]")) take(cited);
  }
  return [...ids];
}

/**
 * Returns the appendix: the cited sources ordered by their number (the site's numbering, so a number means the
 * same source in every briefing), each with publisher, title, date and address. Sources without a number follow,
 * by id.
 */
export function SourcesAppendix(
  ids: readonly string[],
  {sources, index}: {sources: Record<string, SourceRef>; index: Record<string, number>}
): HTMLElement {
  const known = ids.filter((id) => sources[id]);
  const ordered = [...known].sort((a, b) => (index[a] ?? Infinity) - (index[b] ?? Infinity) || (a < b ? -1 : 1));
  return el(
    "div",
    {class: "sources-appendix"},
    el(
      "p",
      {class: "muted"},
      `${ordered.length} source${ordered.length === 1 ? "" : "s"} cited. The number in brackets after a figure is the source's number below; numbers are the same in every briefing and on the site.`
    ),
    el(
      "ol",
      {class: "source-list"},
      ordered.map((id) => {
        const source = sources[id];
        const number = index[id];
        return el(
          "li",
          {id: `source-${id}`},
          el("span", {class: "source-number"}, number !== undefined ? `[${number}]` : "[–]"),
          el(
            "span",
            {class: "source-text"},
            el("strong", {}, source.publisher ?? source.title),
            source.publisher ? `, “${source.title}”` : "",
            `, ${date(source.date)}. `,
            /^https?:/.test(source.url)
              ? el("a", {href: source.url, class: "source-url"}, source.url)
              : el("span", {class: "source-url"}, localSourceText(source.url))
          )
        );
      })
    )
  );
}
