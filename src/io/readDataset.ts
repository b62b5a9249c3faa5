/** Reads every data file under a folder and checks them together. The only file I/O for data. */
import {readdir, readFile, stat} from "node:fs/promises";
import {join, relative} from "node:path";
import {type CheckResult, checkFiles, type RawFile} from "./dataset.js";
import {MAX_FILE_BYTES} from "./yamlText.js";

/**
 * Reads `dataDir` (default `data`, relative to the project root) and returns the checked dataset or every
 * problem found. Files over the size cap are refused before they are read.
 */
export async function readDataset(dataDir = "data"): Promise<CheckResult> {
  const raw: RawFile[] = [];
  for (const path of await listFiles(dataDir)) {
    const rel = relative(dataDir, path).split("\\").join("/");
    const {size} = await stat(path);
    raw.push({relative: rel, bytes: size > MAX_FILE_BYTES ? new Uint8Array(size) : await readFile(path)});
  }
  return checkFiles(raw, dataDir.replace(/\/+$/, ""));
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true});
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".") || entry.name === "README.md") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}

/**
 * Reads the dataset and throws one error listing every problem when there is any; for loaders, which must
 * fail the build on bad data.
 */
export async function readValidDataset(dataDir = "data") {
  const result = await readDataset(dataDir);
  if (!result.dataset) {
    const {formatProblem} = await import("./problem.js");
    throw new Error(`invalid data:\n${result.problems.map(formatProblem).join("\n")}`);
  }
  return result.dataset;
}
