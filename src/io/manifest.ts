/**
 * The build manifest (`dist/manifest.json`): what a build was made from (data version, as-of date, input hashes) and
 * the headline figures it published, so the next build can say what changed.
 */
import {readFile} from "node:fs/promises";
import type {FiguresRecord, HeadlineFigure} from "../core/changes.js";

export interface Manifest extends FiguresRecord {
  /** Format version of this file. */
  format: 1;
  dataVersion: string;
  asOf: string;
  figures: HeadlineFigure[];
  /** The build this one's What changed compares with (see changesSince in src/core/changes.ts). */
  baseline: FiguresRecord["baseline"];
  /** Key of every input besides the data files (see siteKey in src/cli/relink.ts): equal keys, same pages. */
  siteKey?: string;
  /**
   * Briefing name → the PDF's input key, SHA-256 and pages, so the next build (or CI run) can keep a PDF whose inputs
   * did not change, and plan its shards by pages.
   */
  pdfs?: Record<string, {key: string; sha256: string; pages?: number; page?: string}>;
  /**
   * Site file (`_file/data/deals/x.1a2b3c4d.json`) → the pages that register it, sorted: a relinked build reads and
   * rewrites only the pages of the files it replaces (src/cli/relink.ts).
   */
  registered?: Record<string, string[]>;
  /** Input path → SHA-256 (hex) of every file the build read. */
  inputs: Record<string, string>;
}

/** Returns the manifest at `path`, or null when there is none or it is not a manifest this version can read. */
export async function readManifest(path: string): Promise<Manifest | null> {
  let text: string;
  try {
    text = await readFile(path, "utf-8");
  } catch {
    return null;
  }
  try {
    const value = JSON.parse(text) as Partial<Manifest>;
    if (value.format !== 1 || !Array.isArray(value.figures) || typeof value.dataVersion !== "string") return null;
    if (value.baseline !== undefined && value.baseline !== null && !Array.isArray(value.baseline.figures)) return null;
    return value as Manifest;
  } catch {
    return null;
  }
}

/** Files whose content decides a build's output (relative to the project root), for the manifest's input hashes. */
export const INPUT_ROOTS = ["data", "src", "docs", "reports", "package-lock.json", "observablehq.config.ts"];

/**
 * Returns path → SHA-256 of every input file under INPUT_ROOTS (skipping Framework's cache and generated files),
 * sorted by path.
 */
export async function hashInputs(roots: readonly string[] = INPUT_ROOTS, dataDir = "data"): Promise<Record<string, string>> {
  const {createHash} = await import("node:crypto");
  const {readdir, stat} = await import("node:fs/promises");
  const {join} = await import("node:path");
  const files: string[] = [];
  const skip = (path: string) => /(^|\/)(\.observablehq|node_modules|lib)(\/|$)/.test(path) && !path.startsWith("src/");
  for (const root of roots.map((r) => (r === "data" ? dataDir : r))) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(root);
    } catch {
      continue;
    }
    if (info.isFile()) files.push(root);
    else {
      for (const entry of await readdir(root, {recursive: true, withFileTypes: true})) {
        const path = join(entry.parentPath, entry.name);
        if (entry.isFile() && !skip(path)) files.push(path);
      }
    }
  }
  const out: Record<string, string> = {};
  for (const file of files.sort())
    out[file] = createHash("sha256")
      .update(await readFile(file))
      .digest("hex");
  return out;
}
