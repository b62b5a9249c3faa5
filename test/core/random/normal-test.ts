import {assert, it} from "vitest";
import {normalSampler} from "../../../src/core/random/normal.js";
import {rngFor} from "../../../src/core/random/rngFor.js";
import {assertInDelta} from "../../asserts.js";

it("normalSampler(rng) returns golden values for a fixed seed", () => {
  const sample = normalSampler(rngFor("compute-deals", "normal"));
  assert.deepStrictEqual(
    [sample(), sample(), sample(), sample()],
    [-1.773397468368156, 0.3479328100859924, -0.627541574466808, 1.0347474175453093]
  );
});

it("normalSampler(rng) has mean 0, variance 1 and 95% of draws within ±1.96", () => {
  const sample = normalSampler(rngFor(11, "moments"));
  const n = 200_000;
  let sum = 0;
  let sum2 = 0;
  let inside = 0;
  for (let i = 0; i < n; ++i) {
    const z = sample();
    sum += z;
    sum2 += z * z;
    if (Math.abs(z) < 1.959963984540054) ++inside;
  }
  // Standard errors: mean √(1/n) ≈ 0.0022, variance √(2/n) ≈ 0.0032, share √(0.95 × 0.05 / n) ≈ 0.0005.
  assertInDelta(sum / n, 0, 0.01);
  assertInDelta(sum2 / n, 1, 0.015);
  assertInDelta(inside / n, 0.95, 0.0025);
});

it("normalSampler(rng, mean, sd) scales and shifts", () => {
  const z = normalSampler(rngFor("compute-deals", "normal"));
  const x = normalSampler(rngFor("compute-deals", "normal"), 10, 2);
  for (let i = 0; i < 5; ++i) assertInDelta(x(), 10 + 2 * z(), 1e-12);
});

it("normalSampler(rng, mean, 0) returns the mean", () => {
  const x = normalSampler(rngFor(1, "x"), 3, 0);
  assert.strictEqual(x(), 3);
  assert.strictEqual(x(), 3);
});

it("normalSampler(…) rejects invalid parameters", () => {
  const rng = rngFor(1, "x");
  assert.throws(() => normalSampler(rng, Number.NaN), /invalid mean: NaN/);
  assert.throws(() => normalSampler(rng, 0, -1), /invalid sd: -1/);
});
