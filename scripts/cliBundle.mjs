// The compiled CLI. bin/deals.js runs src/cli/main.ts from a bundle esbuild makes of it (third-party packages stay
// imports of node_modules), because loading its ~200 TypeScript modules through tsx's hooks cost about 1.4 CPU-s a
// start, and the test suite starts `deals` about a hundred times.
//
// Never stale: the bundle lives in .build/cli/<key>/, where key is SHA-256 over the path and bytes of every file it
// can be made from (KEY_ROOTS: src/, scripts/, bin/, package.json, package-lock.json, tsconfig.json) and esbuild's
// version. Every start hashes them again (about 1.4 MB) and runs the folder of that key, or builds it first. A build
// checks that every file esbuild read lies under KEY_ROOTS (otherwise the key would not cover it, and it fails).
// Safe when many starts build at once: each writes into a temp folder of its own and renames it to the key's name
// (atomic); one that finds the name taken uses the bundle already there (made from the same bytes).
//
// Where code depends on its own file, it still sees its source file: in every src/ module, `import.meta.url` is
// compiled to the URL of that module's source (found from the bundle's folder, so the tree can move), so the
// renderer and prerender hashes, ogCards' hash of its own source and the relative paths keep reading src/. The one
// module that asks where the compiled files are is src/cli/compiled.ts, compiled here to answer with the bundle's
// folder (from the sources it answers null).
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {join, relative, sep} from "node:path";

/** The files and folders (relative to the project root) the bundle is made from: its key hashes all of them. */
export const KEY_ROOTS = ["src", "scripts", "bin", "package.json", "package-lock.json", "tsconfig.json"];

/** Where the bundles live, relative to the project root (gitignored, removed by `npm run clean`). */
export const BUNDLES = ".build/cli";

/** The bundle's entries: output name → source (relative to the root); those whose source is absent are left out. */
const ENTRIES = {
  main: "src/cli/main.ts",
  prerenderWorker: "src/cli/prerenderWorker.ts",
  // Optional, imported by a computed specifier (src/cli/bench/scale.ts asks compiledEntry for it).
  scaleDeals: "src/cli/bench/scaleDeals.ts"
};

/** The module whose compiled form answers where the compiled entries are (see the head of this file). */
const COMPILED_MODULE = "src/cli/compiled.ts";

/** Bundles whose folder was not used for this long are deleted when another bundle is built. */
const KEEP_MS = 24 * 3600 * 1000;

/**
 * Returns the key of the sources under `root`: SHA-256 (hex) over esbuild's version and, for every file under
 * KEY_ROOTS sorted by path, its path and bytes.
 *
 * @example sourceKey("/work/main") // "3f9a…" (64 hex digits)
 */
export function sourceKey(root) {
  const files = [];
  for (const name of KEY_ROOTS) {
    const path = join(root, name);
    let info;
    try {
      info = statSync(path);
    } catch {
      continue;
    }
    if (info.isDirectory()) {
      for (const entry of readdirSync(path, {recursive: true, withFileTypes: true}))
        if (entry.isFile())
          files.push(
            relative(root, join(entry.parentPath ?? entry.path, entry.name))
              .split(sep)
              .join("/")
          );
    } else files.push(name);
  }
  const hash = createHash("sha256").update(`esbuild ${esbuildVersion(root)}\0`);
  for (const file of files.sort())
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update("\0");
  return hash.digest("hex");
}

/** Returns the version of the esbuild package installed for `root` (its output can change with it), or "". */
function esbuildVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, "node_modules/esbuild/package.json"), "utf-8")).version ?? "";
  } catch {
    return "";
  }
}

/**
 * Returns the path of the compiled CLI's entry (`main.js`) for the sources under `root`, building it first when no
 * bundle of these sources exists. Throws when it cannot be built (a syntax error, an unwritable folder).
 */
export async function compiledCli(root) {
  const key = sourceKey(root);
  const dir = join(root, BUNDLES, key);
  const main = join(dir, "main.js");
  if (existsSync(main)) {
    touch(dir);
    return main;
  }
  await buildBundle(root, key);
  return main;
}

/** Marks the bundle folder `dir` as used now (at most once an hour), so that pruning keeps it. */
function touch(dir) {
  try {
    if (Date.now() - statSync(dir).mtimeMs > 3600 * 1000) {
      const now = new Date();
      utimesSync(dir, now, now);
    }
  } catch {
    // Only pruning reads the date.
  }
}

/**
 * Builds the bundle of the sources under `root` into `<root>/.build/cli/<key>/`: into a temp folder first, renamed
 * into place whole. When another start put a bundle there first, keeps that one.
 */
export async function buildBundle(root, key) {
  const bundles = join(root, BUNDLES);
  mkdirSync(bundles, {recursive: true});
  const temp = join(bundles, `tmp-${key.slice(0, 12)}-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const dir = join(bundles, key);
  try {
    await bundleInto(root, temp);
    try {
      renameSync(temp, dir);
    } catch (error) {
      // Another start renamed the same key's bundle into place first.
      if (!(["EEXIST", "ENOTEMPTY", "EPERM"].includes(error.code) && existsSync(join(dir, "main.js")))) throw error;
    }
  } finally {
    rmSync(temp, {recursive: true, force: true});
  }
  prune(bundles, key);
}

/** Deletes the bundles (and the temp folders of builds that died) not used for KEEP_MS, except the key's. */
function prune(bundles, key) {
  for (const name of readdirSync(bundles)) {
    if (name === key) continue;
    const path = join(bundles, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > (name.startsWith("tmp-") ? 3600 * 1000 : KEEP_MS))
        rmSync(path, {recursive: true, force: true});
    } catch {
      // Gone already (another start pruned it).
    }
  }
}

/** Runs esbuild: the entries of the sources under `root` into `outdir`, with every file read under KEY_ROOTS. */
async function bundleInto(root, outdir) {
  const {build} = await import("esbuild");
  const entryPoints = Object.fromEntries(Object.entries(ENTRIES).filter(([, source]) => existsSync(join(root, source))));
  // From the output folder to the root: `.build/cli/<key>` is three folders down, whatever the key.
  const up = relative(outdir, root).split(sep).join("/");
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    // Commands are imported when run (src/cli/main.ts), so a start loads only its command's modules and packages.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir,
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    packages: "external",
    // Maps into src/ for `node --enable-source-maps bin/deals.js`; without the sources' text (src/ has it).
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    logLevel: "silent",
    plugins: [sourceUrls(root, up)]
  });
  const outside = Object.keys(result.metafile.inputs).filter((input) => !KEY_ROOTS.some((r) => input === r || input.startsWith(`${r}/`)));
  if (outside.length > 0) throw new Error(`the CLI's bundle reads files its key does not cover: ${outside.join(", ")}`);
}

/**
 * An esbuild plugin that compiles `import.meta.url` in each source module to that module's own source URL (through
 * `up`, the path from the output folder to the root), and src/cli/compiled.ts to its compiled answer. Any other
 * `import.meta` property would see the bundle instead of its source: it fails the build.
 */
function sourceUrls(root, up) {
  return {
    name: "source-urls",
    setup(on) {
      on.onLoad({filter: /\.(?:ts|mts|js|mjs)$/}, async ({path}) => {
        const file = relative(root, path).split(sep).join("/");
        if (file.startsWith("..") || file.startsWith("node_modules/")) return undefined;
        const loader = /\.m?ts$/.test(file) ? "ts" : "js";
        if (file === COMPILED_MODULE) return {contents: COMPILED_ANSWER, loader: "js"};
        const text = await readFile(path, "utf-8");
        const contents = text.replace(/\bimport\.meta\b(\s*\.\s*\w+)?/g, (use, property) => {
          if (property?.replace(/[\s.]/g, "") !== "url")
            throw new Error(`${file}: ${use.trim()} is not supported in the compiled CLI (only import.meta.url is)`);
          return `new URL(${JSON.stringify(`${up}/${file}`)}, import.meta.url).href`;
        });
        return {contents, loader};
      });
    }
  };
}

/** The compiled form of src/cli/compiled.ts: the compiled entries are files beside the bundle's chunks. */
const COMPILED_ANSWER = `import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
export function compiledEntry(name) {
  const path = fileURLToPath(new URL(\`./\${name}.js\`, import.meta.url));
  return existsSync(path) ? path : null;
}
`;
