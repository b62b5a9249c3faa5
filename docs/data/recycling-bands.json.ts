// Per deal, the P10–P90 band of the investor's cumulative net cash by year (base scenario, seeded Monte Carlo),
// for the recycling page's net-cash chart: computed once at build time by the same core the browser runs.
import {netCashBands} from "../../src/core/index.js";
import {dataDir} from "../../src/io/dataDir.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const dataset = await readValidDataset(dataDir());
const bands = Object.fromEntries(dataset.deals.map((deal) => [deal.id, netCashBands(dataset, deal.id, {draws: 2000})]));

process.stdout.write(JSON.stringify({draws: 2000, scenario: "base", bands}));
