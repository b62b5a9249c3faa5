import {assert, it} from "vitest";
import {flops} from "../../../src/core/format/units.js";

it("flops(x) picks an SI prefix after rounding to three significant figures", () => {
  assert.strictEqual(flops(3.1e18), "3.1 EFLOP/s");
  assert.strictEqual(flops(6.6667e17), "667 PFLOP/s");
  assert.strictEqual(flops(1e21), "1 ZFLOP/s");
  assert.strictEqual(flops(999.6e15), "1 EFLOP/s");
  assert.strictEqual(flops(5e9), "5 GFLOP/s");
});
