// A briefing page's data file holds what its sections draw and nothing else: a change to one deal must leave the
// other deals' briefing files byte-for-byte the same (so their PDFs are kept), and change the ones that print it.
import {createHash} from "node:crypto";
import {assert, beforeAll, it} from "vitest";
import {syntheticDataset} from "../../src/cli/bench/scaleDeals.js";
import type {Dataset} from "../../src/core/model.js";
import {concerns} from "../../src/core/signals.js";
import {checkFiles} from "../../src/io/dataset.js";
import {type SiteData, siteData} from "../../src/site/siteData.js";
import {publishedSite} from "../publishedSite.js";

let dataset: Dataset;
let site: SiteData;

/**
 * Draws for the tests that compare every briefing file before and after an edit: which files change depends on
 * which deals and tables the edit reaches, not on how many draws make a band (both sides use the same count). 20 and
 * 5, as the "no figure moved" test below uses (100 and 100 until s17; the file alone 23.5 → 20.7 CPU-s).
 */
const EDIT_DRAWS = {analysis: 20, bands: 5};
const slices = async (data: Dataset, version: string) => {
  const site = siteData({dataset: data, version, previous: null, draws: EDIT_DRAWS});
  const names = (await site.briefings()).briefings.map((b) => b.name);
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, JSON.stringify(await site.slice(n))])));
};
// Every briefing file of the unedited data, computed once for the tests that edit a copy.
let unedited: ReturnType<typeof slices> | undefined;
const before = () => (unedited ??= slices(dataset, "v1"));

beforeAll(async () => {
  // The published site data (every deal at the published draw count), shared with other files in this worker.
  ({dataset, site} = await publishedSite());
});

it("a deal's briefing file holds that deal only, with its own version and as-of", async () => {
  const slice = await site.slice("deal-amd-openai");
  assert.deepStrictEqual(
    slice.data.deals.map((d) => d.id),
    ["amd-openai"]
  );
  assert.deepStrictEqual(Object.keys(slice.analysis.projections), ["amd-openai"]);
  assert.deepStrictEqual(Object.keys(slice.data.capacityShares), ["amd-openai"]);
  // Every signal, with only the observations that concern this deal (the rule the site and the CLI use).
  const amd = dataset.deals.find((d) => d.id === "amd-openai")!;
  assert.deepStrictEqual(
    slice.data.signals.map((s) => s.id),
    dataset.signals.map((s) => s.id)
  );
  assert.deepStrictEqual(
    slice.data.signals.flatMap((s) => s.observations),
    dataset.signals.flatMap((s) => s.observations.filter((o) => concerns(o, amd)))
  );
  assert.isAbove(slice.data.signals.flatMap((s) => s.observations).length, 0);
  assert.isNull(slice.analysis.articleTable);
  assert.match(slice.version, /^[0-9a-f]{12}$/);
  assert.strictEqual(slice.data.version, slice.version);
  assert.strictEqual(slice.asOf, dataset.deals.find((d) => d.id === "amd-openai")!.asOf);
  // The share across deals is computed before the cut: the same number as the site's.
  assert.deepStrictEqual(slice.data.capacityShares["amd-openai"], site.publicData().capacityShares["amd-openai"]);
});

it("the market briefing's file holds every deal", async () => {
  const slice = await site.slice("market");
  assert.strictEqual(slice.data.deals.length, dataset.deals.length);
  // Nothing cut: no count of the deals left out (the real briefing's file is as before).
  assert.isUndefined(slice.data.dealCount);
  assert.isNotNull(slice.analysis.articleTable);
});

it("changing one deal's commitment changes its briefing file, the market's and its lab's other deals' (their exposure), and no other", async () => {
  const original = await before();
  const changed = structuredClone(dataset);
  const deal = changed.deals.find((d) => d.id === "amazon-anthropic")!;
  deal.commitments[0].amount.value += 1;
  const after = await slices(changed, "v2");
  const moved = Object.keys(original).filter((name) => original[name] !== after[name]);
  // Anthropic's other deals state its exposure across all its deals, which the change moves; OpenAI's do not move.
  assert.deepStrictEqual(moved.sort(), ["deal-amazon-anthropic", "deal-google-anthropic", "deal-microsoft-nvidia-anthropic", "market"]);
  const hash = (text: string) => createHash("sha256").update(text).digest("hex");
  assert.notStrictEqual(hash(original.market), hash(after.market));
});

it("a change to a shared table (an assumption) changes every briefing file", async () => {
  const original = await before();
  const changed = structuredClone(dataset);
  const pue = changed.assumptions.find((a) => a.id === "pue")!;
  pue.base += 0.01;
  const after = await slices(changed, "v2");
  assert.isTrue(Object.keys(original).every((name) => original[name] !== after[name]));
});

it("the market file and a deal's file do not grow with the number of deals (the real 10 plus copies: 20, then 60)", async () => {
  const sizes = async (count: number) => {
    const generated = checkFiles(await syntheticDataset(count, {ownLabs: true, withRealDeals: true})).dataset!;
    const site = siteData({dataset: generated, version: "v", previous: null, draws: {analysis: 5, bands: 5}});
    const market = await site.slice("market");
    const deal = await site.slice("deal-amazon-openai");
    return {market, deal, marketBytes: JSON.stringify(market).length, dealBytes: JSON.stringify(deal).length};
  };
  const [small, large] = [await sizes(20), await sizes(60)];
  // Above a dozen deals the market briefing details the largest five by each of three measures: at most 15.
  assert.isAtMost(large.market.data.deals.length, 15);
  assert.strictEqual(large.market.analysis.market!.deals, 60);
  // It says how many deals the data holds, so a sentence counting its deals reads "of the N largest of the 60".
  assert.strictEqual(large.market.data.dealCount, 60);
  assert.strictEqual(large.market.analysis.market!.others!.deals + large.market.data.deals.length, large.market.analysis.market!.live);
  assert.deepStrictEqual(Object.keys(large.market.analysis.projections).sort(), large.market.data.deals.map((d) => d.id).sort());
  // The cross-deal cash table: every priced deal up to a dozen, else the best and worst five and the rest in one line.
  const npv = large.market.analysis.npvTable!;
  assert.lengthOf(npv.rows, 10);
  assert.strictEqual(npv.rows.length + npv.others!.deals, npv.priced);
  assert.isAbove(npv.priced, 12);
  // A deal's file carries its own sources and parties only, and no market totals or cross-deal table.
  assert.isNull(large.deal.analysis.market);
  assert.isNull(large.deal.analysis.npvTable);
  // (Counts in it, such as how many deals hold an option, may gain a digit.)
  assert.isBelow(Math.abs(large.dealBytes - small.dealBytes), 50, `${small.dealBytes} → ${large.dealBytes} bytes`);
  assert.isBelow(large.deal.data.sources.length, 80);
  // The market file's size moves only with which labs its tables name, not with the count: within 2%.
  assert.isBelow(Math.abs(large.marketBytes / small.marketBytes - 1), 0.02, `${small.marketBytes} → ${large.marketBytes} bytes`);
});

it("a briefing none of whose figures moved since the last edition says so (and carries nothing that changes each build); a first edition does not", async () => {
  const draws = {analysis: 20, bands: 5};
  const first = siteData({dataset, version: "v1", previous: null, draws});
  assert.isUndefined((await first.slice("deal-amd-openai")).changes.unchanged);
  const previous = {format: 1 as const, dataVersion: "v1", asOf: dataset.asOf, figures: first.figures(), baseline: null, inputs: {}};
  const changed = structuredClone(dataset);
  changed.deals.find((d) => d.id === "oracle-openai")!.commitments[0].amount.value += 10;
  const slice = async (version: string, name: string) =>
    (await siteData({dataset: changed, version, previous: {...previous, dataVersion: version}, draws}).slice(name)).changes;
  const unchanged = await slice("v2", "deal-amd-openai");
  assert.deepStrictEqual(unchanged, {version: "", asOf: "", previous: null, changes: [], unchanged: true});
  // The same with another last edition: the file is the same, so the PDF is kept.
  assert.deepStrictEqual(await slice("v3", "deal-amd-openai"), unchanged);
  const moved = await slice("v2", "deal-oracle-openai");
  assert.isAbove(moved.changes.length, 0);
  assert.isUndefined(moved.unchanged);
});
