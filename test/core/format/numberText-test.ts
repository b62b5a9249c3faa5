import {assert, it} from "vitest";
import {numberText} from "../../../src/core/format/numbers.js";

it("numberText(x) writes three significant figures with thousands separators and no trailing zeros", () => {
  assert.strictEqual(numberText(4006744), "4,010,000");
  assert.strictEqual(numberText(30966), "31,000");
  assert.strictEqual(numberText(9.0909), "9.09");
  assert.strictEqual(numberText(2), "2");
  assert.strictEqual(numberText(1.5), "1.5");
  assert.strictEqual(numberText(0.001234), "0.00123");
});

it("numberText(999.5) is 1,000: rounding carries into the next power of ten", () => {
  assert.strictEqual(numberText(999.5), "1,000");
  assert.strictEqual(numberText(999.4), "999");
});

it("numberText(x, 'as-written') keeps a sourced value's digits, without binary noise", () => {
  assert.strictEqual(numberText(2.75, "as-written"), "2.75");
  assert.strictEqual(numberText(1.125, "as-written"), "1.125");
  assert.strictEqual(numberText(4006744, "as-written"), "4,006,744");
  assert.strictEqual(numberText(0.1 + 0.2, "as-written"), "0.3");
});

it("numberText(x) writes zero as 0 and negatives with a true minus sign", () => {
  assert.strictEqual(numberText(0), "0");
  assert.strictEqual(numberText(-0), "0");
  assert.strictEqual(numberText(-3.4123), "−3.41");
  assert.strictEqual(numberText(-1234567), "−1,230,000");
});

it("numberText(x) rejects NaN", () => {
  assert.throws(() => numberText(Number.NaN), /invalid figure value: NaN/);
});
