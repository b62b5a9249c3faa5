import {assert, it} from "vitest";
import {usd} from "../../../src/core/format/money.js";

it("usd(x) uses T, B and M with three significant figures", () => {
  assert.strictEqual(usd(1.3e10), "$13B");
  assert.strictEqual(usd(1.25e9), "$1.25B");
  assert.strictEqual(usd(7.5e8), "$750M");
  assert.strictEqual(usd(1.2e12), "$1.2T");
  assert.strictEqual(usd(24_612_345), "$24.6M");
  assert.strictEqual(usd(10.987e9), "$11B");
  assert.strictEqual(usd(1234), "$1,230");
  assert.strictEqual(usd(0), "$0");
});

it("usd(x) rounds before it chooses the scale: $999.5M is $1B, not $1,000M", () => {
  assert.strictEqual(usd(999.5e6), "$1B");
  assert.strictEqual(usd(999.4e6), "$999M");
  assert.strictEqual(usd(999.6e9), "$1T");
});

it("usd(x) puts a true minus sign before the dollar sign", () => {
  assert.strictEqual(usd(-3.4123e9), "−$3.41B");
  assert.strictEqual(usd(-750e6), "−$750M");
});

it("usd(x, 'as-written') keeps a sourced amount's digits", () => {
  assert.strictEqual(usd(2.75e9, "as-written"), "$2.75B");
  assert.strictEqual(usd(1.125e9, "as-written"), "$1.125B");
  assert.strictEqual(usd(0.35e9, "as-written"), "$350M");
});

it("usd(x) rejects NaN", () => {
  assert.throws(() => usd(Number.NaN), /invalid figure value/);
});
