/**
 * `deals build`: check the data, build the site and the PDF briefings into a scratch folder, validate them, and
 * only then swap the result into `dist/`. A failure at any step leaves the previous `dist/` untouched.
 */
import {existsSync} from "node:fs";
import {mkdir, rename, rm} from "node:fs/promises";
import {dirname, join, resolve} from "node:path";
import {bundleCore} from "./bundleCore.js";
import {check} from "./check.js";
import {run} from "./exec.js";
import {writeFontFaces} from "./fontFaces.js";
import {refreshLoaderCache} from "./loaderCache.js";
import {validateSite} from "./validateSite.js";
import {writeManifest} from "./writeManifest.js";

export interface BuildOptions {
  /** Final output folder; default `dist`. */
  out?: string;
  /** Skip the PDF briefings (site only). */
  site?: boolean;
  /** Data folder; default `data`. Passed to loaders as $DEALS_DATA. */
  data?: string;
  /** Log function for progress lines. */
  log?: (line: string) => void;
}

const FRAMEWORK = "node_modules/@observablehq/framework/dist/bin/observable.js";

/** Builds everything; returns 0 on success, 1 on a data problem. Throws on any other failure, after cleaning up. */
export async function buildAll({
  out = "dist",
  site = false,
  data = "data",
  log = (l) => console.warn(l)
}: BuildOptions = {}): Promise<number> {
  const started = performance.now();
  const step = (label: string) => log(`build: ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if ((await check({dataDir: data})) !== 0) return 1;
  const scratch = join(".build", `site-${process.pid}`);
  await rm(scratch, {recursive: true, force: true});
  try {
    step("bundling the core for the browser");
    await Promise.all([bundleCore(), writeFontFaces()]);
    // Framework re-uses cached loader output regardless of changes to the data or the core: drop what is stale.
    const cache = await refreshLoaderCache({dataDir: data, previousManifest: previousManifest(out)});
    step(`loader cache: ${cache.stale.length} to run (${cache.stale.join(", ") || "none"}), ${cache.kept.length} reused`);
    step("building the site");
    await run("node", [FRAMEWORK, "build"], {
      env: {
        DEALS_SITE_OUT: scratch,
        DEALS_DATA: data,
        DEALS_PREVIOUS_MANIFEST: previousManifest(out),
        OBSERVABLE_TELEMETRY_DISABLE: "true"
      },
      label: "observable build"
    });
    await validateSite(scratch);
    await writeManifest(scratch, data);
    if (!site) {
      step("rendering the PDF briefings");
      const {renderBriefings} = await import("./pdf.js");
      await renderBriefings({site: scratch, out: join(scratch, "briefings"), log});
    }
    step("swapping the new build into place");
    await swapInto(scratch, out);
    step(`done: ${out}/`);
    return 0;
  } finally {
    await rm(scratch, {recursive: true, force: true});
  }
}

/** Returns the absolute path of the previous build's manifest, or "" when there is no previous build. */
function previousManifest(out: string): string {
  const path = resolve(out, "manifest.json");
  return existsSync(path) ? path : "";
}

/** Replaces `target` with `source` by two renames, so a reader never sees a half-written folder for long. */
export async function swapInto(source: string, target: string): Promise<void> {
  await mkdir(dirname(target), {recursive: true});
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) await rename(target, old);
  try {
    await rename(source, target);
  } catch (error) {
    if (existsSync(old)) await rename(old, target);
    throw error;
  }
  await rm(old, {recursive: true, force: true});
}
