/**
 * The sections a deal page draws (its topics, in its briefing's order, and its sources), and only those: the
 * market's sections stay out of the page's JavaScript (a deal page loads at most 250 kB, lazy imports included).
 */
import {registryOf, type SectionModule} from "./sectionIndex.js";
import type {Section} from "./types.js";

/** The files of the deal page's sections; the full registry (registry.ts) adds the market's and the overviews. */
export const DEAL_SECTION_FILES: Record<string, () => Promise<SectionModule>> = {
  capacity: () => import("./capacity.js"),
  commitment: () => import("./commitment.js"),
  recycling: () => import("./recycling.js"),
  roadmap: () => import("./roadmap.js"),
  options: () => import("./options.js"),
  signals: () => import("./signals.js"),
  research: () => import("./research.js"),
  sources: () => import("./sources.js")
};

/** Returns the deal page's sections by id: capacity, commitment, recycling, roadmap, options, signals, risks, disclosures, sources. */
export function dealSectionRegistry(): Promise<Map<string, Section>> {
  return registryOf(DEAL_SECTION_FILES);
}
