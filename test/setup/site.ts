// Builds the site (and briefings) once for every test that needs it, from the repository's data, into a folder
// the tests read through `inject("siteDir")`. The build is the real command a user runs.
import {execFileSync} from "node:child_process";
import {rmSync} from "node:fs";
import type {TestProject} from "vitest/node";

export const SITE_DIR = ".build/test-dist";

export default function setup(project: TestProject) {
  rmSync(SITE_DIR, {recursive: true, force: true});
  const started = performance.now();
  execFileSync("node", ["bin/deals.js", "build", "--out", SITE_DIR], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {...process.env, CI: "true"}
  });
  console.warn(`test setup: built the site and briefings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  project.provide("siteDir", SITE_DIR);
}

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
  }
}
