// The front page's deal explorer: one row per deal (src/site/explorer.ts).
// The computation lives in src/site (`deals build` runs it for every file in one process).
import {runLoader} from "../../src/site/loaderOutput.js";

await runLoader("data/explorer.json");
