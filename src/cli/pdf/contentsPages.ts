/** Matches the contents' entries to the bookmarks Chromium wrote, to learn on which page each part starts. */
import type {OutlineItem} from "./outline.js";

/** Returns text with runs of white space as one space, trimmed: how headings and bookmarks are compared. */
export function normalizeTitle(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Returns the page on which each contents entry starts: for each title in order, the first bookmark after the
 * previous match whose title is the same (white space normalized). Throws `invalid contents: "title" has no
 * bookmark` when one is missing, so a heading renamed on one side only cannot print a wrong page number.
 *
 * @example contentsPages(["Executive summary", "Sources"], [{title: "Executive summary", page: 2, depth: 1}, {title: "Sources", page: 5, depth: 1}]) // [2, 5]
 */
export function contentsPages(titles: readonly string[], outline: readonly OutlineItem[]): number[] {
  let from = 0;
  return titles.map((title) => {
    const wanted = normalizeTitle(title);
    const at = outline.findIndex((item, i) => i >= from && normalizeTitle(item.title) === wanted && item.page > 0);
    if (at < 0) throw new Error(`invalid contents: "${wanted}" has no bookmark in the printed PDF`);
    from = at + 1;
    return outline[at].page;
  });
}
