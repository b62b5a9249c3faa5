import {assert, it} from "vitest";
import {plusMinus} from "../../../src/core/format/figureWords.js";

it("plusMinus(value, error, unit) writes the error to two significant figures, never finer than the value's last digit", () => {
  // $1.23B shows $10M steps: 24.6M → 25M (two figures) → 20M (the value's last digit is tens of millions).
  assert.strictEqual(plusMinus(1.2345e9, 24.6e6, "usd"), "$1.23B ± $20M");
  // The critic's case: "$2.02B ± $19M" claimed a digit the value does not show.
  assert.strictEqual(plusMinus(2.02e9, 19e6, "usd"), "$2.02B ± $20M");
  // An error below the value's last digit is written as that digit, not as 0.
  assert.strictEqual(plusMinus(2.02e9, 3e6, "usd"), "$2.02B ± $10M");
  assert.strictEqual(plusMinus(2.5e9, 0, "usd"), "$2.5B ± $0");
  // 9.09 shows hundredths: 0.4567 → 0.46, already at that digit.
  assert.strictEqual(plusMinus(9.0909, 0.4567, "gw-years"), "9.09 GW-years ± 0.46 GW-years");
  assert.strictEqual(plusMinus(707_000, 4_850, "usd"), "$707,000 ± $5,000");
});

it("plusMinus(value, error, unit) rejects NaN", () => {
  assert.throws(() => plusMinus(1, Number.NaN, "usd"), /invalid figure value/);
});
