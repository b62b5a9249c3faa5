/**
 * The data file of a topic page (`data/pages/<page>.json`: /recycling, /roadmap, /options, /capacity, /commitment,
 * /comparison, /methodology, and the home page and /signals), only the parts of the dataset and the analysis that
 * page draws, so a phone opening one topic does not load every table of every other topic (`dataset.json` +
 * `analysis.json`: 96 kB gzip). The cut is by table: the dataset keeps what the browser's own model needs when a
 * reader moves a slider (deals, chips, assumptions, scenarios, companies) and the sources its figures cite
 * (/methodology, which lists every source, keeps them all up to a dozen deals); the analysis keeps the market tables
 * the page prints and, of each deal's projection, the parts it draws (plus the small identity fields every projection
 * view reads). What each page reads was listed by loading it with every deal selected and recording each field it
 * touched; a page that needs a new table names it here.
 *
 * The cut is also by deal, so a page's file is bounded whatever the number of deals: it holds the deals the market
 * details (`analysis.market.shown`: every deal up to MARKET_ALL_UP_TO, a dozen, else the largest MARKET_TOP by firm
 * investment, by dollar commitment and by GW ceiling), as the market briefing does (briefingSlice.ts), and then says
 * how many deals the data holds (`data.dealCount`), so that the page can say where the others are (the deals index, each
 * deal's page). Up to a dozen deals the file is what it was before the cut, byte for byte.
 */
import {ARTICLE_DEALS, type DealProjection} from "../core/index.js";
import {labExposure} from "../core/recycling/labExposure.js";
import {concerns} from "../core/signals.js";
import {citedOnly, optionHolders} from "./briefingSlice.js";
import type {Analysis, BandsFile, BriefingIndex, PublicDataset, TopicPageFile} from "./types.js";

export type {TopicPageFile} from "./types.js";

/** A topic page's cut: the dataset's and the analysis's extra tables, and the parts of each deal's projection. */
interface TopicCut {
  data: readonly (keyof PublicDataset)[];
  analysis: readonly (keyof Analysis)[];
  projection: readonly (keyof DealProjection)[];
  /** Keep every source, not only those the file cites (a page that lists them all: /methodology). */
  allSources?: true;
  /** The page draws no projection (the home page, /signals): the file's `analysis.projections` is empty. */
  noProjections?: true;
  /** The page draws the deals' P10–P90 capacity bands (/capacity): the file carries them for its deals. */
  bands?: true;
  /** The page opens on the founding case (ARTICLE_DEALS[0]): the file keeps it even when it is not among the largest. */
  founding?: true;
  /**
   * The page states each lab's exposure across its deals (/recycling): a file that holds only some deals carries it,
   * computed from every deal (the browser computes it from the file's deals when they are all there).
   */
  labExposures?: true;
  /**
   * The page reads the observations that concern its deals only (/roadmap's checkpoints, by the rule of
   * core/signals.ts `concerns`): a file that holds only some deals keeps those and the observations of no deal.
   */
  concerningOnly?: true;
  /** The page prints the call of the briefing it links and links its PDF (the home page): the file carries that entry. */
  ownBriefing?: true;
}

/** Page (its path without the slash; the home page is "index") → what it draws. */
export const TOPIC_PAGES = {
  recycling: {
    data: [],
    analysis: ["market", "marketScenarios", "npvTable"],
    projection: ["recycling", "uncertainty"],
    labExposures: true
  },
  roadmap: {data: ["signals"], analysis: ["chipEfficiency"], projection: ["capacity", "fleet"], concerningOnly: true},
  options: {data: ["optionHolders"], analysis: [], projection: ["options"]},
  capacity: {data: ["capacityShares", "yardsticks"], analysis: [], projection: ["capacity"], bands: true},
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
  },
  // The home page: the founding case, its sibling deals and a card for each deal (the explorer has its own file).
  index: {data: [], analysis: [], projection: [], noProjections: true, founding: true, ownBriefing: true},
  // The signals and every observation (the board lists them all: they are dated evidence, not one row per deal).
  signals: {data: ["signals"], analysis: [], projection: [], noProjections: true}
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
 * Returns the ids of the deals a topic page's file holds: every deal up to a dozen (null: no cut), else those the
 * market details (analysis.market.shown), in data order.
 */
export function topicDeals(data: Pick<PublicDataset, "deals">, analysis: Pick<Analysis, "market">): Set<string> | null {
  const shown = analysis.market?.shown;
  if (!shown || shown.length >= data.deals.length) return null;
  return new Set(shown);
}

/**
 * Returns the topic page's data file. Sources are cut to those the file's dataset and analysis cite (as a deal
 * page's are, citedOnly). Above a dozen deals it holds only the deals the market details (see {@link topicDeals}):
 * their deals, projections, comparison rows, capacity shares and bands, the names of the first few option holders
 * and how many there are, and `data.dealCount` (how many deals the data holds) and `data.sourceCount` (how many
 * numbered sources), so the page can say what it leaves out. `bands` is required by a page whose cut draws them (/capacity),
 * `briefings` (the whole index) by one that prints its own briefing's call (the home page).
 * Throws `topic page: invalid page: <page>` for a page without a cut.
 *
 * @example topicPageFile("options", data, analysis).analysis.projections["amd-openai"].options // the deal's options
 */
export function topicPageFile(
  page: string,
  data: PublicDataset,
  analysis: Analysis,
  bands?: () => BandsFile,
  briefings?: BriefingIndex
): TopicPageFile {
  if (!isTopicPage(page)) throw new Error(`topic page: invalid page: ${page}`);
  const cut: TopicCut = TOPIC_PAGES[page];
  const largest = topicDeals(data, analysis);
  const kept = largest && cut.founding ? new Set([...largest, ...ARTICLE_DEALS.slice(0, 1)]) : largest;
  const keep = <T>(record: Record<string, T>): Record<string, T> =>
    kept ? Object.fromEntries(Object.entries(record).filter(([id]) => kept.has(id))) : record;
  const projections = cut.noProjections
    ? {}
    : Object.fromEntries(
        Object.entries(keep(analysis.projections)).map(([id, p]) => [id, pick(p, [...PROJECTION_KEYS, ...cut.projection])])
      );
  const picked = pick(data, [...DATA_KEYS, ...cut.data]) as PublicDataset;
  const deals = kept ? data.deals.filter((d) => kept.has(d.id)) : data.deals;
  const signals =
    kept && cut.concerningOnly
      ? data.signals.map((s) => ({...s, observations: s.observations.filter((o) => !o.deal || deals.some((d) => concerns(o, d)))}))
      : data.signals;
  // The observations name deals by id; those the file leaves out are named (as a deal page's file names them).
  const named = kept && "signals" in picked ? observedNames(signals, data.deals, kept) : null;
  const ownData: PublicDataset = kept
    ? {
        ...picked,
        deals,
        ...("capacityShares" in picked ? {capacityShares: keep(data.capacityShares)} : {}),
        ...("signals" in picked ? {signals} : {}),
        ...("optionHolders" in picked ? optionHolders(data) : {}),
        ...(named && Object.keys(named).length ? {dealNames: named} : {}),
        ...(cut.labExposures ? {labExposures: labExposure(data).filter((row) => deals.some((d) => d.lab === row.lab))} : {}),
        dealCount: data.deals.length,
        sourceCount: Object.keys(data.sourceNumbers).length
      }
    : picked;
  const picks = pick(analysis, ["asOf", ...cut.analysis]);
  const ownAnalysis = {
    ...picks,
    ...(kept && picks.comparison ? {comparison: picks.comparison.filter((row) => kept.has(row.id))} : {}),
    projections
  };
  const body = {data: ownData, analysis: ownAnalysis};
  const wholeSources = cut.allSources && !kept;
  return {
    page,
    data: wholeSources ? body.data : citedOnly(body.data, body),
    analysis: body.analysis,
    ...(cut.bands && bands ? {bands: ((b) => ({...b, bands: keep(b.bands)}))(bands())} : {}),
    ...(cut.ownBriefing && briefings ? {briefings: ownBriefing(briefings, page === "index" ? "/" : `/${page}`)} : {})
  };
}

/** Returns the briefing index cut to the briefing that the page at `path` ("/") links: its entry and its `pages` row. */
function ownBriefing(index: BriefingIndex, path: string): BriefingIndex {
  const name = index.pages[path];
  return {
    ...index,
    briefings: index.briefings.filter((b) => b.name === name),
    pages: name === undefined ? {} : {[path]: name}
  };
}

/** Returns id → name of the deals the signals' observations name that `kept` leaves out. */
function observedNames(signals: PublicDataset["signals"], deals: PublicDataset["deals"], kept: Set<string>): Record<string, string> {
  const ids = new Set(signals.flatMap((s) => s.observations.flatMap((o) => (o.deal && !kept.has(o.deal) ? [o.deal] : []))));
  return Object.fromEntries(deals.filter((d) => ids.has(d.id)).map((d) => [d.id, d.name]));
}
