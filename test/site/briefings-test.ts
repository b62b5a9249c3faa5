import {existsSync, readdirSync, readFileSync} from "node:fs";
import {assert, it} from "vitest";
import {briefingHref} from "../../docs/components/briefing/link.js";
import {projectDeal} from "../../src/core/index.js";
import {listDeals} from "../../src/io/dealIndex.js";
import {readValidDataset} from "../../src/io/readDataset.js";
import {briefingCallFor} from "../../src/site/briefingSummary.js";
import {briefingPaths, briefings, DEAL_SECTIONS, MARKET_SECTIONS} from "../../src/site/briefings.js";
import {figureTable} from "../../src/site/figures.js";

const deals = [
  {id: "a-b", name: "A → B"},
  {id: "c-d", name: "C → D"}
];

it("briefings(deals) lists the market briefing, then one per deal, on A4 and the base scenario", () => {
  const list = briefings(deals, {hasSummary: () => false});
  assert.deepStrictEqual(
    list.map((b) => [b.name, b.deal, b.paper, b.scenario]),
    [
      ["market", undefined, "a4", "base"],
      ["deal-a-b", "a-b", "a4", "base"],
      ["deal-c-d", "c-d", "a4", "base"]
    ]
  );
  assert.deepStrictEqual(list[0].sections, MARKET_SECTIONS);
  assert.deepStrictEqual(list[1].sections, DEAL_SECTIONS);
  assert.strictEqual(list[1].title, "A → B");
  assert.match(list[0].subtitle, /across 2 deals$/);
});

it("briefings(deals, {hasSummary}) prefers a deal's own summary over the shared deal.md", () => {
  const list = briefings(deals, {hasSummary: (file) => file === "reports/summaries/deal-c-d.md"});
  assert.deepStrictEqual(
    list.map((b) => b.summary),
    ["reports/summaries/market.md", "reports/summaries/deal.md", "reports/summaries/deal-c-d.md"]
  );
});

it("briefings([]) is the market briefing alone", () => {
  assert.deepStrictEqual(
    briefings([]).map((b) => b.name),
    ["market"]
  );
});

it("briefingPaths(dataDir) gives one page path per briefing, for dynamicPaths", () => {
  const paths = briefingPaths("data");
  assert.strictEqual(paths[0], "/briefings/market");
  assert.deepStrictEqual(
    paths.slice(1),
    listDeals("data").map((d) => `/briefings/deal-${d.id}`)
  );
});

it("every summary file exists and resolves against the real data", async () => {
  const dataset = await readValidDataset("data");
  // The economics a summary names come from the projections: at the base values here, enough to resolve every name.
  const projections = Object.fromEntries(dataset.deals.map((d) => [d.id, projectDeal(dataset, d.id, {draws: 0, tornadoFigures: []})]));
  const figures = figureTable({dataset, version: "v", projections});
  for (const b of briefings(dataset.deals)) {
    assert.isTrue(existsSync(b.summary), b.summary);
    const page = await briefingCallFor(b, figures, (file) => Promise.resolve(readFileSync(file, "utf-8")));
    for (const html of [page.callHtml, page.takeawaysHtml, page.restHtml]) assert.notInclude(html, "{{");
  }
  // Every file in reports/summaries is used by some briefing, as its own or as the template (a misnamed deal summary
  // would be silently ignored).
  const used = new Set(briefings(dataset.deals).flatMap((b) => [b.summary, b.template ?? b.summary]));
  const files = readdirSync("reports/summaries").filter((f) => f.endsWith(".md"));
  assert.includeMembers(files, ["market.md", "deal.md"]);
  for (const file of files) assert.isTrue(used.has(`reports/summaries/${file}`), file);
});

it("briefingHref(index, path) points a site page at its PDF, relative to the page", () => {
  const index = {
    asOf: "2026-06-30",
    version: "v",
    pages: {"/": "market", "/deals/a-b": "deal-a-b"},
    briefings: briefings(deals, {hasSummary: () => false}).map((b) => ({
      ...b,
      summaryHtml: "",
      call: {callHtml: "", takeawaysHtml: "", keyFigures: []},
      pdf: `briefings/${b.name}.pdf`
    }))
  };
  assert.strictEqual(briefingHref(index, "/"), "./briefings/market.pdf");
  assert.strictEqual(briefingHref(index, "/deals/a-b"), "../briefings/deal-a-b.pdf");
  assert.isNull(briefingHref(index, "/deals/c-d"), "a page without a briefing");
  assert.isNull(briefingHref(index, "/signals"));
});
