/** Writes the manifest of a finished build: data version, as-of date, headline figures, baseline and input hashes. */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {hashInputs, type Manifest} from "../io/manifest.js";
import type {SiteData} from "../io/snapshots/siteData.js";

/** Writes `<dir>/manifest.json` from the site data the build published, and returns it. */
export async function writeManifest(dir: string, dataDir: string, site: SiteData): Promise<Manifest> {
  const changes = site.changes();
  const manifest: Manifest = {
    format: 1,
    dataVersion: changes.version,
    asOf: changes.asOf,
    figures: site.figures(),
    baseline: site.baseline().baseline,
    inputs: await hashInputs(undefined, dataDir)
  };
  await writeFile(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}
