// A deal page loads its own data file (src/site/dealPage.ts), not every deal's: it must hold everything the page's
// parts read for that deal, the same as the whole files give, and nothing of the other deals.
import {assert, beforeAll, it} from "vitest";
import {sourceIdsFor} from "../../docs/components/sections/sources.js";
import type {Dataset} from "../../src/core/model.js";
import {concerns} from "../../src/core/signals.js";
import {pageVersion} from "../../src/site/dealPage.js";
import {siteDataFile} from "../../src/site/loaderOutput.js";
import type {SiteData} from "../../src/site/siteData.js";
import {publishedSite} from "../publishedSite.js";

let dataset: Dataset;
let site: SiteData;

beforeAll(async () => {
  ({dataset, site} = await publishedSite());
});

it("each deal's page file holds that deal only, its figures as the whole files give them, and a version of its own", async () => {
  const data = site.publicData();
  const analysis = site.analysis();
  const bands = site.bands();
  const index = await site.briefings();
  for (const deal of dataset.deals) {
    const file = await site.dealPage(deal.id);
    assert.strictEqual(file.deal, deal.id);
    assert.deepStrictEqual(
      file.data.deals.map((d) => d.id),
      [deal.id]
    );
    assert.deepStrictEqual(
      file.data.deals[0],
      data.deals.find((d) => d.id === deal.id)
    );
    // The version the page prints and its CSV files carry: the page's own, a digest of the rest of its file (so it
    // moves when the page's data move, and only then); the as-of is the dataset's.
    assert.match(file.data.version, /^[0-9a-f]{12}$/);
    assert.strictEqual(file.data.version, pageVersion(file));
    assert.notStrictEqual(file.data.version, data.version);
    assert.strictEqual(file.data.asOf, data.asOf);
    assert.deepStrictEqual(Object.keys(file.analysis.projections), [deal.id]);
    assert.deepStrictEqual(file.analysis.projections[deal.id], analysis.projections[deal.id]);
    assert.deepStrictEqual(file.analysis.scenarios[deal.id], analysis.scenarios[deal.id]);
    assert.deepStrictEqual(file.analysis.peers[deal.id], analysis.peers[deal.id]);
    assert.deepStrictEqual(
      file.analysis.comparison,
      analysis.comparison.filter((row) => row.id === deal.id)
    );
    assert.deepStrictEqual(file.analysis.chipEfficiency, analysis.chipEfficiency);
    assert.deepStrictEqual(file.bands.bands, deal.id in bands.bands ? {[deal.id]: bands.bands[deal.id]} : {});
    assert.deepStrictEqual(file.data.chips, data.chips);
    assert.deepStrictEqual(file.data.assumptions, data.assumptions);
    assert.deepStrictEqual(file.data.scenarios, data.scenarios);
    // The sources the page lists (its sources section, by the site's rule) are all there, under their site-wide numbers.
    const listed = sourceIdsFor({data, analysis, dealId: deal.id});
    assert.isAbove(listed.length, 0, deal.id);
    for (const id of listed) {
      assert.deepStrictEqual(file.data.sourcesById[id], data.sourcesById[id], `${deal.id}: source ${id}`);
      assert.strictEqual(file.data.sourceNumbers[id], data.sourceNumbers[id], `${deal.id}: number of ${id}`);
    }
    for (const id of [...deal.investors, deal.lab, deal.provider])
      assert.isTrue(
        file.data.companies.some((c) => c.id === id),
        `${deal.id}: company ${id}`
      );
    // The observations that concern the deal, and the names of the other deals they name.
    assert.deepStrictEqual(
      file.data.signals.flatMap((s) => s.observations),
      dataset.signals.flatMap((s) => s.observations.filter((o) => concerns(o, deal)))
    );
    for (const o of file.data.signals.flatMap((s) => s.observations))
      if (o.deal && o.deal !== deal.id) assert.strictEqual(file.data.dealNames?.[o.deal], dataset.deals.find((d) => d.id === o.deal)?.name);
    // Its briefing's entry only (the PDF link and the call), and its own changes.
    assert.deepStrictEqual(file.briefings.pages, {[`/deals/${deal.id}`]: `deal-${deal.id}`});
    assert.deepStrictEqual(
      file.briefings.briefings,
      index.briefings.filter((b) => b.name === `deal-${deal.id}`)
    );
    assert.strictEqual(file.briefings.published, index.published);
    assert.deepStrictEqual(
      file.changes.changes,
      site.changes().changes.filter((c) => c.deal === deal.id)
    );
    // The last edition by its date only: the dataset-wide versions would change every deal's file at any change.
    assert.strictEqual(file.changes.version, "");
    assert.deepStrictEqual(file.changes.previous, site.changes().previous && {dataVersion: "", asOf: site.changes().previous?.asOf ?? ""});
    assert.strictEqual(file.briefings.version, "");
  }
});

it("a deal's page file is a fraction of the whole dataset and analysis the page loaded before", async () => {
  const whole = JSON.stringify(site.publicData()).length + JSON.stringify(site.analysis()).length;
  for (const deal of dataset.deals) assert.isBelow(JSON.stringify(await site.dealPage(deal.id)).length, whole / 2, deal.id);
});

it("the loader of data/deals/<id>.json (npm run dev) publishes the same file as the build", async () => {
  assert.strictEqual(await siteDataFile(site, "data/deals/amd-openai.json"), JSON.stringify(await site.dealPage("amd-openai")));
});

it("a deal the data does not hold has no page file", async () => {
  let error: Error | null = null;
  await site.dealPage("no-such-deal").catch((e: Error) => {
    error = e;
  });
  assert.match(String(error), /deal page: invalid deal: no-such-deal/);
});
