/**
 * The data file of one deal's site page (`data/deals/<id>.json`): what the page draws and nothing of the other deals,
 * as a deal's briefing file does (briefingSlice.ts, whose cut it reuses), so a phone opening one deal does not load
 * every deal's projections (`analysis.json`) and facts (`dataset.json`). It carries the deal's changes with the date
 * of the edition they were measured against, the briefing index cut to the page's own entry (the link to its PDF and
 * its call), the names of the other deals its signals' observations name, and the deal's capacity bands, which the
 * page then draws as the capacity page and the PDF do instead of drawing them again in the browser.
 *
 * Its version is its own, as a briefing's is (briefingSlice.ts): the first 12 hex digits of SHA-256 over the rest of
 * the file. The page prints it ("data version …") and its CSV downloads carry it, so a reader still knows which edition
 * of the page they read, and it moves exactly when something the page shows moves. The dataset-wide version (and the
 * last edition's) would change every deal's file at any deal's change, so that one deal's edit rewrote, re-prerendered
 * and made every reader re-fetch every deal page; it is left out here (blank) and kept in the shared files.
 */
import {createHash} from "node:crypto";
import {citedOnly, dealBody, optionHolders} from "./briefingSlice.js";
import type {Analysis, BandsFile, BriefingIndex, ChangesFile, DealPageFile, PublicDataset} from "./types.js";

export type {DealPageFile} from "./types.js";

export interface DealPageInputs {
  dealId: string;
  data: PublicDataset;
  analysis: Analysis;
  bands: BandsFile;
  changes: ChangesFile;
  index: BriefingIndex;
}

/**
 * Returns the deal page's data file: `data.deals`, `analysis.projections`, `comparison`, `scenarios`, `peers`,
 * `capacityShares` and the bands hold that deal only; sources and companies only those it names; `data.asOf` is the
 * dataset's, `data.version` the page's own (see the module comment; `changes.version`, `changes.previous.dataVersion`
 * and `briefings.version` are blank). Throws `deal page: invalid deal: <id>` for a deal the data does not hold.
 *
 * @example dealPageFile({dealId: "amd-openai", data, analysis, bands, changes, index}).data.deals.length // 1
 */
export function dealPageFile(inputs: DealPageInputs): DealPageFile {
  return finishDealPage(dealPageBody(inputs));
}

/**
 * Returns the deal page's file before {@link finishDealPage} (sources not yet cut, version blank): cheap, and it shares
 * every object it does not pick with its inputs, so a build can key the finished file by a digest of it
 * (snapshotWriter.ts). Everything the finished file holds comes from it.
 */
export function dealPageBody({dealId, data, analysis, bands, changes, index}: DealPageInputs): DealPageFile {
  const own = dealBody({dealId, data, analysis, bands}, optionHolders(data), "deal page");
  const path = `/deals/${dealId}`;
  const name = index.pages[path];
  // The other deals an observation on the deal's signal board names, by name (the file holds this deal only).
  const named = new Set(own.data.signals.flatMap((s) => s.observations.map((o) => o.deal)).filter((id) => id && id !== dealId));
  const dealNames = Object.fromEntries(data.deals.filter((d) => named.has(d.id)).map((d) => [d.id, d.name]));
  const body: DealPageFile = {
    deal: dealId,
    data: {...own.data, version: "", asOf: data.asOf, dealNames},
    analysis: own.analysis,
    bands: own.bands,
    // The last edition by its date, as the page names it ("since the last edition (its data as of …)"), not by the
    // dataset's version.
    changes: {
      version: "",
      asOf: changes.asOf,
      previous: changes.previous && {dataVersion: "", asOf: changes.previous.asOf},
      changes: changes.changes.filter((c) => c.deal === dealId)
    },
    briefings: {
      ...index,
      version: "",
      briefings: index.briefings.filter((b) => b.name === name),
      pages: name === undefined ? {} : {[path]: name}
    }
  };
  return body;
}

/** Returns the deal page's file from its {@link dealPageBody}: only the sources it names, and its own version. */
export function finishDealPage(body: DealPageFile): DealPageFile {
  const pruned = {...body, data: citedOnly(body.data, body)};
  return {...pruned, data: {...pruned.data, version: pageVersion(pruned)}};
}

/**
 * Returns the version of a deal page's file: the first 12 hex digits of SHA-256 over its JSON with the version blank
 * (as a briefing's, briefingSlice.ts), so equal page data give equal versions and any difference another.
 *
 * @example pageVersion(file) // "3f2a9c0d41b7"
 */
export function pageVersion(file: DealPageFile): string {
  const blank = {...file, data: {...file.data, version: ""}};
  return createHash("sha256").update(JSON.stringify(blank)).digest("hex").slice(0, 12);
}
