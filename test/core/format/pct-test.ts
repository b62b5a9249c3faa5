import {assert, it} from "vitest";
import {pct, times} from "../../../src/core/format/units.js";

it("pct(x) is whole from 10% and has two significant figures below", () => {
  assert.strictEqual(pct(0.18182), "18%");
  assert.strictEqual(pct(1.0256), "103%");
  assert.strictEqual(pct(0.05), "5%");
  assert.strictEqual(pct(0.0249), "2.5%");
  assert.strictEqual(pct(0.005), "0.5%");
  assert.strictEqual(pct(0), "0%");
  assert.strictEqual(pct(-0.12), "−12%");
});

it("pct(x, 'as-written') keeps a sourced share's digits", () => {
  assert.strictEqual(pct(0.025, "as-written"), "2.5%");
  assert.strictEqual(pct(0.1333, "as-written"), "13.33%");
});

it("times(x) writes a multiple: whole from 10, two significant figures below", () => {
  assert.strictEqual(times(7.6923), "7.7×");
  assert.strictEqual(times(20), "20×");
  assert.strictEqual(times(64.4), "64×");
  assert.strictEqual(times(1234.5), "1,230×");
});
