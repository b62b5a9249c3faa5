/**
 * Every file the data loaders publish, computed from a checked dataset with the loaders' own code (siteData, which
 * `deals build` and each loader in docs/data run), in-process and with few Monte Carlo draws, so the fuzz can feed
 * them every dataset `deals check` accepts.
 */
import {readFile} from "node:fs/promises";
import type {Dataset} from "../../src/core/model.js";
import {siteData, siteDataFiles, textOf} from "../../src/site/siteData.js";

/** The market summary used when only some deals are computed: the real one cites deals that are left out. */
const PLAIN_MARKET = "The data holds {{data.deals}} deals as of {{data.as-of}}.\n";

/**
 * Returns every published file (path → JSON text) for `dataset`; throws what a loader would throw (failing the
 * build). Only the deals in `deals` are computed (default all; each deal's files depend on that deal and the shared
 * files only), with `draws` Monte Carlo draws instead of thousands: the code paths are the same. When some deals
 * are left out, or without `market`, the market briefing's summary is a plain one (the real one names real deals).
 */
export async function runLoaders(
  dataset: Dataset,
  {deals = dataset.deals.map((d) => d.id), draws = 20, market = true} = {}
): Promise<Map<string, string>> {
  const only = new Set(deals);
  const view: Dataset = {...dataset, deals: dataset.deals.filter((d) => only.has(d.id))};
  const real = market && view.deals.length === dataset.deals.length;
  const readSummary = (file: string) => (!real && file.endsWith("/market.md") ? Promise.resolve(PLAIN_MARKET) : readFile(file, "utf-8"));
  const files = await siteDataFiles(
    siteData({dataset: view, version: "fuzz", previous: null, readSummary, draws: {analysis: draws, bands: draws}})
  );
  return new Map([...files].map(([path, file]) => [path, textOf(file)]));
}
