// Every deal's projections under the base scenario (with P10–P90 bands), the comparison across deals, the
// article's table and chip efficiency: computed once at build time by the same core the browser runs.
import {ARTICLE_DEALS, articleTable, chipEfficiency, compareDeals, projectDeal} from "../../src/core/index.js";
import {dataDir} from "../../src/io/dataDir.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset(dataDir());
const projections = Object.fromEntries(dataset.deals.map((deal) => [deal.id, projectDeal(dataset, deal.id, {draws: 5000})]));

process.stdout.write(
  JSON.stringify({
    asOf: dataset.asOf,
    projections,
    comparison: compareDeals(dataset),
    // The article's deals that the data holds: a dataset without them is valid and builds (the table is left out).
    articleTable: articleTable(
      dataset,
      ARTICLE_DEALS.filter((id) => dataset.deals.some((d) => d.id === id))
    ),
    chipEfficiency: chipEfficiency(dataset.chips)
  })
);
