/** The link from a site page to its PDF briefing. */
import {el} from "../dom.js";
import type {BriefingIndex} from "./types.js";

/**
 * Returns the address of the PDF briefing of the site page at `path` ("/" for the overview, "/deals/<id>" for a
 * deal), relative to that page so the site works under any base path; null when the page has no briefing.
 *
 * @example briefingHref(briefings, "/deals/amazon-anthropic") // "../briefings/deal-amazon-anthropic.pdf"
 */
export function briefingHref(index: BriefingIndex, path: string): string | null {
  const name = index.pages[path];
  const briefing = index.briefings.find((b) => b.name === name);
  if (!briefing) return null;
  const depth = path.split("/").filter(Boolean).length;
  return `${depth > 1 ? "../".repeat(depth - 1) : "./"}${briefing.pdf}`;
}

/**
 * Returns a link to the page's PDF briefing, to place inline ("PDF briefing (A4)"), or null when the page has
 * none.
 *
 * @example ${BriefingAnchor(briefings, `/deals/${deal.id}`)}
 */
export function BriefingAnchor(index: BriefingIndex, path: string, text?: string): HTMLAnchorElement | null {
  const href = briefingHref(index, path);
  const briefing = index.briefings.find((b) => b.name === index.pages[path]);
  if (!href || !briefing) return null;
  return el(
    "a",
    {href, download: `${briefing.name}.pdf`, class: "briefing-link"},
    text ?? `PDF briefing (${briefing.paper.toUpperCase()})`
  );
}

/**
 * Returns a paragraph with a link to the page's PDF briefing ("Download the deal briefing (PDF, A4)"), hidden in
 * print, or null when the page has none.
 *
 * @example BriefingLink(briefings, "/") // <p class="briefing-link no-print"><a href="./briefings/market.pdf">…
 */
export function BriefingLink(index: BriefingIndex, path: string): HTMLElement | null {
  const briefing = index.briefings.find((b) => b.name === index.pages[path]);
  const anchor =
    briefing &&
    BriefingAnchor(index, path, `Download the ${briefing.deal ? "deal" : "market"} briefing (PDF, ${briefing.paper.toUpperCase()})`);
  return anchor ? el("p", {class: "briefing-link no-print"}, anchor) : null;
}
