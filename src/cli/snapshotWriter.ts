/**
 * Hands the data loaders' output to Framework without running them. Framework re-uses a cached loader output
 * whenever one exists and is newer than the loader file, so a changed data file or core module would ship stale
 * numbers, and running the loaders as separate processes reads and validates the data once per file. Instead the
 * build computes every published file in one process (src/site/siteData.ts, always from the current inputs)
 * and writes each into Framework's cache, rewriting only the files whose content changed; files no loader
 * publishes any more are deleted. Framework's bundles of node_modules (`_node`, `_npm`, `_observablehq`) are kept
 * unless the lockfile changed.
 */
import {createHash} from "node:crypto";
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, writeFileSync} from "node:fs";
import {mkdir, readdir, readFile, rm, stat, utimes, writeFile} from "node:fs/promises";
import {dirname, join, sep} from "node:path";
import type {Dataset} from "../core/model.js";
import {readSiteData} from "../site/loaderOutput.js";
import {type DealMemo, type KeptText, type SiteData, siteDataFiles, type TextMemo, textOf} from "../site/siteData.js";
import {type KeptReads, type ReadsMemo, reuseOrCompute} from "../site/trackedReads.js";
import {nameHash, type PublishedFile} from "./relink.js";

const CACHE = "docs/.observablehq/cache";
const LOCK_KEY = join(CACHE, ".deals-lockfile");
/** Each deal's Monte Carlo results, by the exact input they were computed from (see dealMemo). */
const MEMO = join(CACHE, ".deals-memo");
/** What the cache's data files hold, by path: see PublishedIndex. */
const PUBLISHED = join(CACHE, ".deals-published.json");

/**
 * For each data file written into the cache: the key of the kept text it holds (null for a text not kept), the first
 * 8 hex digits of its SHA-256 (what Framework names it by), its size in bytes and its mtime after the write. A rebuild
 * whose kept text has the same key, for a file of the same size and mtime, keeps the file without reading either text.
 */
type PublishedIndex = Record<string, {key: string | null; hash: string; size: number; mtimeMs: number}>;

/** What the writer did: published files rewritten or kept as they were, and whether Framework's bundles were dropped. */
export interface SnapshotPlan {
  /** The computed site data (the manifest records its figures and baseline). */
  site: SiteData;
  /** Every published file: path → its hash, size and text (read only when asked). */
  files: Map<string, PublishedFile>;
  written: string[];
  kept: string[];
  removed: string[];
  bundles: "kept" | "dropped";
  /**
   * Deletes the memo's entries this build did not use; the caller calls it once it has used all it will (a no-op when
   * the check failed and nothing was written). `deals build` writes the downloads, whose parts the memo keeps, after
   * writeSiteData: pruned in writeSiteData, every part was deleted before that build used it, and every rebuild
   * formatted and wrote each deal's CSV and JSON part again (2,000 files, 83 MB at 1,000 deals).
   */
  pruneMemo: () => Promise<void>;
}

/**
 * Returns the loader file in docs/data that publishes `path` (e.g. `docs/data/briefings/[briefing].json.ts`,
 * `docs/data/deals/[deal].json.ts`, `docs/data/pages/[page].json.ts`), or null.
 */
function loaderOf(path: string, loaders: ReadonlySet<string>): string | null {
  const candidates = [
    `docs/${path}.ts`,
    ...["briefing", "deal", "page"].map((param) => `docs/${path.replace(/\/[^/]+\.json$/, `/[${param}].json`)}.ts`)
  ];
  return candidates.find((c) => loaders.has(c)) ?? null;
}

/** Returns the files under docs/data (`docs/data/deals/[deal].json.ts`…): read once, not tried once per published file. */
function dataLoaders(): Set<string> {
  const files = existsSync("docs/data") ? readdirSync("docs/data", {recursive: true, encoding: "utf-8"}) : [];
  return new Set(files.map((f) => `docs/data/${f.split(sep).join("/")}`));
}

/**
 * Computes every published data file from `dataDir` (and the previous build's manifest, "" for none) and writes
 * them into Framework's cache; returns what changed. Throws on invalid data (the caller checked it first).
 */
export async function writeSiteData({
  dataDir,
  dataset,
  previousManifest,
  inputs,
  check
}: {
  dataDir: string;
  /** The dataset of `dataDir` when the caller checked it already (checkData); read and checked here otherwise. */
  dataset?: Dataset;
  previousManifest: string;
  /** Input path → SHA-256 (hashInputs in src/io/manifest.ts): gives the lockfile's and the core's hashes. */
  inputs: Record<string, string>;
  /**
   * Runs once the site data exists, before any file is computed or written (`deals build` checks the summaries there,
   * against the figures the briefings print); false leaves every file as it was and returns a plan with no file.
   */
  check?: (site: SiteData) => Promise<boolean>;
}): Promise<SnapshotPlan> {
  const lockfile = inputs["package-lock.json"] ?? "";
  let bundles: SnapshotPlan["bundles"] = "kept";
  if ((await readFile(LOCK_KEY, "utf-8").catch(() => "")) !== lockfile) {
    await rm(CACHE, {recursive: true, force: true});
    bundles = "dropped";
  }
  const memo = dealMemo(coreHash(inputs), siteHash(inputs));
  const site = await readSiteData(dataDir, previousManifest, memo.memo, dataset, memo.keep, memo.reads);
  const plan: SnapshotPlan = {site, files: new Map(), written: [], kept: [], removed: [], bundles, pruneMemo: async () => {}};
  if (check && !(await check(site))) return plan;
  const files = await siteDataFiles(site);
  const previous = readIndex();
  const index: PublishedIndex = {};
  // At 1,000 deals there are 2,000 files and 3 loaders: each loader's list entry and mtime are read once.
  const loaders = dataLoaders();
  const loaderMs = new Map<string, number>();
  for (const [path, file] of files) {
    const target = join(CACHE, path);
    const key = typeof file === "string" ? null : file.key;
    const before = previous[path];
    const found = await stat(target).catch(() => null);
    // The same kept text in an untouched file: neither text is read.
    const unmoved = key !== null && before?.key === key && found?.size === before.size && found.mtimeMs === before.mtimeMs;
    let entry: PublishedIndex[string];
    if (unmoved) {
      entry = before;
      plan.kept.push(path);
    } else {
      const text = textOf(file);
      const same = found !== null && (await readFile(target, "utf-8").catch(() => null)) === text;
      if (!same) {
        await mkdir(dirname(target), {recursive: true});
        await writeFile(target, text);
        plan.written.push(path);
      } else plan.kept.push(path);
      entry = {key, hash: nameHash(text), size: Buffer.byteLength(text), mtimeMs: 0};
    }
    // Framework takes a cached output only when it is newer than its loader (a fresh checkout may touch loaders).
    const loader = loaderOf(path, loaders);
    let mtimeMs = unmoved ? before.mtimeMs : (await stat(target)).mtimeMs;
    if (loader) {
      if (!loaderMs.has(loader)) loaderMs.set(loader, (await stat(loader)).mtimeMs);
      const loaderMtime = loaderMs.get(loader)!;
      if (mtimeMs <= loaderMtime) {
        const later = new Date(loaderMtime + 1000);
        await utimes(target, later, later);
        mtimeMs = (await stat(target)).mtimeMs;
      }
    }
    index[path] = {...entry, mtimeMs};
    plan.files.set(path, {
      hash: entry.hash,
      size: entry.size,
      read: () => (typeof file === "string" ? file : readFileSync(target, "utf-8"))
    });
  }
  writeFileSync(PUBLISHED, JSON.stringify(index));
  const dataCache = join(CACHE, "data");
  for (const entry of await readdir(dataCache, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name).slice(CACHE.length + 1);
    if (!files.has(path)) {
      await rm(join(CACHE, path), {force: true});
      plan.removed.push(path);
    }
  }
  plan.pruneMemo = memo.prune;
  await mkdir(CACHE, {recursive: true});
  await writeFile(LOCK_KEY, lockfile);
  return plan;
}

/** Returns the cache's index of its data files (see PublishedIndex), empty when there is none or it cannot be read. */
function readIndex(): PublishedIndex {
  try {
    return JSON.parse(readFileSync(PUBLISHED, "utf-8")) as PublishedIndex;
  } catch {
    return {};
  }
}

/**
 * Returns SHA-256 over the hashes of the source files the memoized computations run (`src/core/…`, and `src/io/…` for
 * the Markdown renderer, among `inputs`).
 */
function coreHash(inputs: Record<string, string>): string {
  const core = Object.entries(inputs).filter(([path]) => path.startsWith("src/core/") || path.startsWith("src/io/"));
  return createHash("sha256").update(JSON.stringify(core)).digest("hex");
}

/**
 * Returns SHA-256 over the hashes of the source files a published file's text comes from (`src/site/…`, which cuts
 * and writes it, and the core and io it reads, among `inputs`); the CLI's own files are left out, so a change to the
 * build's plumbing does not compute every deal's files again.
 */
function siteHash(inputs: Record<string, string>): string {
  const code = Object.entries(inputs).filter(([path]) => /^src\/(?:core|io|site)\//.test(path));
  return createHash("sha256").update(JSON.stringify(code)).digest("hex");
}

/**
 * Returns a DealMemo backed by files in `<cache>/.deals-memo/` (named by SHA-256 of coreHash, or siteHash for a
 * computation named `site:…`, the computation's name and the digest of its input, see inputDigest), a TextMemo (`keep`) for published files there too
 * (`<key>.txt`, keyed by siteHash, the file's kind and the digest of the body it is finished from; it returns the
 * key and a reader, KeptText, not the text), and `prune`, which
 * deletes the entries this build did not use.
 *
 * `reads` keeps a result with the table entries it read (trackedReads.ts), in `<key>.reads.json`, keyed by siteHash.
 *
 * A result the memo hands back gets the digest of its key (`memo:<key>`) in the digests shared by every key of the
 * build: a kept projection is a function of that key, so a body that holds it (a deal's page file) is keyed without
 * hashing the projection's thousands of values again. Two equal results under different keys then have different
 * digests: a file is computed again that need not be, never the reverse.
 */
export function dealMemo(
  coreHash: string,
  siteHash: string,
  dir = MEMO
): {memo: DealMemo; keep: TextMemo; reads: ReadsMemo; prune: () => Promise<void>} {
  const used = new Set<string>();
  const digests = new WeakMap<object, string>();
  mkdirSync(dir, {recursive: true});
  const memo: DealMemo = (name, input, compute) => {
    // A computation of the site's own code ("site:" names, see DealMemo) is keyed by the site's code as well.
    const key = createHash("sha256")
      .update(`${name.startsWith("site:") ? siteHash : coreHash}\0${name}\0${inputDigest(input, digests)}`)
      .digest("hex");
    const file = `${key}.json`;
    used.add(file);
    const path = join(dir, file);
    let value = keptJson(path);
    if (value === MISSING) {
      value = compute();
      writeFileSync(path, JSON.stringify(value));
    }
    if (value !== null && typeof value === "object") digests.set(value, `memo:${key}`);
    return value as ReturnType<typeof compute>;
  };
  const keep: TextMemo = (name, input, compute) => {
    const key = createHash("sha256")
      .update(`${siteHash}\0${name}\0${inputDigest(input, digests)}`)
      .digest("hex");
    const file = `${key}.txt`;
    used.add(file);
    const path = join(dir, file);
    // A kept text is handed on unread (KeptText): a file whose key did not change is not read at all (writeSiteData).
    if (existsSync(path)) return {key, read: () => readFileSync(path, "utf-8"), bytes: () => readFileSync(path)} satisfies KeptText;
    const text = compute();
    writeFileSync(path, text);
    return typeof text === "string"
      ? ({key, read: () => text} satisfies KeptText)
      : ({key, read: () => Buffer.from(text).toString("utf-8"), bytes: () => text} satisfies KeptText);
  };
  const reads: ReadsMemo = (name, input, table, compute) => {
    const key = createHash("sha256")
      .update(`${siteHash}\0${name}\0${inputDigest(input, digests)}`)
      .digest("hex");
    const file = `${key}.reads.json`;
    used.add(file);
    const path = join(dir, file);
    const kept = existsSync(path) ? (JSON.parse(readFileSync(path, "utf-8")) as KeptReads<ReturnType<typeof compute>>) : null;
    return reuseOrCompute(kept, table, compute, (entry) => writeFileSync(path, JSON.stringify(entry)));
  };
  const prune = async () => {
    for (const name of await readdir(dir)) if (!used.has(name)) await rm(join(dir, name), {force: true});
  };
  return {memo, keep, reads, prune};
}

/** What keptJson returns for a result the memo does not hold. */
export const MISSING = Symbol("missing");

/**
 * Returns the JSON value kept at `path`, or MISSING when there is no such file. An object or an array comes back
 * unread: a proxy (of an empty object or array, as the file's first character says) that reads and parses the file
 * the first time anything looks into it, and then stands for the value in every respect (keys, entries, JSON). A
 * rebuild at 1,000 deals hands every deal's kept results on, and most consumers only key a published file by them
 * (their digest is their memo key, see dealMemo) or read a few of them: parsing every one (154 MB of JSON) and
 * collecting it was the largest part of computing the site data.
 */
export function keptJson(path: string): unknown {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return MISSING;
  }
  const first = Buffer.alloc(1);
  try {
    readSync(fd, first, 0, 1, 0);
  } finally {
    closeSync(fd);
  }
  const kind = String.fromCharCode(first[0]);
  if (kind !== "{" && kind !== "[") return JSON.parse(readFileSync(path, "utf-8"));
  const target: object = kind === "[" ? [] : {};
  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    const value = JSON.parse(readFileSync(path, "utf-8")) as object;
    if (Array.isArray(value)) for (const item of value) (target as unknown[]).push(item);
    // Defined, not assigned: a key "__proto__" (JSON.parse makes it an own property) must not set the prototype.
    else
      for (const [k, v] of Object.entries(value))
        Object.defineProperty(target, k, {value: v, writable: true, enumerable: true, configurable: true});
  };
  const handler: ProxyHandler<object> = {};
  for (const trap of [
    "get",
    "set",
    "has",
    "ownKeys",
    "getOwnPropertyDescriptor",
    "defineProperty",
    "deleteProperty",
    "getPrototypeOf",
    "setPrototypeOf",
    "isExtensible",
    "preventExtensions"
  ] as const)
    (handler as Record<string, unknown>)[trap] = (_target: object, ...rest: unknown[]) => {
      load();
      return (Reflect[trap] as (...args: unknown[]) => unknown)(target, ...rest);
    };
  return new Proxy(target, handler);
}

/**
 * Returns a SHA-256 digest of `value` as JSON.stringify sees it (values with the same JSON text have the same digest;
 * any difference in that text changes it), computed as a tree: an array or object hashes its parts' digests, and one
 * met again (the same object, e.g. the dataset's chips and assumptions in every deal's input, or a deal in each of its
 * computations) reuses its digest from `seen`. Hashing each deal's input as one JSON text, the whole shared dataset
 * each time, took about 2 CPU-s of a rebuild at 100 deals. Inputs are not mutated during a build (the core is pure),
 * so a digest in `seen` does not go stale.
 *
 * @example inputDigest([{a: 1}, "x"], new WeakMap()) === inputDigest([{a: 1}, "x"], new WeakMap()) // true
 */
export function inputDigest(value: unknown, seen: WeakMap<object, string>): string {
  if (value === null || typeof value !== "object")
    return createHash("sha256")
      .update(`v${JSON.stringify(value)}`)
      .digest("hex");
  const known = seen.get(value);
  if (known !== undefined) return known;
  const hash = createHash("sha256");
  if (typeof (value as {toJSON?: unknown}).toJSON === "function") hash.update(`j${JSON.stringify(value)}`);
  else if (Array.isArray(value)) {
    hash.update(`a${value.length}`);
    // JSON writes undefined and functions in an array as null.
    for (const item of value) hash.update(part(item === undefined || typeof item === "function" ? null : item, seen));
  } else {
    hash.update("o");
    for (const [k, v] of Object.entries(value)) {
      // JSON leaves out a property whose value is undefined or a function.
      if (v === undefined || typeof v === "function") continue;
      hash.update(`${JSON.stringify(k)}:${part(v, seen)}`);
    }
  }
  const digest = hash.digest("hex");
  seen.set(value, digest);
  return digest;
}

/**
 * Returns what an array or object hashes for one of its parts: a primitive's JSON text (`v…`, ended by a NUL, which
 * JSON text never holds unescaped), a leaf's (see leafPart), another object's digest (`h…`). A primitive is not
 * hashed on its own: most of an input's parts are numbers and strings, and a hash for each one was most of
 * inputDigest's time.
 */
function part(value: unknown, seen: WeakMap<object, string>): string {
  if (value === null || typeof value !== "object") return `v${JSON.stringify(value)}\0`;
  // A memo's result is known by its key, always (a kept one is not read to be keyed: see keptJson).
  const known = seen.get(value);
  if (known?.startsWith("memo:")) return `h${known}`;
  let parts = LEAF_PARTS.get(seen);
  if (!parts) {
    parts = new WeakMap();
    LEAF_PARTS.set(seen, parts);
  }
  let leaf = parts.get(value);
  if (leaf === undefined) {
    leaf = leafPart(value) ?? "";
    parts.set(value, leaf);
  }
  return leaf !== "" ? leaf : `h${inputDigest(value, seen)}`;
}

/**
 * Each build's leaf parts (leafPart, "" for an object that is not a leaf), by the build's digest map: a leaf met again
 * (the market's draws in every deal's body) is not read again, and the entries go when the build's map does.
 */
const LEAF_PARTS = new WeakMap<WeakMap<object, string>, WeakMap<object, string>>();

/**
 * Returns the part of a leaf, an array or plain object whose own values are all primitives (a fact, a date range, a
 * list of ids, a row of draws): its JSON text inlined like a primitive's (`l…`), or for a long one (over 512
 * characters) the SHA-256 of that text (`L…`); null for any other object. The choice depends on the value alone,
 * whether or not it was met before, so a digest stays a function of the value. Most objects of a deal are leaves, and a
 * hash of their own for each was most of inputDigest's time at 1,000 deals.
 */
function leafPart(value: object): string | null {
  if (typeof (value as {toJSON?: unknown}).toJSON === "function") return null;
  if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === "object") return null;
  } else
    for (const k in value)
      if (Object.hasOwn(value, k)) {
        const v = (value as Record<string, unknown>)[k];
        if (v !== null && typeof v === "object") return null;
      }
  const json = JSON.stringify(value);
  return json.length > 512 ? `L${createHash("sha256").update(json).digest("hex")}` : `l${json}\0`;
}
