import {assert, it} from "vitest";
import {correlatedUniform, normalCdf, normalQuantile} from "../../../src/core/random/gaussianCopula.js";
import {rngFor} from "../../../src/core/random/rngFor.js";
import {assertInDelta} from "../../asserts.js";

it("normalCdf(z) is the standard normal CDF", () => {
  assertInDelta(normalCdf(0), 0.5, 1e-7);
  assertInDelta(normalCdf(1.959964), 0.975, 1e-6); // the two-sided 95% point
  assertInDelta(normalCdf(-1), 0.158655, 1e-6);
  assertInDelta(normalCdf(1) + normalCdf(-1), 1, 1e-12);
});

it("normalQuantile(p) inverts it, with infinities at 0 and 1", () => {
  assertInDelta(normalQuantile(0.5), 0, 1e-9);
  assertInDelta(normalQuantile(0.975), 1.959964, 1e-6);
  assertInDelta(normalQuantile(0.01), -2.326348, 1e-6); // the lower tail branch
  assertInDelta(normalQuantile(0.99), 2.326348, 1e-6);
  assert.strictEqual(normalQuantile(0), -Infinity);
  assert.strictEqual(normalQuantile(1), Infinity);
  for (const p of [0.001, 0.1, 0.3, 0.7, 0.999]) assertInDelta(normalCdf(normalQuantile(p)), p, 2e-7);
});

it("correlatedUniform(leader, own, rho) is own at 0, the leader at 1, its mirror at −1", () => {
  assert.strictEqual(correlatedUniform(0.9, 0.2, 0), 0.2);
  assert.strictEqual(correlatedUniform(0.9, 0.2, 1), 0.9);
  assertInDelta(correlatedUniform(0.9, 0.2, -1), 0.1);
  // ρ = 0.6, leader at its median: Φ(0.6 × 0 + 0.8 × Φ⁻¹(0.975)) = Φ(1.567971) = 0.941556
  assertInDelta(correlatedUniform(0.5, 0.975, 0.6), normalCdf(0.8 * 1.959964), 1e-6);
  assertInDelta(correlatedUniform(0.5, 0.975, 0.6), 0.941556, 1e-5);
});

it("correlatedUniform(…) keeps the output uniform and gives normal scores the asked correlation", () => {
  const rng = rngFor(1, "copula");
  const n = 20_000;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  let mean = 0;
  for (let i = 0; i < n; ++i) {
    const a = rng();
    const b = correlatedUniform(a, rng(), 0.7);
    mean += b / n;
    const x = normalQuantile(a);
    const y = normalQuantile(b);
    sxy += x * y;
    sxx += x * x;
    syy += y * y;
  }
  assertInDelta(mean, 0.5, 0.01);
  assertInDelta(sxy / Math.sqrt(sxx * syy), 0.7, 0.02);
});
