/** The numbered sources appendix: every source the briefing cites, under the number its badges print. */
import {el} from "../dom.js";
import {date} from "../format.js";
import type {SourceRef} from "../provenance.js";
import {localSourceText} from "../sections/sources.js";

/** Returns the ids of the sources cited inside `nodes` (every element with `data-source`), without repeats. */
export function citedSources(nodes: readonly Node[]): string[] {
  const ids = new Set<string>();
  for (const node of nodes) {
    if (!(node instanceof Element)) continue;
    const own = node.getAttribute("data-source");
    if (own) ids.add(own);
    for (const cited of node.querySelectorAll("[data-source]")) ids.add(cited.getAttribute("data-source")!);
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
