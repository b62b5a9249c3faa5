/**
 * The briefing files as the page receives them: `docs/data/briefings.json` and `docs/data/briefings/<name>.json`.
 * Their types are declared once, beside the code that computes them (src/site/types.ts), and imported here type-only.
 */
export type {
  BriefingEntry as BriefingSpec,
  BriefingIndex,
  BriefingMeta,
  BriefingSlice
} from "../../../src/site/types.js";
