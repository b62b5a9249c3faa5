import {assert, it} from "vitest";
import {roundSig} from "../../../src/core/format/numbers.js";

it("roundSig(x) rounds to three significant figures", () => {
  assert.strictEqual(roundSig(4006744), 4010000);
  assert.strictEqual(roundSig(30966), 31000);
  assert.strictEqual(roundSig(9.090909), 9.09);
  assert.strictEqual(roundSig(8.3249), 8.32);
  assert.strictEqual(roundSig(-3.4123e9), -3.41e9);
});

it("roundSig(x) carries into the next power of ten", () => {
  assert.strictEqual(roundSig(999.5), 1000);
  assert.strictEqual(roundSig(0.99951), 1);
});

it("roundSig(x, digits) takes other precisions; 0 stays 0", () => {
  assert.strictEqual(roundSig(24.61e6, 2), 25e6);
  assert.strictEqual(roundSig(0), 0);
  assert.strictEqual(roundSig(0.1 + 0.2, 12), 0.3);
});

it("roundSig(x) rejects NaN and infinities", () => {
  assert.throws(() => roundSig(Number.NaN), /invalid figure value: NaN/);
  assert.throws(() => roundSig(Number.POSITIVE_INFINITY), /invalid figure value: Infinity/);
});
