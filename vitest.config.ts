import {defineConfig} from "vitest/config";

process.env.TZ = "UTC";

// Two projects: fast unit tests, and tests that need the built site and briefings (built once, in globalSetup),
// among them the reproducibility test, which compares another clean build with that one.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*-test.ts"],
          exclude: ["test/browser/**", "test/pdf/**", "test/hardening/reproducible-test.ts"],
          environment: "node"
        }
      },
      {
        extends: true,
        test: {
          name: "site",
          include: ["test/browser/**/*-test.ts", "test/pdf/**/*-test.ts", "test/hardening/reproducible-test.ts"],
          environment: "node",
          globalSetup: ["test/setup/site.ts"],
          fileParallelism: false,
          maxConcurrency: 3
        }
      }
    ]
  }
});
