import {assert, it} from "vitest";
import {aboveZeroText, chanceText, clustersText, drawShareText, splitCauseText} from "../../../src/core/format/drawShares.js";
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

it("splitCauseText(…) names what divides the groups, larger group first, each group's share on its side", () => {
  const c = {
    lowShare: 0.6,
    highShare: 0.4,
    lowMedian: -14.3e9,
    highMedian: 41.8e9,
    cause: {lowBelow: true, lowOnSide: 0.81, highOnSide: 0.67}
  };
  assert.strictEqual(
    splitCauseText(c, "the term left needed to renew IT", "56%"),
    "What divides them most is the term left needed to renew IT: below 56% in 81% of the draws around about −$14.3B, above it in 67% of those around about $41.8B"
  );
  // The high group larger: it comes first, on its own side.
  const flipped = {...c, lowShare: 0.21, highShare: 0.79, cause: {lowBelow: true, lowOnSide: 0.95, highOnSide: 0.81}};
  assert.match(
    splitCauseText(flipped, "x", "42%"),
    /^What divides them most is x: above 42% in 81% of the draws around about \$41\.8B, below it in 95% of those around about −\$14\.3B$/
  );
});

it("clustersText(…) says how many of a group's draws have the other sign than its centre, from a tenth up (critic s8 H2)", () => {
  // MO: the low group (split at +$19.1B) holds gains: 16.6 of its 59.8 points are above zero, 28% of it.
  const c = {lowShare: 0.598, highShare: 0.402, lowMedian: -14.3e9, highMedian: 41.8e9, lowAboveZero: 0.166 / 0.598, highAboveZero: 1};
  assert.strictEqual(
    clustersText(c, true),
    "its draws split in two: 60% gather around about −$14.3B (28% of them above zero) and 40% around about $41.8B, so the median lies between the two"
  );
  // Under a tenth of the other sign: nothing said.
  assert.notMatch(clustersText({...c, lowAboveZero: 0.05, highAboveZero: 0.95}, false), /of them/);
  assert.match(clustersText({...c, lowAboveZero: 0, highAboveZero: 0.8}, false), /around about \$41\.8B \(20% of them below zero\)$/);
});

it("chanceText(p): a percentage from 1% up, below it 1 in a number at one significant figure; the scenario note and the call share it", () => {
  assert.strictEqual(chanceText(0.01), "about a 1% chance");
  // 1 / 0.000041 = 24,390.2: one significant figure, 20,000.
  assert.strictEqual(chanceText(0.000041), "about a 1 in 20,000 chance");
  // 1 / 0.004 = 250: rounds to 300 (2.5 → 3).
  assert.strictEqual(chanceText(0.004), "about a 1 in 300 chance");
  assert.strictEqual(chanceText(0), "no chance");
});
