/** The cover of a printed briefing: title, subtitle, as-of date, data version and scenario. */
import {el} from "../dom.js";
import {date} from "../format.js";
import {CallBlock} from "./call.js";
import type {BriefingSpec} from "./types.js";

export interface CoverOptions {
  /** Latest as-of date of the data, ISO. */
  asOf: string;
  /** Data version: a hash of the data this briefing is computed from (its data file). */
  version: string;
  /** The scenario's label and description, when the data defines it. */
  scenario: {id: string; label?: string; description?: string};
}

/**
 * Returns the cover page: a kicker, the title (the document's h1), the subtitle, the call (one sentence, key
 * figures, takeaways: page 1 makes the briefing's case) and a table of the run's facts.
 */
export function Cover(briefing: BriefingSpec, {asOf, version, scenario}: CoverOptions): HTMLElement {
  const facts: [string, string][] = [
    ["Data as of", date(asOf)],
    // One scheme for every output (M17): a page or briefing that draws one part of the dataset prints that part's
    // version and says so; the Data page prints the whole dataset's. The two differ by design.
    ["Data version", `${version}, of this briefing's part of the dataset`],
    ["Scenario", scenario.label ? `${scenario.label}${scenario.description ? `: ${scenario.description}` : ""}` : scenario.id]
  ];
  return el(
    "header",
    {class: "briefing-cover"},
    el("p", {class: "kicker"}, briefing.deal ? "compute-deals · deal briefing" : "compute-deals · market briefing"),
    el("h1", {}, briefing.title),
    el("p", {class: "briefing-subtitle"}, briefing.subtitle),
    CallBlock(briefing),
    el(
      "dl",
      {class: "briefing-facts"},
      facts.map(([term, value]) => [el("dt", {}, term), el("dd", {}, value)])
    ),
    el(
      "p",
      {class: "briefing-cover-note"},
      "Every figure traces to a sourced fact with its status and as-of date; bounds are kept as the sources wrote them, and a figure computed from an assumption reads “about”. ",
      // The version is the briefing's own slice's, not the dataset's (critic s8 M4: a reader looked for it on the Data page).
      "Built by compute-deals from its sourced dataset. The data version fingerprints only the data this briefing draws, so it changes only when they change and differs from the whole dataset's version on the Data page; the same data version gives the same document."
    )
  );
}
