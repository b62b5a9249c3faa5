// Faults during `deals build`: a data loader that throws, an output folder that cannot be written (parent is a
// file, read-only, full), bad data, Chromium crashing at every PDF, a second build and a kill. Each must fail clearly with a non-zero exit and
// leave the previous output byte for byte, with no scratch folder, lock or Chromium left behind.
import {execFileSync, spawn} from "node:child_process";
import {existsSync, readdirSync, statfsSync} from "node:fs";
import {mkdir, readFile, rm, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {afterAll, assert, beforeAll, it} from "vitest";
import {BUNDLES} from "../../scripts/cliBundle.mjs";
import {syntheticDataset} from "../../src/cli/bench/scaleDeals.js";
import {leftovers as browserLeftovers, endWatchedBrowsers, kill, loading, runWatched} from "./browsers.js";
import {chromiumProcesses, copyProject, deals, hashTree} from "./project.js";
import {BUILD_ENV, copyTwoDeals, type TwoDealSite} from "./twoDealSite.js";

let project: string;
/** Two generated deals: the builds of the first cases fail at a step after the data, quicker to reach with less of it. */
let twoDeals: string;
const mounts: string[] = [];
/**
 * A copy of the built 2-deal project (twoDealSite.ts) for the last three cases (a loader that throws, a full disk,
 * Chromium killed), asked for at the start: the first file of a run that asks builds the project (about 35 CPU-s),
 * beside this file's first cases (incremental-test, started first, has usually built it by then).
 */
let twoDealCopy: Promise<TwoDealSite>;

/** Writes a stand-in for a previous build into `dir` (pages, a manifest, a nested file and a marker). */
async function previousBuild(dir: string): Promise<Record<string, string>> {
  await mkdir(join(dir, "deals"), {recursive: true});
  await writeFile(join(dir, "index.html"), "<!doctype html><title>previous</title>");
  await writeFile(join(dir, "deals", "amazon-anthropic.html"), "previous deal page");
  await writeFile(
    join(dir, "manifest.json"),
    JSON.stringify({format: 1, dataVersion: "previous", asOf: "2026-01-01", figures: [], inputs: {}})
  );
  await writeFile(join(dir, "MARKER"), `previous build ${Date.now()}`);
  return hashTree(dir);
}

/**
 * Returns what a failed build of the project copy `root` must not leave: scratch or old folders next to `out`, the
 * lock, Chromium processes.
 */
function leftovers(out: string, root = project): string[] {
  const parent = join(out, "..");
  const name = out.slice(parent.length + 1);
  const siblings = existsSync(parent) ? readdirSync(parent).filter((f) => f.startsWith(`${name}.`) || f.startsWith(`.${name}.`)) : [];
  const build = join(root, ".build");
  // The compiled CLI (.build/cli, scripts/cliBundle.mjs) is the command's, not a build's.
  const scratch = existsSync(build) ? readdirSync(build).filter((f) => f !== "." && f !== ".." && `.build/${f}` !== BUNDLES) : [];
  return [...siblings, ...scratch.map((f) => `.build/${f}`), ...chromiumProcesses(root)];
}

function tryMount(dir: string, options: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], {stdio: "ignore"});
    mounts.push(dir);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  twoDealCopy = copyTwoDeals("faults-chromium");
  twoDealCopy.catch(() => {}); // awaited (and its failure reported) by the Chromium case
  project = await copyProject("faults");
  twoDeals = join(project, "two-deals");
  for (const {relative, bytes} of await syntheticDataset(2, {dataDir: join(project, "data")})) {
    await mkdir(dirname(join(twoDeals, relative)), {recursive: true});
    await writeFile(join(twoDeals, relative), bytes);
  }
  // The market summary names real deals; this one names what any dataset has (the copy's real data passes too).
  await writeFile(join(project, "reports/summaries/market.md"), "The data holds {{data.deals}} deals as of {{data.as-of}}.\n");
});

afterAll(async () => {
  endWatchedBrowsers();
  for (const dir of mounts.reverse()) {
    try {
      execFileSync("umount", [dir], {stdio: "ignore"});
    } catch {
      // already gone
    }
  }
  if (project) await rm(project, {recursive: true, force: true});
  const copy = await twoDealCopy?.catch(() => undefined);
  if (copy) await rm(copy.dir, {recursive: true, force: true});
});

it("deals build --out <path under a file> exits 1 at once with a clear message", async () => {
  await writeFile(join(project, "a-file"), "not a folder");
  const run = await deals(project, ["build", "--site-only", "--out", "a-file/out"]);
  assert.strictEqual(run.code, 1);
  assert.include(run.stderr, "deals build: cannot write the output folder a-file/out: a parent of it is a file");
  assert.notInclude(run.stderr, "building the site");
  assert.strictEqual(await readFile(join(project, "a-file"), "utf-8"), "not a folder");
  const onFile = await deals(project, ["build", "--site-only", "--out", "a-file"]);
  assert.strictEqual(onFile.code, 1);
  assert.include(onFile.stderr, "deals build: cannot write the output folder a-file: it is a file, not a folder");
});

it("deals build --out <folder on a read-only file system> exits 1 at once, the previous output intact", async (context) => {
  const mount = join(project, "ro");
  await mkdir(mount);
  if (!tryMount(mount, "size=1m")) context.skip("cannot mount a tmpfs here (not root?)");
  const out = join(mount, "site");
  const before = await previousBuild(out);
  execFileSync("mount", ["-o", "remount,ro", mount]);
  const run = await deals(project, ["build", "--site-only", "--out", out]);
  assert.strictEqual(run.code, 1);
  assert.include(run.stderr, `deals build: cannot write the output folder ${out}:`);
  assert.notInclude(run.stderr, "building the site");
  assert.deepStrictEqual(await hashTree(out), before);
  assert.deepStrictEqual(leftovers(out), []);
});

it("deals build (bad data, or a data file over 1 MB) exits 1 before touching the output folder", async () => {
  const out = join(project, "out-c");
  const before = await previousBuild(out);
  for (const [name, edit] of [
    ["typo", (yaml: string) => yaml.replace("lab: anthropic", "labb: anthropic")],
    ["huge", (yaml: string) => `${yaml}\n# ${"x".repeat(1_000_001)}\n`]
  ] as const) {
    await rm(join(project, "bad-data"), {recursive: true, force: true});
    execFileSync("cp", ["-r", join(project, "data"), join(project, "bad-data")]);
    const file = join(project, "bad-data/deals/amazon-anthropic.yaml");
    await writeFile(file, edit(await readFile(file, "utf-8")));
    const run = await deals(project, ["build", "--data", "bad-data", "--out", out]);
    assert.strictEqual(run.code, 1, name);
    assert.match(
      run.stderr,
      name === "typo"
        ? /bad-data\/deals\/amazon-anthropic\.yaml:\d+:\d+: labb: unknown key/
        : /amazon-anthropic\.yaml:0:0: \(file\): file is \d+ bytes; the limit is 1000000/
    );
    assert.notInclude(run.stderr, "bundling the core", name);
    assert.deepStrictEqual(await hashTree(out), before, name);
    assert.deepStrictEqual(leftovers(out), [], name);
  }
});

it("deals build waits for a running build, repairs what killed builds left, and cleans up when killed", async () => {
  const out = join(project, "out-d");
  // A build killed between the two renames of its swap: the previous output moved aside, its scratch left over.
  const before = await previousBuild(`${out}.old-999999999`);
  await previousBuild(`${out}.build-999999999`);
  await mkdir(join(project, ".build"), {recursive: true});
  await writeFile(join(project, ".build/build.lock"), String(process.pid)); // a live process holds the lock
  const child = spawn("node", ["bin/deals.js", "build", "--site-only", "--data", twoDeals, "--out", out], {
    cwd: project,
    env: {...process.env, TMPDIR: join(project, "tmp")},
    stdio: ["ignore", "ignore", "pipe"],
    detached: true // its own process group, to signal it the way Ctrl-C does
  });
  let stderr = "";
  const seen = (text: string) =>
    new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`never printed "${text}":\n${stderr}`)), 60_000);
      const check = () => {
        if (stderr.includes(text)) {
          clearTimeout(timer);
          ok();
        }
      };
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
        check();
      });
      check();
    });
  const exited = new Promise<number | null>((ok) => child.on("exit", (code, signal) => ok(code ?? (signal ? -1 : null))));
  await seen("waiting for another build of this project to finish");
  assert.isFalse(existsSync(`${out}.build-${child.pid}`), "started while another build held the lock");
  await writeFile(join(project, ".build/build.lock"), "999999999"); // that build is gone
  await seen("building the site");
  process.kill(-child.pid!, "SIGTERM");
  assert.strictEqual(await exited, 143, stderr);
  await new Promise((ok) => setTimeout(ok, 500));
  assert.deepStrictEqual(await hashTree(out), before);
  assert.deepStrictEqual(leftovers(out), []);
});

// The cases below build in a copy of the built 2-deal project (twoDealSite.ts): its caches are warm (Framework's
// bundles of node_modules, the site data's memo, the checked files), as in every build after a project's first, so a
// build there reaches Framework's pages and the loaders (or the relink) without first bundling d3 and Plot again.

it("deals build (a data loader that throws midway) exits 1 naming the loader, the previous output intact", async () => {
  const {dir: built} = await twoDealCopy;
  await writeFile(
    join(built, "docs/data/boom.json.ts"),
    `process.stdout.write('{"half": ');\nthrow new Error("boom: this loader fails on purpose");\n`
  );
  await writeFile(
    join(built, "docs/boom.md"),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an Observable Markdown page, not a template
    '---\ntitle: Boom\n---\n\n```js\nconst boom = FileAttachment("data/boom.json").json();\n```\n\n${boom}\n'
  );
  const out = join(built, "out-a");
  const before = await previousBuild(out);
  try {
    const run = await deals(built, ["build", "--site-only", "--data", "data", "--out", out], BUILD_ENV);
    assert.strictEqual(run.code, 1);
    assert.match(
      run.stderr,
      /deals build: building the site: observable build failed \(exit 1\); data loader failed: docs\/data\/boom\.json\.ts/
    );
    assert.include(run.stderr, "boom: this loader fails on purpose");
    assert.deepStrictEqual(await hashTree(out), before);
    assert.deepStrictEqual(leftovers(out, built), []);
  } finally {
    // The copy's sources as built again: the cases after this one relink its site.
    await rm(join(built, "docs/data/boom.json.ts"));
    await rm(join(built, "docs/boom.md"));
  }
}, 900_000); // the rest of the 900 s is for the fixture, when this file's run builds it on a busy machine

it("deals build --out <folder on a full disk> fails at the step that filled it, the previous output intact", async (context) => {
  // The previous output is the built site, on a disk that holds it and 64 kB more: the build relinks it (the same
  // sources), and the copy of its pages into the scratch folder beside it fills the disk.
  const {dir: built} = await twoDealCopy;
  const mount = join(built, "full");
  await mkdir(mount);
  if (!tryMount(mount, "size=64m")) context.skip("cannot mount a tmpfs here (not root?)");
  const out = join(mount, "site");
  execFileSync("cp", ["-a", join(built, "dist"), out]);
  const {blocks, bfree, bsize} = statfsSync(mount);
  execFileSync("mount", ["-o", `remount,size=${(blocks - bfree) * bsize + 65_536}`, mount]);
  const before = await hashTree(out);
  const run = await deals(built, ["build", "--site-only", "--data", "data", "--out", out], BUILD_ENV);
  assert.strictEqual(run.code, 1);
  assert.match(run.stderr, /deals build: relinking the site to the new data: /);
  assert.match(run.stderr, /ENOSPC: no space left on device/);
  assert.deepStrictEqual(await hashTree(out), before);
  assert.deepStrictEqual(leftovers(out, built), []);
});

it("deals build (Chromium killed mid-document every time) exits 1 at the PDF step, the previous output intact, no Chromium left", async () => {
  // A copy of the built 2-deal project (twoDealSite.ts), its published site the previous output: the same sources as
  // that build, so this one relinks it (no Framework build) and reaches the PDF step in seconds. Its briefings are
  // taken out of the previous output first, so that every one is rendered (none kept).
  const {dir: built} = await twoDealCopy;
  const out = join(built, "dist");
  const pdfs = readdirSync(join(out, "briefings")).filter((f) => f.endsWith(".pdf"));
  assert.lengthOf(pdfs, 3, "the fixture's briefings");
  for (const file of pdfs) await rm(join(out, "briefings", file));
  const before = await hashTree(out);
  const run = await runWatched(["build", "--data", "data", "--out", "dist"], {
    cwd: built,
    tmp: join(built, "tmp"),
    env: {TZ: "UTC", LANG: "C", LC_ALL: "C"},
    // Each browser's main process, once its page is loading (see LOADING): every browser, the retries' too.
    onBrowser: (_, main, renderers) => loading(renderers) && kill([main]),
    limit: 280,
    watchFrom: "build: rendering the PDF briefings"
  });
  assert.strictEqual(run.code, 1, run.stderr.slice(-3000));
  assert.match(run.stderr, /deals build: rendering the PDF briefings: \d+ of \d+ briefings failed:\n/);
  assert.include(run.stderr, "retrying once with a new browser");
  assert.include(run.stderr, "not rendered, since the browser failed twice in a row: ");
  assert.notMatch(run.stderr, /\n\s+at /, "a stack trace");
  assert.deepStrictEqual(await hashTree(out), before);
  assert.deepStrictEqual(leftovers(out, built), []);
  assert.deepStrictEqual(await browserLeftovers(run), []);
}, 300_000); // the run's own limit is 280 s
