import {assert, it} from "vitest";
import {netCashLineFinding} from "../../../src/core/index.js";

const flows = (start: number, cumulative: number[]) => cumulative.map((c, i) => ({year: start + i, cumulativeNetCash: c}));

it("netCashLineFinding: the title's payback is the plotted line's, the median draw's named beside it where it differs", () => {
  // Ends above zero: turns positive for good in the first year from which it stays ≥ 0 (2029, not 2027's brief +1).
  const up = netCashLineFinding(flows(2026, [-5, 1, -2, 0.5, 3]), {group: "Amazon", medianPaybackYear: null, fromDraws: true});
  assert.strictEqual(up.paybackYear, 2029);
  assert.strictEqual(
    up.title,
    "With every assumption at its base value, cumulative net cash to Amazon turns positive for good in 2029; in the median draw it does not within the deal"
  );
  // Ends below zero: no payback, and the NPV clause follows.
  const down = netCashLineFinding(flows(2026, [-5, -2, -1]), {
    group: "Oracle",
    medianPaybackYear: null,
    fromDraws: true,
    npvWords: "discounted at 10%, the draws' median NPV is about −$23.4B"
  });
  assert.isNull(down.paybackYear);
  assert.strictEqual(
    down.title,
    "With every assumption at its base value, cumulative net cash to Oracle does not turn positive within the deal; discounted at 10%, the draws' median NPV is about −$23.4B"
  );
  // The same year in the median draw is not repeated; without draws the median is not named at all.
  assert.notInclude(netCashLineFinding(flows(2026, [-1, 2]), {group: "X", medianPaybackYear: 2027, fromDraws: true}).title, "median");
  assert.notInclude(netCashLineFinding(flows(2026, [-1, 2]), {group: "X", medianPaybackYear: null, fromDraws: false}).title, "median");
});
