/** The briefing as the page receives it from docs/data/briefings.json (see reports/briefings.ts). */
import type {Paper} from "./paper.js";

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
