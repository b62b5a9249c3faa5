// A topic page (/recycling, /roadmap…, /methodology) loads its own data file (src/site/topicPage.ts), not the whole dataset and
// analysis: every deal, the tables the page draws exactly as the whole files give them, and less than the whole.
import {readFileSync} from "node:fs";
import {assert, beforeAll, it} from "vitest";
import {siteDataFile} from "../../src/site/loaderOutput.js";
import type {SiteData} from "../../src/site/siteData.js";
import {TOPIC_PAGES, topicPageFile} from "../../src/site/topicPage.js";
import {publishedSite} from "../publishedSite.js";

let site: SiteData;

beforeAll(async () => {
  ({site} = await publishedSite());
});

it("each topic page's file holds every deal and, of what the page draws, exactly what the whole files hold", () => {
  const data = site.publicData();
  const analysis = site.analysis();
  const whole = JSON.stringify(data).length + JSON.stringify(analysis).length;
  const cited = JSON.stringify([data.deals, data.assumptions, data.chips]);
  for (const [page, cut] of Object.entries(TOPIC_PAGES)) {
    const file = site.topicPage(page);
    assert.strictEqual(file.page, page);
    // What the browser's own model reads when a reader moves a slider: whole.
    for (const key of ["deals", "chips", "assumptions", "scenarios", "version", "asOf", ...cut.data] as const)
      assert.deepStrictEqual(file.data[key], data[key], `${page}: data.${key}`);
    for (const key of ["asOf", ...cut.analysis] as const)
      assert.deepStrictEqual(file.analysis[key], analysis[key], `${page}: analysis.${key}`);
    assert.deepStrictEqual(Object.keys(file.analysis.projections), Object.keys(analysis.projections), page);
    for (const [id, projection] of Object.entries(analysis.projections))
      for (const key of ["deal", "scenario", "ramp", "assumptions", ...cut.projection] as const)
        assert.deepStrictEqual(file.analysis.projections[id][key], projection[key], `${page}: ${id}.${key}`);
    // Tables the page does not draw stay out (the market tables on a page of one topic, the other topics' parts).
    if (!(cut.analysis as readonly string[]).includes("comparison")) assert.notProperty(file.analysis, "comparison", page);
    if (!(cut.projection as readonly string[]).includes("tornado"))
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
  }
});

it("the loader of data/pages/<page>.json (npm run dev) publishes the same file as the build; an unknown page throws", async () => {
  assert.strictEqual(await siteDataFile(site, "data/pages/options.json"), JSON.stringify(site.topicPage("options")));
  assert.throws(() => topicPageFile("no-such-page", site.publicData(), site.analysis()), /topic page: invalid page: no-such-page/);
});
