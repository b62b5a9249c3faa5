/**
 * Keeps Framework's cache correct between builds. Framework re-uses a cached loader output whenever one exists, so
 * a changed data file or core module would ship stale numbers; deleting the whole cache would make every rebuild
 * as slow as a clean one. Instead each loader's output is keyed on a hash of everything it reads (the data folder,
 * `src/`, the loader itself, the lockfile, and for the What-changed loader the previous build's manifest) and
 * deleted only when that key changed. Framework's bundles of node_modules (`_node`, `_npm`, `_observablehq`) are kept
 * unless the lockfile changed.
 */
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";

const CACHE = "docs/.observablehq/cache";
const KEYS = join(CACHE, ".deals-keys.json");

/** Returns SHA-256 (hex) over the given files' paths and bytes, in sorted path order; missing files count as empty. */
async function hashFiles(files: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const file of [...files].sort()) {
    hash.update(`${file}\0`);
    if (existsSync(file)) hash.update(await readFile(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, {recursive: true, withFileTypes: true})).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

/** What invalidated the cache: loader outputs deleted (paths relative to the cache) and whether bundles were dropped. */
export interface CachePlan {
  stale: string[];
  kept: string[];
  bundles: "kept" | "dropped";
}

/**
 * Deletes the cached outputs of loaders whose inputs changed since they ran, and the whole cache when the lockfile
 * changed; records the new keys. Returns what it did. `previousManifest` is the path the What-changed loader reads ("" for none).
 */
export async function refreshLoaderCache({dataDir, previousManifest}: {dataDir: string; previousManifest: string}): Promise<CachePlan> {
  const lockfile = await hashFiles(["package-lock.json"]);
  const common = await hashFiles([
    ...(await listFiles(dataDir)),
    ...(await listFiles("src")),
    ...(await listFiles("reports")),
    ...(await listFiles("docs/components")),
    "package-lock.json",
    "observablehq.config.ts"
  ]);
  const loaders = (await listFiles("docs/data")).filter((f) => /\.(json|csv)\.(ts|js)$/.test(f));
  const manifest = previousManifest ? await hashFiles([previousManifest]) : "none";
  const keys: Record<string, string> = {lockfile, dataDir};
  for (const loader of loaders) {
    const output = loader.replace(/^docs\//, "").replace(/\.(ts|js)$/, "");
    const own = await hashFiles([loader]);
    keys[output] = createHash("sha256")
      .update(`${common}${own}${dataDir}${output.includes("changes") ? manifest : ""}`)
      .digest("hex");
  }
  let previous: Record<string, string> = {};
  try {
    previous = JSON.parse(await readFile(KEYS, "utf-8"));
  } catch {
    // no keys yet: everything cached is of unknown provenance
  }
  const plan: CachePlan = {stale: [], kept: [], bundles: "kept"};
  if (previous.lockfile !== lockfile) {
    await rm(CACHE, {recursive: true, force: true});
    plan.bundles = "dropped";
    previous = {};
  }
  for (const [output, key] of Object.entries(keys)) {
    if (output === "lockfile" || output === "dataDir") continue;
    if (previous[output] === key && previous.dataDir === dataDir && existsSync(join(CACHE, output))) plan.kept.push(output);
    else {
      await rm(join(CACHE, output), {force: true});
      plan.stale.push(output);
    }
  }
  await mkdir(CACHE, {recursive: true});
  await writeFile(KEYS, `${JSON.stringify(keys, null, 1)}\n`);
  return plan;
}
