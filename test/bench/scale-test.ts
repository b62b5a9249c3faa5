import {assert, it} from "vitest";
import {scaleRows} from "../../src/cli/bench/scale.js";

it("scaleRows(raw) reads counts and seconds in any of the accepted spellings, sorted by count", () => {
  // 2 s / 100 deals = 0.02 s a deal; 500 ms = 0.5 s / 10 = 0.05
  assert.deepStrictEqual(
    scaleRows([
      {deals: 100, seconds: 2},
      {count: 10, ms: 500}
    ]),
    [
      {deals: 10, seconds: 0.5, secondsPerDeal: 0.05},
      {deals: 100, seconds: 2, secondsPerDeal: 0.02}
    ]
  );
  assert.deepStrictEqual(scaleRows({rows: [{n: 4, checkSeconds: 1}]}), [{deals: 4, seconds: 1, secondsPerDeal: 0.25}]);
  assert.throws(() => scaleRows([]), /invalid measureScale result/);
  assert.throws(() => scaleRows([{deals: 0, seconds: 1}]), /invalid measureScale result/);
});
