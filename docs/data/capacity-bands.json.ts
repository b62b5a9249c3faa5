// P10–P90 bands of every deal's capacity year by year (GW online, energy, H100-equivalents), for every scenario:
// a seeded Monte Carlo over the capacity assumptions, computed once at build time by the core the browser runs.
import {capacityBands} from "../../src/core/index.js";
import {dataDir} from "../../src/io/dataDir.js";
import {readValidDataset} from "../../src/io/readDataset.js";

const draws = 2000;
const seed = "compute-deals";
const dataset = await readValidDataset(dataDir());
const bands = Object.fromEntries(
  dataset.deals
    .filter((deal) => deal.capacity)
    .map((deal) => [
      deal.id,
      Object.fromEntries(dataset.scenarios.map((s) => [s.id, capacityBands(dataset, deal.id, {draws, seed, scenario: s.id})]))
    ])
);

process.stdout.write(JSON.stringify({draws, seed, bands}));
