import {assert, it} from "vitest";
import {waitingTime} from "../../src/cli/bench/runTimed.js";

it("waitingTime(lines, times, end) adds the gaps after each waiting line", () => {
  const lines = ["ok", "build: waiting for another build of this project to finish (pid 1)", "build: bundling (9.0 s)"];
  // 9.0 − 0.5 = 8.5
  assert.strictEqual(waitingTime(lines, [0.4, 0.5, 9.0], 10), 8.5);
  // a waiting line that is the last one lasts until the end: 10 − 0.5 = 9.5
  assert.strictEqual(waitingTime(lines.slice(0, 2), [0.4, 0.5], 10), 9.5);
  assert.strictEqual(waitingTime(["ok"], [0.4], 10), 0);
});
