// `deals build` checks the summaries against its site data's figure table (the figures the briefings print) instead of
// projecting every deal again for a table of the check's own (#18: at 1,000 deals that was about 4 of the rebuild's
// CPU-s). The check must find the same problems, at the same places, from that table.
import {readFile} from "node:fs/promises";
import {assert, beforeAll, it} from "vitest";
import type {Dataset} from "../../src/core/model.js";
import {checkReports} from "../../src/site/checkReports.js";
import type {SiteData} from "../../src/site/siteData.js";
import {publishedSite} from "../publishedSite.js";

let dataset: Dataset;
let site: SiteData;

beforeAll(async () => {
  ({dataset, site} = await publishedSite());
});

it("site.summaryFigures() names every figure the check's own table names, and the real summaries pass against it", async () => {
  const table = site.summaryFigures();
  // The check's own table (base values, no draws), computed as `deals check` does without a cache.
  const own = new Set<string>();
  let problems = await checkReports(dataset, {
    stale: false,
    reads: (_name, _input, figures, compute) => {
      for (const key of figures.keys()) own.add(key);
      return compute(figures);
    }
  });
  assert.deepStrictEqual(problems, []);
  const missing = [...own].filter((key) => !table.has(key));
  assert.deepStrictEqual(missing, [], "figures of the check's table that the site's lacks");
  problems = await checkReports(dataset, {figures: table, stale: false});
  assert.deepStrictEqual(problems, []);
});

it("checkReports(dataset, {figures}) finds a summary's unknown figure at its line and column, from the site's table", async () => {
  const broken = "Intro.\n\nThe first comparison: {{amazon-openai.no-such-figure}}.\n";
  const read = (file: string) => (file === "reports/summaries/market.md" ? Promise.resolve(broken) : readFile(file, "utf-8"));
  const problems = await checkReports(dataset, {figures: site.summaryFigures(), stale: false, read});
  assert.strictEqual(problems.length, 1);
  const [p] = problems;
  assert.strictEqual(`${p.file}:${p.line}:${p.col}: ${p.field}`, "reports/summaries/market.md:3:23: placeholder");
  assert.match(p.message, /^unknown figure "amazon-openai\.no-such-figure"; known names starting with "amazon-openai\.": /);
});
