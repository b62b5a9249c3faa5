// What moved since the previous build (its manifest, passed by `deals build` as $DEALS_PREVIOUS_MANIFEST): see
// changesSince in src/core/changes.ts.
// The computation lives in src/site (`deals build` runs it for every file in one process).
import {runLoader} from "../../src/site/loaderOutput.js";

await runLoader("data/changes.json");
