/** The briefing as the page receives it from docs/data/briefings.json (see src/site/briefings.ts). */

import type {Paper} from "../../lib/core.js";
import type {ChangeLike} from "../changeLine.js";

export interface BriefingSpec {
  name: string;
  title: string;
  subtitle: string;
  paper: Paper;
  scenario: string;
  sections: string[];
  deal?: string;
  /** The executive summary, rendered and sanitized at build time. */
  summaryHtml: string;
  /** The PDF's path from the site root: "briefings/<name>.pdf". */
  pdf: string;
}

/** `docs/data/briefings.json`. */
export interface BriefingIndex {
  asOf: string;
  version: string;
  briefings: BriefingSpec[];
  /** Site page path ("/", "/deals/<id>") → the name of the briefing it links. */
  pages: Record<string, string>;
}

/**
 * A briefing page's data file, `docs/data/briefings/<name>.json` (BriefingSlice in src/site/briefingSlice.ts):
 * the dataset, analysis and bands cut down to what the briefing draws, its changes, and a version of its own.
 */
export interface BriefingSlice {
  name: string;
  /** Hash of this file's content: the data version printed on the cover. */
  version: string;
  asOf: string;
  briefing: BriefingSpec;
  // biome-ignore lint/suspicious/noExplicitAny: PublicDataset lives in src/io, which components cannot import
  data: any;
  // biome-ignore lint/suspicious/noExplicitAny: the analysis types live in src/core (see SectionContext)
  analysis: any;
  /** Capacity bands of the briefing's deal ({draws, seed, bands}); null for the market briefing. */
  // biome-ignore lint/suspicious/noExplicitAny: CapacityBandsFile is declared by the capacity section
  bands: any;
  changes: {previous: {dataVersion: string; asOf: string} | null; changes: ChangeLike[]};
}

/** What the briefing page tells the PDF renderer once it is ready (on `<html data-briefing-meta>`). */
export interface BriefingMeta {
  name: string;
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  /** BCP 47 language tag of the text. */
  language: string;
  asOf: string;
  version: string;
  paper: Paper;
  /** Section ids the briefing lists that were not drawn, each with the reason. */
  skipped: {id: string; reason: string}[];
}
