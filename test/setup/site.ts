// The site (and briefings) built once per test run, from the repository's data, into a folder the browser tests
// read: `const siteDir = await builtSite();` (./builtSite.ts) at the top of a test file. The build is the real
// command a user runs.
// The first file that asks builds it (under a lock; the others wait for it), so the other projects' tests run
// beside the build instead of waiting for it in globalSetup.
import {rmSync} from "node:fs";
import type {TestProject} from "vitest/node";

export const SITE_DIR = ".build/test-dist";

/** globalSetup: clears the previous run's build and hands the folder and this run's token to the test files. */
export default function setup(project: TestProject) {
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
