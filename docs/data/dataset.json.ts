// The validated dataset for the browser, with untrusted Markdown sanitized at build time (src/site/publicDataset.ts).
// The computation lives in src/site (`deals build` runs it for every file in one process).
import {runLoader} from "../../src/site/loaderOutput.js";

await runLoader("data/dataset.json");
