import {assert, it} from "vitest";
import {resultsDate} from "../../src/cli/bench/environment.js";

it("resultsDate(env, asOf) prefers SOURCE_DATE_EPOCH, else the data's as-of date", () => {
  // 1767225600 s = 2026-01-01T00:00:00Z
  assert.strictEqual(resultsDate({SOURCE_DATE_EPOCH: "1767225600"}, "2026-06-30"), "2026-01-01");
  assert.strictEqual(resultsDate({}, "2026-06-30"), "2026-06-30");
  assert.strictEqual(resultsDate({SOURCE_DATE_EPOCH: ""}, "2026-06-30"), "2026-06-30");
  assert.throws(() => resultsDate({SOURCE_DATE_EPOCH: "soon"}, "2026-06-30"), /invalid SOURCE_DATE_EPOCH: soon/);
});
