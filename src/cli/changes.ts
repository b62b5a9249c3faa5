/** `deals changes`: prints what moved in the last build (from the built site), as text or Markdown for CI summaries. */
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import {type ChangeLike, changeLine} from "../core/index.js";

interface ChangesFile {
  version: string;
  asOf: string;
  previous: {dataVersion: string; asOf: string} | null;
  changes: ChangeLike[];
}

/** Returns the What-changed data of a built site (its `_file/data/changes.<hash>.json`). */
export async function readBuiltChanges(site: string): Promise<ChangesFile> {
  const dir = join(site, "_file", "data");
  const name = (await readdir(dir)).find((f) => /^changes\.[0-9a-f]+\.json$/.test(f));
  if (!name) throw new Error(`no changes file in ${dir}: build the site first (npm run build)`);
  return JSON.parse(await readFile(join(dir, name), "utf-8")) as ChangesFile;
}

/** Returns the report as lines of text, or Markdown (a heading and a bullet per change). */
export function formatChanges({version, previous, changes}: ChangesFile, {markdown = false} = {}): string {
  const head = previous
    ? `${changes.length} headline figure${changes.length === 1 ? "" : "s"} moved (data ${previous.dataVersion} → ${version})`
    : `First build of data ${version}: no previous build to compare with`;
  const lines = changes.map(changeLine);
  return markdown ? [`### ${head}`, "", ...lines.map((l) => `- ${l}`), ""].join("\n") : [head, ...lines].join("\n");
}

/** Runs the command; returns the exit code. */
export async function changesCommand({site = "dist", markdown = false}: {site?: string; markdown?: boolean}): Promise<number> {
  try {
    console.log(formatChanges(await readBuiltChanges(site), {markdown}));
    return 0;
  } catch (error) {
    console.error(`deals changes: ${(error as Error).message}`);
    return 1;
  }
}
