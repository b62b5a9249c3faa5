// Reproducible builds (reliability.md §5.4 R1, R3, R4, F8): clean site builds of the same commit and data give
// byte-identical files, from another folder, in another time zone and locale, with no network, onto another file
// system, and again from a warm cache.
import {execFileSync} from "node:child_process";
import {mkdir, rm} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, assert, beforeAll, it} from "vitest";
import {canRunOffline, copyProject, deals, hashTree, type Run} from "./project.js";

const PLAIN = {TZ: "UTC", LANG: "C.UTF-8", LC_ALL: undefined, SOURCE_DATE_EPOCH: undefined};
const FOREIGN = {TZ: "America/Los_Angeles", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8", SOURCE_DATE_EPOCH: undefined};

let a: string;
let b: string;
let mounted = "";
const builds: Record<string, {run: Run; out: string; files: Record<string, string>}> = {};

const offline = canRunOffline();

async function build(name: string, project: string, out: string, env: Record<string, string | undefined>, options = {offline: false}) {
  const run = await deals(project, ["build", "--site-only", "--data", "data", "--out", out], env, options);
  builds[name] = {run, out, files: run.code === 0 ? await hashTree(out) : {}};
}

beforeAll(async () => {
  [a, b] = await Promise.all([copyProject("repro-a"), copyProject("repro-b")]);
  // The second build goes onto another file system when one can be mounted (the swap must not rename across).
  let outB = join(b, "out");
  try {
    await mkdir(join(b, "mnt"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64m", "tmpfs", join(b, "mnt")], {stdio: "ignore"});
    mounted = join(b, "mnt");
    outB = join(mounted, "out");
  } catch {
    // not root: same file system
  }
  await Promise.all([build("clean", a, join(a, "out-1"), PLAIN), build("foreign", b, outB, FOREIGN, {offline})]);
  await build("warm", a, join(a, "out-2"), PLAIN);
}, 600_000);

afterAll(async () => {
  if (mounted) execFileSync("umount", [mounted], {stdio: "ignore"});
  for (const dir of [a, b]) if (dir) await rm(dir, {recursive: true, force: true});
});

/** Returns the files that differ between two builds: missing on one side or with other bytes. */
function differences(x: Record<string, string>, y: Record<string, string>): string[] {
  const names = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  return names.filter((f) => x[f] !== y[f]).map((f) => `${f}: ${x[f]?.slice(0, 8) ?? "missing"} ≠ ${y[f]?.slice(0, 8) ?? "missing"}`);
}

it("deals build --site-only succeeds three times (clean; clean elsewhere in another TZ and LANG; warm cache)", () => {
  for (const [name, {run}] of Object.entries(builds)) assert.strictEqual(run.code, 0, `${name}: ${run.stderr.slice(-2000)}`);
  assert.isAbove(Object.keys(builds.clean.files).length, 20);
});

it("two clean builds, in other folders, time zones (UTC, America/Los_Angeles), locales (C, de_DE), with and without network, are identical", () => {
  assert.deepStrictEqual(differences(builds.clean.files, builds.foreign.files), []);
});

it("a build from a warm cache is identical to a clean one", () => {
  assert.deepStrictEqual(differences(builds.clean.files, builds.warm.files), []);
});

it("deals build never asks the npm registry: it logs no npm version lookup, and builds with no network at all", (context) => {
  // Framework resolves its optional client libraries on registry.npmjs.org unless their versions are cached;
  // build.ts pins them, so the build works offline and names the same versions every day.
  for (const [name, {run}] of Object.entries(builds)) assert.notMatch(run.stdout, /npm:[^\s]+@latest/, name);
  if (!offline) context.skip("cannot run without network here (unshare -n needs root)");
  assert.strictEqual(builds.foreign.run.code, 0, "the build in a network namespace of its own failed");
});
