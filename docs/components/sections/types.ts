/**
 * The section contract. Every topic of the report (capacity, commitment, recycling…) is a section component:
 * `(context) → Node`. Site pages arrange sections with controls around them; briefings print the same sections
 * with the controls replaced by a line stating the values used. No section reads files or fetches.
 */
import type {Analysis, PublicDataset} from "../../../src/site/types.js";

/** What every section receives. */
export interface SectionContext {
  /** `docs/data/dataset.json`: the validated dataset with sanitized HTML. */
  data: PublicDataset;
  /**
   * The briefing's part of the analysis (its file, `data/briefings/<name>.json`): `{asOf, projections: {[dealId]:
   * DealProjection (base scenario, with uncertainty and tornado)}, comparison: DealComparison[], articleTable, chipEfficiency}`.
   */
  analysis: Analysis;
  /**
   * The reader's scenario and assumption values from `ScenarioControls` (docs/components/controls.ts). When set, a
   * section recomputes its figures in the browser with `prepareDealProjector(data, deal).evaluate(values)`; when
   * absent (print, or a page without controls) it shows the precomputed base projections from `analysis`.
   */
  controls?: {scenario: string; ramp: string; values: Record<string, number>; changed: string[]};
  /** The deal the section is about, when it is about one (per-deal pages and briefings). */
  dealId?: string;
  /** Scenario id the figures are computed for; default "base". */
  scenario?: string;
  /** Content width in CSS pixels (the page's `width`, or the paper's printable width). */
  width: number;
  /** True when drawing for print: no controls, no hover-only information, charts at fixed width. */
  print?: boolean;
}

/** A section: a titled part of the report. */
export interface Section {
  /** Stable id, used by briefing definitions (`src/site/briefings.ts`) and anchors. */
  id: string;
  /** Heading shown in the table of contents and the PDF outline. */
  title: string;
  /** The heading for one context when it depends on the deal (e.g. a deal with no investment); default `title`. */
  titleFor?(context: SectionContext): string;
  /** True when the section needs a deal (`context.dealId`). */
  perDeal?: boolean;
  /** Draws the section. */
  render(context: SectionContext): Node | Promise<Node>;
  /**
   * Loads what `render` loads on its first call (its charts' modules), so that a later render waits only on promises
   * already settled: a page that draws the section late calls it ahead, so the section still draws in the moment
   * before printing (docs/components/deferred.ts).
   */
  prepare?(): Promise<unknown>;
}
