import {assert, it} from "vitest";
import {normalCdf} from "../../../src/core/options/normalCdf.js";
import {assertInDelta} from "../../asserts.js";

it("normalCdf(x) matches reference values to 1e-12", () => {
  // References: 0.5·erfc(−x/√2) from Python's math.erfc.
  assert.strictEqual(normalCdf(0), 0.5);
  assertInDelta(normalCdf(1), 0.8413447460685429, 1e-12);
  assertInDelta(normalCdf(1.96), 0.9750021048517795, 1e-12);
  assertInDelta(normalCdf(-1.5), 0.06680720126885809, 1e-12);
  assertInDelta(normalCdf(2), 0.9772498680518208, 1e-12);
  assertInDelta(normalCdf(-3), 0.0013498980316300957, 1e-12);
});

it("normalCdf(x) keeps relative accuracy deep in the lower tail", () => {
  // Φ(−8) = 6.220960574271819e-16 and Φ(−20) = 2.7536241186063314e-89 (Python, math.erfc).
  assertInDelta(normalCdf(-8) / 6.220960574271819e-16, 1, 1e-7);
  assertInDelta(normalCdf(-20) / 2.7536241186063314e-89, 1, 1e-7);
});

it("normalCdf(x) + normalCdf(−x) = 1", () => {
  for (const x of [0.1, 0.5, 1.3, 2.7, 5, 7.5]) assertInDelta(normalCdf(x) + normalCdf(-x), 1, 1e-15);
});

it("normalCdf(x) is non-decreasing and within [0, 1]", () => {
  let previous = 0;
  for (let x = -40; x <= 40; x += 0.01) {
    const p = normalCdf(x);
    assert(p >= previous && p <= 1, `${x}`);
    previous = p;
  }
});

it("normalCdf(±Infinity) is 0 or 1 and normalCdf(NaN) is NaN", () => {
  assert.strictEqual(normalCdf(-Infinity), 0);
  assert.strictEqual(normalCdf(Infinity), 1);
  assert(Number.isNaN(normalCdf(Number.NaN)));
});
