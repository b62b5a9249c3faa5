/**
 * What the data loaders (docs/data/*.json.ts) compute from a checked dataset, run in-process so the fuzz can feed
 * them every dataset `deals check` accepts (a loader is a process of its own, far too slow to start per case).
 * LOADERS lists the loaders mirrored here; test/io/fuzz-test.ts fails when docs/data gains one that is not.
 */
import {readFileSync} from "node:fs";
import {briefings} from "../../reports/briefings.js";
import {figureTable} from "../../reports/figures.js";
import {resolvePlaceholders} from "../../reports/placeholders.js";
import {
  ARTICLE_DEALS,
  articleTable,
  capacityBands,
  chipEfficiency,
  compareDeals,
  datasetHeadlines,
  projectDeal
} from "../../src/core/index.js";
import type {Dataset} from "../../src/core/model.js";
import {renderMarkdown} from "../../src/io/markdown.js";
import {publicDataset} from "../../src/io/publicDataset.js";

/** The loaders runLoaders mirrors, by file name under docs/data. */
export const LOADERS = ["analysis.json.ts", "briefings.json.ts", "capacity-bands.json.ts", "changes.json.ts", "dataset.json.ts"];

/**
 * Computes what every loader computes from `dataset` and returns the serialized outputs; throws what a loader
 * would throw (failing the build). Per-deal work is done for `deals` only (default all), with `draws` Monte Carlo
 * draws instead of the loaders' thousands: the code paths are the same. Without `market`, the market briefing's
 * summary is left out (it names real deals, which generated datasets do not have).
 */
export function runLoaders(dataset: Dataset, {deals = dataset.deals.map((d) => d.id), draws = 20, market = true} = {}): string[] {
  const only = new Set(deals);
  // Every loader's per-deal output depends on that deal and the shared files only, so the others can be left out.
  const view: Dataset = {...dataset, deals: dataset.deals.filter((d) => only.has(d.id))};
  const article = ARTICLE_DEALS.filter((id) => dataset.deals.some((d) => d.id === id));
  const analysis = {
    projections: view.deals.map((deal) => projectDeal(dataset, deal.id, {draws})),
    comparison: compareDeals(view),
    articleTable: articleTable(dataset, article),
    chipEfficiency: chipEfficiency(dataset.chips)
  };
  const bands = view.deals
    .filter((deal) => deal.capacity)
    .map((deal) => dataset.scenarios.map((s) => capacityBands(dataset, deal.id, {draws, seed: "fuzz", scenario: s.id})));
  const changes = datasetHeadlines(view);
  const figures = figureTable({dataset, version: "fuzz"});
  const summaries = briefings(dataset.deals)
    .filter((b) => (b.deal ? only.has(b.deal) : market))
    .map((b) => renderMarkdown(resolvePlaceholders(readFileSync(b.summary, "utf-8"), figures, {file: b.summary, deal: b.deal})));
  const pub = publicDataset(view, "fuzz");
  return [analysis, bands, changes, summaries, pub].map((output) => JSON.stringify(output));
}
