/**
 * The data file of one briefing page (`data/briefings/<name>.json`): exactly what its sections draw from. The market
 * briefing gets the deals it details (every deal up to a dozen, else the largest by each measure) and the market's
 * totals; a deal's briefing gets its own deal, projections, bands and changes and the shared
 * tables (chips, assumptions, scenarios, companies) and only the sources it cites, not the other deals. So a change to one deal leaves
 * the other deals' briefing pages byte-for-byte the same, and the build can keep their PDFs (pdf/reuse.ts): the
 * page and the files it loads are the PDF's inputs.
 */

import {createHash} from "node:crypto";
import type {Observation} from "../core/model.js";
import {labExposure} from "../core/recycling/labExposure.js";
import {concerns} from "../core/signals.js";
import type {Analysis, BandsFile, BriefingEntry, BriefingSlice, ChangesFile, PublicDataset} from "./types.js";

export type {BriefingSlice} from "./types.js";

export interface SliceInputs {
  briefing: BriefingEntry;
  data: PublicDataset;
  analysis: Analysis;
  bands: BandsFile;
  changes: ChangesFile;
}

/**
 * Returns the briefing's data file. A deal's slice keeps only that deal in `data.deals`, `capacityShares`,
 * `analysis.projections`, `analysis.comparison` and the bands; it has no article table (the
 * market briefing's sections) and only the signals' observations that concern the deal; `version` and `asOf`
 * describe the slice, not the whole dataset.
 */
export function briefingSlice(inputs: SliceInputs): BriefingSlice {
  return finishSlice(sliceBody(inputs));
}

/** What a briefing's data file is made from, before its sources are cut and its version stamped (see finishSlice). */
export type SliceBody = ReturnType<typeof sliceBody>;

/**
 * Returns the briefing's data file before {@link finishSlice}: cheap (it picks the briefing's parts and shares every
 * other object with its inputs), so a build can key the finished file by a digest of this body and skip the rest for
 * a briefing whose body did not change (snapshotWriter.ts). Everything the finished file holds comes from it.
 */
export function sliceBody({briefing, data, analysis, bands, changes}: SliceInputs) {
  const dealId = briefing.deal;
  const holders = optionHolders(data);
  const body = dealId
    ? (() => {
        const own = dealBody({dealId, data, analysis, bands}, holders, `briefing ${briefing.name}`);
        return {
          asOf: own.data.asOf,
          briefing,
          ...own,
          changes: briefingChanges(
            changes,
            changes.changes.filter((c) => c.deal === dealId)
          )
        };
      })()
    : marketBody({briefing, data, analysis, changes}, holders);
  return body;
}

/** Returns the briefing's data file from its {@link sliceBody}: only the sources it cites, and its own version. */
export function finishSlice(body: SliceBody): BriefingSlice {
  const {briefing} = body;
  const pruned = {...body, data: citedOnly(body.data, body)};
  const version = createHash("sha256").update(JSON.stringify(pruned)).digest("hex").slice(0, 12);
  const sliced = {...pruned, data: {...pruned.data, version, asOf: pruned.asOf}};
  return {name: briefing.name, version, ...sliced};
}

/**
 * Returns every lab's exposure for `data`, computed once per dataset (each deal's slice needs its lab's, and
 * computing it per slice costs the square of the number of deals).
 */
const exposures = new WeakMap<PublicDataset, ReturnType<typeof labExposure>>();
function labExposuresOf(data: PublicDataset): ReturnType<typeof labExposure> {
  let rows = exposures.get(data);
  if (!rows) {
    rows = labExposure(data);
    exposures.set(data, rows);
  }
  return rows;
}

/**
 * Returns one deal's part of the dataset, analysis and bands: that deal only in `data.deals`, `capacityShares`,
 * `analysis.projections`, `comparison`, `scenarios`, `peers` and the bands, the lab's exposure across its deals, the
 * observations that concern the deal, no market tables; sources and companies not yet cut (see {@link citedOnly}).
 * What a deal's briefing file and its site page's file (dealPage.ts) both hold. Throws `<what>: invalid deal: <id>`.
 */
export function dealBody(
  {dealId, data, analysis, bands}: {dealId: string; data: PublicDataset; analysis: Analysis; bands: BandsFile},
  holders: Pick<PublicDataset, "optionHolders" | "optionHolderCount">,
  what: string
): {data: PublicDataset; analysis: Analysis; bands: BandsFile} {
  const deal = data.deals.find((d) => d.id === dealId);
  if (!deal) throw new Error(`${what}: invalid deal: ${dealId}`);
  return {
    data: {
      ...data,
      ...holders,
      // The dataset's version and as-of describe every file; the slice gets its own below.
      version: "",
      asOf: deal.asOf,
      deals: [deal],
      // The lab's exposure spans its other deals, which the slice leaves out: computed here from them all.
      labExposures: labExposuresOf(data).filter((row) => row.lab === deal.lab),
      // The observations that concern this deal, by the rule the site's deal page and the CLI use, so a
      // checkpoint reads the same in the PDF as on the site.
      signals: data.signals.map((signal) => signalCut(signal, (o) => concerns(o, deal))),
      capacityShares: pick(data.capacityShares, dealId)
    },
    analysis: {
      ...analysis,
      projections: pick(analysis.projections, dealId),
      comparison: analysis.comparison.filter((row) => row.id === dealId),
      scenarios: pick(analysis.scenarios, dealId),
      // The deal's own peer box: the others reach it only through the deal's standing and the leader's name.
      peers: pick(analysis.peers, dealId),
      articleTable: null,
      market: null,
      npvTable: null,
      marketScenarios: null
    },
    bands: {...bands, bands: pick(bands.bands, dealId)}
  };
}

/** Each signal's cuts made so far, by the positions of the observations they keep (see signalCut). */
const SIGNAL_CUTS = new WeakMap<object, Map<string, object>>();

/**
 * Returns `signal` with only the observations `keep` keeps: the same object for the same cut of the same signal, so
 * the bodies of deals an observation concerns alike share it (deals with the same parties and chips: at 1,000 deals a
 * build keys 2,000 bodies by their content, and hashed each one's 12 signals again).
 */
export function signalCut<S extends {observations: readonly Observation[]}>(signal: S, keep: (o: Observation) => boolean): S {
  const kept: number[] = [];
  signal.observations.forEach((o, i) => {
    if (keep(o)) kept.push(i);
  });
  let cuts = SIGNAL_CUTS.get(signal);
  if (!cuts) {
    cuts = new Map();
    SIGNAL_CUTS.set(signal, cuts);
  }
  const key = kept.join(",");
  let cut = cuts.get(key) as S | undefined;
  if (!cut) {
    cut = {...signal, observations: kept.map((i) => signal.observations[i])};
    cuts.set(key, cut);
  }
  return cut;
}

/** Returns the names of at most OPTION_HOLDERS deals holding an option and how many there are: a sentence, not a list. */
export function optionHolders(data: PublicDataset): Pick<PublicDataset, "optionHolders" | "optionHolderCount"> {
  return {optionHolders: data.optionHolders.slice(0, OPTION_HOLDERS), optionHolderCount: data.optionHolders.length};
}

/** Names of option holders a slice carries (the sentence that lists them says how many more there are). */
export const OPTION_HOLDERS = 8;

/**
 * Returns the market briefing's data: the deals it details (analysis.market.shown: every deal up to a dozen, else the
 * largest by each measure), their projections, comparison rows, shares, option questions and changes, and the
 * market's totals (by party, and of the deals not detailed), so its size and its pages are bounded whatever the
 * number of deals.
 */
function marketBody(
  {briefing, data, analysis, changes}: Omit<SliceInputs, "bands">,
  holders: Pick<PublicDataset, "optionHolders" | "optionHolderCount">
) {
  const market = analysis.market;
  const shown = new Set(market?.shown ?? data.deals.map((d) => d.id));
  const keep = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([id]) => shown.has(id)));
  const ownChanges = changes.changes.filter((c) => !c.deal || shown.has(c.deal));
  return {
    asOf: data.asOf,
    briefing,
    data: {
      ...data,
      ...holders,
      version: "",
      deals: data.deals.filter((d) => shown.has(d.id)),
      // Cut to the largest: how many deals the data holds, so a sentence that counts the briefing's deals says "of the
      // N largest of the M" (as the market pages' files do, topicPage.ts); nothing added when every deal is detailed.
      ...(shown.size < data.deals.length ? {dealCount: data.deals.length} : {}),
      signals: data.signals.map((signal) => ({...signal, observations: signal.observations.filter((o) => !o.deal || shown.has(o.deal))})),
      capacityShares: keep(data.capacityShares)
    },
    analysis: {
      ...analysis,
      projections: keep(analysis.projections),
      scenarios: keep(analysis.scenarios),
      peers: keep(analysis.peers),
      comparison: analysis.comparison.filter((row) => shown.has(row.id)),
      market: market && {...market, otherChanges: changes.changes.length - ownChanges.length}
    },
    bands: null,
    changes: briefingChanges(changes, ownChanges)
  };
}

/**
 * Returns `data` with only the sources and companies something else in `body` names (a fact's `source`, a chip's,
 * an assumption's, an observation's; a deal's parties, with their parents): a slice carries its own, not every
 * deal's, so its size does not grow with the number of deals. Source numbers keep their site-wide values.
 */
export function citedOnly(data: PublicDataset, body: object): PublicDataset {
  const named = new Set<string>();
  const SHARED = new Set(["sources", "sourcesById", "sourceNumbers", "companies"]);
  const visit = (value: unknown, skip: boolean): void => {
    if (typeof value === "string") named.add(value);
    else if (Array.isArray(value)) for (const item of value) visit(item, false);
    else if (value && typeof value === "object")
      for (const [key, child] of Object.entries(value)) if (!(skip && SHARED.has(key))) visit(child, false);
  };
  for (const [key, child] of Object.entries(body)) visit(child, key === "data");
  const parents = new Map(data.companies.map((c) => [c.id, c.parent]));
  for (const id of [...named]) for (let p = parents.get(id); p && !named.has(p); p = parents.get(p)) named.add(p);
  const companies = data.companies.filter((c) => named.has(c.id));
  // A company's revenue cites a source too.
  visit(companies, false);
  const sources = data.sources.filter((s) => named.has(s.id));
  const ids = sources.map((s) => s.id);
  return {...data, companies, sources, sourcesById: only(data.sourcesById, ids), sourceNumbers: only(data.sourceNumbers, ids)};
}

/** Each record's keys by position (see only), computed once per record. */
const KEY_ORDER = new WeakMap<object, Map<string, number>>();

/**
 * Returns `record` with only the keys among `ids`, in the record's own order. At 1,000 deals the site-wide records of
 * sources hold 13,000 keys: going through all of them for every file cut (Object.entries and a filter) was about 0.5
 * CPU-s of a rebuild; this goes through the file's few dozen.
 *
 * @example only({a: 1, b: 2, c: 3}, ["c", "a", "x"]) // {a: 1, c: 3}
 */
export function only<T>(record: Record<string, T>, ids: readonly string[]): Record<string, T> {
  let order = KEY_ORDER.get(record);
  if (!order) {
    order = new Map(Object.keys(record).map((k, i) => [k, i]));
    KEY_ORDER.set(record, order);
  }
  const at = order;
  const kept = ids.filter((id) => at.has(id)).sort((a, b) => at.get(a)! - at.get(b)!);
  return Object.fromEntries(kept.map((id) => [id, record[id]]));
}

/**
 * Returns the changes a briefing prints: its own, with the build compared with, or none at all (no baseline either,
 * so that a new baseline alone does not change a briefing that has nothing to report).
 */
function briefingChanges({version, asOf, previous}: ChangesFile, own: ChangesFile["changes"]): ChangesFile {
  if (own.length) return {version, asOf, previous, changes: own};
  // Nothing of this briefing moved: whether there was a last edition (the briefing says so in one line), and no more.
  return {version: "", asOf: "", previous: null, changes: [], ...(previous ? {unchanged: true} : {})};
}

/** Returns `{[key]: record[key]}` when present, else `{}`. */
function pick<T>(record: Record<string, T>, key: string): Record<string, T> {
  return key in record ? {[key]: record[key]} : {};
}
