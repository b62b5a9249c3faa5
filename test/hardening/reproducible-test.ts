// Reproducible builds (reliability.md §5.4 R1, R3, R4, F8): a clean build of the same commit and data, site and PDF
// briefings, is byte-identical to the one the test setup made (test/setup/builtSite.ts), every file hashed, though it
// runs from another folder, in another time zone and locale, with no network, onto another file system. (In the browser
// project: it compares with the build that test/setup/builtSite.ts makes.) That a build from a warm cache gives the
// same site as a clean one is incremental-test's: each of its rebuilds runs on the previous build's Framework cache and
// is compared file by file with a clean build.
import {execFileSync} from "node:child_process";
import {mkdir, rm} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, assert, beforeAll, it} from "vitest";
import {builtSite} from "../setup/builtSite.js";
import {canRunOffline, copyProject, deals, hashTree, type Run} from "./project.js";

// DEALS_CARDS as the shared test build sets it (test/setup/builtSite.ts): the same link-preview card, drawn afresh by
// another browser launch, must come out byte for byte as the first.
const FOREIGN = {
  TZ: "America/Los_Angeles",
  LANG: "de_DE.UTF-8",
  LC_ALL: "de_DE.UTF-8",
  SOURCE_DATE_EPOCH: undefined,
  DEALS_CARDS: "market"
};

const siteDir = await builtSite();
let project: string;
let mounted = "";
let setup: Record<string, string>;
const builds: Record<string, {run: Run; out: string; files: Record<string, string>}> = {};

const offline = canRunOffline();

async function build(name: string, out: string, args: string[], env: Record<string, string | undefined>, options = {offline: false}) {
  const run = await deals(project, ["build", "--data", "data", "--out", out, ...args], env, options);
  builds[name] = {run, out, files: run.code === 0 ? await hashTree(out) : {}};
}

beforeAll(async () => {
  setup = await hashTree(siteDir);
  project = await copyProject("repro");
  // The build goes onto another file system when one can be mounted (the swap must not rename across).
  let out = join(project, "out");
  try {
    await mkdir(join(project, "mnt"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=128m", "tmpfs", join(project, "mnt")], {stdio: "ignore"});
    mounted = join(project, "mnt");
    out = join(mounted, "out");
  } catch {
    // not root: same file system
  }
  await build("clean", out, [], FOREIGN, {offline});
}, 600_000);

afterAll(async () => {
  if (mounted) execFileSync("umount", [mounted], {stdio: "ignore"});
  if (project) await rm(project, {recursive: true, force: true});
});

/** Returns the files that differ between two builds: missing on one side or with other bytes. */
function differences(x: Record<string, string>, y: Record<string, string>): string[] {
  const names = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  return names.filter((f) => x[f] !== y[f]).map((f) => `${f}: ${x[f]?.slice(0, 8) ?? "missing"} ≠ ${y[f]?.slice(0, 8) ?? "missing"}`);
}

it("deals build succeeds once more (clean, elsewhere, in another TZ and LANG, offline)", () => {
  for (const [name, {run}] of Object.entries(builds)) assert.strictEqual(run.code, 0, `${name}: ${run.stderr.slice(-2000)}`);
  assert.isAbove(Object.keys(builds.clean.files).length, 20);
  assert.isAbove(Object.keys(builds.clean.files).filter((f) => f.endsWith(".pdf")).length, 1);
});

it("two clean builds (other folders, time zones UTC and America/Los_Angeles, locales C and de_DE, with and without network) give identical files, PDFs included", () => {
  assert.deepStrictEqual(differences(setup, builds.clean.files), []);
});

it("deals build never asks the npm registry: it logs no npm version lookup, and builds with no network at all", (context) => {
  // Framework resolves its optional client libraries on registry.npmjs.org unless their versions are cached;
  // build.ts pins them, so the build works offline and names the same versions every day.
  for (const [name, {run}] of Object.entries(builds)) assert.notMatch(run.stdout, /npm:[^\s]+@latest/, name);
  if (!offline) context.skip("cannot run without network here (unshare -n needs root)");
  assert.strictEqual(builds.clean.run.code, 0, "the build in a network namespace of its own failed");
});
