import {assert, it} from "vitest";
import {aboveZeroText, clustersText, drawShareText} from "../../../src/core/format/drawShares.js";
import {medianBetweenClusters} from "../../../src/core/uncertainty/monteCarlo.js";

it("drawShareText(…) stays true at the ends: never 0% or 100% for a share that is not", () => {
  assert.strictEqual(drawShareText(0.5674), "57%");
  assert.strictEqual(drawShareText(1), "every one");
  assert.strictEqual(drawShareText(0), "none");
  assert.strictEqual(drawShareText(0.002), "fewer than 1%");
  assert.strictEqual(drawShareText(0.9971), "more than 99%");
  // One rule: under 1% and over 99% never round to 1% or 100% (Oracle's 0.57%, CoreWeave's 99.58%: critic s8).
  assert.strictEqual(drawShareText(0.0057), "fewer than 1%");
  assert.strictEqual(drawShareText(0.9958), "more than 99%");
  assert.strictEqual(drawShareText(0.01), "1%");
  assert.strictEqual(drawShareText(0.99), "99%");
  assert.strictEqual(drawShareText(0.056), "6%");
});

it("aboveZeroText(…) reads for 0%, 100% and in between", () => {
  assert.strictEqual(aboveZeroText(0.5674, 10_000), "above zero in 57% of the 10,000 draws");
  assert.strictEqual(aboveZeroText(1, 10_000), "above zero in every one of the 10,000 draws");
  assert.strictEqual(aboveZeroText(0, 10_000), "below zero in every one of the 10,000 draws");
  assert.strictEqual(aboveZeroText(0.0002, 10_000), "above zero in fewer than 1% of the 10,000 draws");
});

it("medianBetweenClusters(…) holds when the median is more than a quarter of the groups' distance from each", () => {
  // Microsoft → OpenAI's groups (−14.3, +41.8: a quarter is 14.025): 6.8 is 21.1 and 35 away; CoreWeave's −4.0 is 0.3
  // from −3.7 (a quarter of 5.8 is 1.45).
  assert.isTrue(medianBetweenClusters({lowMedian: -14.3, highMedian: 41.8}, 6.8));
  assert.isFalse(medianBetweenClusters({lowMedian: -9.5, highMedian: -3.7}, -4.0));
  assert.isFalse(medianBetweenClusters({lowMedian: -14.3, highMedian: 41.8}, -0.3), "14.0 from the low group: not more than 14.025");
});

it("clustersText(…) names the larger group first, and says where the median lies only when asked", () => {
  const c = {lowShare: 0.6, highShare: 0.4, lowMedian: -14.3e9, highMedian: 41.8e9};
  assert.strictEqual(
    clustersText(c, true),
    "its draws split in two: 60% gather around about −$14.3B and 40% around about $41.8B, so the median lies between the two"
  );
  assert.strictEqual(
    clustersText({lowShare: 0.22, highShare: 0.78, lowMedian: -9.5e9, highMedian: -3.7e9}, false),
    "its draws split in two: 78% gather around about −$3.7B and 22% around about −$9.5B"
  );
});
