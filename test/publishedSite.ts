/**
 * The site data as `deals build` publishes it from data/ (every deal projected at the published draw count, the
 * capacity bands of every scenario), computed at most once per test worker. The pure project's workers run file after
 * file in one process (vitest.config.ts: isolate: false), and several files check the same published projections
 * and bands. The projections and bands are computed before the promise resolves, so the files await them in
 * beforeAll (whose timeout allows a busy machine), not inside a test. Read only: a test that edits the data builds
 * its own siteData from a copy.
 */
import type {Dataset} from "../src/core/model.js";
import {readValidDataset} from "../src/io/readDataset.js";
import {type SiteData, siteData} from "../src/site/siteData.js";

let published: Promise<{dataset: Dataset; site: SiteData}> | undefined;

/**
 * Returns the data in data/ and its site data at the published draw counts (version "test", no previous build).
 *
 * @example const {dataset, site} = await publishedSite(); site.analysis().projections["amazon-anthropic"]
 */
export function publishedSite(): Promise<{dataset: Dataset; site: SiteData}> {
  published ??= readValidDataset("data").then((dataset) => {
    const site = siteData({dataset, version: "test", previous: null});
    site.analysis();
    site.bands();
    return {dataset, site};
  });
  return published;
}
