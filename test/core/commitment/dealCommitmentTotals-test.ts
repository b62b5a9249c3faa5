import {assert, it} from "vitest";
import {dealCommitmentTotals} from "../../../src/core/commitment/dealCommitmentTotals.js";
import {assertInDelta} from "../../asserts.js";
import {amazonAnthropic, fact, withDeal} from "./fixtures.js";

it("dealCommitmentTotals(deal) returns the commitment in USD with its bound and lineage", () => {
  const totals = dealCommitmentTotals(amazonAnthropic)!;
  assert.deepStrictEqual(totals.totalUsd, {
    value: 100e9,
    unit: "usd",
    bound: "at-least",
    lineage: {inputs: ["amazon-anthropic.commitments.aws-2026.amount"], status: "confirmed"}
  });
  assert.deepStrictEqual(totals.years, {
    value: 10,
    unit: "years",
    bound: "exact",
    lineage: {inputs: ["amazon-anthropic.commitments.aws-2026.years"], status: "confirmed"}
  });
  assert.strictEqual(totals.start, "2026-04-20");
  assert.deepStrictEqual(totals.terms, [{id: "aws-2026", usd: 100e9, years: 10, start: "2026-04-20"}]);
});

it("dealCommitmentTotals(deal) sums several commitments over the span from the earliest start to the latest end", () => {
  const deal = withDeal({
    id: "amazon-openai",
    commitments: [
      {id: "aws-2025", label: "", amount: fact(38), years: fact(7, "years"), start: "2025-11-03", platform: ""},
      {id: "aws-2026", label: "", amount: fact(100, "usd-bn", "reported"), years: fact(8, "years"), start: "2026-02-27", platform: ""}
    ]
  });
  const totals = dealCommitmentTotals(deal)!;
  assert.strictEqual(totals.totalUsd.value, 138e9);
  assert.strictEqual(totals.totalUsd.lineage.status, "reported");
  assert.deepStrictEqual(totals.totalUsd.lineage.inputs, [
    "amazon-openai.commitments.aws-2025.amount",
    "amazon-openai.commitments.aws-2026.amount"
  ]);
  // from 2025 + 306/365 to 2026 + 57/365 + 8 = 2034.1562: 8.3178 years
  assertInDelta(totals.years.value, 2034 + 57 / 365 - (2025 + 306 / 365));
  assert.strictEqual(totals.start, "2025-11-03");
});

it("dealCommitmentTotals(deal) is null without a commitment", () => {
  assert.strictEqual(dealCommitmentTotals(withDeal({commitments: []})), null);
});

it("dealCommitmentTotals(deal) rejects a term not in years", () => {
  const [c] = amazonAnthropic.commitments;
  assert.throws(() => dealCommitmentTotals(withDeal({commitments: [{...c, years: fact(120, "months")}]})), /invalid unit: months/);
});
