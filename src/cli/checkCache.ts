/**
 * What the build's data check keeps between builds, in Framework's cache folder (emptied with it when the lockfile
 * changes): each data file's schema-checked value, by its kind, path and text (ParsedStore), and each deal's
 * projection at the base values (checkProjections' memo), by the digest of its input (inputDigest), and each briefing's
 * check with the figures it read (checkReports' `reads`, trackedReads.ts). The first two were redone
 * for every file and deal at every build: at 100 deals about 2 of a site-only rebuild's 15 CPU-s (CPU profile of
 * `deals build --site-only` after one change). A file with a problem is never kept, so every problem is still
 * found and located by parsing the file again; a kept file is parsed again only if a problem across files needs its
 * positions. Entries are keyed also by the hashes of `src/core/`, `src/io/` and the lockfile (the parser, the schema,
 * the model, and the yaml and zod packages), and stored with v8's serializer, which keeps what JSON would not
 * (undefined, NaN, ±Infinity), so a kept value is the computed value. Each entry is written to a temporary file and
 * renamed, so a reader never sees half an entry; one unreadable is computed again.
 */
import {createHash} from "node:crypto";
import {mkdirSync, readFileSync, renameSync, writeFileSync} from "node:fs";
import {readdir, rm} from "node:fs/promises";
import {join} from "node:path";
import {deserialize, serialize} from "node:v8";
import {hashInputs} from "../io/manifest.js";
import type {ParsedStore} from "../io/parseDataFile.js";
import type {DealMemo} from "../site/siteData.js";
import {type KeptReads, type ReadsMemo, reuseOrCompute} from "../site/trackedReads.js";
import {inputDigest} from "./snapshotWriter.js";

/** Where the build keeps the check's results. */
export const CHECK_CACHE = "docs/.observablehq/cache/.deals-check";

/** The stores of one run, and `prune`, which deletes the entries this run did not use. */
export interface CheckCache {
  store: ParsedStore;
  memo: DealMemo;
  /** Each briefing's check, kept with the figures it read (trackedReads.ts). */
  reads: ReadsMemo;
  /** Entries read from the cache and computed (and written) this run. */
  stats: {kept: number; computed: number};
  prune(): Promise<void>;
}

/**
 * Returns the check cache in `dir` (default CHECK_CACHE, relative to the project root) for code whose hashes
 * `code` gives (default: hashInputs of `src/core`, `src/io` and `package-lock.json`).
 */
export async function checkCache(dir = CHECK_CACHE, code?: string): Promise<CheckCache> {
  const codeHash =
    code ??
    createHash("sha256")
      .update(JSON.stringify(await hashInputs(["src/core", "src/io", "package-lock.json"])))
      .digest("hex");
  mkdirSync(dir, {recursive: true});
  const used = new Set<string>();
  const stats = {kept: 0, computed: 0};
  const digests = new WeakMap<object, string>();
  const fileOf = (kind: string, key: string) => {
    const name = `${createHash("sha256").update(`${codeHash}\0${kind}\0${key}`).digest("hex")}.v8`;
    used.add(name);
    return join(dir, name);
  };
  const read = (path: string): {value: unknown} | null => {
    try {
      const value = {value: deserialize(readFileSync(path))};
      stats.kept++;
      return value;
    } catch {
      return null;
    }
  };
  const write = (path: string, value: unknown) => {
    stats.computed++;
    let bytes: Buffer;
    try {
      bytes = serialize(value);
    } catch {
      return; // Not serializable (a function in it): computed each run.
    }
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, bytes);
      renameSync(temporary, path);
    } catch {
      // A cache that cannot be written costs time only.
    }
  };
  const store: ParsedStore = {
    get: (key) => read(fileOf("parsed", key))?.value,
    set: (key, value) => write(fileOf("parsed", key), value)
  };
  const memo: DealMemo = <T>(name: string, input: unknown, compute: () => T): T => {
    const path = fileOf(name, inputDigest(input, digests));
    const kept = read(path);
    if (kept) return kept.value as T;
    const value = compute();
    write(path, value);
    return value;
  };
  const reads: ReadsMemo = (name, input, table, compute) => {
    const path = fileOf(`reads:${name}`, inputDigest(input, digests));
    const kept = read(path)?.value as KeptReads<ReturnType<typeof compute>> | undefined;
    return reuseOrCompute(kept, table, compute, (entry) => write(path, entry));
  };
  const prune = async () => {
    for (const name of await readdir(dir).catch(() => [])) if (!used.has(name)) await rm(join(dir, name), {force: true});
  };
  return {store, memo, reads, stats, prune};
}
