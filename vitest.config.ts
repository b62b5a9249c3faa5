import {defineConfig} from "vitest/config";

process.env.TZ = "UTC";

// Two projects: fast unit tests, and tests that need the built site and briefings (built once, in globalSetup).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {name: "unit", include: ["test/**/*-test.ts"], exclude: ["test/browser/**", "test/pdf/**"], environment: "node"}
      },
      {
        extends: true,
        test: {
          name: "site",
          include: ["test/browser/**/*-test.ts", "test/pdf/**/*-test.ts"],
          environment: "node",
          globalSetup: ["test/setup/site.ts"],
          fileParallelism: false
        }
      }
    ]
  }
});
