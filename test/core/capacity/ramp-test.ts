import {assert, it} from "vitest";
import {maybeRamp, RAMP_SHAPES, rampIntegral, rampValue} from "../../../src/core/capacity/ramp.js";
import {assertInDelta} from "../../asserts.js";

it("rampValue(shape, x) is 0 at 0 and 1 at 1 for every shape", () => {
  for (const shape of RAMP_SHAPES) {
    assert.strictEqual(rampValue(shape, 0), 0);
    assert.strictEqual(rampValue(shape, 1), 1);
  }
});

it("rampValue(shape, x) follows linear x, smoothstep and 1 − (1 − x)²", () => {
  assertInDelta(rampValue("linear", 0.25), 0.25);
  assertInDelta(rampValue("s-curve", 0.25), 0.15625); // 3 × 0.0625 − 2 × 0.015625
  assertInDelta(rampValue("s-curve", 0.5), 0.5);
  assertInDelta(rampValue("front-loaded", 0.25), 0.4375); // 1 − 0.75²
  assertInDelta(rampValue("front-loaded", 0.5), 0.75);
});

it("rampValue(shape, x) clamps x to [0, 1]", () => {
  assert.strictEqual(rampValue("s-curve", -1), 0);
  assert.strictEqual(rampValue("front-loaded", 2), 1);
});

it("rampIntegral(shape, 1) is 1/2, 1/2 and 2/3", () => {
  assertInDelta(rampIntegral("linear", 1), 0.5);
  assertInDelta(rampIntegral("s-curve", 1), 0.5);
  assertInDelta(rampIntegral("front-loaded", 1), 2 / 3);
});

it("rampIntegral(shape, x) is the area under rampValue from 0 to x", () => {
  const steps = 10_000;
  for (const shape of RAMP_SHAPES) {
    for (const x of [0.1, 0.5, 0.8]) {
      let area = 0;
      for (let i = 0; i < steps; ++i) area += rampValue(shape, ((i + 0.5) / steps) * x) * (x / steps); // midpoint rule
      assertInDelta(rampIntegral(shape, x), area, 1e-8);
    }
  }
});

it("rampValue(shape, x) is non-decreasing in x", () => {
  for (const shape of RAMP_SHAPES) {
    for (let i = 0; i < 100; ++i) assert.isAtMost(rampValue(shape, i / 100), rampValue(shape, (i + 1) / 100));
  }
});

it("maybeRamp(shape) returns a known shape and rejects others", () => {
  assert.strictEqual(maybeRamp("front-loaded"), "front-loaded");
  assert.throws(() => maybeRamp("exponential"), /invalid ramp: exponential/);
  assert.throws(() => rampValue("step" as never, 0.5), /invalid ramp: step/);
  assert.throws(() => rampIntegral("step" as never, 0.5), /invalid ramp: step/);
});
