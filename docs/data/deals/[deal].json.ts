// One deal page's data: that deal's facts, projections and bands, not every deal's (src/site/dealPage.ts).
import {loaderParam, runLoader} from "../../../src/site/loaderOutput.js";

await runLoader(`data/deals/${loaderParam("deal")}.json`);
