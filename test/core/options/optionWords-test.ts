import {assert, it} from "vitest";
import {isNilOptionValue, OPTION_NIL_SHARE, optionCellText, optionNilText, optionValueText} from "../../../src/core/index.js";

it("optionValueText: an option value reads 'about' (computed from assumptions), and under 0.1% of the strike 'next to nothing' (critic s16 #2)", () => {
  // Strike $17.6B per GW-year (Amazon → Anthropic: $11B × 1.6); nil under 0.1% of it = $17.6M.
  const strike = 17.6e9;
  assert.strictEqual(OPTION_NIL_SHARE, 0.001);
  assert.isTrue(isNilOptionValue(17.5e6, strike));
  assert.isFalse(isNilOptionValue(17.7e6, strike));
  assert.strictEqual(optionValueText(1.64e9, strike), "about $1.64B");
  assert.strictEqual(optionValueText(5.57e9, strike), "about $5.57B");
  assert.strictEqual(optionValueText(0.352, strike), "next to nothing");
  assert.strictEqual(optionCellText(1.64e9, strike), "$1.64B");
  // The σ = 10% row the critic read: "$1.35M $111,000 $8,890 $709 $56.2 $4.45 $0.352" are all under $17.6M.
  for (const v of [1.35e6, 111_000, 8_890, 709, 56.2, 4.45, 0.352]) assert.strictEqual(optionCellText(v, strike), "≈$0");
  assert.strictEqual(optionCellText(588e6, strike), "$588M");
  assert.strictEqual(optionNilText(strike), "under $17.6M, 0.1% of its $17.6B price");
});
