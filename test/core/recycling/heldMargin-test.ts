import {assert, it} from "vitest";
import {heldMarginText} from "../../../src/core/recycling/heldMargin.js";
import {heldMarginCostPv} from "../../../src/core/recycling/projectDealRecycling.js";
import {assertInDelta} from "../../asserts.js";

it("heldMarginCostPv: the margins' gap × each year's revenue, discounted from the start of its year to 1 January 2026", () => {
  // 0.06 × (10 in 2026, not discounted + 11 in 2027 ÷ 1.1) = 0.06 × 20 = 1.2.
  assertInDelta(
    heldMarginCostPv(
      [
        {year: 2026, revenue: 10},
        {year: 2027, revenue: 11}
      ],
      0.41,
      0.35,
      0.1
    ),
    1.2,
    1e-12
  );
  // A held margin above the implied one is a saving: the cost is negative, the NPV rises.
  assertInDelta(heldMarginCostPv([{year: 2028, revenue: 12.1}], 0.3, 0.35, 0.1), -0.05 * 10, 1e-12);
  assert.strictEqual(heldMarginCostPv([{year: 2027, revenue: 5}], 0.35, 0.35, 0.1), 0);
});

it("heldMarginText: the guidance and the reported margin, each in one clause, with the median where there are draws", () => {
  const npv = {value: 34.8e9, unit: "usd", bound: "about" as const, lineage: {inputs: [], status: "estimate" as const}};
  assert.strictEqual(
    heldMarginText("Oracle", {
      heldMargin: {value: 0.35, basis: "guidance", status: "estimate"},
      impliedMargin: 0.408,
      npvAtHeldMarginUsd: npv,
      baseCase: {npvUsd: 49.8e9, operatingProfitUsd: null, paybackYear: null}
    }),
    "held at Oracle's own 35% gross margin for a very large AI contract (estimate), not the flows' about 41%, the median cash NPV would be about $34.8B"
  );
  assert.strictEqual(
    heldMarginText("AWS", {
      heldMargin: {value: 0.354, basis: "reported", status: "estimate"},
      impliedMargin: 0.306,
      npvAtHeldMarginUsd: {...npv, value: -6.07e9}
    }),
    "held at AWS's reported 35.4% operating margin (after overheads), not the flows' about 31%, the cash NPV would be about −$6.07B"
  );
  assert.strictEqual(heldMarginText("AWS", {heldMargin: null, impliedMargin: null, npvAtHeldMarginUsd: null}), "");
});
