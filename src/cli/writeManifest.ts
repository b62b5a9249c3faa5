/** Writes the manifest of a finished build: data version, as-of date, headline figures and input hashes. */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {datasetHeadlines} from "../core/changes.js";
import {dataVersion} from "../io/dataVersion.js";
import {hashInputs, type Manifest} from "../io/manifest.js";
import {readValidDataset} from "../io/readDataset.js";

/** Writes `<dir>/manifest.json` and returns it. */
export async function writeManifest(dir: string, dataDir: string): Promise<Manifest> {
  const dataset = await readValidDataset(dataDir);
  const manifest: Manifest = {
    format: 1,
    dataVersion: await dataVersion(dataDir),
    asOf: dataset.asOf,
    figures: datasetHeadlines(dataset),
    inputs: await hashInputs(undefined, dataDir)
  };
  await writeFile(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}
