import {assert, it} from "vitest";
import {plusMinus} from "../../../src/core/format/figureWords.js";

it("plusMinus(value, error, unit) writes the error to two significant figures", () => {
  assert.strictEqual(plusMinus(1.2345e9, 24.6e6, "usd"), "$1.23B ± $25M");
  assert.strictEqual(plusMinus(2.5e9, 0, "usd"), "$2.5B ± $0");
  assert.strictEqual(plusMinus(9.0909, 0.4567, "gw-years"), "9.09 GW-years ± 0.46 GW-years");
});

it("plusMinus(value, error, unit) rejects NaN", () => {
  assert.throws(() => plusMinus(1, Number.NaN, "usd"), /invalid figure value/);
});
