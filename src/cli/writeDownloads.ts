/** Writes the dataset's downloads into a finished build: `data/<table>.{csv,json,arrow}` and a copy under the data version. */
import {mkdir, rm, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {downloadFiles} from "../site/downloads.js";
import type {SiteData} from "../site/siteData.js";

/** Writes every download file of `site` under `dir`; returns their paths, relative to `dir`. */
export async function writeDownloads(dir: string, site: SiteData): Promise<string[]> {
  const files = downloadFiles(site.downloads(), site.changes().version);
  // `data/` holds only downloads (Framework's files are under `_file/`): a site copied from the previous build
  // (relink.ts) drops the previous version's, so it stays equal to a clean build.
  await rm(join(dir, "data"), {recursive: true, force: true});
  for (const [path, content] of files) {
    await mkdir(dirname(join(dir, path)), {recursive: true});
    await writeFile(join(dir, path), content);
  }
  return [...files.keys()].sort();
}
