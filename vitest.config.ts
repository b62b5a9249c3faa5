import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {defineConfig} from "vitest/config";
import {BaseSequencer, type TestSpecification} from "vitest/node";

process.env.TZ = "UTC";

/** Tests that build the site in a copy of the project (each variant built once in the file, asserted on many times). */
const BUILD = ["test/hardening/incremental-test.ts", "test/hardening/faults-test.ts", "test/hardening/hostile-test.ts"];
/** Tests that run Chromium, most on the site and briefings built once in globalSetup (test/setup/site.ts). */
const BROWSER = ["test/browser/**/*-test.ts", "test/pdf/render-test.ts", "test/pdf/faults-test.ts", "test/hardening/lockdown-test.ts"];
/** Tests that run the `deals` command as a child process (no build, no browser). */
const CLI = [
  "test/cli/check-test.ts",
  "test/cli/project-test.ts",
  "test/cli/projectWords-test.ts",
  "test/cli/serve-test.ts",
  "test/cli/compiled-test.ts"
];
/** Growth measurements on up to 250 generated deals: in-process but CPU-heavy, so not in `npm run test:unit`. */
const SCALE = ["test/hardening/scale-test.ts"];

/**
 * The longest files, longest first (measured one file at a time, light load: 13–160 s each, every other file under
 * 7 s): started first, they run beside the many short files instead of leaving one worker alone with a long file at
 * the end.
 */
const LONGEST = [
  "test/hardening/incremental-test.ts",
  "test/pdf/faults-test.ts",
  "test/hardening/scale-test.ts",
  "test/browser/site-test.ts",
  "test/hardening/faults-test.ts",
  "test/hardening/hostile-test.ts",
  "test/hardening/lockdown-test.ts",
  "test/pdf/render-test.ts"
];

const environments = new Map<string, string>();
/** Returns the environment a test file asks for in a `@vitest-environment` comment, or "" (its project's). */
function environmentOf(file: TestSpecification): string {
  let environment = environments.get(file.moduleId);
  if (environment === undefined) {
    environment = /@vitest-environment\s+(\S+)/.exec(readFileSync(file.moduleId, "utf-8"))?.[1] ?? "";
    environments.set(file.moduleId, environment);
  }
  return environment;
}

/**
 * Longest files first; then the rest grouped by project and by environment, so that a worker process of a project
 * that keeps its processes between files (isolate: false) runs one file after another: vitest reuses a worker only
 * when the next file in its queue has the same project and environment, and otherwise ends it and starts another,
 * which imports vitest and the project's modules again (test/publishedSite.ts's data, 6 CPU-s to compute, it reads
 * from the run's memo on disk when another process computed it).
 * Sorted by size and duration alone, the pure project's 9 jsdom files fell among its node files in 8 places: a run of
 * the pure project alone started 16–17 worker processes instead of 4 (2 node, 2 jsdom).
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONGEST.findIndex((path) => file.moduleId.endsWith(path));
      return index < 0 ? LONGEST.length : index;
    };
    const group = (file: TestSpecification) => (rank(file) < LONGEST.length ? "" : `${file.project.name}\0${environmentOf(file)}`);
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b) || (group(a) < group(b) ? -1 : group(a) > group(b) ? 1 : 0));
  }
}

// Five projects, named for what they run:
// - pure: in-process tests (core, io, site data, formatting, CLI logic, PDF post-processing); no build, no browser,
//   no child process. Each worker process runs file after file without per-file isolation (no test mocks a module
//   or changes global state), which saves re-importing vitest and the project's modules for each of ~90 files.
//   `npm run test:unit` runs this project alone.
// - cli: the `deals` command as a child process on small data folders (check, project).
// - scale: CPU time per deal at 50 to 250 generated deals (in its own process: it measures this process's CPU).
// - build: each file builds its own variants of the site in a temp copy of the project (incremental-test's clean
//   builds, in another folder, time zone, locale and file system with no network, also show the build reproducible).
// - browser: Chromium on the site built once in globalSetup.
// Two workers on two cores (vitest's default there is one): a worker often waits for its build's or browser's child
// processes, so with one the other core idles. Every project runs in the same two workers, longest files first.
export default defineConfig({
  // Components import the browser bundles (docs/lib/*.js), which only a build writes: tests that import a component
  // get the bundles' sources instead, so they run in a fresh clone before any build.
  resolve: {
    alias: [
      {find: /^(?:\.\.\/)+lib\/core\.js$/, replacement: resolve("src/core/index.ts")},
      {find: /^(?:\.\.\/)+lib\/plot\.js$/, replacement: resolve("src/browser/plot.ts")},
      {find: /^(?:\.\.\/)+lib\/sankey\.js$/, replacement: resolve("src/browser/sankey.ts")}
    ]
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
    sequence: {sequencer: LongestFirst},
    projects: [
      {
        extends: true,
        test: {
          name: "pure",
          include: ["test/**/*-test.ts"],
          exclude: [...BUILD, ...BROWSER, ...CLI, ...SCALE],
          environment: "node",
          pool: "forks",
          isolate: false
        }
      },
      {
        extends: true,
        // One worker process runs file after file, as pure's do: each file's work is in its child processes, and
        // none mocks a module or changes global state, so a fresh process (vitest and the fixtures' imports) per file
        // is not needed.
        test: {name: "cli", include: CLI, environment: "node", pool: "forks", isolate: false}
      },
      {
        extends: true,
        test: {name: "scale", include: SCALE, environment: "node", pool: "forks"}
      },
      {
        extends: true,
        // A build of the site takes 10–60 s, more on a busy machine.
        test: {name: "build", include: BUILD, environment: "node", testTimeout: 180_000}
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: BROWSER,
          environment: "node",
          globalSetup: ["test/setup/site.ts"],
          // A few pages at a time within a file (site-test); files run beside the other projects' (each launches
          // its own Chromium and writes only to its own copies), not one by one after them.
          maxConcurrency: 3
        }
      }
    ]
  }
});
