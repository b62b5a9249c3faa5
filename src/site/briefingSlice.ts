/**
 * The data file of one briefing page (`data/briefings/<name>.json`): exactly what its sections draw from. The market
 * briefing gets every deal; a deal's briefing gets its own deal, projections, bands and changes and the shared
 * tables (chips, assumptions, scenarios, companies, sources), not the other deals. So a change to one deal leaves
 * the other deals' briefing pages byte-for-byte the same, and the build can keep their PDFs (pdf/reuse.ts): the
 * page and the files it loads are the PDF's inputs.
 */

import {createHash} from "node:crypto";
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
export function briefingSlice({briefing, data, analysis, bands, changes}: SliceInputs): BriefingSlice {
  const dealId = briefing.deal;
  const body = dealId
    ? (() => {
        const deal = data.deals.find((d) => d.id === dealId);
        if (!deal) throw new Error(`briefing ${briefing.name}: invalid deal: ${dealId}`);
        return {
          asOf: deal.asOf,
          briefing,
          data: {
            ...data,
            // The dataset's version and as-of describe every file; the slice gets its own below.
            version: "",
            asOf: deal.asOf,
            deals: [deal],
            // The lab's exposure spans its other deals, which the slice leaves out: computed here from them all.
            labExposures: labExposure(data).filter((row) => row.lab === deal.lab),
            // The observations that concern this deal, by the rule the site's deal page and the CLI use, so a
            // checkpoint reads the same in the PDF as on the site.
            signals: data.signals.map((signal) => ({...signal, observations: signal.observations.filter((o) => concerns(o, deal))})),
            capacityShares: pick(data.capacityShares, dealId)
          },
          analysis: {
            ...analysis,
            projections: pick(analysis.projections, dealId),
            comparison: analysis.comparison.filter((row) => row.id === dealId),
            scenarios: pick(analysis.scenarios, dealId),
            // The deal's own peer box: the others reach it only through the deal's rank and the leader's name.
            peers: pick(analysis.peers, dealId),
            articleTable: null
          },
          bands: {...bands, bands: pick(bands.bands, dealId)},
          changes: briefingChanges(
            changes,
            changes.changes.filter((c) => c.deal === dealId)
          )
        };
      })()
    : {asOf: data.asOf, briefing, data: {...data, version: ""}, analysis, bands: null, changes: briefingChanges(changes, changes.changes)};
  const version = createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 12);
  const sliced = {...body, data: {...body.data, version, asOf: body.asOf}};
  return {name: briefing.name, version, ...sliced};
}

/**
 * Returns the changes a briefing prints: its own, with the build compared with, or none at all (no baseline either,
 * so that a new baseline alone does not change a briefing that has nothing to report).
 */
function briefingChanges({version, asOf, previous}: ChangesFile, own: ChangesFile["changes"]): ChangesFile {
  return own.length ? {version, asOf, previous, changes: own} : {version: "", asOf: "", previous: null, changes: []};
}

/** Returns `{[key]: record[key]}` when present, else `{}`. */
function pick<T>(record: Record<string, T>, key: string): Record<string, T> {
  return key in record ? {[key]: record[key]} : {};
}
