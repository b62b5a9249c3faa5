// The site (and briefings) built once per test run, from the repository's data, into a folder the browser tests
// read: `const siteDir = await builtSite();` (./builtSite.ts) at the top of a test file. The build is the real
// command a user runs.
// The first file that asks builds it (under a lock; the others wait for it), so the other projects' tests run
// beside the build instead of waiting for it in globalSetup.
import {existsSync, readFileSync, rmSync} from "node:fs";
import type {TestProject} from "vitest/node";

export const SITE_DIR = ".build/test-dist";

/**
 * globalSetup: clears the previous run's build and hands the folder and this run's token to the test files.
 * DEALS_TEST_KEEP_SITE=1 keeps a previous run's build and hands its token on, whatever sources it was built from: for
 * measuring one browser file's own CPU time without the shared build's (~100 CPU-s), never for a run whose result
 * counts (the build may be stale).
 */
export default function setup(project: TestProject) {
  if (process.env.DEALS_TEST_KEEP_SITE === "1" && existsSync(`${SITE_DIR}.token`)) {
    project.provide("siteDir", SITE_DIR);
    project.provide("siteRun", readFileSync(`${SITE_DIR}.token`, "utf-8"));
    return;
  }
  rmSync(SITE_DIR, {recursive: true, force: true});
  rmSync(`${SITE_DIR}.token`, {force: true});
  rmSync(`${SITE_DIR}.readings.json`, {force: true});
  project.provide("siteDir", SITE_DIR);
  project.provide("siteRun", `${process.pid}-${Date.now()}`);
}

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
    siteRun: string;
  }
}
