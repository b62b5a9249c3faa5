import {assert, it} from "vitest";
import {dealInvestment, newMoneyDate} from "../../../src/core/recycling/dealInvestment.js";
import {amazonAnthropic, commitmentFrom, withDeal} from "../commitment/fixtures.js";

it("dealInvestment(deal) sums the founding deal's firm and maximum investment in USD", () => {
  const {firmUsd, maxUsd, contingentUsd, tranches} = dealInvestment(amazonAnthropic);
  assert.strictEqual(firmUsd.value, 13e9); // 1.25 + 2.75 + 4 + 5
  assert.strictEqual(maxUsd.value, 33e9); // + 20 of milestones
  assert.strictEqual(contingentUsd.value, 20e9);
  assert.deepStrictEqual(firmUsd.lineage, {
    inputs: [
      "amazon-anthropic.tranches.t2023-initial.amount",
      "amazon-anthropic.tranches.t2024-second.amount",
      "amazon-anthropic.tranches.t2024-third.amount",
      "amazon-anthropic.tranches.t2026-fresh.amount"
    ],
    status: "confirmed"
  });
  assert.strictEqual(firmUsd.bound, "exact");
  assert.strictEqual(maxUsd.bound, "up-to");
  assert.strictEqual(maxUsd.lineage.status, "reported");
  assert.deepStrictEqual(
    tranches.map((t) => [t.year, t.usd / 1e9, t.firm]),
    [
      [2023, 1.25, true],
      [2024, 2.75, true],
      [2024, 4, true],
      [2026, 5, true],
      [2026, 20, false]
    ]
  );
});

it("dealInvestment(deal, {since}) counts only the tranches dated on or after since", () => {
  const {firmUsd, maxUsd} = dealInvestment(amazonAnthropic, {since: "2026-04-20"});
  assert.strictEqual(firmUsd.value, 5e9);
  assert.strictEqual(maxUsd.value, 25e9);
  assert.deepStrictEqual(firmUsd.lineage.inputs, ["amazon-anthropic.tranches.t2026-fresh.amount"]);
  assert.throws(() => dealInvestment(amazonAnthropic, {since: "2026-4-20"}), /invalid date: 2026-4-20/);
});

it("dealInvestment(deal) without tranches is zero with no inputs", () => {
  const {firmUsd, maxUsd, tranches} = dealInvestment(withDeal({tranches: []}));
  assert.deepStrictEqual(firmUsd, {value: 0, unit: "usd", bound: "exact", lineage: {inputs: [], status: "estimate"}});
  assert.strictEqual(maxUsd.value, 0);
  assert.deepStrictEqual(tranches, []);
});

it("newMoneyDate(deal) is the earlier of the announcement and the first commitment's start", () => {
  assert.strictEqual(newMoneyDate(amazonAnthropic), "2026-04-20");
  assert.strictEqual(newMoneyDate(withDeal({commitments: commitmentFrom("2025-11-03")})), "2025-11-03");
  assert.strictEqual(newMoneyDate(withDeal({commitments: commitmentFrom("2027-01-01")})), "2026-04-20");
  assert.strictEqual(newMoneyDate(withDeal({commitments: []})), "2026-04-20");
});
