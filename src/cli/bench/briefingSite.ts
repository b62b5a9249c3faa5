/**
 * A stop-gap for the PDF benchmark while observablehq.config.ts does not list the briefing pages in dynamicPaths
 * yet (so `deals build` makes none): a bare Framework build of the same site with a temporary config that adds
 * `briefingPaths()` from src/site/briefings.ts. Once the project's config lists them, this is never used.
 */
import {writeFile} from "node:fs/promises";
import {join, resolve} from "node:path";
import {withBuildLock} from "../buildLock.js";
import {runTimed} from "./runTimed.js";
import {FRAMEWORK_BIN} from "./siteOverhead.js";

/**
 * Builds the site with its briefing pages into `<work>/briefing-site` (not timed) and returns that folder.
 *
 * @example const site = await buildSiteWithBriefings("/tmp/bench"); // then benchPdf({site, …})
 */
export async function buildSiteWithBriefings(work: string, logFile?: string): Promise<string> {
  const site = join(work, "briefing-site");
  const config = join(work, "observablehq.config.ts");
  await writeFile(
    config,
    [
      `import config from ${JSON.stringify(resolve("observablehq.config.ts"))};`,
      `import {briefingPaths} from ${JSON.stringify(resolve("src/site/briefings.ts"))};`,
      "export default {...config, dynamicPaths: [...new Set([...(config.dynamicPaths ?? []), ...briefingPaths()])]};",
      ""
    ].join("\n")
  );
  await withBuildLock(() =>
    runTimed("node", ["--import", "tsx", FRAMEWORK_BIN, "build", "--config", config], {
      env: {DEALS_SITE_OUT: site, DEALS_DATA: "data", OBSERVABLE_TELEMETRY_DISABLE: "true"},
      logFile
    })
  );
  return site;
}
