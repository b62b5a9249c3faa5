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
import {copyFile, link, mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {basename, dirname, join, relative, sep} from "node:path";
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
  return aliasOf(path, nameHash(text));
}

/** Returns the 8 hex digits Framework names a file by: the start of its text's SHA-256. */
export function nameHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}

/** Returns a JSON text as the site data writer describes a file: its name hash, its size, its text. */
function publishedText(text: string): PublishedFile {
  return {hash: nameHash(text), size: Buffer.byteLength(text), read: () => text};
}

/** Returns fileAlias's name for the file `path` whose SHA-256 starts with the 8 hex digits `hash`. */
function aliasOf(path: string, hash: string): string {
  return join("_file", dirname(path), `${basename(path, ".json")}.${hash}.json`);
}

/** A published data file as the relink needs it: Framework's name hash (8 hex digits), its size, and its text. */
export interface PublishedFile {
  hash: string;
  size: number;
  read(): string;
}

/** A new data file: its JSON text, or its name hash, size and text as the site data writer gives them (unread until written). */
export type NewDataFile = string | PublishedFile;

/** A relinked build: the data files it wrote, the pages it re-pointed, and which pages register which file after it. */
export interface Relinked {
  /** Data files written (`_file/data/x.<hash>.json`), replacing the previous build's. */
  files: string[];
  /** Pages rewritten to point at them (site-relative, `deals/x.html`); every other file is the previous build's. */
  pages: string[];
  /** Site file (`_file/…`) → the pages that register it, sorted (see registeredFiles), for the manifest. */
  registered: Record<string, string[]>;
}

/**
 * Builds the site in `scratch` from the previous output `previousOut` and the new data `files` (path → JSON text, or
 * its name hash, size and reader: a file whose name did not change is not read)
 * when the previous manifest's site key equals `key`; returns what it wrote, or null when the fast path
 * does not apply (no previous build or only its manifest, other code or deals, two versions of a data file in the previous site), in
 * which case `scratch` is left empty for a full build. A data file the previous site does not have is one no page
 * loads: it is skipped. The pages to re-point are looked up in the previous manifest's `registered` (which pages
 * register which file), so a change to one deal reads and rewrites that deal's pages only; a previous manifest
 * without it (or missing a moved file) has every page scanned once, as before.
 */
export async function relinkSite({
  previousOut,
  scratch,
  files,
  key
}: {
  previousOut: string;
  scratch: string;
  files: ReadonlyMap<string, NewDataFile>;
  key: string;
}): Promise<Relinked | null> {
  const previous = await readManifest(join(previousOut, "manifest.json"));
  if (!previous?.siteKey || previous.siteKey !== key) return null;
  // A manifest without the site it describes (an output folder emptied but for its manifest, as CI's first shard or a
  // clean build with the last edition's manifest has): nothing to relink. Without this check the data files below
  // all read as "loaded by no page" and an empty site was relinked.
  if (!existsSync(join(previousOut, "index.html"))) return null;
  const moves: {from: string; to: string; size: number; read: () => string}[] = [];
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
  for (const [path, file] of files) {
    const dir = join(previousOut, "_file", dirname(path));
    const old = (await previousFiles(dir)).get(basename(path, ".json")) ?? [];
    // A file no page loads is not in the built site (Framework copies only the files pages register): with the same
    // code and deals (the key), no page loads it now either. Taking its absence for a missing file once sent every
    // rebuild through Framework.
    if (old.length === 0) continue;
    if (old.length !== 1) return null;
    const from = join("_file", dirname(path), old[0]);
    const {hash, size, read} = typeof file === "string" ? publishedText(file) : file;
    const to = aliasOf(path, hash);
    if (from !== to) moves.push({from, to, size, read});
  }
  // Everything but the PDFs (kept or rendered later) and the manifest (written at the end).
  await copySite(previousOut, scratch);
  for (const {from, to, read} of moves) {
    await rm(join(scratch, from));
    await writeFile(join(scratch, to), read());
  }
  // The pages registering a moved file: from the previous manifest, else every page (and the index built from them).
  const known = previous.registered;
  const indexed = known !== undefined && moves.every((m) => known[m.from] !== undefined);
  const registered = indexed ? {...known} : await registeredFiles(scratch);
  const pages = [...new Set(moves.flatMap((m) => registered[m.from] ?? []))].sort();
  // registerFile("…", {"name":…,"path":"../_file/data/x.<old>.json","lastModified":…,"size":<old>}): one scan of each
  // such page for every registered file, looked up among the moves.
  const byFrom = new Map(moves.map((m) => [m.from, m]));
  for (const page of pages) {
    const html = await readFile(join(scratch, page), "utf-8");
    const next = html.replace(REGISTERED, (whole, before: string, prefix: string, path: string, middle: string) => {
      const move = byFrom.get(siteFile(page, `${prefix}${path}`));
      return move ? `${before}${prefix}${move.to}${middle}${move.size}` : whole;
    });
    if (next !== html) await writeFile(join(scratch, page), next);
  }
  for (const {from, to} of moves) {
    registered[to] = registered[from] ?? [];
    delete registered[from];
  }
  return {files: moves.map((m) => m.to), pages, registered: sortedIndex(registered)};
}

/**
 * A site file named by its content (`x.1a2b3c4d.json`, `client.d10d8454.js`, a card `_og/x.<16 hex>.png`): nothing
 * writes one in place (a changed file gets a new name; the card drawer and the relink remove the old file first).
 */
const CONTENT_NAMED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/;

/**
 * Copies the previous site `from` into `to`, but its PDFs, its manifest and its downloads (`data/`, which the build
 * writes again whole): the files named by their content are hard-linked where the file system allows (at 100 deals 70
 * of the site's 106 MB are data files: a rebuild after one change copied them all), the rest (pages, which later steps
 * rewrite in place) copied.
 */
async function copySite(from: string, to: string): Promise<void> {
  await mkdir(to, {recursive: true});
  // Folders made so far: one mkdir per folder, not one per file (5,000 files at 1,000 deals).
  const made = new Set<string>([to]);
  for (const entry of await readdir(from, {recursive: true, withFileTypes: true})) {
    const source = join(entry.parentPath, entry.name);
    const rel = relative(from, source);
    const target = join(to, rel);
    if (entry.isDirectory()) {
      if (rel !== "data" && !rel.startsWith(`data${sep}`)) {
        await mkdir(target, {recursive: true});
        made.add(target);
      }
      continue;
    }
    if (rel === "manifest.json" || (rel.startsWith("briefings/") && rel.endsWith(".pdf"))) continue;
    // The downloads (`data/`): writeDownloads removes the folder and writes every file again (at 1,000 deals 130 MB
    // were copied here to be deleted).
    if (rel.startsWith(`data${sep}`)) continue;
    const folder = dirname(target);
    if (!made.has(folder)) {
      await mkdir(folder, {recursive: true});
      made.add(folder);
    }
    if (CONTENT_NAMED.test(entry.name)) await link(source, target).catch(() => copyFile(source, target));
    else await copyFile(source, target);
  }
}

/** `"path":"<prefix>_file/…","lastModified":…,"size":…` in a page's registerFile call (the path relative to the page). */
const REGISTERED = /("path":")([^"]*?)(_file\/[^"]*)(","lastModified":\d+,"size":)\d+/g;

/** Returns the site-relative path of `ref` (`../_file/data/x.json`) as written in the page `page` (`deals/d.html`). */
function siteFile(page: string, ref: string): string {
  return join(dirname(page), ref).split("\\").join("/");
}

/** Returns `index` with its keys and each list sorted (the manifest is the same whichever way it was built). */
function sortedIndex(index: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.keys(index)
      .sort()
      .map((k) => [k, [...index[k]].sort()])
  );
}

/**
 * Returns which pages of the built site `dir` register which site file: file (`_file/data/deals/x.1a2b3c4d.json`) →
 * the pages (`deals/x.html`), sorted. Reads every page: a full build records it in the manifest, and the next relinked
 * build reads only the pages that register a file it replaces.
 *
 * @example await registeredFiles("dist") // {"_file/data/deals/amd-openai.1a2b3c4d.json": ["deals/amd-openai.html"], …}
 */
export async function registeredFiles(dir: string): Promise<Record<string, string[]>> {
  const index: Record<string, string[]> = {};
  const pages = (await readdir(dir, {recursive: true})).map((f) => String(f).split("\\").join("/")).filter((f) => f.endsWith(".html"));
  for (const page of pages.sort()) {
    const html = await readFile(join(dir, page), "utf-8");
    for (const [, , prefix, path] of html.matchAll(REGISTERED)) {
      const file = siteFile(page, `${prefix}${path}`);
      index[file] = [...(index[file] ?? []), page];
    }
  }
  for (const [file, list] of Object.entries(index)) index[file] = [...new Set(list)];
  return sortedIndex(index);
}
