// A topic page (/recycling, /roadmap…, /methodology) loads its own data file (src/site/topicPage.ts), not the whole dataset and
// analysis: every deal, the tables the page draws exactly as the whole files give them, and less than the whole.
import {readFileSync} from "node:fs";
import {assert, beforeAll, it} from "vitest";
import {labExposure} from "../../src/core/recycling/labExposure.js";
import {concerns} from "../../src/core/signals.js";
import {siteDataFile} from "../../src/site/loaderOutput.js";
import type {SiteData} from "../../src/site/siteData.js";
import {TOPIC_PAGES, topicPageFile} from "../../src/site/topicPage.js";
import {publishedSite} from "../publishedSite.js";

let site: SiteData;

beforeAll(async () => {
  ({site} = await publishedSite());
});

it("each topic page's file holds every deal and, of what the page draws, exactly what the whole files hold", async () => {
  const data = site.publicData();
  const analysis = site.analysis();
  const whole = JSON.stringify(data).length + JSON.stringify(analysis).length;
  const cited = JSON.stringify([data.deals, data.assumptions, data.chips]);
  for (const [page, cut] of Object.entries(TOPIC_PAGES)) {
    const file = await site.topicPage(page);
    assert.strictEqual(file.page, page);
    // What the browser's own model reads when a reader moves a slider: whole.
    for (const key of ["deals", "chips", "assumptions", "scenarios", "version", "asOf", ...cut.data] as const)
      assert.deepStrictEqual(file.data[key], data[key], `${page}: data.${key}`);
    for (const key of ["asOf", ...cut.analysis] as const)
      assert.deepStrictEqual(file.analysis[key], analysis[key], `${page}: analysis.${key}`);
    // Up to a dozen deals (the real data) every deal; the home page and /signals draw no projection.
    assert.deepStrictEqual(Object.keys(file.analysis.projections), "noProjections" in cut ? [] : Object.keys(analysis.projections), page);
    assert.notProperty(file.data, "dealCount", page);
    if (!("noProjections" in cut))
      for (const [id, projection] of Object.entries(analysis.projections))
        for (const key of ["deal", "scenario", "ramp", "assumptions", ...cut.projection] as const)
          assert.deepStrictEqual(file.analysis.projections[id][key], projection[key], `${page}: ${id}.${key}`);
    // Tables the page does not draw stay out (the market tables on a page of one topic, the other topics' parts).
    if (!(cut.analysis as readonly string[]).includes("comparison")) assert.notProperty(file.analysis, "comparison", page);
    if (!(cut.projection as readonly string[]).includes("tornado") && !("noProjections" in cut))
      assert.notProperty(file.analysis.projections["amd-openai"], "tornado", page);
    // Every source a deal, an assumption or a chip cites is there with its site-wide number; the list and the map agree.
    for (const id of Object.keys(data.sourcesById))
      if (cited.includes(`"${id}"`)) {
        assert.deepStrictEqual(file.data.sourcesById[id], data.sourcesById[id], `${page}: source ${id}`);
        assert.strictEqual(file.data.sourceNumbers[id], data.sourceNumbers[id], `${page}: number of ${id}`);
      }
    assert.deepStrictEqual(
      file.data.sources.map((s) => s.id),
      Object.keys(file.data.sourcesById),
      page
    );
    // A page that lists every source (/methodology) keeps the whole list, numbers and all; its cut is the tables.
    if ("allSources" in cut) {
      assert.deepStrictEqual(file.data.sources, data.sources, page);
      assert.deepStrictEqual(file.data.sourcesById, data.sourcesById, page);
      assert.deepStrictEqual(file.data.sourceNumbers, data.sourceNumbers, page);
      assert.isBelow(JSON.stringify(file).length, 0.9 * whole, page);
    } else assert.isBelow(JSON.stringify(file).length, 0.75 * whole, page);
  }
});

it("each page with a file of its own loads it, and neither the whole dataset nor the whole analysis", () => {
  for (const page of Object.keys(TOPIC_PAGES)) {
    const markdown = readFileSync(`docs/${page}.md`, "utf-8");
    assert.include(markdown, `FileAttachment("data/pages/${page}.json")`, page);
    assert.notInclude(markdown, "data/dataset.json", page);
    assert.notInclude(markdown, "data/analysis.json", page);
    assert.notInclude(markdown, "data/capacity-bands.json", page);
  }
});

it("the loader of data/pages/<page>.json (npm run dev) publishes the same file as the build; an unknown page throws", async () => {
  assert.strictEqual(await siteDataFile(site, "data/pages/options.json"), JSON.stringify(await site.topicPage("options")));
  assert.throws(() => topicPageFile("no-such-page", site.publicData(), site.analysis()), /topic page: invalid page: no-such-page/);
});

it("/capacity's file carries its deals' capacity bands, as the whole bands file gives them", async () => {
  const file = await site.topicPage("capacity");
  assert.deepStrictEqual(file.bands, site.bands());
  assert.notProperty(await site.topicPage("roadmap"), "bands");
});

it("the home page's file carries the briefing the page links (the market's call and PDF) as the whole index has it, and no other; the page loads no other index", async () => {
  const index = await site.briefings();
  const own = (await site.topicPage("index")).briefings!;
  assert.strictEqual(index.pages["/"], "market");
  assert.deepStrictEqual(own.briefings, [index.briefings.find((b) => b.name === "market")]);
  assert.deepStrictEqual(own.pages, {"/": "market"});
  assert.deepStrictEqual({...own, briefings: [], pages: {}}, {...index, briefings: [], pages: {}}, "the index's other fields");
  assert.isAbove(index.briefings.length, 1);
  for (const page of Object.keys(TOPIC_PAGES).filter((p) => p !== "index"))
    assert.notProperty(await site.topicPage(page), "briefings", page);
  // The page names the whole index (so Framework publishes it for the PDF stage) but never reads it.
  const markdown = readFileSync("docs/index.md", "utf-8");
  assert.match(markdown, /FileAttachment\("data\/briefings\.json"\)[;\n]/);
  assert.notMatch(markdown, /FileAttachment\("data\/briefings\.json"\)\s*\./, "the page reads the whole index");
});

it("above a dozen deals a page's file holds the deals the market details, says how many there are, and stays bounded", () => {
  const data = site.publicData();
  const analysis = site.analysis();
  // The market as it reads above a dozen deals: three deals shown (the cut reads only `shown`).
  const shown = ["amazon-openai", "amd-openai", "oracle-openai"];
  const cutAnalysis = {...analysis, market: {...analysis.market!, shown}};
  const sources = Object.keys(data.sourceNumbers).length;
  for (const page of Object.keys(TOPIC_PAGES)) {
    const file = topicPageFile(page, data, cutAnalysis, () => site.bands());
    // The home page keeps the founding case besides, the deal it opens on.
    const ids = page === "index" ? [...shown, "amazon-anthropic"] : shown;
    assert.sameMembers(
      file.data.deals.map((d) => d.id),
      ids,
      page
    );
    assert.strictEqual(file.data.dealCount, data.deals.length, page);
    assert.strictEqual(file.data.sourceCount, sources, page);
    if (!("noProjections" in TOPIC_PAGES[page as keyof typeof TOPIC_PAGES]))
      assert.sameMembers(Object.keys(file.analysis.projections), shown, page);
    if (file.analysis.comparison)
      assert.sameMembers(
        file.analysis.comparison.map((r) => r.id),
        shown,
        page
      );
    if (file.data.capacityShares) assert.sameMembers(Object.keys(file.data.capacityShares), shown, page);
    if (file.bands)
      assert.sameMembers(
        Object.keys(file.bands.bands),
        shown.filter((id) => id in site.bands().bands),
        page
      );
    // The sources are those the file cites, /methodology's too; every one keeps its site-wide number.
    for (const [id, n] of Object.entries(file.data.sourceNumbers)) assert.strictEqual(n, data.sourceNumbers[id], `${page}: ${id}`);
    assert.isBelow(file.data.sources.length, data.sources.length, page);
    assert.isBelow(JSON.stringify(file).length, JSON.stringify(topicPageFile(page, data, analysis, () => site.bands())).length, page);
  }
  // /roadmap keeps the observations that concern its deals (and those of no deal): each deal's checkpoints read the same.
  const roadmap = topicPageFile("roadmap", data, cutAnalysis);
  for (const id of shown) {
    const deal = data.deals.find((d) => d.id === id)!;
    const mine = (signals: typeof data.signals) => signals.map((s) => s.observations.filter((o) => concerns(o, deal)));
    assert.deepStrictEqual(mine(roadmap.data.signals), mine(data.signals), id);
  }
  const observations = (signals: typeof data.signals) => signals.flatMap((s) => s.observations).length;
  assert.isBelow(observations(roadmap.data.signals), observations(data.signals));
  // /recycling states each lab's exposure across every deal of the lab, not only the deals the file holds.
  const recycling = topicPageFile("recycling", data, cutAnalysis);
  const labs = new Set(recycling.data.deals.map((d) => d.lab));
  assert.deepStrictEqual(
    recycling.data.labExposures,
    labExposure(data).filter((row) => labs.has(row.lab))
  );
  assert.notProperty(topicPageFile("recycling", data, analysis).data, "labExposures");
  // /options names the first option holders and counts them all; /signals names the deals its observations name.
  const options = topicPageFile("options", data, cutAnalysis);
  assert.strictEqual(options.data.optionHolderCount, data.optionHolders.length);
  const signals = topicPageFile("signals", data, cutAnalysis);
  const observed = new Set(data.signals.flatMap((s) => s.observations.flatMap((o) => (o.deal && !shown.includes(o.deal) ? [o.deal] : []))));
  assert.isAbove(observed.size, 0);
  assert.deepStrictEqual(Object.keys(signals.data.dealNames ?? {}).sort(), [...observed].sort());
  assert.deepStrictEqual(signals.data.signals, data.signals);
});
