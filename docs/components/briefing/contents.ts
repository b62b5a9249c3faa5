/**
 * The table of contents. Page numbers are filled in by the PDF renderer: it fills the `.toc-page` cells with figure
 * spaces of a number's width, prints once, reads on which page each heading starts from the PDF's outline and stamps
 * the numbers into that print in place of the figure spaces (src/cli/pdf/stampNumbers.ts). Each entry carries
 * `data-toc-title` (the heading text to look for) and `data-toc-target` (the part's id).
 */
import {el} from "../dom.js";

export interface ContentsEntry {
  /** Id of the part the entry points to. */
  id: string;
  title: string;
}

/** Returns the contents: one linked line per part, with an empty page-number cell of fixed width. */
export function Contents(entries: readonly ContentsEntry[]): HTMLElement {
  return el(
    "nav",
    {class: "briefing-contents", "aria-label": "Contents"},
    el("h2", {}, "Contents"),
    el(
      "ol",
      {},
      entries.map(({id, title}) =>
        el(
          "li",
          {"data-toc-target": id, "data-toc-title": title},
          el("a", {href: `#${id}`}, title),
          el("span", {class: "toc-leader", "aria-hidden": "true"}),
          el("span", {class: "toc-page"})
        )
      )
    )
  );
}
