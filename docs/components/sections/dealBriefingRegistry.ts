/**
 * The sections a deal briefing draws (src/site/briefings.ts's DEAL_SECTIONS) and only those, in a file of their own:
 * the page of the deal briefings (docs/briefings/[briefing].md) loads their JavaScript, not the market's (see
 * marketBriefingRegistry.ts).
 */
import {DEAL_SECTION_FILES} from "./dealRegistry.js";
import {registryOf} from "./sectionIndex.js";
import type {Section} from "./types.js";

/** Returns a deal briefing's sections by id: the deal overview, then the deal page's (see dealRegistry.ts). */
export function dealBriefingRegistry(): Promise<Map<string, Section>> {
  return registryOf({dealOverview: () => import("./dealOverview.js"), ...DEAL_SECTION_FILES});
}
