import {defineConfig} from "vitest/config";

process.env.TZ = "UTC";

export default defineConfig({
  test: {
    include: ["test/**/*-test.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 300_000
  }
});
