/**
 * What every data loader in docs/data runs: reads the data folder ($DEALS_DATA), computes the one file the loader
 * publishes with siteData, and writes it to stdout. `deals build` does not run the loaders (it computes every file
 * in one process, snapshotWriter.ts); `npm run dev` and a bare `observable build` do.
 */
import type {Dataset} from "../core/model.js";
import {dataDir} from "../io/dataDir.js";
import {dataVersion} from "../io/dataVersion.js";
import {readManifest} from "../io/manifest.js";
import {readValidDataset} from "../io/readDataset.js";
import {type DealMemo, type SiteData, sharedFiles, siteData, type TextMemo} from "./siteData.js";
import type {ReadsMemo} from "./trackedReads.js";

/**
 * Returns the site data for `dir`, with the previous build's manifest from $DEALS_PREVIOUS_MANIFEST (if set);
 * `dataset` is `dir`'s dataset when the caller has read and checked it already.
 */
export async function readSiteData(
  dir = dataDir(),
  previousManifest = process.env.DEALS_PREVIOUS_MANIFEST ?? "",
  memo?: DealMemo,
  dataset?: Dataset,
  keep?: TextMemo,
  reads?: ReadsMemo
): Promise<SiteData> {
  dataset ??= await readValidDataset(dir);
  const previous = previousManifest ? await readManifest(previousManifest) : null;
  return siteData({dataset, version: await dataVersion(dir), previous, memo, keep, reads});
}

/** Returns the JSON text of the published file `path` ("data/changes.json", "data/briefings/market.json", "data/deals/<id>.json"…). */
export async function siteDataFile(site: SiteData, path: string): Promise<string> {
  const briefing = /^data\/briefings\/([^/]+)\.json$/.exec(path)?.[1];
  if (briefing) return JSON.stringify(await site.slice(briefing));
  const deal = /^data\/deals\/([^/]+)\.json$/.exec(path)?.[1];
  if (deal) return JSON.stringify(await site.dealPage(deal));
  const page = /^data\/pages\/([^/]+)\.json$/.exec(path)?.[1];
  if (page) return JSON.stringify(await site.topicPage(page));
  const parts: Record<string, () => unknown> = sharedFiles(site);
  if (!Object.hasOwn(parts, path)) throw new Error(`invalid data file: ${path}`);
  return JSON.stringify(await parts[path]());
}

/**
 * Writes the published file `path` to stdout; on an error prints `<path>: <message>` and exits 1 (Framework then
 * fails the build instead of publishing garbage).
 */
export async function runLoader(path: string): Promise<void> {
  try {
    process.stdout.write(await siteDataFile(await readSiteData(), path));
  } catch (error) {
    console.error(`${path}: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** Returns the value of `--<name>=<value>` among a parameterized loader's arguments. Throws when it is missing. */
export function loaderParam(name: string, argv: readonly string[] = process.argv): string {
  const prefix = `--${name}=`;
  const arg = argv.find((a) => a.startsWith(prefix));
  if (!arg) throw new Error(`missing loader parameter --${name}`);
  return arg.slice(prefix.length);
}
