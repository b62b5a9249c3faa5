import {assert, it} from "vitest";
import {rngFor} from "../../../src/core/random/rngFor.js";
import {uniformSampler} from "../../../src/core/random/uniform.js";
import {assertInDelta} from "../../asserts.js";

it("uniformSampler(rng, low, high) maps the generator onto [low, high)", () => {
  // First value of rngFor("compute-deals", "amazon-anthropic") is 0.5360092862974852 → 10 + 10 × 0.536009… = 15.360093.
  const sample = uniformSampler(rngFor("compute-deals", "amazon-anthropic"), 10, 20);
  assertInDelta(sample(), 15.360092862974852, 1e-12);
});

it("uniformSampler(rng, low, high) has mean (low + high) / 2 and variance (high − low)² / 12", () => {
  // On [0.3, 0.8]: mean 0.55, variance 0.25 / 12 = 0.0208333.
  const sample = uniformSampler(rngFor(3, "u"), 0.3, 0.8);
  const n = 100_000;
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n; ++i) {
    const x = sample();
    assert(x >= 0.3 && x < 0.8);
    sum += x;
    sum2 += x * x;
  }
  const mean = sum / n;
  assertInDelta(mean, 0.55, 0.003);
  assertInDelta(sum2 / n - mean * mean, 0.0208333, 0.0005);
});

it("uniformSampler(rng, x, x) returns x", () => {
  const sample = uniformSampler(rngFor(1, "x"), 5, 5);
  assert.strictEqual(sample(), 5);
});

it("uniformSampler(…) rejects invalid parameters", () => {
  const rng = rngFor(1, "x");
  assert.throws(() => uniformSampler(rng, Number.NaN, 1), /invalid low: NaN/);
  assert.throws(() => uniformSampler(rng, 2, 1), /invalid high: 1/);
});
