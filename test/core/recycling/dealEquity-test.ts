import {assert, it} from "vitest";
import {dealEquityGain, dealEquitySeries} from "../../../src/core/recycling/dealEquity.js";
import {dealInvestment} from "../../../src/core/recycling/dealInvestment.js";
import {assertInDelta} from "../../asserts.js";
import {amazonAnthropic, withDeal} from "../commitment/fixtures.js";

it("dealEquitySeries(deal) lists marks and valuations in USD, in date order", () => {
  assert.deepStrictEqual(
    dealEquitySeries(amazonAnthropic).map((d) => [d.date, d.kind, d.usd / 1e9, d.status, d.bound, d.input]),
    [
      ["2024-03-27", "valuation", 18.4, "confirmed", "exact", "amazon-anthropic.valuations.v2024-03.postMoney"],
      ["2025-09-30", "mark", 39, "confirmed", "about", "amazon-anthropic.equityMarks.q3-2025"],
      ["2025-12-31", "mark", 60.6, "confirmed", "exact", "amazon-anthropic.equityMarks.fy-2025"],
      ["2026-05-28", "valuation", 965, "reported", "exact", "amazon-anthropic.valuations.series-h.postMoney"]
    ]
  );
});

it("dealEquitySeries(deal) is empty without marks or valuations", () => {
  assert.deepStrictEqual(dealEquitySeries(withDeal({equityMarks: [], valuations: []})), []);
});

it("dealEquityGain(deal, investment) is the latest mark minus the firm cash invested by its date", () => {
  const gain = dealEquityGain(amazonAnthropic, dealInvestment(amazonAnthropic))!;
  assertInDelta(gain.value / 1e9, 52.6); // 60.6 − (1.25 + 2.75 + 4); the 2026 tranches come after the mark
  assert.strictEqual(gain.bound, "exact");
  assert.deepStrictEqual(gain.lineage.inputs, [
    "amazon-anthropic.equityMarks.fy-2025",
    "amazon-anthropic.tranches.t2023-initial.amount",
    "amazon-anthropic.tranches.t2024-second.amount",
    "amazon-anthropic.tranches.t2024-third.amount"
  ]);
});

it("dealEquityGain(deal, investment) is the whole mark when nothing was paid by then, and null without a mark", () => {
  const early = withDeal({equityMarks: [{id: "m", date: "2020-01-01", value: amazonAnthropic.equityMarks[0].value}]});
  const gain = dealEquityGain(early, dealInvestment(early))!;
  assert.strictEqual(gain.value, 39e9);
  assert.strictEqual(gain.bound, "about");
  const none = withDeal({equityMarks: []});
  assert.strictEqual(dealEquityGain(none, dealInvestment(none)), null);
});

it("dealEquitySeries(deal) marks a valuation offered but not taken as an offer, not a post-money valuation", () => {
  const offered = withDeal({
    equityMarks: [],
    valuations: [
      {
        id: "vc-offers",
        date: "2026-04-15",
        round: "Pre-emptive VC offers (rebuffed)",
        postMoney: {value: 800, unit: "usd-bn", status: "estimate", bound: "at-least", source: "s", asOf: "2026-04-15"},
        offer: true
      }
    ]
  });
  assert.deepStrictEqual(
    dealEquitySeries(offered).map((d) => [d.kind, d.usd / 1e9, d.bound]),
    [["offer", 800, "at-least"]]
  );
});
