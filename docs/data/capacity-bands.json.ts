// P10–P90 bands of every deal's capacity year by year (GW online, energy, H100-equivalents), for every scenario:
// a seeded Monte Carlo over the capacity assumptions.
// The computation lives in src/site (`deals build` runs it for every file in one process).
import {runLoader} from "../../src/site/loaderOutput.js";

await runLoader("data/capacity-bands.json");
