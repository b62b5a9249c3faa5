/**
 * A whole briefing as one printable document: cover, contents, executive summary, the briefing's sections drawn
 * for print at the paper's printable width, and the sources appendix. The PDF renderer loads the page that shows
 * it, waits for {@link markReady}, and prints.
 */

import {type Paper, parsePaper, printableArea, printableWidthPx} from "../../lib/core.js";
import {changeLine, changeMeaning, dealDataMoved} from "../changeLine.js";
import {el, trustedHtml} from "../dom.js";
import {date} from "../format.js";
import type {Edition} from "../sections/research.js";
import type {Section, SectionContext} from "../sections/types.js";
import {allowLongBreaks} from "./allowLongBreaks.js";
import {Contents, type ContentsEntry} from "./contents.js";
import {Cover} from "./cover.js";
import {fitCardFigures} from "./fitCardFigures.js";
import {coverOverflowText, fitCover} from "./fitCover.js";
import {fitToWidth} from "./fitToWidth.js";
import {flowShortParts} from "./flowShortParts.js";
import {keepWithCharts} from "./keepWithCharts.js";
import {RunningHeader} from "./runningHeader.js";
import {citedSources, SourcesAppendix} from "./sourcesAppendix.js";
import type {BriefingMeta, BriefingSlice} from "./types.js";
import {unclipCharts} from "./unclipCharts.js";

/** The id of the sources appendix in briefing definitions. */
export const SOURCES_ID = "sources";

export interface BriefingDocumentOptions {
  /** The briefing's data file, `docs/data/briefings/<name>.json` (src/site/briefingSlice.ts). */
  slice: BriefingSlice;
  /** Paper that overrides the briefing's own (the renderer passes `?paper=`). */
  paper?: string | null;
  /**
   * The sections this page can draw, by id: a deal briefing's page passes the deal sections alone
   * and the market briefing's page the market's (sections/dealBriefingRegistry.ts, marketBriefingRegistry.ts), so neither
   * page loads the other's JavaScript.
   */
  registry: () => Promise<Map<string, Section>>;
}

/** Returns a part of the document: a section element with an id and an h2 that the outline and contents list. */
function Part(id: string, title: string, ...children: (Node | null)[]): HTMLElement {
  return el("section", {class: `briefing-part briefing-part--${id}`, id: `part-${id}`}, el("h2", {}, title), ...children);
}

/**
 * Returns the briefing named `name` drawn as a document, and the metadata the renderer writes into the PDF.
 * Sections the briefing lists but the registry lacks (or that need a deal in a market briefing) are left out and
 * listed in `meta.skipped`. A section that throws fails the whole document, naming the section.
 */
export async function BriefingDocument({
  slice,
  paper,
  registry: sections
}: BriefingDocumentOptions): Promise<{node: HTMLElement; meta: BriefingMeta}> {
  // Print rules for briefings (docs/style.css) apply from now on, before any section measures its container.
  document.documentElement.classList.add("briefing-page");
  const {briefing, data, analysis, bands, version, asOf} = slice;
  const printPaper: Paper = paper ? parsePaper(paper) : briefing.paper;
  const context: SectionContext & {bands?: unknown; published?: string; edition?: Edition} = {
    published: slice.published,
    // The disclosures say what this document lists as moved, or that it is a first edition.
    edition: {previousAsOf: slice.changes.previous?.asOf ?? null, moved: slice.changes.previous ? slice.changes.changes.length : 0},
    data,
    analysis,
    bands: bands ?? undefined,
    dealId: briefing.deal,
    scenario: briefing.scenario,
    width: printableWidthPx(printPaper),
    print: true
  };
  const registry = await sections();

  const skipped: BriefingMeta["skipped"] = [];
  const parts: {id: string; title: string; node: HTMLElement}[] = [];
  parts.push({
    id: "summary",
    title: "Executive summary",
    node: Part(
      "summary",
      "Executive summary",
      trustedHtml(briefing.summaryHtml, "prose briefing-summary"),
      // Nothing moved since the last edition: one line where the reader looks first, not an empty part.
      slice.changes.unchanged ? el("p", {class: "briefing-unchanged"}, UNCHANGED) : null
    )
  });
  const changed = WhatChanged(slice.changes);
  if (changed) parts.push({id: "changes", title: "What changed", node: Part("changes", "What changed", changed)});
  const drawn: Node[] = [];
  const absent: {title: string; reason: string}[] = [];
  let sourcesWanted = false;
  for (const id of briefing.sections) {
    if (id === SOURCES_ID) {
      sourcesWanted = true;
      continue;
    }
    const section: Section | undefined = registry.get(id);
    if (!section) {
      skipped.push({id, reason: "not in the section registry yet"});
      continue;
    }
    if (section.perDeal && !briefing.deal) {
      skipped.push({id, reason: "needs a deal, and this briefing is about every deal"});
      continue;
    }
    let node: Node;
    try {
      node = await section.render(context);
    } catch (error) {
      throw new Error(`section "${id}" failed: ${(error as Error).message}`);
    }
    const title = section.titleFor?.(context) ?? section.title;
    // A section whose whole content is its absence (marked `section-absent`) is not a part of its own: one line after
    // the contents names it with its reason (no near-empty page, no heading over one sentence).
    if (node instanceof Element && node.classList.contains("section-absent")) {
      absent.push({title, reason: node.textContent?.trim() ?? ""});
      continue;
    }
    drawn.push(node);
    parts.push({id, title, node: Part(id, title, el("div", {class: "briefing-section-body"}, node))});
  }
  if (sourcesWanted) {
    const appendix = SourcesAppendix(citedSources(drawn), {sources: data.sourcesById, index: data.sourceNumbers});
    parts.push({id: SOURCES_ID, title: "Sources", node: Part(SOURCES_ID, "Sources", appendix)});
  }

  const scenario: {id: string; label?: string} = data.scenarios.find((s) => s.id === briefing.scenario) ?? {
    id: briefing.scenario
  };
  const entries: ContentsEntry[] = parts.map(({id, title}) => ({id: `part-${id}`, title}));
  // The sections left out for want of data, named once under the contents where a reader looks for them.
  const contents = Contents(entries);
  if (absent.length)
    contents.append(
      el(
        "p",
        {class: "briefing-absent"},
        `Not in this briefing: ${absent.map((a) => `“${a.title}” (${a.reason.replace(/\.$/, "")})`).join("; ")}.`
      )
    );
  const node = el(
    "article",
    {class: `briefing briefing--${printPaper}`, "data-briefing": briefing.name, "data-paper": printPaper},
    RunningHeader(briefing.title, `Data as of ${date(asOf)}`),
    Cover(briefing, {asOf, version, scenario}),
    contents,
    parts.map((p) => p.node)
  );
  const meta: BriefingMeta = {
    name: briefing.name,
    title: briefing.title,
    subject: `${briefing.subtitle}. Data as of ${date(asOf)}, data version ${version}, ${scenario.label ?? scenario.id} scenario.`,
    author: "compute-deals",
    keywords: ["AI compute", "compute deals", ...(briefing.deal ? [briefing.deal] : ["market"])],
    language: "en-US",
    asOf,
    version,
    paper: printPaper,
    skipped
  };
  return {node, meta};
}

/**
 * Returns the briefing's "What changed" part: its headline figures that moved since the build compared with, one
 * line each; null when none moved (or on a first build).
 */
/** The line a briefing prints when none of its headline figures moved since the last edition. */
export const UNCHANGED = "What changed: none of this briefing's headline figures moved since the last edition.";

function WhatChanged({previous, changes}: BriefingSlice["changes"]): HTMLElement | null {
  if (!previous || changes.length === 0) return null;
  return el(
    "div",
    {class: "briefing-changes"},
    el("p", {}, `Since the last edition (its data as of ${date(previous.asOf)}), and why each move matters:`),
    el(
      "ul",
      {},
      changes.map((c) =>
        el(
          "li",
          {class: `change change--${c.kind}`},
          // A model's figure that moved while the deal's own data did not says so (critic s8 M1).
          `${changeLine(c)}. ${changeMeaning(c, {
            dataMoved: dealDataMoved(
              changes.filter((d) => d.dealName === c.dealName),
              previous.asOf
            )
          })}`
        )
      )
    )
  );
}

/**
 * Marks the page ready to print once fonts are loaded, the layout is prepared for paper (chart labels unclipped,
 * cards' figures fitted to their cards, wide content zoomed or moved to a landscape page, long tables allowed to
 * break, short parts sharing a page) and two frames have been drawn: sets the document title, `<html
 * data-briefing-meta>` to the metadata (JSON), and then `<html data-ready="true">`, which is what the PDF renderer
 * waits for.
 */
export async function markReady(meta: BriefingMeta): Promise<void> {
  document.title = meta.title;
  await document.fonts.ready;
  const briefing = document.querySelector("article.briefing");
  if (briefing) {
    const portrait = printableArea(meta.paper);
    unclipCharts(briefing);
    fitCardFigures(briefing);
    // Page 1 ends on page 1: set tighter when a long call needs it, or refused by the renderer, named (fitCover.ts).
    // Measured only as printed (the renderer emulates print media): on screen the cover is laid out for reading.
    if (matchMedia("print").matches) {
      const cover = fitCover(briefing, portrait.height);
      document.documentElement.dataset.coverSlack = String(Math.round(cover.slackPx));
      const overflow = coverOverflowText(meta.name, cover);
      if (overflow) console.error(overflow);
    }
    fitToWidth(briefing, {portrait, landscape: printableArea(meta.paper, {landscape: true})});
    allowLongBreaks(briefing, portrait.height);
    keepWithCharts(briefing, portrait.height);
    flowShortParts(briefing, portrait.height);
  }
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  document.documentElement.dataset.briefingMeta = JSON.stringify(meta);
  document.documentElement.dataset.ready = "true";
}
