// The PDF briefings (src/site/briefings.ts) with each executive summary's placeholders resolved and sanitized, and
// which site page links which PDF. An unknown placeholder fails the build with its file, line and name.
// The computation lives in src/site (`deals build` runs it for every file in one process).
import {runLoader} from "../../src/site/loaderOutput.js";

await runLoader("data/briefings.json");
