import {assert, it} from "vitest";
import {compareDeals} from "../../../src/core/comparison/compareDeals.js";
import {runRateUsdPerYear} from "../../../src/core/comparison/runRate.js";
import {readValidDataset} from "../../../src/io/readDataset.js";
import {assertInDelta} from "../../asserts.js";

it("runRateUsdPerYear: overlapping contracts add their own rates; sequential ones do not", () => {
  // $38B over 7 years from Nov 2025 and $100B over 8 from Feb 2026 run together: 38/7 + 100/8 = 17.93 ($B a year).
  assertInDelta(
    runRateUsdPerYear([
      {usd: 38e9, years: 7, start: "2025-11-03"},
      {usd: 100e9, years: 8, start: "2026-02-27"}
    ])!,
    38e9 / 7 + 100e9 / 8,
    1
  );
  // One after the other: the larger of the two rates (10/2 = 5 then 6/3 = 2), never their sum.
  assertInDelta(
    runRateUsdPerYear([
      {usd: 10e9, years: 2, start: "2020-01-01"},
      {usd: 6e9, years: 3, start: "2023-01-01"}
    ])!,
    5e9,
    1
  );
  assertInDelta(runRateUsdPerYear([{usd: 100e9, years: 10, start: "2026-01-01"}])!, 10e9, 1);
  assert.strictEqual(runRateUsdPerYear([]), null);
});

it("compareDeals: a deal of several contracts gives their run rate as $ a year, at least the commitment ÷ the span", async () => {
  const dataset = await readValidDataset("data");
  for (const row of compareDeals(dataset)) {
    if (!row.usdPerYear || !row.commitmentUsd || !row.years) continue;
    // The run rate is never below the average over the span (an identity, whatever the data).
    assert.isAtLeast(row.usdPerYear.value, row.commitmentUsd.value / row.years.value - 1, row.id);
  }
});
