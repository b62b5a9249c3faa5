import {assert, it} from "vitest";
import {compareDeals} from "../../../src/core/comparison/compareDeals.js";
import {dealStatusMix} from "../../../src/core/comparison/dealStatusMix.js";
import {assertInDelta} from "../../asserts.js";
import {amazonAnthropic} from "../commitment/fixtures.js";
import {dataset} from "./fixtures.js";

it("compareDeals(dataset) returns one row per deal in the dataset's order", () => {
  assert.deepStrictEqual(
    compareDeals(dataset).map((d) => d.id),
    ["amazon-anthropic", "amazon-openai", "nvidia-openai"]
  );
  assert.deepStrictEqual(compareDeals({...dataset, deals: []}), []);
});

it("compareDeals(dataset) normalizes the founding deal: $10B a year, $20B per GW, 7.7× its firm investment", () => {
  const [row] = compareDeals(dataset);
  assert.deepStrictEqual(row.investors, [{id: "amazon", name: "Amazon"}]);
  assert.deepStrictEqual(row.lab, {id: "anthropic", name: "Anthropic"});
  assert.deepStrictEqual(row.provider, {id: "aws", name: "AWS"});
  assert.strictEqual(row.status, "active");
  assert.strictEqual(row.announced, "2026-04-20");
  assert.strictEqual(row.investmentFirmUsd.value, 13e9);
  assert.strictEqual(row.investmentMaxUsd.value, 33e9);
  assert.strictEqual(row.commitmentUsd!.value, 100e9);
  assert.strictEqual(row.years!.value, 10);
  assert.strictEqual(row.usdPerYear!.value, 10e9); // 100 ÷ 10
  assert.strictEqual(row.usdPerYear!.bound, "at-least");
  assert.strictEqual(row.gw!.value, 5);
  assert.strictEqual(row.usdPerGw!.value, 20e9); // over $100B ÷ up to 5 GW: at least $20B per GW
  assert.strictEqual(row.usdPerGw!.bound, "at-least");
  assert.deepStrictEqual(row.usdPerGw!.lineage.inputs, [
    "amazon-anthropic.capacity.ceiling",
    "amazon-anthropic.commitments.aws-2026.amount"
  ]);
  assertInDelta(row.commitmentToInvestment!.value, 100 / 13);
  assert.deepStrictEqual(row.chips, ["Trainium2", "Trainium3"]);
  assert.deepStrictEqual(row.otherHardware, ["Graviton CPUs"]);
  assert.strictEqual(row.boardSeat, false);
  assert.strictEqual(row.boardSeatStatus, "confirmed");
  assert.strictEqual(row.stake, null);
});

it("compareDeals(dataset) spans several commitments and falls back to ids for unknown chips and companies", () => {
  const row = compareDeals(dataset)[1];
  assert.strictEqual(row.commitmentUsd!.value, 138e9);
  const years = 2034 + 57 / 365 - (2025 + 306 / 365); // 2025-11-03 to 2026-02-27 + 8 years
  assertInDelta(row.years!.value, years);
  // The two contracts ($38B over 7 years, $100B over 8) run together: their rates add (not 138 ÷ the span).
  assertInDelta(row.usdPerYear!.value / 1e9, 38 / 7 + 100 / 8);
  assert.strictEqual(row.usdPerGw!.value, 69e9); // 138 ÷ about 2 GW
  assert.strictEqual(row.usdPerGw!.bound, "about");
  assertInDelta(row.commitmentToInvestment!.value, 138 / 15);
  assert.deepStrictEqual(row.chips, ["gb200", "Trainium3"]);
  assert.deepStrictEqual(compareDeals(dataset)[2].provider, {id: "nvidia", name: "nvidia"});
});

it("compareDeals(dataset) leaves commitment metrics null for an equity-only deal", () => {
  const row = compareDeals(dataset)[2];
  assert.strictEqual(row.investmentFirmUsd.value, 30e9);
  for (const key of ["commitmentUsd", "years", "usdPerYear", "gw", "usdPerGw", "commitmentToInvestment"] as const)
    assert.strictEqual(row[key], null, key);
  assert.deepStrictEqual(row.stake, {
    value: 0.02,
    unit: "fraction",
    bound: "exact",
    lineage: {inputs: ["nvidia-openai.governance.stake"], status: "estimate"}
  });
  assert.strictEqual(row.status, "superseded");
});

it("compareDeals(dataset) has no commitment ÷ investment without firm investment", () => {
  const [row] = compareDeals({...dataset, deals: [{...amazonAnthropic, tranches: []}]});
  assert.strictEqual(row.commitmentToInvestment, null);
  assert.strictEqual(row.investmentFirmUsd.value, 0);
});

it("dealStatusMix(deal) counts the deal's sourced figures by status", () => {
  // confirmed: 4 firm tranches, amount and years, ceiling, board seat, 1 valuation, 2 marks = 11;
  // reported: the milestones and the Series H valuation = 2
  assert.deepStrictEqual(dealStatusMix(amazonAnthropic), {confirmed: 11, reported: 2, estimate: 0, assumption: 0});
  assert.deepStrictEqual(compareDeals(dataset)[0].statusMix, dealStatusMix(amazonAnthropic));
});

it("compareDeals(dataset) sets the commitment against the provider's group's money only: a second investor's is not pooled", () => {
  // Amazon's $13B firm and a chip maker's $10B beside it: the ratio stays 100 ÷ 13 (Amazon, AWS's parent), not 100 ÷ 23.
  const nvidia = {
    ...amazonAnthropic.tranches[3],
    id: "t-nvidia",
    investor: "nvidia",
    amount: {...amazonAnthropic.tranches[3].amount, value: 10}
  };
  const deal = {...amazonAnthropic, investors: ["amazon", "nvidia"], tranches: [...amazonAnthropic.tranches, nvidia]};
  const [row] = compareDeals({...dataset, deals: [deal]});
  assert.strictEqual(row.investmentFirmUsd.value, 23e9, "the table still shows every investor's money");
  assertInDelta(row.commitmentToInvestment!.value, 100 / 13);
  assert.deepStrictEqual(row.ratioInvestors, [{id: "amazon", name: "Amazon"}]);
});
