import {assert, it} from "vitest";
import {tornado} from "../../../src/core/uncertainty/tornado.js";
import {assumption} from "./fixtures.js";

const assumptions = [assumption("a", 0, 1, 2), assumption("b", 0, 1, 4), assumption("c", -1, 0, 1), assumption("d", 3, 3, 3)];
const base = {a: 1, b: 1, c: 0, d: 3};
// y = 10a − 2b + 5c + d: at base 10 − 2 + 0 + 3 = 11.
const linear = (v: Record<string, number>) => ({y: 10 * v.a - 2 * v.b + 5 * v.c + v.d});

it("tornado(…, figure) ranks assumptions by swing of a linear figure", () => {
  // a: 0 → 1, 2 → 21 (others at base: −2 + 0 + 3 = 1), swing 20. c: −1 → 11 − 5 = 6, 1 → 16, swing 10.
  // b: 0 → 13, 4 → 5, swing 8. d: 3 → 11 at both ends, swing 0.
  const rows = tornado(assumptions, base, linear, "y");
  assert.deepStrictEqual(rows, [
    {id: "a", label: "a", low: 0, high: 2, valueAtLow: 1, valueAtHigh: 21, baseValue: 11, swing: 20},
    {id: "c", label: "c", low: -1, high: 1, valueAtLow: 6, valueAtHigh: 16, baseValue: 11, swing: 10},
    {id: "b", label: "b", low: 0, high: 4, valueAtLow: 13, valueAtHigh: 5, baseValue: 11, swing: 8},
    {id: "d", label: "d", low: 3, high: 3, valueAtLow: 11, valueAtHigh: 11, baseValue: 11, swing: 0}
  ]);
});

it("tornado(…) holds the others at the scenario's values, not the assumptions' base", () => {
  // With b overridden to 4: a at 0 → 0 − 8 + 0 + 3 = −5; at 2 → 20 − 8 + 3 = 15; base 10 − 8 + 3 = 5.
  const [row] = tornado(assumptions, {...base, b: 4}, linear, "y");
  assert.deepStrictEqual([row.id, row.valueAtLow, row.valueAtHigh, row.baseValue], ["a", -5, 15, 5]);
});

it("tornado(…) orders equal swings by id", () => {
  const same = [assumption("z", 0, 1, 2), assumption("m", 0, 1, 2), assumption("q", 0, 1, 2)];
  const rows = tornado(same, {z: 1, m: 1, q: 1}, (v) => ({y: v.z + v.m + v.q}), "y");
  assert.deepStrictEqual(
    rows.map((d) => d.id),
    ["m", "q", "z"]
  );
});

it("tornado(…) puts rows whose figure is undefined at an end last", () => {
  // y is undefined when a is at its low (0); the row for a has swing NaN and sorts after b (swing 8).
  const rows = tornado(assumptions, base, (v) => ({y: v.a === 0 ? null : linear(v).y}), "y", {vary: ["a", "b"]});
  assert.deepStrictEqual(
    rows.map((d) => d.id),
    ["b", "a"]
  );
  assert(Number.isNaN(rows[1].valueAtLow) && Number.isNaN(rows[1].swing));
  assert.strictEqual(rows[1].valueAtHigh, 21);
});

it("tornado(…, {vary}) keeps only the named assumptions", () => {
  const rows = tornado(assumptions, base, linear, "y", {vary: ["b", "d"]});
  assert.deepStrictEqual(
    rows.map((d) => d.id),
    ["b", "d"]
  );
});

it("tornado([], …) returns no rows", () => {
  assert.deepStrictEqual(tornado([], base, linear, "y"), []);
});

it("tornado(…) does not mutate baseValues", () => {
  const values = {...base};
  const mutate = (v: Record<string, number>) => {
    v.a = 99;
    return linear(v);
  };
  tornado(assumptions, values, mutate, "y");
  assert.deepStrictEqual(values, base);
});

it("tornado(…) rejects an unknown figure or assumption", () => {
  assert.throws(() => tornado(assumptions, base, linear, "z"), /invalid figure: z/);
  assert.throws(() => tornado(assumptions, base, linear, "y", {vary: ["x"]}), /invalid vary: x/);
});
