/**
 * A built 2-deal project, built once per test run and copied (never rebuilt) by the test files that start from "a
 * published site": a copy of the project whose data keeps two real deals (the founding one and amd-openai), built
 * twice like a publication after its first (a first edition, site only, then a second edition of the same data with
 * its three briefings: a briefing of a later edition says when none of its figures moved since the last one). Its
 * `dist/` is that second edition, its Framework cache and the build's own caches are those builds' own.
 * - incremental-test starts its changes from a copy (its first and second edition were builds of its own until s14);
 * - faults-test's Chromium case builds on a copy (the relink path: the same sources, so no Framework build).
 * The first file that asks builds it, under a lock (`<dir>.lock`), and the others wait; the token of the run
 * (`<dir>.token`) tells a later file of the same run that it is there. A copy is a full copy (`cp -a`, mtimes kept),
 * never hard links: a build in a copy writes its caches in place.
 */
import {execFileSync} from "node:child_process";
import {existsSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {runToken, withDirLock} from "../setup/dirLock.js";
import {copyProject, deals, keepDeals, REPO, type Run} from "./project.js";

/** The deals the copy keeps: every page, component and briefing kind is built, with 2 deal pages and 3 briefings. */
export const TWO_DEALS = ["amazon-anthropic", "amd-openai"];
/** The copy's market summary (the real one names deals left out); it cites the founding deal's commitment. */
export const TWO_DEALS_MARKET =
  "The data holds {{data.deals}} deals as of {{data.as-of}}. Anthropic commits {{amazon-anthropic.commitment.total}} to AWS.\n";
/** The environment of the fixture's builds (and of incremental-test's incremental builds): UTC, the C locale. */
export const BUILD_ENV = {SOURCE_DATE_EPOCH: undefined, DEALS_SITE_URL: undefined, TZ: "UTC", LANG: "C", LC_ALL: "C"};

const DIR = join(REPO, ".build", "test-two-deals");

/** A built 2-deal project: the fixture (never built in again) or a copy of it. */
export interface TwoDealSite {
  dir: string;
  /** The fixture's two builds (first edition, second edition), as they ran. */
  runs: Run[];
}

/**
 * Returns `use` of the built 2-deal project of this test run, building it first unless another test file has (or is
 * doing so); `use` runs under the lock, so no other run of the suite in this checkout replaces the project meanwhile.
 */
async function withTwoDealSite<T>(use: (site: TwoDealSite) => Promise<T>): Promise<T> {
  const token = runToken();
  return withDirLock(`${DIR}.lock`, async () => {
    const runsFile = `${DIR}.runs.json`;
    if (existsSync(`${DIR}.token`) && readFileSync(`${DIR}.token`, "utf-8") === token)
      return await use({dir: DIR, runs: JSON.parse(readFileSync(runsFile, "utf-8"))});
    rmSync(`${DIR}.token`, {force: true});
    rmSync(DIR, {recursive: true, force: true});
    const started = performance.now();
    const project = await copyProject("two-deals");
    try {
      await keepDeals(project, TWO_DEALS, TWO_DEALS_MARKET);
      const runs: Run[] = [];
      for (const [edition, args] of [
        ["first", ["--site-only"]],
        ["second", []]
      ] as const) {
        const run = await deals(project, ["build", ...args, "--data", "data", "--out", "dist"], BUILD_ENV);
        runs.push(run);
        if (run.code !== 0) throw new Error(`test setup: the 2-deal fixture's ${edition} edition failed:\n${run.stderr.slice(-3000)}`);
      }
      // Built in a temp folder (a project copy), then moved to its place in one step: a later run never sees half of it.
      execFileSync("mv", [project, DIR]);
      writeFileSync(runsFile, JSON.stringify(runs));
      writeFileSync(`${DIR}.token`, token);
      console.warn(`test setup: built the 2-deal fixture (two editions) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return await use({dir: DIR, runs});
    } finally {
      await rm(project, {recursive: true, force: true});
    }
  });
}

/**
 * Returns a fresh copy of this run's built 2-deal project (see withTwoDealSite) in a temp folder named after `name`, and
 * the fixture's runs: the project's files, its `dist/` (the second edition), its caches and its `tmp/` (tsx's compile cache).
 */
export async function copyTwoDeals(name: string): Promise<TwoDealSite> {
  return withTwoDealSite(async ({dir, runs}) => {
    const copy = await mkdtemp(join(tmpdir(), `deals-${name}-`));
    execFileSync("cp", ["-a", `${dir}/.`, copy]);
    return {dir: copy, runs};
  });
}
