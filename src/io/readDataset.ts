/** Reads every data file under a folder and checks them together. The only file I/O for data. */
import {readdir, readFile, stat} from "node:fs/promises";
import {join, relative} from "node:path";
import type {Dataset} from "../core/model.js";
import {type CheckResult, checkFiles, type RawFile} from "./dataset.js";
import type {ParsedStore} from "./parseDataFile.js";
import {formatProblem, type Problem} from "./problem.js";
import {MAX_FILE_BYTES} from "./yamlText.js";

/**
 * Returns the checked dataset read from `dataDir` (default `data`, relative to the working directory), or
 * every problem found. Files over the size cap are refused before they are read; a folder or file that cannot
 * be read is a problem too, never an exception. `store` keeps each file's checked value beyond the process (ParsedStore).
 *
 * @example
 * const {dataset, problems} = await readDataset("data");
 */
export async function readDataset(dataDir = "data", store?: ParsedStore): Promise<CheckResult> {
  const root = dataDir.replace(/\/+$/, "") || ".";
  const raw: RawFile[] = [];
  const problems: Problem[] = [];
  let paths: string[];
  try {
    paths = await listFiles(dataDir);
  } catch (error) {
    return {problems: [{file: root, line: 0, col: 0, field: "", message: `cannot read the data folder: ${reason(error)}`}], files: []};
  }
  for (const path of paths) {
    const rel = relative(dataDir, path).split("\\").join("/");
    try {
      const {size} = await stat(path);
      raw.push(size > MAX_FILE_BYTES ? {relative: rel, bytes: new Uint8Array(0), size} : {relative: rel, bytes: await readFile(path)});
    } catch (error) {
      problems.push({file: `${root}/${rel}`, line: 0, col: 0, field: "", message: `cannot read: ${reason(error)}`});
    }
  }
  const result = checkFiles(raw, root, store);
  if (!problems.length) return result;
  return {problems: [...problems, ...result.problems], files: result.files};
}

function reason(error: unknown): string {
  const code = (error as {code?: string}).code;
  return code === "ENOENT"
    ? "no such file or folder"
    : code === "ENOTDIR"
      ? "not a folder"
      : code === "EACCES"
        ? "permission denied"
        : String((error as Error).message ?? error);
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
 * Returns the checked dataset, or throws one error listing every problem (`invalid data:` then one
 * `path:line:col: field: message` per line); for loaders, which must fail the build on bad data.
 *
 * @example
 * const dataset = await readValidDataset(); // in a data loader
 */
export async function readValidDataset(dataDir = "data"): Promise<Dataset> {
  const result = await readDataset(dataDir);
  if (!result.dataset) throw new Error(`invalid data:\n${result.problems.map(formatProblem).join("\n")}`);
  return result.dataset;
}
