import {assert, it} from "vitest";
import {rngFor} from "../../../src/core/random/rngFor.js";
import {triangularQuantile, triangularSampler} from "../../../src/core/random/triangular.js";
import {assertInDelta} from "../../asserts.js";

it("triangularQuantile(p, low, mode, high) inverts the CDF", () => {
  // Symmetric on [0, 2] with mode 1: F(1) = 1/2, so p = 1/2 → 1; p = 1/8 → 0 + √(1/8 × 2 × 1) = 1/2;
  // p = 7/8 → 2 − √(1/8 × 2 × 1) = 3/2.
  assertInDelta(
    [0.5, 0.125, 0.875].map((p) => triangularQuantile(p, 0, 1, 2)),
    [1, 0.5, 1.5]
  );
  // PUE 1.08 / 1.15 / 1.3: F(mode) = 0.07 / 0.22 = 0.3182; p = 0.1 → 1.08 + √(0.1 × 0.22 × 0.07) = 1.119243.
  assertInDelta(triangularQuantile(0.1, 1.08, 1.15, 1.3), 1.08 + Math.sqrt(0.1 * 0.22 * 0.07));
  assertInDelta(triangularQuantile(0.1, 1.08, 1.15, 1.3), 1.1192428);
});

it("triangularQuantile(p, …) returns low at p = 0 and high at p = 1, also with the mode at a bound", () => {
  assert.strictEqual(triangularQuantile(0, 3, 5, 9), 3);
  assert.strictEqual(triangularQuantile(1, 3, 5, 9), 9);
  assert.strictEqual(triangularQuantile(0, 0, 0, 18), 0);
  assert.strictEqual(triangularQuantile(1, 0, 0, 18), 18);
  assert.strictEqual(triangularQuantile(0, 1, 2, 2), 1);
  assert.strictEqual(triangularQuantile(1, 1, 2, 2), 2);
});

it("triangularQuantile(p, x, x, x) returns x", () => {
  for (const p of [0, 0.3, 0.999]) assert.strictEqual(triangularQuantile(p, 4.2, 4.2, 4.2), 4.2);
});

it("triangularQuantile(p, …) is non-decreasing in p", () => {
  let previous = -Infinity;
  for (let i = 0; i <= 1000; ++i) {
    const x = triangularQuantile(i / 1000, 0.3, 0.5, 0.8);
    assert(x >= previous);
    previous = x;
  }
});

it("triangularSampler(rng, low, mode, high) has the triangular mean and variance", () => {
  // capex-per-gw 35 / 50 / 60: mean (35 + 50 + 60) / 3 = 48.3333; variance
  // (35² + 50² + 60² − 35·50 − 35·60 − 50·60) / 18 = (1225 + 2500 + 3600 − 1750 − 2100 − 3000) / 18 = 475 / 18 = 26.3889.
  const sample = triangularSampler(rngFor("compute-deals", "capex-per-gw"), 35, 50, 60);
  const n = 200_000;
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n; ++i) {
    const x = sample();
    assert(x >= 35 && x <= 60);
    sum += x;
    sum2 += x * x;
  }
  const mean = sum / n;
  // Standard error of the mean: √(26.39 / 200000) ≈ 0.0115; allow 0.05.
  assertInDelta(mean, 48.3333, 0.05);
  assertInDelta(sum2 / n - mean * mean, 26.3889, 0.4);
});

it("triangularSampler(rng, x, x, x) returns x", () => {
  const sample = triangularSampler(rngFor(1, "flat"), 0.25, 0.25, 0.25);
  for (let i = 0; i < 10; ++i) assert.strictEqual(sample(), 0.25);
});

it("triangularSampler(…) is deterministic for a seed", () => {
  const a = triangularSampler(rngFor("compute-deals", "pue"), 1.08, 1.15, 1.3);
  assert.deepStrictEqual([a(), a(), a()], [1.1439678001994567, 1.2388589192019948, 1.1919798462420563]);
});

it("triangularSampler(…) rejects invalid parameters", () => {
  const rng = rngFor(1, "x");
  assert.throws(() => triangularSampler(rng, Number.NaN, 1, 2), /invalid low: NaN/);
  assert.throws(() => triangularSampler(rng, 1, 0, 2), /invalid mode: 0/);
  assert.throws(() => triangularSampler(rng, 0, 1, 0.5), /invalid high: 0.5/);
  assert.throws(() => triangularSampler(rng, 0, 1, Infinity), /invalid high: Infinity/);
});
