import {assert, it} from "vitest";
import {leaningRangesWords, oneSidedIds, oneSidedWords} from "../../docs/components/sections/methodology.js";
import {tornadoRow} from "../core/uncertainty/tornadoRow.js";

it("oneSidedWords names the ranges that lie on one side of their base, with the share of draws below it: (base − low) ÷ (high − low)", () => {
  const slip = {id: "slip-months", unit: "months", low: 0, base: 0, high: 18};
  const renewal = {id: "it-renewal-share", unit: "fraction", low: 0, base: 0.5, high: 0.6};
  // 0.5 ÷ 0.6 = 83.3% of draws below the base (83% as pct prints it).
  assert.match(
    oneSidedWords([slip, renewal]),
    /^Two ranges lie mostly on one side of their base: slip \(0 to 18 months, base 0 months\), so no draw is ahead of schedule, and the IT renewal share \(0% to 60%, base 50%\), below its base in 83% of draws \(renewing more eagerly than the base case\); so a deal's median cash NPV can sit below its base case, even on the other side of zero\. $/
  );
  // Centred ranges say nothing.
  assert.strictEqual(
    oneSidedWords([
      {...slip, base: 9},
      {...renewal, low: 0.4}
    ]),
    ""
  );
  assert.match(oneSidedWords([slip]), /^One range lies mostly on one side of their base: slip/);
});

it("leaningRangesWords names each other range that moves the cash NPV by the side of its base its draws lean to, read from the deal's tornado", () => {
  const rows = [
    // Staff: base 0.26 in 0.15–0.6, (0.26 − 0.15) ÷ 0.45 = 24.4% of draws below it; a higher cost lowers the NPV, so
    // 1 − 0.244 = 75.6% (76%) of draws fall on the worse side.
    tornadoRow({id: "opex", label: "Staff per GW-year", low: 0.15, high: 0.6, valueAtLow: -6, valueAtHigh: -9, baseValue: -7}),
    // Load factor: base 0.8 in 0.5–1, 0.3 ÷ 0.5 = 60% below; a lower load factor raises the NPV, so 60% on the better side.
    tornadoRow({id: "load", label: "Average load factor", low: 0.5, high: 1, valueAtLow: -6, valueAtHigh: -8, baseValue: -7}),
    // Credits: base 0 at the low end, more credits raise the NPV: every draw on the better side.
    tornadoRow({id: "credit", label: "Cloud credits (share)", low: 0, high: 0.5, valueAtLow: -7, valueAtHigh: -5, baseValue: -7}),
    // IT share: base 0.7 in 0.6–0.77, 0.1 ÷ 0.17 = 58.8% below; a higher share lowers the NPV: 41.2% worse, 59% better.
    tornadoRow({id: "it", label: "IT share of capex", low: 0.6, high: 0.77, valueAtLow: -6, valueAtHigh: -8, baseValue: -7}),
    // Price: base 11 in 7–15, 50%: centred.
    tornadoRow({id: "price", label: "Contract revenue", low: 7, high: 15, valueAtLow: -40, valueAtHigh: 8, baseValue: -7}),
    // Slip is named by oneSidedWords, so left out here; a row that moves nothing is left out too.
    tornadoRow({id: "slip-months", label: "Delivery slip", low: 0, high: 18, valueAtLow: -7, valueAtHigh: -8, baseValue: -7}),
    tornadoRow({id: "pue", label: "PUE", low: 1.08, high: 1.3, valueAtLow: -7, valueAtHigh: -7, baseValue: -7})
  ];
  const assumptions = {opex: 0.26, load: 0.8, credit: 0, it: 0.7, price: 11, "slip-months": 0, pue: 1.15};
  assert.strictEqual(
    leaningRangesWords({tornado: {"recycling.npvUsd": rows}, assumptions}, ["slip-months"]),
    "Of the other ranges that move this deal's cash NPV, one puts more of its draws on the side of its base that lowers it: staff per GW-year (76% of draws); three on the side that raises it: cloud credits (every draw), average load factor (60% of draws) and IT share of capex (59%); and one is centred on its base: contract revenue. "
  );
  // Named deal (the market briefing), no range skipped, only centred ranges.
  assert.strictEqual(
    leaningRangesWords({tornado: {"recycling.npvUsd": [rows[4]]}, assumptions}, [], "Amazon → Anthropic"),
    "Of the ranges that move Amazon → Anthropic's cash NPV, one is centred on its base: contract revenue. "
  );
  // Only ranges leaning to the better side: the count leads that part.
  assert.match(
    leaningRangesWords({tornado: {"recycling.npvUsd": [rows[1]]}, assumptions}),
    /^Of the ranges that move this deal's cash NPV, one puts more of its draws on the side that raises it: average load factor \(60% of draws\)\. $/
  );
  // No tornado (a deal without a cash NPV): nothing.
  assert.strictEqual(leaningRangesWords({tornado: {}, assumptions}), "");
  assert.deepStrictEqual(
    oneSidedIds([
      {id: "slip-months", low: 0, base: 0, high: 18},
      {id: "it-renewal-share", low: 0, base: 0.5, high: 0.6}
    ]),
    ["slip-months", "it-renewal-share"]
  );
});
