// One briefing page's data: what its sections draw, and nothing else (src/site/briefingSlice.ts).
import {loaderParam, runLoader} from "../../../src/site/loaderOutput.js";

await runLoader(`data/briefings/${loaderParam("briefing")}.json`);
