import {defineConfig} from "vitest/config";

process.env.TZ = "UTC";

/** Tests that build the site in a copy of the project (each variant built once in the file, asserted on many times). */
const BUILD = ["test/hardening/incremental-test.ts", "test/hardening/faults-test.ts", "test/hardening/hostile-test.ts"];
/** Tests that run Chromium, most on the site and briefings built once in globalSetup (test/setup/site.ts). */
const BROWSER = [
  "test/browser/**/*-test.ts",
  "test/pdf/render-test.ts",
  "test/pdf/faults-test.ts",
  "test/hardening/lockdown-test.ts",
  "test/hardening/reproducible-test.ts"
];
/** Tests that run the `deals` command as a child process (no build, no browser). */
const CLI = ["test/cli/check-test.ts", "test/cli/project-test.ts"];

// Four projects, named for what they run:
// - pure: in-process tests (core, io, site data, formatting, CLI logic, PDF post-processing); no build, no browser,
//   no child process. One process runs them all (no per-file isolation: no test mocks or changes global state).
//   `npm run test:unit` runs this project alone.
// - cli: the `deals` command as a child process on small data folders (check, project).
// - build: each file builds its own variants of the site in a temp copy of the project.
// - browser: Chromium on the site built once in globalSetup; the reproducibility test compares a second clean
//   build with that one.
// Two workers on two cores: a worker mostly waits for its build or browser, so the other core is not idle.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "pure",
          include: ["test/**/*-test.ts"],
          exclude: [...BUILD, ...BROWSER, ...CLI],
          environment: "node",
          pool: "forks",
          isolate: false
        }
      },
      {
        extends: true,
        test: {name: "cli", include: CLI, environment: "node"}
      },
      {
        extends: true,
        test: {name: "build", include: BUILD, environment: "node"}
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: BROWSER,
          environment: "node",
          globalSetup: ["test/setup/site.ts"],
          fileParallelism: false,
          maxConcurrency: 3
        }
      }
    ]
  }
});
