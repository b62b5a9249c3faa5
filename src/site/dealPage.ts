/**
 * The data file of one deal's site page (`data/deals/<id>.json`): what the page draws and nothing of the other deals,
 * as a deal's briefing file does (briefingSlice.ts, whose cut it reuses), so a phone opening one deal does not load
 * every deal's projections (`analysis.json`) and facts (`dataset.json`). Unlike a briefing's file it keeps the
 * dataset's version and as-of date (the page prints them, and its CSV downloads carry them), the deal's changes with
 * the edition they were measured against, and the briefing index cut to the page's own entry (the link to its PDF
 * and its call), and the names of the other deals its signals' observations name. It also carries the deal's capacity bands, which the page then draws as the capacity page and the
 * PDF do instead of drawing them again in the browser.
 */
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
 * `capacityShares` and the bands hold that deal only; sources and companies only those it names; `data.version` and
 * `data.asOf` are the dataset's. Throws `deal page: invalid deal: <id>` for a deal the data does not hold.
 *
 * @example dealPageFile({dealId: "amd-openai", data, analysis, bands, changes, index}).data.deals.length // 1
 */
export function dealPageFile({dealId, data, analysis, bands, changes, index}: DealPageInputs): DealPageFile {
  const own = dealBody({dealId, data, analysis, bands}, optionHolders(data), "deal page");
  const path = `/deals/${dealId}`;
  const name = index.pages[path];
  // The other deals an observation on the deal's signal board names, by name (the file holds this deal only).
  const named = new Set(own.data.signals.flatMap((s) => s.observations.map((o) => o.deal)).filter((id) => id && id !== dealId));
  const dealNames = Object.fromEntries(data.deals.filter((d) => named.has(d.id)).map((d) => [d.id, d.name]));
  const body: DealPageFile = {
    deal: dealId,
    data: {...own.data, version: data.version, asOf: data.asOf, dealNames},
    analysis: own.analysis,
    bands: own.bands,
    changes: {...changes, changes: changes.changes.filter((c) => c.deal === dealId)},
    briefings: {
      ...index,
      briefings: index.briefings.filter((b) => b.name === name),
      pages: name === undefined ? {} : {[path]: name}
    }
  };
  return {...body, data: citedOnly(body.data, body)};
}
