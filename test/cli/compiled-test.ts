/**
 * The compiled CLI (scripts/cliBundle.mjs): bin/deals.js runs a bundle of src/cli/main.ts kept in .build/cli/<key>/,
 * key the hash of the sources. A start after a source changed runs the changed code (never an older bundle), a
 * bundle that would read a file its key does not cover is refused (the start falls back to tsx), starts at once on a
 * fresh tree all run, and the bundle's own-file lookups (import.meta.url) name the source files.
 */
import {spawn} from "node:child_process";
import {existsSync, readdirSync, watch} from "node:fs";
import {cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, assert, describe, it} from "vitest";
import {BUNDLES, sourceKey} from "../../scripts/cliBundle.mjs";

const REPO = resolve(".");
const copies: string[] = [];

afterAll(() => Promise.all(copies.map((dir) => rm(dir, {recursive: true, force: true}))));

/** What the CLI is made from: its sources, the scripts they import, bin/ and the package and compiler settings. */
const MADE_FROM = ["src", "scripts", "bin", "package.json", "package-lock.json", "tsconfig.json"];

/**
 * Returns a fresh copy of what the CLI is made from, node_modules linked; with `bundle`, the repository's bundle of
 * these sources when it has one (a compile less), else no .build.
 */
async function sourcesCopy({bundle = false} = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "deals-compiled-"));
  copies.push(dir);
  for (const name of MADE_FROM) await cp(join(REPO, name), join(dir, name), {recursive: true});
  await symlink(join(REPO, "node_modules"), join(dir, "node_modules"));
  const built = join(BUNDLES, sourceKey(REPO));
  if (bundle && existsSync(join(REPO, built, "main.js"))) await cp(join(REPO, built), join(dir, built), {recursive: true});
  return dir;
}

/** Runs `node bin/deals.js check --data no/such/folder` in `cwd` (a start that reads nothing): exit code and output. */
function start(cwd: string): Promise<{code: number | null; stderr: string}> {
  return new Promise((ok, fail) => {
    const {DEALS_TSX: _, ...env} = process.env;
    const child = spawn(process.execPath, ["bin/deals.js", "check", "--data", "no/such/folder"], {
      cwd,
      env,
      stdio: ["ignore", "ignore", "pipe"]
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", fail);
    child.on("close", (code) => ok({code, stderr}));
  });
}

/** Returns the names in the project's bundle folder, sorted. */
async function bundles(dir: string): Promise<string[]> {
  return (await readdir(join(dir, BUNDLES)).catch(() => [] as string[])).sort();
}

const MESSAGE = "cannot read the data folder";

describe("the compiled CLI", () => {
  /** The copy the first test built a bundle of its unchanged sources in (the last test reads that bundle). */
  let built = "";

  it("runs the changed code after a source changes, and a bundle again once the source is back", async () => {
    const dir = await sourcesCopy({bundle: true});
    built = dir;
    const first = await start(dir);
    assert.strictEqual(first.code, 1);
    assert.include(first.stderr, MESSAGE);
    assert.notInclude(first.stderr, "could not compile");
    const [before] = await bundles(dir);
    assert.deepEqual(await bundles(dir), [sourceKey(dir)], "one bundle, named by the sources' key");

    const source = join(dir, "src/io/readDataset.ts");
    const original = await readFile(source, "utf-8");
    await writeFile(source, original.replace(MESSAGE, "cannot read the CHANGED data folder"));
    const changed = await start(dir);
    assert.include(changed.stderr, "cannot read the CHANGED data folder", "the start ran the changed source, not the bundle before it");
    assert.notInclude(changed.stderr, "could not compile");
    assert.deepEqual(await bundles(dir), [before, sourceKey(dir)].sort());

    // Back to the first bytes: their bundle is run again, not the newest one.
    await writeFile(source, original);
    const back = await start(dir);
    assert.include(back.stderr, MESSAGE);
    assert.notInclude(back.stderr, "CHANGED");
    assert.strictEqual(sourceKey(dir), before);
  });

  it("keys the bundle by every file of src/, scripts/, bin/ and the package and compiler settings", async () => {
    const dir = await sourcesCopy();
    const key = sourceKey(dir);
    const edits = [
      "src/core/index.ts",
      "src/cli/pdf/reuse.ts",
      "scripts/chromium.mjs",
      "scripts/cliBundle.mjs",
      "bin/deals.js",
      "package.json",
      "package-lock.json",
      "tsconfig.json"
    ];
    for (const file of edits) {
      const path = join(dir, file);
      const text = await readFile(path);
      await writeFile(path, Buffer.concat([text, Buffer.from("\n")]));
      assert.notStrictEqual(sourceKey(dir), key, `a byte more in ${file}`);
      await writeFile(path, text);
      assert.strictEqual(sourceKey(dir), key, `${file} restored`);
    }
    // A new file under src/ (it could change what an import resolves to).
    await writeFile(join(dir, "src/cli/unused.ts"), "export {};\n");
    assert.notStrictEqual(sourceKey(dir), key, "a new file in src/");
  });

  it("refuses a bundle that reads a file outside the key's roots, and runs the sources through tsx instead", async () => {
    const dir = await sourcesCopy();
    await mkdir(join(dir, "extra"));
    await writeFile(join(dir, "extra/note.ts"), 'export const NOTE = "from outside";\n');
    const main = join(dir, "src/cli/main.ts");
    await writeFile(main, `import "../../extra/note.js";\n${await readFile(main, "utf-8")}`);
    const run = await start(dir);
    assert.include(run.stderr, "could not compile the CLI (the CLI's bundle reads files its key does not cover: extra/note.ts)");
    assert.include(run.stderr, MESSAGE, "the command still ran, from the sources");
    assert.deepEqual(
      (await bundles(dir)).filter((name) => !name.startsWith("tmp-")),
      [],
      "no bundle kept"
    );
    assert.deepEqual(await bundles(dir), [], "no temp folder left");
  });

  it("starts at once on a fresh tree all run, and leave one whole bundle", async () => {
    const dir = await sourcesCopy();
    const key = sourceKey(dir);
    // What the bundle's folder holds each time it is seen to appear: it must appear whole (renamed into place).
    await mkdir(join(dir, BUNDLES), {recursive: true});
    const seen: number[] = [];
    const watcher = watch(join(dir, BUNDLES), (_, name) => {
      if (name === key) seen.push(readdirSync(join(dir, BUNDLES, key)).length);
    });
    const runs = await Promise.all(Array.from({length: 4}, () => start(dir))).finally(() => watcher.close());
    const whole = readdirSync(join(dir, BUNDLES, key)).length;
    assert.isAbove(seen.length, 0);
    assert.deepEqual(
      seen,
      seen.map(() => whole),
      "the bundle's folder held every file whenever it was seen"
    );
    for (const run of runs) {
      assert.strictEqual(run.code, 1, run.stderr);
      assert.include(run.stderr, MESSAGE);
      assert.notInclude(run.stderr, "could not compile");
    }
    assert.deepEqual(await bundles(dir), [sourceKey(dir)], "one bundle, no temp folder left");
  });

  it("compiles import.meta.url to each module's source file, which exists", async () => {
    const dir = built || (await sourcesCopy());
    if (!built) await start(dir);
    const out = join(dir, BUNDLES, sourceKey(dir));
    const uses: string[] = [];
    for (const file of (await readdir(out)).filter((f) => f.endsWith(".js"))) {
      const text = await readFile(join(out, file), "utf-8");
      for (const match of text.matchAll(/(.{0,80})import\.meta\.url/g)) uses.push(match[1]);
    }
    const sources = uses.map((use) => /new URL\("([^"]+)", $/.exec(use)?.[1]).filter((s) => s !== undefined);
    // prerender.ts, prerenderCache.ts, ogCards.ts, bench/scale.ts, io/markdown.ts; and compiled.ts's answer, which
    // looks beside the bundle.
    for (const expected of ["src/cli/prerender.ts", "src/cli/prerenderCache.ts", "src/cli/ogCards.ts", "src/io/markdown.ts"])
      assert.include(sources, `../../../${expected}`);
    assert.strictEqual(uses.length - sources.length, 1, `one use of the bundle's own URL (compiled.ts):\n${uses.join("\n")}`);
    for (const source of sources) await readFile(new URL(source!, `file://${out}/`));
  });
});
