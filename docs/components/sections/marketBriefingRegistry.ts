/**
 * The sections the market briefing draws (src/site/briefings.ts's MARKET_SECTIONS) and only those, in a file of their
 * own: the market briefing's page (docs/briefings/market.md) loads their JavaScript, not the deal topics' (see
 * dealBriefingRegistry.ts).
 */
import {registryOf} from "./sectionIndex.js";
import type {Section} from "./types.js";

/** Returns the market briefing's sections by id: the market's, the overviews, the options' questions, signals, sources. */
export function marketBriefingRegistry(): Promise<Map<string, Section>> {
  return registryOf({
    marketTotals: () => import("./marketTotals.js"),
    dealOverview: () => import("./dealOverview.js"),
    comparison: () => import("./comparison.js"),
    marketNpv: () => import("./marketNpv.js"),
    marketMap: () => import("./marketMap.js"),
    options: () => import("./options.js"),
    signals: () => import("./signals.js"),
    methodology: () => import("./methodology.js"),
    sources: () => import("./sources.js")
  });
}
