// The Data page's index of the downloads: tables, data dictionary, citation and schema changelog (src/site/downloads.ts).
// The computation lives in src/site (`deals build` runs it for every file in one process).
import {runLoader} from "../../src/site/loaderOutput.js";

await runLoader("data/downloads.json");
