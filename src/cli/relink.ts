/**
 * The fast path of a rebuild when only data changed. Framework's output for a data change differs from the
 * previous output in exactly two ways: the data files the pages load (`_file/data/<name>.<hash>.json`, named by the
 * first 8 hex digits of their SHA-256) and each page's `registerFile(…)` entry for them (path and size). When every
 * other input is unchanged (pages, components, core and io source, reports, config, lockfile, and the deals' ids,
 * which name the deal and briefing pages; the sidebar links the deals index, not each deal, and each deal page's
 * title is written after either path by pageHeads.ts), the build copies the previous site,
 * writes the new data files and points the pages at them, instead of running `observable build` again.
 * test/hardening/incremental-test.ts proves the result equal, byte for byte, to a clean build's.
 */
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {cp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {basename, dirname, join, relative} from "node:path";
import {listDeals} from "../io/dealIndex.js";
import {readManifest} from "../io/manifest.js";

/**
 * Returns the key of everything besides the data files that decides the site's pages: SHA-256 over the input hashes
 * outside `dataDir` and the deals' ids (`known`: the checked deals' names by id, see listDeals).
 */
export function siteKey(inputs: Record<string, string>, dataDir: string, known?: ReadonlyMap<string, string>): string {
  const prefix = `${dataDir.replace(/\/+$/, "")}/`;
  const code = Object.entries(inputs).filter(([path]) => !path.startsWith(prefix));
  return createHash("sha256")
    .update(JSON.stringify({code, deals: listDeals(dataDir, known).map((d) => d.id)}))
    .digest("hex");
}

/** Returns `_file/<dir>/<name>.<first 8 hex of SHA-256>.json` for the published file `path` ("data/x.json"), as Framework names it. */
export function fileAlias(path: string, text: string): string {
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 8);
  return join("_file", dirname(path), `${basename(path, ".json")}.${hash}.json`);
}

/**
 * Builds the site in `scratch` from the previous output `previousOut` and the new data `files` (path → JSON text)
 * when the previous manifest's site key equals `key`; returns the data files it replaced, or null when the fast path
 * does not apply (no previous build or only its manifest, other code or deals, two versions of a data file in the previous site), in
 * which case `scratch` is left empty for a full build. A data file the previous site does not have is one no page
 * loads: it is skipped.
 */
export async function relinkSite({
  previousOut,
  scratch,
  files,
  key
}: {
  previousOut: string;
  scratch: string;
  files: ReadonlyMap<string, string>;
  key: string;
}): Promise<string[] | null> {
  const previous = await readManifest(join(previousOut, "manifest.json"));
  if (!previous?.siteKey || previous.siteKey !== key) return null;
  // A manifest without the site it describes (an output folder emptied but for its manifest, as CI's first shard or a
  // clean build with the last edition's manifest has): nothing to relink. Without this check the data files below
  // all read as "loaded by no page" and an empty site was relinked.
  if (!existsSync(join(previousOut, "index.html"))) return null;
  const moves: {from: string; to: string; size: number; text: string}[] = [];
  // Each folder's files by the name before their hash (`amd-openai` of `amd-openai.1a2b3c4d.json`), listed once: a
  // listing per file made the relink grow with the square of the number of deals (a file per deal in one folder).
  const listings = new Map<string, Map<string, string[]>>();
  const previousFiles = async (dir: string): Promise<Map<string, string[]>> => {
    let byName = listings.get(dir);
    if (!byName) {
      byName = new Map();
      for (const f of existsSync(dir) ? await readdir(dir) : []) {
        const match = /^(.*)\.[0-9a-f]{8}\.json$/.exec(f);
        if (match) byName.set(match[1], [...(byName.get(match[1]) ?? []), f]);
      }
      listings.set(dir, byName);
    }
    return byName;
  };
  for (const [path, text] of files) {
    const dir = join(previousOut, "_file", dirname(path));
    const old = (await previousFiles(dir)).get(basename(path, ".json")) ?? [];
    // A file no page loads is not in the built site (Framework copies only the files pages register): with the same
    // code and deals (the key), no page loads it now either. Since the topic pages load files of their own, that is
    // data/analysis.json, and taking its absence for a missing file sent every rebuild through Framework.
    if (old.length === 0) continue;
    if (old.length !== 1) return null;
    const from = join("_file", dirname(path), old[0]);
    const to = fileAlias(path, text);
    if (from !== to) moves.push({from, to, size: Buffer.byteLength(text), text});
  }
  // Everything but the PDFs (kept or rendered later) and the manifest (written at the end).
  await cp(previousOut, scratch, {
    recursive: true,
    filter: (src) => {
      const rel = relative(previousOut, src);
      return rel !== "manifest.json" && !(rel.startsWith("briefings/") && rel.endsWith(".pdf"));
    }
  });
  for (const {from, to, text} of moves) {
    await rm(join(scratch, from));
    await writeFile(join(scratch, to), text);
  }
  // registerFile("…", {"name":…,"path":"../_file/data/x.<old>.json","lastModified":…,"size":<old>}): one scan of each
  // page for every registered file, looked up among the moves (a regex per move and page grew with the deals twice).
  const byFrom = new Map(moves.map((m) => [m.from, m]));
  const registered = /("path":"[^"]*?)(_file\/[^"]*)(","lastModified":\d+,"size":)\d+/g;
  const pages = (await readdir(scratch, {recursive: true})).filter((f) => f.endsWith(".html"));
  for (const page of pages) {
    const html = await readFile(join(scratch, page), "utf-8");
    const next = html.replace(registered, (whole, before: string, path: string, middle: string) => {
      const move = byFrom.get(path);
      return move ? `${before}${move.to}${middle}${move.size}` : whole;
    });
    if (next !== html) await writeFile(join(scratch, page), next);
  }
  return moves.map((m) => m.to);
}
