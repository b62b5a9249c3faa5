/**
 * Keeps each page's prerendered first screen between builds (issue #18: a rebuild after one deal changes should not
 * redo every page). A page's prerendered cells are a function of the prerender's code, the page's path, its HTML
 * (without an earlier prerender and without file dates) and every site file it loads, transitively; the worker
 * (prerenderWorker.ts) looks each page up by that key and runs only the pages not found. Kept in Framework's cache
 * folder, which the build empties when the lockfile (jsdom's version among others) changes.
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, statSync} from "node:fs";
import {readdir, readFile, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {referencedFiles} from "./pdf/reuse.js";
import {stripPrerendered} from "./prerender.js";

/** What the worker keeps of a page: each cell's markup, and which cells are controls. */
export interface KeptPage {
  cells: Record<string, string>;
  controls: string[];
}

/** The prerender's own source files: a change to any of them prerenders every page again. */
const CODE = ["./prerender.ts", "./prerenderWorker.ts", "./prerenderCache.ts"];

/**
 * Returns the page cache of the built site `site` in the folder `dir`: `key(file, html)` (SHA-256 over the code,
 * the page's path, its HTML stripped of an earlier prerender and of `"lastModified"` values, and the bytes of every
 * file it loads, transitively), `get`/`set` by key, and `prune`, which deletes the entries this run did not use.
 */
export async function pageCache(dir: string, site: string) {
  mkdirSync(dir, {recursive: true});
  const code = createHash("sha256");
  for (const file of CODE) {
    const path = fileURLToPath(new URL(file, import.meta.url));
    code
      .update(`${file}\0`)
      .update(existsSync(path) ? await readFile(path) : "")
      .update("\0");
  }
  const codeHash = code.digest("hex");
  // Each site file's digest, once per run (the pages share their modules and most data files).
  const digests = new Map<string, Promise<string | null>>();
  const texts = new Map<string, string>();
  const digest = (path: string) => {
    let d = digests.get(path);
    if (!d) {
      d = isFile(join(site, path))
        ? readFile(join(site, path)).then((bytes) => {
            if (/\.(js|css)$/.test(path)) texts.set(path, bytes.toString("utf-8"));
            return createHash("sha256").update(bytes).digest("hex");
          })
        : Promise.resolve(null);
      digests.set(path, d);
    }
    return d;
  };
  const used = new Set<string>();
  return {
    async key(file: string, html: string): Promise<string> {
      const seen = new Map<string, string>();
      const visit = async (from: string, text: string): Promise<void> => {
        for (const ref of referencedFiles(text, from)) {
          if (seen.has(ref) || ref === file) continue;
          const d = await digest(ref);
          if (d === null) continue;
          seen.set(ref, d);
          const body = texts.get(ref);
          if (body !== undefined) await visit(ref, body);
        }
      };
      const page = stripPrerendered(html).replace(/("lastModified":)\d+/g, "$1");
      await visit(file, page);
      const hash = createHash("sha256").update(`${codeHash}\0${file}\0${page}\0`);
      for (const [path, d] of [...seen].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${path}\0${d}\0`);
      return hash.digest("hex");
    },
    async get(key: string): Promise<KeptPage | null> {
      used.add(`${key}.json`);
      const path = join(dir, `${key}.json`);
      return existsSync(path) ? (JSON.parse(await readFile(path, "utf-8")) as KeptPage) : null;
    },
    async set(key: string, page: KeptPage): Promise<void> {
      used.add(`${key}.json`);
      await writeFile(join(dir, `${key}.json`), JSON.stringify(page));
    },
    async prune(): Promise<void> {
      for (const name of await readdir(dir)) if (!used.has(name)) await rm(join(dir, name), {force: true});
    }
  };
}

/** Whether `path` is a file (a link to a folder, `./`, is not one of a page's inputs). */
function isFile(path: string): boolean {
  return statSync(path, {throwIfNoEntry: false})?.isFile() ?? false;
}
