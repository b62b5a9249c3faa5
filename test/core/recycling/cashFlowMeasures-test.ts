import fc from "fast-check";
import {assert, it} from "vitest";
import {lastYearWith, netPresentValue, paybackYear} from "../../../src/core/recycling/cashFlowMeasures.js";
import {assertInDelta} from "../../asserts.js";

it("paybackYear(cumulative, firstYear) is the first year from which the cumulative stays at or above zero", () => {
  assert.strictEqual(paybackYear([-5, -2, 1, 4], 2026), 2028);
  assert.strictEqual(paybackYear([-5, 0, 1], 2026), 2027);
  assert.strictEqual(paybackYear([1, -1, 2], 2026), 2028);
});

it("paybackYear(cumulative, firstYear) is the first year when the cumulative never goes negative", () => {
  assert.strictEqual(paybackYear([0, 1, 2], 2026), 2026);
});

it("paybackYear(cumulative, firstYear) is null when the cumulative ends below zero, or for no flows", () => {
  assert.strictEqual(paybackYear([1, -1], 2026), null);
  assert.strictEqual(paybackYear([], 2026), null);
  assert.strictEqual(paybackYear([Number.NaN], 2026), null);
});

it("netPresentValue(flows, rate) discounts to the first flow's year", () => {
  assertInDelta(netPresentValue([-10, 11], 0.1), 0); // −10 + 11/1.1
  assertInDelta(netPresentValue([0.5, 2.5], 0.1), 0.5 + 2.5 / 1.1);
  assert.strictEqual(netPresentValue([100], 0.5), 100);
  assert.strictEqual(netPresentValue([], 0.1), 0);
  assert.strictEqual(netPresentValue([1, 2, 3], 0), 6);
});

it("netPresentValue(flows, rate, {firstYear, valuationYear}) compounds flows before the valuation year and discounts those after", () => {
  // 2025: −10 × 1.1 = −11; 2026: 11; 2027: 12.1 ÷ 1.1 = 11 → 11
  assertInDelta(netPresentValue([-10, 11, 12.1], 0.1, {firstYear: 2025, valuationYear: 2026}), 11);
  // all after: 2028 and 2029 to 2026: 1.21 ÷ 1.21 + 1.331 ÷ 1.331 = 2
  assertInDelta(netPresentValue([1.21, 1.331], 0.1, {firstYear: 2028, valuationYear: 2026}), 2);
  assertInDelta(netPresentValue([-10, 11], 0.1, {firstYear: 2026, valuationYear: 2026}), netPresentValue([-10, 11], 0.1));
});

it("netPresentValue(flows, rate) rejects a rate of −1 or less", () => {
  assert.throws(() => netPresentValue([1], -1), /invalid rate: -1/);
  assert.throws(() => netPresentValue([1], Number.NaN), /invalid rate: NaN/);
});

it("netPresentValue(flows, rate) of positive flows falls as the rate rises", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({min: 0, max: 1e9, noNaN: true}), {maxLength: 15}),
      fc.double({min: 0, max: 0.5, noNaN: true}),
      (flows, rate) => {
        assert(netPresentValue(flows, rate + 0.01) <= netPresentValue(flows, rate) + 1e-6);
      }
    )
  );
});

it("lastYearWith(rows, amount) is the last year with an amount above zero: the draw's last year of spend", () => {
  // 2033 spends 2, 2034 nothing: the spend ends in 2033; no spend at all: null.
  const rows = [
    {year: 2032, spend: 5},
    {year: 2033, spend: 2},
    {year: 2034, spend: 0}
  ];
  assert.strictEqual(
    lastYearWith(rows, (r) => r.spend),
    2033
  );
  assert.isNull(lastYearWith([{year: 2030, spend: 0}], (r) => r.spend));
  assert.isNull(lastYearWith([], () => 1));
});
