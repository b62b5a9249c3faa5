/**
 * Everything the site's data loaders publish, computed from one read of the data: the public dataset, the
 * projections, the capacity bands, what changed since the previous build, the briefing index and one data file
 * per briefing (see briefingSlice.ts). `deals build` computes all of it in one process and hands it to Framework
 * (snapshotWriter.ts); each loader in docs/data asks for its own file (so `npm run dev` runs the same code).
 */
import {readFile} from "node:fs/promises";
import {
  ARTICLE_DEALS,
  articleTable,
  capacityBands,
  changesSince,
  chipEfficiency,
  compareDeals,
  type HeadlineFigure,
  headlineFigures,
  MONTE_CARLO_DRAWS,
  MONTE_CARLO_SEED,
  marketAggregate,
  marketDraws,
  marketScenarios,
  npvTable,
  type PeerInput,
  type PeerRow,
  peerBoxes,
  projectDeal,
  scenarioTable
} from "../core/index.js";
import type {Dataset} from "../core/model.js";
import type {Manifest} from "../io/manifest.js";
import {renderMarkdown} from "../io/markdown.js";
import {finishSlice, type SliceBody, sliceBody} from "./briefingSlice.js";
import {briefingCall} from "./briefingSummary.js";
import {briefings as briefingDefinitions} from "./briefings.js";
import {diffFigureTables, type FigureRow, figureRows, ROLLUP_FIGURES} from "./dataTables.js";
import {dealPageBody, finishDealPage} from "./dealPage.js";
import {type DownloadTable, downloadFiles, downloadIndex, downloadTables} from "./downloads.js";
import {EXPLORER_FIGURES, type ExplorerRow, explorerRows} from "./explorer.js";
import {figureTable} from "./figures.js";
import type {FigureValue} from "./placeholders.js";
import {publicDataset} from "./publicDataset.js";
import {isTopicPage, TOPIC_PAGES, topicPageFile} from "./topicPage.js";
import {NO_READS_MEMO, type ReadsMemo} from "./trackedReads.js";
import type {Analysis, BandsFile, BriefingEntry, BriefingIndex, ChangesFile, PublicDataset, PublishedFiles} from "./types.js";

/** Monte Carlo draws per deal for the published P10–P90 of the projections: the one count the CLI uses too. */
export const ANALYSIS_DRAWS = MONTE_CARLO_DRAWS;
/** Monte Carlo draws per deal and scenario for the capacity bands, and their seed: the same count and seed. */
export const BAND_DRAWS = MONTE_CARLO_DRAWS;
export const BAND_SEED = MONTE_CARLO_SEED;

export type {Analysis, BandsFile, BriefingEntry, BriefingIndex, ChangesFile} from "./types.js";

export interface SiteDataInputs {
  dataset: Dataset;
  /** The data version (dataVersion.ts). */
  version: string;
  /** The previous build's manifest, for What changed; null when there is none. */
  previous: Manifest | null;
  /** Reads an executive summary (a path relative to the project root); default from disk. */
  readSummary?: (file: string) => Promise<string>;
  /** Monte Carlo draws, for tests that run every computation many times; default ANALYSIS_DRAWS and BAND_DRAWS. */
  draws?: {analysis: number; bands: number};
  /**
   * Keeps a deal's results between builds: called with a name and the exact input of the computation (for a deal's
   * projection, scenarios and bands the dataset cut down to that deal, which is all the computation sees; for
   * "markdown" the text rendered), returns the stored result for that input or computes and stores it. Default:
   * always compute.
   */
  memo?: DealMemo;
  /**
   * Keeps a published file's text between builds: called with a name, the body the file is finished from (a
   * briefing's or a deal page's, see sliceBody and dealPageBody) and the function that finishes and writes it,
   * returns the text kept for that body or computes and keeps it. So a rebuild after one deal changes neither cuts
   * nor writes again the files of the deals whose bodies are unchanged. Default: always compute.
   */
  keep?: TextMemo;
  /**
   * Keeps a briefing's page 1 between builds with the figures it read (trackedReads.ts): a rebuild after one deal
   * changes recomputes the pages 1 whose figures moved. Default: always compute.
   */
  reads?: ReadsMemo;
}

/**
 * See SiteDataInputs.memo. A name starting `site:` is a computation of src/site's code (a deal's figure rows), which a
 * build's memo keys by that code too; the others run src/core's.
 */
export type DealMemo = <T>(name: string, input: unknown, compute: () => T) => T;

/** See SiteDataInputs.keep: the text (or bytes, for a download's Arrow part), or a handle to it (see KeptText). */
export type TextMemo = <T extends string | Uint8Array>(name: string, input: unknown, compute: () => T) => T | KeptText;

/**
 * A published file's text that a build keeps: its `key` (the same key, the same text; see dealMemo in
 * src/cli/snapshotWriter.ts) and how to read it. A rebuild writes a file whose key did not change without reading
 * its text (at 1,000 deals the deal pages' and briefings' files are 380 MB of JSON).
 */
export interface KeptText {
  key: string;
  read(): string;
  /** Its UTF-8 bytes, read without decoding (a download put together from parts never decodes them). */
  bytes?(): Uint8Array;
}

/** Returns a published file's text, read from its handle when it is one. */
export function textOf(file: string | KeptText): string {
  return typeof file === "string" ? file : file.read();
}

/** Returns a published file's text as UTF-8 bytes (or a kept download part's bytes), read undecoded from its handle when it can be. */
export function bytesOf(file: string | Uint8Array | KeptText): Uint8Array {
  return typeof file === "string"
    ? Buffer.from(file)
    : file instanceof Uint8Array
      ? file
      : file.bytes
        ? file.bytes()
        : Buffer.from(file.read());
}

/**
 * Orders deals as their figures' keys sort (`<id>.<figure>`): a deal's rows are contiguous in the key-sorted table, so
 * the deals' rows in this order are the table's rows in key order.
 */
function byKeyPrefix(a: {id: string}, b: {id: string}): number {
  const x = `${a.id}.`;
  const y = `${b.id}.`;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Returns `value` as a round trip through JSON gives it back: what the memo returns when it reads a kept result, so a
 * build that computes the rows and one that reads them publish the same bytes.
 */
function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Returns `f` memoized: computed on the first call only. */
function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

/**
 * Returns lazy accessors for every published data file; each part is computed at most once, on first use.
 *
 * @example
 * const site = siteData({dataset, version, previous: null});
 * site.analysis().projections["amazon-anthropic"].capacity
 */
export function siteData({
  dataset,
  version,
  previous,
  readSummary = (f) => readFile(f, "utf-8"),
  draws = {analysis: ANALYSIS_DRAWS, bands: BAND_DRAWS},
  memo = (_name, _input, compute) => compute(),
  keep = (_name, _input, compute) => compute(),
  reads = NO_READS_MEMO
}: SiteDataInputs) {
  // Each deal's Monte Carlo sees only its own deal: the result depends on nothing memo's key leaves out. One such
  // dataset per deal, shared by its computations (the memo recognizes an input it has hashed by its identity).
  const dealOnlyData = new Map<Dataset["deals"][number], Dataset>();
  const dealOnly = (deal: Dataset["deals"][number]): Dataset => {
    const data = dealOnlyData.get(deal) ?? {...dataset, deals: [deal]};
    dealOnlyData.set(deal, data);
    return data;
  };
  const perDeal = <T>(name: string, deal: Dataset["deals"][number], extra: unknown, compute: (data: Dataset) => T): T => {
    const data = dealOnly(deal);
    return memo(name, [data, extra], () => compute(data));
  };
  // Untrusted Markdown (a deal's summary and notes, a briefing's page 1) → sanitized HTML: a function of the text
  // alone, kept between builds like the projections (a rebuild renders only the texts that changed).
  const render = (markdown: string): string => memo("markdown", markdown, () => renderMarkdown(markdown));
  // Each deal as published, kept by the deal (as a JSON round trip gives it back, so a build that computes it and one
  // that reads it publish the same bytes).
  const publicData = once(
    (): PublicDataset =>
      publicDataset(dataset, version, {render, keepDeal: (deal, compute) => memo("site:public-deal", deal, () => jsonCopy(compute()))})
  );
  const comparison = once(() => compareDeals(dataset));
  const baseAnalysis = once(
    (): Omit<Analysis, "peers"> => ({
      asOf: dataset.asOf,
      projections: Object.fromEntries(
        dataset.deals.map((deal) => [
          deal.id,
          perDeal("projection", deal, draws.analysis, (data) => projectDeal(data, deal.id, {draws: draws.analysis}))
        ])
      ),
      comparison: comparison(),
      // Each deal under every scenario, at the scenario's values (the research note's bull / base / bear table).
      scenarios: Object.fromEntries(
        dataset.deals.map((deal) => [deal.id, perDeal("scenarios", deal, null, (data) => scenarioTable(data, deal.id))])
      ),
      // The article's deals that the data holds: a dataset without them is valid and builds (the table is left out).
      articleTable: articleTable(
        dataset,
        ARTICLE_DEALS.filter((id) => dataset.deals.some((d) => d.id === id))
      ),
      chipEfficiency: chipEfficiency(dataset.chips),
      market: marketAggregate(comparison())
    })
  );
  // Each deal against the other live deals on the same ratios (computed from every deal, like the lab's exposure;
  // the box holds only the deal's own values, its rank and the leader's name).
  const analysis = once(
    (): Analysis => ({
      ...baseAnalysis(),
      peers: peersOf(baseAnalysis()),
      npvTable: npvTableOf(baseAnalysis()),
      // The market under each scenario: the live deals' scenario columns added up (bounded by the scenarios, not the deals).
      marketScenarios: {
        ...marketScenarios(
          baseAnalysis().comparison.map((row) => ({
            id: row.id,
            name: row.name,
            live: row.status !== "superseded",
            columns: baseAnalysis().scenarios[row.id] ?? []
          }))
        ),
        draws: marketDrawsOf()
      }
    })
  );
  // The market's sums over common draws (every live deal at the same drawn values): the P10–P90 beside its columns.
  // Each deal's part of the draws is kept between builds by the deal and the draws' key, so after one deal changes
  // only that deal is evaluated on every draw; the sums are added up from the parts at every build (a memo of the sums
  // alone would leave the parts unused in a build that changed nothing, and the memo's prune would delete them).
  function marketDrawsOf() {
    const live = dataset.deals.filter((d) => d.status !== "superseded");
    return marketDraws(
      {...dataset, deals: live},
      live.map((d) => d.id),
      {draws: draws.analysis, part: (deal, key, compute) => perDeal("market-draws-part", deal, key, () => compute())}
    );
  }
  // The live deals' cash NPVs, medians with their bands, side by side (bounded like the market's totals).
  function npvTableOf({comparison, projections}: Omit<Analysis, "peers">) {
    return npvTable(
      comparison.map((row) => ({id: row.id, name: row.name, live: row.status !== "superseded", ...npvOf(projections[row.id])}))
    );
  }
  // A deal's NPV, its band, payback and discount rate alone, kept by its projection (a kept projection's digest is its
  // memo key, so keying them reads nothing): the NPV table and the peers' ranking read these few numbers a deal
  // instead of loading every deal's projection (at 1,000 deals 0.4 CPU-s of every rebuild, and more in collecting them).
  const npvOf = (p: Analysis["projections"][string] | undefined) =>
    p
      ? memo("site:deal-npv", p, () => {
          const spread = p.uncertainty?.figures["recycling.npvUsd"];
          const band = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);
          return {
            npvUsd: p.recycling.npvUsd?.value ?? null,
            p10: band(spread?.p10),
            p90: band(spread?.p90),
            paybackYear: p.recycling.paybackYear ?? null,
            neverShare: p.recycling.paybackNeverShare ?? null,
            discountRate: p.assumptions["discount-rate"] ?? null
          };
        })
      : {npvUsd: null, p10: null, p90: null, paybackYear: null, neverShare: null, discountRate: null};
  function peersOf({comparison, projections}: Omit<Analysis, "peers">): Record<string, PeerRow[]> {
    const inputs: PeerInput[] = comparison.map((row) => ({
      id: row.id,
      name: row.name,
      live: row.status !== "superseded",
      values: {
        commitmentUsd: row.commitmentUsd?.value ?? null,
        usdPerYear: row.usdPerYear?.value ?? null,
        usdPerGw: row.usdPerGw?.value ?? null,
        commitmentToInvestment: row.commitmentToInvestment?.value ?? null,
        npvUsd: npvOf(projections[row.id]).npvUsd
      },
      // Shown, not ranked, where the provider's money all predates the deal (as the comparison's call leaves it out).
      ...(row.ratioMoneyBeforeDeal ? {unranked: ["commitmentToInvestment" as const]} : {})
    }));
    return peerBoxes(inputs);
  }
  // The headline figures the manifest records, from the projections the pages show (banded headlines are the
  // medians of their draws), so the manifest, What changed, the CLI and every page write the same value.
  const figures = once((): HeadlineFigure[] => headlineFigures(dataset, analysis().projections));
  const bands = once(
    (): BandsFile => ({
      draws: draws.bands,
      seed: BAND_SEED,
      bands: Object.fromEntries(
        dataset.deals
          .filter((deal) => deal.capacity)
          .map((deal) => [
            deal.id,
            Object.fromEntries(
              dataset.scenarios.map((s) => [
                s.id,
                perDeal("bands", deal, [draws.bands, BAND_SEED, s.id], (data) =>
                  capacityBands(data, deal.id, {draws: draws.bands, seed: BAND_SEED, scenario: s.id})
                )
              ])
            )
          ])
      )
    })
  );
  // Every figure of every deal (the headlines and the base projections with their P10–P90), and the published tables.
  // Each deal's rows are its own (figureRows of the deal alone reads that deal, the shared tables, its headlines and
  // its projection), kept between builds by the memo; the table is the deals' rows in key order. Issue #18: a rebuild
  // after one deal changes computes that deal's rows, not 57,809 rows at 1,000 deals.
  const headlinesByDeal = once(() => {
    const headlines = new Map<string, HeadlineFigure[]>(dataset.deals.map((d) => [d.id, []]));
    for (const h of figures()) headlines.get(h.deal)?.push(h);
    return headlines;
  });
  // The deals in the figure table's key order: the order of their rows, their parts and their summaries.
  const keyOrderDeals = once(() => [...dataset.deals].sort(byKeyPrefix));
  const dealFigureRows = once((): FigureRow[][] => {
    const headlines = headlinesByDeal();
    const {projections} = analysis();
    return keyOrderDeals().map((deal) => {
      const own = headlines.get(deal.id) ?? [];
      const projection = projections[deal.id];
      return perDeal("site:figure-rows", deal, [draws.analysis, own], (data) =>
        jsonCopy(figureRows(data, own, projection ? {[deal.id]: projection} : {}))
      );
    });
  });
  const figureList = once((): FigureRow[] => dealFigureRows().flat());
  // What the explorer and the rollups read of each deal's rows, and how many there are: kept beside the rows (the same
  // key's input), so a rebuild reads a kept deal's rows only to format them again, never to count or pick them.
  const dealFigureSummaries = once((): {count: number; picked: FigureRow[]}[] => {
    const headlines = headlinesByDeal();
    const rows = dealFigureRows();
    return keyOrderDeals().map((deal, i) =>
      perDeal("site:figure-summary", deal, [draws.analysis, headlines.get(deal.id) ?? []], () => ({
        count: rows[i].length,
        picked: rows[i].filter((r) => EXPLORER_FIGURES.has(r.figure) || ROLLUP_FIGURES.has(r.figure))
      }))
    );
  });
  const pickedRows = once((): FigureRow[] => dealFigureSummaries().flatMap((s) => s.picked));
  const downloads = once((): DownloadTable[] =>
    downloadTables(
      dataset,
      {parts: dealFigureRows(), lengths: dealFigureSummaries().map((s) => s.count), rollupRows: pickedRows()},
      comparison(),
      (name, input, compute) => memo(name, input, () => jsonCopy(compute()))
    )
  );
  // The downloads' files; the figure table's CSV and JSON are put together from each deal's part, kept by its rows
  // (as bytes: at 1,000 deals decoding the parts and encoding the 83 MB again took about 0.5 CPU-s).
  const downloadFileMap = once(() => downloadFiles(downloads(), version, (name, part, compute) => bytesOf(keep(name, part, compute))));
  const since = once(() => changesSince(previous, {dataVersion: version, asOf: dataset.asOf, figures: figures()}, diffFigureTables));
  const changes = once((): ChangesFile => {
    const {baseline, changes} = since();
    return {version, asOf: dataset.asOf, previous: baseline && {dataVersion: baseline.dataVersion, asOf: baseline.asOf}, changes};
  });
  // A briefing's page 1 (briefingCallFor's, whose texts it reads first): kept with the figures it read, so a rebuild
  // renders again only the pages 1 whose figures or texts changed.
  const briefingPage = async (
    briefing: {name: string; summary: string; template?: string; deal?: string},
    table: ReadonlyMap<string, FigureValue>
  ) => {
    const templateFile = briefing.template ?? briefing.summary;
    const own = briefing.summary !== templateFile ? {file: briefing.summary, text: await readSummary(briefing.summary)} : null;
    const template = {file: templateFile, text: await readSummary(templateFile)};
    const page = reads("briefing-call", [briefing.deal ?? null, own, template], table, (figures) =>
      briefingCall({own, template, figures, deal: briefing.deal, render})
    );
    // A briefing without a template (the market's) prints its own summary, never "the template".
    return {...page, template: Boolean(briefing.template) && page.file === briefing.template};
  };
  // Every figure a summary can name, as the briefings print them (the published projections, headlines, scenarios and
  // market draws): the briefings' pages 1 read it, and `deals build` checks the summaries against it (checkReports).
  const summaryFigures = once(() =>
    figureTable({
      dataset,
      version,
      projections: analysis().projections,
      headlines: figures(),
      scenarios: analysis().scenarios,
      marketDraws: analysis().marketScenarios?.draws ?? null
    })
  );
  const briefings = once(async (): Promise<BriefingIndex> => {
    const table = summaryFigures();
    const list = await Promise.all(
      briefingDefinitions(dataset.deals).map(async (briefing): Promise<BriefingEntry> => {
        // A stale own summary prints the template instead; `deals check` reports why (checkReports.ts).
        const page = await briefingPage(briefing, table);
        const {callHtml, takeawaysHtml, keyFigures, restHtml} = page;
        return {
          ...briefing,
          summary: page.file,
          summaryHtml: restHtml,
          call: {callHtml, takeawaysHtml, keyFigures},
          pdf: `briefings/${briefing.name}.pdf`
        };
      })
    );
    const pages = Object.fromEntries(list.map((b) => [b.deal ? `/deals/${b.deal}` : "/", b.name]));
    return {asOf: dataset.asOf, version, published: publishedOn(dataset.asOf), briefings: list, pages};
  });
  const entries = once(async () => new Map((await briefings()).briefings.map((b) => [b.name, b])));
  const sliceBodyOf = async (name: string) => {
    const entry = (await entries()).get(name);
    if (!entry) throw new Error(`invalid briefing: ${name}`);
    return sliceBody({briefing: entry, data: publicData(), analysis: analysis(), bands: bands(), changes: changes()});
  };
  const finishedSlice = (body: SliceBody) => {
    const file = finishSlice(body);
    return {...file, published: publishedOn(file.asOf)};
  };
  const slice = async (name: string) => finishedSlice(await sliceBodyOf(name));
  // The JSON text of a briefing's file, kept by its body (the publication date reads $SOURCE_DATE_EPOCH: in the key).
  const sliceText = async (name: string) => {
    const body = await sliceBodyOf(name);
    return keep("briefing-file", [body, process.env.SOURCE_DATE_EPOCH ?? ""], () => JSON.stringify(finishedSlice(body)));
  };
  // A deal page's own data file (dealPage.ts).
  const dealPageBodyOf = async (dealId: string) =>
    dealPageBody({dealId, data: publicData(), analysis: analysis(), bands: bands(), changes: changes(), index: await briefings()});
  const dealPage = async (dealId: string) => finishDealPage(await dealPageBodyOf(dealId));
  const dealPageText = async (dealId: string) => {
    const body = await dealPageBodyOf(dealId);
    return keep("deal-page-file", body, () => JSON.stringify(finishDealPage(body)));
  };
  // A topic page's own data file (topicPage.ts).
  const topicPage = async (page: string) =>
    topicPageFile(
      page,
      publicData(),
      analysis(),
      bands,
      isTopicPage(page) && "ownBriefing" in TOPIC_PAGES[page] ? await briefings() : undefined
    );
  const downloadsIndex = once(() => downloadIndex(downloads(), version, dataset.asOf));
  const explorer = once((): {version: string; rows: ExplorerRow[]} => ({
    version,
    rows: explorerRows(dataset, analysis().comparison, pickedRows())
  }));
  return {
    figures,
    summaryFigures,
    figureRows: figureList,
    downloads,
    downloadFiles: downloadFileMap,
    downloadsIndex,
    explorer,
    publicData,
    analysis,
    bands,
    changes,
    briefings,
    slice,
    sliceText,
    dealPage,
    dealPageText,
    topicPage,
    baseline: () => since()
  };
}

export type SiteData = ReturnType<typeof siteData>;

/**
 * The published files but the briefings' own (`data/briefings/<name>.json`, see SiteData.slice) and the deal pages'
 * (`data/deals/<id>.json`, SiteData.dealPage) and the topic pages' (`data/pages/<page>.json`, SiteData.topicPage).
 */
export type SharedFile = Exclude<
  keyof PublishedFiles,
  `data/briefings/${string}.json` | `data/deals/${string}.json` | `data/pages/${string}.json`
>;

/**
 * Returns the accessor of each shared published file, typed with the file's declared type (types.ts). Every deal's
 * whole analysis, dataset and capacity bands are not among them: no page loads them (each page's file holds its part,
 * dealPage.ts, topicPage.ts), and writing them was 7.5, 1.7 and 1.0 MB of JSON at 100 deals, ten times that at 1,000,
 * at every build.
 */
export function sharedFiles(site: SiteData): {[P in SharedFile]: () => PublishedFiles[P] | Promise<PublishedFiles[P]>} {
  return {
    "data/changes.json": site.changes,
    "data/briefings.json": site.briefings,
    "data/downloads.json": site.downloadsIndex,
    "data/explorer.json": site.explorer
  };
}

/**
 * Returns every published file: output path (as Framework serves it, e.g. `data/changes.json`,
 * `data/briefings/market.json`, `data/deals/amd-openai.json`) → its JSON text, or the handle of a text kept from an
 * earlier build (see KeptText, textOf).
 */
export async function siteDataFiles(site: SiteData): Promise<Map<string, string | KeptText>> {
  const files = new Map<string, string | KeptText>();
  for (const [path, compute] of Object.entries(sharedFiles(site))) files.set(path, JSON.stringify(await compute()));
  for (const {name} of (await site.briefings()).briefings) files.set(`data/briefings/${name}.json`, await site.sliceText(name));
  for (const {id} of site.publicData().deals) files.set(`data/deals/${id}.json`, await site.dealPageText(id));
  for (const page of Object.keys(TOPIC_PAGES)) files.set(`data/pages/${page}.json`, JSON.stringify(await site.topicPage(page)));
  return files;
}

/**
 * Returns the publication date of an edition, ISO: the day of $SOURCE_DATE_EPOCH when set (what the build stamps
 * its files and the PDFs' dates with), else the data's as-of date `asOf`: never the clock, so a rebuild of the same
 * inputs publishes the same document.
 *
 * @example publishedOn("2026-06-30", "1767225600") // "2026-01-01"
 */
export function publishedOn(asOf: string, epoch: string | undefined = process.env.SOURCE_DATE_EPOCH): string {
  if (epoch === undefined || epoch === "") return asOf.slice(0, 10);
  if (!/^\d+$/.test(epoch)) throw new Error(`invalid SOURCE_DATE_EPOCH: ${epoch}`);
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}
