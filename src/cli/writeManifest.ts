/** Writes the manifest of a finished build: data version, as-of date, headline figures, baseline and input hashes. */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {Manifest} from "../io/manifest.js";
import type {SiteData} from "../site/siteData.js";

/** Writes `<dir>/manifest.json` from the site data the build published and the input hashes, and returns it. */
export async function writeManifest(
  dir: string,
  {
    site,
    inputs,
    siteKey,
    registered
  }: {site: SiteData; inputs: Record<string, string>; siteKey: string; registered?: Record<string, string[]>}
): Promise<Manifest> {
  const changes = site.changes();
  const manifest: Manifest = {
    format: 1,
    dataVersion: changes.version,
    asOf: changes.asOf,
    figures: site.figures(),
    baseline: site.baseline().baseline,
    siteKey,
    inputs,
    ...(registered ? {registered} : {})
  };
  await writeFile(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}
