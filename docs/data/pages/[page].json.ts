// One topic page's data: every deal, but only the tables that page draws (src/site/topicPage.ts).
import {loaderParam, runLoader} from "../../../src/site/loaderOutput.js";

await runLoader(`data/pages/${loaderParam("page")}.json`);
