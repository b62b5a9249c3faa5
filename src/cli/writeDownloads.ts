/** Writes the dataset's downloads into a finished build: `data/<table>.{csv,json,arrow}` and a copy under the data version. */
import {link, mkdir, rm, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import type {DownloadContent} from "../site/downloads.js";
import type {SiteData} from "../site/siteData.js";

/**
 * Writes every download file of `site` under `dir`; returns their paths, relative to `dir`. A file whose content is
 * the same object as one already written (the copy under the data version) is a hard link to it where the file system
 * allows: at 1,000 deals the downloads are about 130 MB, written twice at every build.
 */
export async function writeDownloads(dir: string, site: SiteData): Promise<string[]> {
  const files = site.downloadFiles();
  // `data/` holds only downloads (Framework's files are under `_file/`): a site copied from the previous build
  // (relink.ts) drops the previous version's, so it stays equal to a clean build.
  await rm(join(dir, "data"), {recursive: true, force: true});
  const written = new Map<DownloadContent, string>();
  for (const [path, content] of files) {
    const target = join(dir, path);
    await mkdir(dirname(target), {recursive: true});
    const first = written.get(content);
    if (
      first === undefined ||
      !(await link(first, target).then(
        () => true,
        () => false
      ))
    )
      await writeFile(target, content);
    if (first === undefined) written.set(content, target);
  }
  return [...files.keys()].sort();
}
