// Every deal's projections under the base scenario (with P10–P90 bands), the comparison across deals, the
// article's table and chip efficiency: computed at build time by the same core the browser runs.
// The computation lives in src/site (`deals build` runs it for every file in one process).
import {runLoader} from "../../src/site/loaderOutput.js";

await runLoader("data/analysis.json");
