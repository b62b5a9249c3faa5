/** The link from a site page to its PDF briefing. */
import {el} from "../dom.js";
import type {BriefingIndex} from "./types.js";

/**
 * Returns a link to the PDF briefing of the site page at `path` ("/" for the overview, "/deals/<id>" for a deal),
 * relative to that page so the site works under any base path; null when the page has no briefing.
 *
 * @example BriefingLink(briefings, `/deals/${deal.id}`) // <a href="../briefings/deal-amazon-anthropic.pdf">…
 */
export function BriefingLink(index: BriefingIndex, path: string): HTMLElement | null {
  const name = index.pages[path];
  const briefing = index.briefings.find((b) => b.name === name);
  if (!briefing) return null;
  const depth = path.split("/").filter(Boolean).length;
  const base = depth > 1 ? "../".repeat(depth - 1) : "./";
  return el(
    "p",
    {class: "briefing-link no-print"},
    el(
      "a",
      {href: `${base}${briefing.pdf}`, download: `${briefing.name}.pdf`},
      `Download the ${briefing.deal ? "deal" : "market"} briefing (PDF, ${briefing.paper.toUpperCase()})`
    )
  );
}
