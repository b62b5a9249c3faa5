/**
 * The section registry: every section the report knows, by id, for the briefings (and any page that wants to
 * draw sections by id). Each file below may export one or more `Section` objects under any name; the registry
 * indexes them by their `id`.
 *
 * A new section file needs one line in SECTION_FILES, or in dealRegistry.ts's DEAL_SECTION_FILES when a deal page
 * draws it; an id a briefing lists that no file exports is skipped with a warning when the briefing is rendered.
 */
import {DEAL_SECTION_FILES} from "./dealRegistry.js";
import {registryOf, type SectionModule} from "./sectionIndex.js";
import type {Section} from "./types.js";

export {isSection} from "./sectionIndex.js";

const SECTION_FILES: Record<string, () => Promise<SectionModule>> = {
  dealOverview: () => import("./dealOverview.js"),
  ...DEAL_SECTION_FILES,
  comparison: () => import("./comparison.js"),
  marketMap: () => import("./marketMap.js"),
  marketTotals: () => import("./marketTotals.js"),
  marketNpv: () => import("./marketNpv.js"),
  methodology: () => import("./methodology.js")
};

/**
 * Returns every section found in the section files, by id, in SECTION_FILES order. Throws when two sections share
 * an id (naming both files), since a briefing could not tell them apart.
 *
 * @example
 * const sections = await sectionRegistry();
 * sections.get("deal-overview")?.title // "The deal at a glance"
 */
export function sectionRegistry(): Promise<Map<string, Section>> {
  return registryOf(SECTION_FILES);
}
