/**
 * The data file of a topic page (`data/pages/<page>.json`: /recycling, /roadmap, /options, /capacity, /commitment,
 * /comparison, /methodology): every deal, as the page's deal picker offers them all, but only the parts of the
 * dataset and the analysis that page draws, so a phone opening one topic does not load every table of every other
 * topic (`dataset.json` + `analysis.json`: 96 kB gzip). The cut is by table: the dataset keeps what the browser's own
 * model needs when a reader moves a slider (deals, chips, assumptions, scenarios, companies) and the sources its
 * figures cite (/methodology, which lists every source, keeps them all); the analysis keeps the market tables the
 * page prints and, of each deal's projection, the parts it draws (plus the small identity fields every projection
 * view reads). What each page reads was listed by loading it with every deal selected and recording each field it
 * touched; a page that needs a new table names it here.
 */
import type {DealProjection} from "../core/index.js";
import {citedOnly} from "./briefingSlice.js";
import type {Analysis, PublicDataset, TopicPageFile} from "./types.js";

export type {TopicPageFile} from "./types.js";

/** A topic page's cut: the dataset's and the analysis's extra tables, and the parts of each deal's projection. */
interface TopicCut {
  data: readonly (keyof PublicDataset)[];
  analysis: readonly (keyof Analysis)[];
  projection: readonly (keyof DealProjection)[];
  /** Keep every source, not only those the file cites (a page that lists them all: /methodology). */
  allSources?: true;
}

/** Page (its path without the slash) → what it draws. */
export const TOPIC_PAGES = {
  recycling: {data: [], analysis: ["market", "marketScenarios", "npvTable"], projection: ["recycling", "uncertainty"]},
  roadmap: {data: ["signals"], analysis: ["chipEfficiency"], projection: ["capacity", "fleet"]},
  options: {data: ["optionHolders"], analysis: [], projection: ["options"]},
  capacity: {data: ["capacityShares", "yardsticks"], analysis: [], projection: ["capacity"]},
  commitment: {data: [], analysis: [], projection: ["capacity", "commitment", "recycling", "uncertainty"]},
  comparison: {
    data: [],
    analysis: ["articleTable", "comparison", "market", "marketScenarios", "npvTable"],
    projection: ["recycling", "uncertainty"]
  },
  // The methods read every deal's headline parts (lineage, bands, tornado); the sources list is the whole list.
  methodology: {
    data: [],
    analysis: [],
    projection: ["capacity", "commitment", "options", "recycling", "tornado", "uncertainty"],
    allSources: true
  }
} as const satisfies Record<string, TopicCut>;

export type TopicPage = keyof typeof TOPIC_PAGES;

/** What every page keeps of the dataset: what the browser's model reads when a slider moves, and the sources. */
const DATA_KEYS = [
  "asOf",
  "version",
  "companies",
  "deals",
  "chips",
  "assumptions",
  "scenarios",
  "sources",
  "sourcesById",
  "sourceNumbers"
] as const;
/** What every projection view reads (dealView, capacityView, roadmapView). */
const PROJECTION_KEYS = ["deal", "scenario", "ramp", "asOf", "assumptions"] as const;

const pick = <T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> =>
  Object.fromEntries(keys.filter((k) => k in value).map((k) => [k, value[k]])) as Pick<T, K>;

/** Returns whether `page` has a data file of its own. */
export function isTopicPage(page: string): page is TopicPage {
  return Object.hasOwn(TOPIC_PAGES, page);
}

/**
 * Returns the topic page's data file. Sources are cut to those the file's dataset and analysis cite (as a deal
 * page's are, citedOnly). Throws `topic page: invalid page: <page>` for a page without a cut.
 *
 * @example topicPageFile("options", data, analysis).analysis.projections["amd-openai"].options // the deal's options
 */
export function topicPageFile(page: string, data: PublicDataset, analysis: Analysis): TopicPageFile {
  if (!isTopicPage(page)) throw new Error(`topic page: invalid page: ${page}`);
  const cut: TopicCut = TOPIC_PAGES[page];
  const projections = Object.fromEntries(
    Object.entries(analysis.projections).map(([id, p]) => [id, pick(p, [...PROJECTION_KEYS, ...cut.projection])])
  );
  const body = {
    data: pick(data, [...DATA_KEYS, ...cut.data]) as PublicDataset,
    analysis: {...pick(analysis, ["asOf", ...cut.analysis]), projections}
  };
  return {page, data: cut.allSources ? body.data : citedOnly(body.data, body), analysis: body.analysis};
}
