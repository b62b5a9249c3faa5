import {assert, it} from "vitest";
import {capacityArea, capacityAt, capacityCurve} from "../../../src/core/capacity/curve.js";
import {assertInDelta} from "../../asserts.js";

const points = [
  {month: 11, gw: 1},
  {month: 23, gw: 3}
];

it("capacityCurve(points, options) starts at 0 and puts each point at the end of its month", () => {
  assert.deepStrictEqual(capacityCurve(points, {start: 0, ceiling: 4, ramp: "linear"}), {
    ramp: "linear",
    times: [0, 12, 24],
    gw: [0, 1, 3]
  });
});

it("capacityCurve(points, options) sorts points and merges points due in the same month", () => {
  const curve = capacityCurve(
    [
      {month: 23, gw: 3},
      {month: 11, gw: 1},
      {month: 11, gw: 2}
    ],
    {start: 0, ceiling: 4, ramp: "linear"}
  );
  assert.deepStrictEqual(curve.times, [0, 12, 24]);
  assert.deepStrictEqual(curve.gw, [0, 2, 3]);
});

it("capacityCurve(points, options) clamps to the ceiling and never goes down", () => {
  const curve = capacityCurve(
    [
      {month: 5, gw: 2},
      {month: 11, gw: 1},
      {month: 17, gw: 9}
    ],
    {start: 0, ceiling: 4, ramp: "linear"}
  );
  assert.deepStrictEqual(curve.gw, [0, 2, 2, 4]);
});

it("capacityCurve(points, {slipMonths}) moves every point but not the start", () => {
  assert.deepStrictEqual(capacityCurve(points, {start: 0, ceiling: 4, ramp: "linear", slipMonths: 6}).times, [0, 18, 30]);
  assert.deepStrictEqual(capacityCurve(points, {start: 0, ceiling: 4, ramp: "linear", slipMonths: 1.5}).times, [0, 13.5, 25.5]);
});

it("capacityCurve([], options) stays at 0", () => {
  const curve = capacityCurve([], {start: 5, ceiling: 4, ramp: "s-curve"});
  assert.deepStrictEqual(curve, {ramp: "s-curve", times: [5], gw: [0]});
  assert.strictEqual(capacityAt(curve, 100), 0);
  assert.strictEqual(capacityArea(curve, 0, 100), 0);
});

it("capacityCurve(points, options) rejects invalid inputs", () => {
  const options = {start: 0, ceiling: 4, ramp: "linear" as const};
  assert.throws(() => capacityCurve(points, {...options, start: 0.5}), /invalid start: 0.5/);
  assert.throws(() => capacityCurve(points, {...options, ceiling: -1}), /invalid ceiling: -1/);
  assert.throws(() => capacityCurve(points, {...options, slipMonths: -1}), /invalid slipMonths: -1/);
  assert.throws(() => capacityCurve(points, {...options, slipMonths: NaN}), /invalid slipMonths: NaN/);
  assert.throws(() => capacityCurve(points, {...options, ramp: "step" as never}), /invalid ramp: step/);
  assert.throws(() => capacityCurve([{month: -1, gw: 1}], options), /invalid month: -1/);
  assert.throws(() => capacityCurve([{month: 3, gw: NaN}], options), /invalid gw: NaN/);
});

it("capacityAt(curve, t) is 0 before the start, follows the ramp and is flat after the last point", () => {
  const linear = capacityCurve(points, {start: 0, ceiling: 4, ramp: "linear"});
  assert.strictEqual(capacityAt(linear, -5), 0);
  assert.strictEqual(capacityAt(linear, 6), 0.5); // half of the first segment
  assert.strictEqual(capacityAt(linear, 12), 1);
  assert.strictEqual(capacityAt(linear, 18), 2); // 1 + 2 × 0.5
  assert.strictEqual(capacityAt(linear, 24), 3);
  assert.strictEqual(capacityAt(linear, 99), 3);
  const front = capacityCurve(points, {start: 0, ceiling: 4, ramp: "front-loaded"});
  assert.strictEqual(capacityAt(front, 6), 0.75); // 1 − 0.5²
  assert.strictEqual(capacityAt(front, 18), 2.5); // 1 + 2 × 0.75
  const s = capacityCurve(points, {start: 0, ceiling: 4, ramp: "s-curve"});
  assertInDelta(capacityAt(s, 3), 0.15625); // smoothstep(0.25)
});

it("capacityArea(curve, t0, t1) integrates the curve in GW-months", () => {
  const linear = capacityCurve(points, {start: 0, ceiling: 4, ramp: "linear"});
  assertInDelta(capacityArea(linear, 0, 12), 6); // triangle 12 × 1 ÷ 2
  assertInDelta(capacityArea(linear, 12, 24), 24); // 12 × 1 + 12 × 2 ÷ 2
  assertInDelta(capacityArea(linear, 24, 36), 36); // flat at 3
  assertInDelta(capacityArea(linear, -12, 0), 0);
  const front = capacityCurve(points, {start: 0, ceiling: 4, ramp: "front-loaded"});
  assertInDelta(capacityArea(front, 0, 12), 8); // 12 × 2/3
  assert.throws(() => capacityArea(linear, 2, 1), /invalid t1: 1/);
});

it("capacityArea(curve, t0, t1) matches a fine numerical integral for every ramp and a fractional slip", () => {
  for (const ramp of ["linear", "s-curve", "front-loaded"] as const) {
    const curve = capacityCurve(points, {start: 0, ceiling: 2.5, ramp, slipMonths: 2.5});
    const steps = 20_000;
    let area = 0;
    for (let i = 0; i < steps; ++i) area += capacityAt(curve, 3 + ((i + 0.5) / steps) * 30) * (30 / steps);
    assertInDelta(capacityArea(curve, 3, 33), area, 1e-6);
  }
});
