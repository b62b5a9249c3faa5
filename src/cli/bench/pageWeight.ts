/**
 * JavaScript and data bytes per built page (target 6), raw and gzip, from the HTML Framework wrote and the modules
 * it reaches: a deal page draws its sections through dynamic imports that no `<link>` in the HTML names.
 */
import {access, readdir, readFile} from "node:fs/promises";
import {join, posix, relative} from "node:path";
import {gzipSync} from "node:zlib";
import {median} from "./stats.js";

/** What a page loads: its module scripts and preloads (site-relative paths), its registered data files and inline module code. */
export interface PageAssets {
  scripts: string[];
  data: string[];
  /** Inline `<script type="module">` code (the page's own cells). */
  inline: string[];
}

const JS_DIRS = /^(_import|_npm|_node|_observablehq)\//;

/**
 * Returns the JavaScript files (`<script type="module" src>` and `<link rel="modulepreload" href>` under `_import/`,
 * `_npm/`, `_node/`, `_observablehq/`), the data files (`registerFile(…, {"path": …})`) and the inline module
 * scripts of a built page, paths resolved against `page` (its site-relative path, e.g. `deals/x.html`), without
 * duplicates, in order of appearance.
 *
 * @example pageAssets('<link rel="modulepreload" href="../_node/d3@7/index.js">', "deals/x.html").scripts // ["_node/d3@7/index.js"]
 */
export function pageAssets(html: string, page: string): PageAssets {
  const base = posix.dirname(page.split("\\").join("/"));
  const resolve = (href: string) => posix.normalize(posix.join(base, href.replace(/[?#].*$/, "")));
  const scripts = new Set<string>();
  const data = new Set<string>();
  const inline: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}=["']([^"']*)["']`).exec(tag)?.[1];
    const href = tag.startsWith("<script")
      ? attr("type") === "module"
        ? attr("src")
        : undefined
      : attr("rel") === "modulepreload"
        ? attr("href")
        : undefined;
    if (href && !/^[a-z]+:/i.test(href)) {
      const path = resolve(href);
      if (JS_DIRS.test(path)) scripts.add(path);
    }
  }
  for (const match of html.matchAll(/<script\b[^>]*type=["']module["'][^>]*>([\s\S]*?)<\/script>/g))
    if (match[1].trim()) inline.push(match[1]);
  for (const match of html.matchAll(/registerFile\([^,]*,\s*\{[^}]*"path":"([^"]+)"/g)) data.add(resolve(match[1]));
  return {scripts: [...scripts], data: [...data], inline};
}

/**
 * Returns the site-relative paths of the JavaScript modules that `code` imports, statically (`from "…"`,
 * `import "…"`) or dynamically with a literal (`import("…")`), resolved against `file` (the site-relative path of
 * the module or page holding the code), kept only under the bundle folders and once each. Bare specifiers and
 * addresses are left out: a built page imports nothing else.
 *
 * @example moduleImports('import("./capacity.d81b5802.js")', "_import/components/sections/registry.js") // ["_import/components/sections/capacity.d81b5802.js"]
 */
export function moduleImports(code: string, file: string): string[] {
  const base = posix.dirname(file.split("\\").join("/"));
  const paths = new Set<string>();
  for (const match of code.matchAll(/\b(?:from|import)\s*\(?\s*["'](\.{0,2}\/[^"'\s]+\.js)["']/g)) {
    const path = posix.normalize(match[1].startsWith("/") ? match[1].slice(1) : posix.join(base, match[1]));
    if (JS_DIRS.test(path)) paths.add(path);
  }
  return [...paths];
}

export interface PageWeight {
  /** Site-relative page path, e.g. `commitment.html`. */
  page: string;
  js: {files: number; raw: number; gzip: number};
  data: {files: number; raw: number; gzip: number};
}

export interface PageWeights {
  pages: PageWeight[];
  jsGzip: {max: number; median: number; maxPage: string};
  jsRaw: {max: number; median: number};
  dataGzip: {max: number; median: number; maxPage: string};
  dataRaw: {max: number; median: number};
}

/**
 * Returns the JavaScript and data bytes (raw and gzip, default zlib level) each HTML page of the built `site` loads,
 * with max and median over pages. JavaScript counts the files of {@link pageAssets}, every module they and the inline
 * module code import ({@link moduleImports}, followed to the end, lazy imports included: the budget is for what a
 * page may load, but not the optional libraries Framework's client names and the build does not hold), and the
 * inline code itself; each file is counted once per page.
 *
 * @example const weights = await measurePageWeights("dist"); // weights.jsGzip.max, in bytes
 */
export async function measurePageWeights(site: string): Promise<PageWeights> {
  const htmlFiles = (await readdir(site, {recursive: true})).map(String).filter((f) => f.endsWith(".html"));
  const sizes = new Map<string, {raw: number; gzip: number}>();
  const sizeOf = async (path: string) => {
    let size = sizes.get(path);
    if (!size) {
      const bytes = await readFile(join(site, path));
      size = {raw: bytes.length, gzip: gzipSync(bytes).length};
      sizes.set(path, size);
    }
    return size;
  };
  // Framework's client names optional libraries (`_npm/lodash@…`) that a build holds only when a page uses them.
  const built = (path: string) =>
    access(join(site, path)).then(
      () => true,
      () => false
    );
  const imports = new Map<string, string[]>();
  const importsOf = async (path: string) => {
    let paths = imports.get(path);
    if (!paths) {
      paths = [];
      for (const imported of moduleImports(await readFile(join(site, path), "utf-8"), path))
        if (await built(imported)) paths.push(imported);
      imports.set(path, paths);
    }
    return paths;
  };
  const pages: PageWeight[] = [];
  for (const file of htmlFiles.sort()) {
    const page = relative(site, join(site, file)).split("\\").join("/");
    const assets = pageAssets(await readFile(join(site, file), "utf-8"), page);
    const scripts = new Set([...assets.scripts, ...assets.inline.flatMap((code) => moduleImports(code, page))]);
    for (const path of scripts) for (const imported of await importsOf(path)) scripts.add(imported);
    const js = {files: scripts.size, raw: 0, gzip: 0};
    for (const path of scripts) add(js, await sizeOf(path));
    for (const code of assets.inline) add(js, {raw: Buffer.byteLength(code), gzip: gzipSync(code).length});
    const data = {files: assets.data.length, raw: 0, gzip: 0};
    for (const path of assets.data) add(data, await sizeOf(path));
    pages.push({page, js, data});
  }
  const top = (f: (p: PageWeight) => number) => pages.reduce((a, b) => (f(b) > f(a) ? b : a), pages[0]);
  return {
    pages,
    jsGzip: {
      max: top((p) => p.js.gzip)?.js.gzip ?? 0,
      median: median(pages.map((p) => p.js.gzip)),
      maxPage: top((p) => p.js.gzip)?.page ?? ""
    },
    jsRaw: {max: Math.max(0, ...pages.map((p) => p.js.raw)), median: median(pages.map((p) => p.js.raw))},
    dataGzip: {
      max: top((p) => p.data.gzip)?.data.gzip ?? 0,
      median: median(pages.map((p) => p.data.gzip)),
      maxPage: top((p) => p.data.gzip)?.page ?? ""
    },
    dataRaw: {max: Math.max(0, ...pages.map((p) => p.data.raw)), median: median(pages.map((p) => p.data.raw))}
  };
}

function add(total: {raw: number; gzip: number}, size: {raw: number; gzip: number}): void {
  total.raw += size.raw;
  total.gzip += size.gzip;
}
