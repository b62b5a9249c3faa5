/**
 * The type of every file the site publishes and the briefings load, in one module. The functions that compute
 * them return these types (publicDataset.ts, siteData.ts, briefingSlice.ts), and each type is built from the core's
 * own return types (`ReturnType<typeof projectDeal>`…), so a change to a computation changes its published type
 * with it. The browser (docs/components) imports this module type-only: it holds no code.
 *
 * | file | type |
 * | --- | --- |
 * | `data/changes.json` | {@link ChangesFile} |
 * | `data/briefings.json` | {@link BriefingIndex} |
 * | `data/briefings/<name>.json` | {@link BriefingSlice} |
 * | `data/deals/<id>.json` | a deal page's data: {@link DealPageFile} |
 * | `data/pages/<page>.json` | a topic page's data: {@link TopicPageFile} |
 * | `data/explorer.json` | the front page's deal explorer: {@link ExplorerRow} |
 * | `data/downloads.json` | {@link DownloadIndex} (the Data page; the tables themselves are written by the build) |
 */

import type {
  articleTable,
  CapacityShare,
  capacityBands,
  changesSince,
  chipEfficiency,
  compareDeals,
  Dataset,
  Deal,
  LabExposure,
  MarketAggregate,
  MarketScenarioTable,
  NpvTable,
  Paper,
  peerBox,
  projectDeal,
  Source,
  scenarioTable
} from "../core/index.js";
import type {DownloadIndex} from "./downloads.js";
import type {ExplorerRow} from "./explorer.js";

/** A deal as published: its summary and notes rendered to sanitized HTML. */
export interface PublicDeal extends Deal {
  summaryHtml: string;
  notesHtml: string;
}

/** `data/dataset.json`: the validated dataset with untrusted Markdown rendered to sanitized HTML (publicDataset.ts). */
export interface PublicDataset extends Omit<Dataset, "deals"> {
  version: string;
  deals: PublicDeal[];
  /** Source id → source, for badges. */
  sourcesById: Record<string, Source>;
  /** Source id → its number in the sources appendix (1-based, in order of first use). */
  sourceNumbers: Record<string, number>;
  /** Deal id → its capacity ceiling as a share of every counted deal's (null without capacity terms). */
  capacityShares: Record<string, CapacityShare | null>;
  /** Names of the deals that hold an option on future chips, in data order. */
  optionHolders: string[];
  /** In a deal's briefing slice only: its lab's exposure, computed from every deal (the slice holds one). */
  labExposures?: LabExposure[];
  /** In a briefing slice, where `optionHolders` lists only some of them: how many deals hold an option in all. */
  optionHolderCount?: number;
  /** In a deal page's file (it holds one deal), or a topic page's that holds some: id → name of the other deals its signals' observations name. */
  dealNames?: Record<string, string>;
  /** In a topic page's file that holds only the deals the market details (above a dozen): how many deals the data holds. */
  dealCount?: number;
  /** With `dealCount`: how many numbered sources the whole data cites (the file holds those its deals cite). */
  sourceCount?: number;
}

/** Every deal's base projections with bands, the comparison, the article's table, chip efficiency: what the pages' and briefings' files are cut from (none publishes it whole). */
export interface Analysis {
  asOf: string;
  projections: Record<string, ReturnType<typeof projectDeal>>;
  comparison: ReturnType<typeof compareDeals>;
  articleTable: ReturnType<typeof articleTable> | null;
  chipEfficiency: ReturnType<typeof chipEfficiency>;
  /** Deal id → its figures under every scenario, at the scenario's values (the bull / base / bear table). */
  scenarios: Record<string, ReturnType<typeof scenarioTable>>;
  /** Deal id → the deal against the other live deals on the peer ratios, with its rank. */
  peers: Record<string, ReturnType<typeof peerBox>>;
  /**
   * The market in a bounded size (marketAggregate): the deals the market briefing details, totals by party and of
   * the rest. In the market briefing's slice, also how many changes of the deals it does not detail it leaves out;
   * null in a deal's slice (so that another deal's change leaves it the same).
   */
  market?: (MarketAggregate & {otherChanges?: number}) | null;
  /**
   * The live deals' cash NPVs side by side, bounded (npvTable): the market briefing and the market pages print it;
   * null in a deal's slice (so that another deal's change leaves it the same).
   */
  npvTable?: NpvTable | null;
  /**
   * The live deals' totals under each scenario (marketScenarios): the market briefing and the market pages print it;
   * null in a deal's slice (so that another deal's change leaves it the same).
   */
  marketScenarios?: MarketScenarioTable | null;
}

/** `data/capacity-bands.json`: P10–P90 capacity bands per deal (with capacity terms) and scenario. */
export interface BandsFile {
  draws: number;
  seed: string;
  bands: Record<string, Record<string, ReturnType<typeof capacityBands>>>;
}

/** `data/changes.json`: the headline figures that moved since the baseline build. */
export interface ChangesFile {
  version: string;
  asOf: string;
  /** The build compared with; null on a first build. */
  previous: {dataVersion: string; asOf: string} | null;
  changes: ReturnType<typeof changesSince>["changes"];
  /**
   * In a briefing's slice only: true when there was a last edition and none of the briefing's headline figures moved
   * since (the slice then leaves out the last edition's version and date, which change with every build, so that an
   * unchanged briefing keeps its PDF).
   */
  unchanged?: boolean;
}

/** A briefing's definition (briefings.ts): which sections it prints, on which paper, with which summary. */
export interface Briefing {
  /** Name of the PDF (`<name>.pdf`) and of its page (`/briefings/<name>`): "market", "deal-amazon-anthropic". */
  name: string;
  title: string;
  subtitle: string;
  /** Default "a4"; `deals pdf --paper letter` overrides it. */
  paper: Paper;
  /** Scenario id the figures are computed for; default "base". */
  scenario: string;
  /** Section ids in print order. */
  sections: string[];
  /** The deal of a per-deal briefing. */
  deal?: string;
  /** The executive summary's Markdown file, relative to the project root: the briefing's own, else the template. */
  summary: string;
  /** The generic template printed when the briefing has no summary of its own or its own is stale (deal briefings). */
  template?: string;
}

/** One row of a briefing's key-figures box (briefingSummary.ts). */
export interface KeyFigure {
  label: string;
  value: string;
  /** The figure's status (confirmed, reported, estimate, assumption) when it has one. */
  status?: string;
  /**
   * What qualifies the figure, each printed on a line of its own under it ("each contingent tranche at the editors'
   * 50% chance"): a figure and its qualifications in one value wrapped in half a box (s15–s17).
   */
  notes?: string[];
}

/** A briefing's page 1 and the top of its site page: the call, the takeaways and the key figures (briefingSummary.ts). */
export interface BriefingCallView {
  /** One sentence that takes a position, as sanitized HTML. */
  callHtml: string;
  /** 3–5 takeaways, a sanitized HTML list. */
  takeawaysHtml: string;
  keyFigures: KeyFigure[];
}

/** One briefing as the site and the renderer know it (briefings.ts, with its summary rendered). */
export interface BriefingEntry extends Briefing {
  /** The executive summary after the call and takeaways (placeholders resolved), as sanitized HTML. */
  summaryHtml: string;
  /** Page 1: the call, takeaways and key figures. */
  call: BriefingCallView;
  /** Path of the PDF from the site root. */
  pdf: string;
}

/** `data/briefings.json`: every briefing, and which site page links which PDF. */
export interface BriefingIndex {
  asOf: string;
  version: string;
  /** Publication date of this edition, ISO ($SOURCE_DATE_EPOCH's day, else the data's as-of; see publishedOn). */
  published?: string;
  briefings: BriefingEntry[];
  /** Site page ("/", "/deals/<id>") → the briefing whose PDF it links. */
  pages: Record<string, string>;
}

/**
 * `data/briefings/<name>.json`: one briefing page's data (briefingSlice.ts), the dataset, analysis and bands cut
 * down to what the briefing draws, its changes, and a version of its own.
 */
export interface BriefingSlice {
  name: string;
  /** First 12 hex digits of SHA-256 over the rest of this file: the data version the briefing prints. */
  version: string;
  /** The deal's as-of date for a deal's briefing, the dataset's for the market briefing; ISO. */
  asOf: string;
  /** Publication date of this edition, ISO (not part of the version: the same data gives the same version). */
  published?: string;
  briefing: BriefingEntry;
  data: PublicDataset;
  analysis: Analysis;
  /** The bands of the briefing's deal; null for the market briefing. */
  bands: BandsFile | null;
  changes: ChangesFile;
}

/**
 * `data/deals/<id>.json`: one deal's site page data (dealPage.ts): the dataset, analysis and bands cut down to that
 * deal, with a version of its own (a digest of the file, as a briefing's) and the dataset's as-of, the deal's changes
 * and the page's own entry of the briefing index.
 */
export interface DealPageFile {
  /** The deal's id. */
  deal: string;
  data: PublicDataset;
  analysis: Analysis;
  bands: BandsFile;
  /** The deal's changes, with the edition they were measured against. */
  changes: ChangesFile;
  /** The briefing index with the page's own briefing only. */
  briefings: BriefingIndex;
}

/**
 * `data/pages/<page>.json`: a topic page's data (topicPage.ts): every deal, with the dataset and analysis cut to the
 * tables that page draws and, of each deal's projection, the parts it draws.
 */
export interface TopicPageFile {
  /** The page's path without its slash ("recycling"). */
  page: string;
  data: PublicDataset;
  analysis: Pick<Analysis, "asOf"> &
    Partial<Omit<Analysis, "asOf" | "projections">> & {projections: Record<string, Partial<ReturnType<typeof projectDeal>>>};
  /** /capacity: the P10–P90 capacity bands of the file's deals. */
  bands?: BandsFile;
  /**
   * The home page: the briefing index cut to the briefing the page links (its call and PDF), not every briefing's
   * (`data/briefings.json` is 3.3 MB at 1,000 deals).
   */
  briefings?: BriefingIndex;
}

/** Every published file: its path as Framework serves it → its type. */
export type {DownloadIndex} from "./downloads.js";
export type {ExplorerFigure, ExplorerRow} from "./explorer.js";

export interface PublishedFiles {
  "data/changes.json": ChangesFile;
  "data/briefings.json": BriefingIndex;
  "data/downloads.json": DownloadIndex;
  "data/explorer.json": {version: string; rows: ExplorerRow[]};
  [briefing: `data/briefings/${string}.json`]: BriefingSlice;
  [deal: `data/deals/${string}.json`]: DealPageFile;
  [page: `data/pages/${string}.json`]: TopicPageFile;
}

/** What a briefing page tells the PDF renderer once it is ready (on `<html data-briefing-meta>`). */
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
