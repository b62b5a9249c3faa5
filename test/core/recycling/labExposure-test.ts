import {assert, beforeAll, it} from "vitest";
import type {Dataset} from "../../../src/core/model.js";
import {labExposure} from "../../../src/core/recycling/labExposure.js";
import {readValidDataset} from "../../../src/io/readDataset.js";
import {assertInDelta} from "../../asserts.js";
import {amazonAnthropic, commitmentFrom, fact, withDeal} from "../commitment/fixtures.js";

it("labExposure(dataset) sums a lab's commitments over its deals and divides by its revenue", () => {
  const companies = [
    {id: "amazon", name: "Amazon"},
    {id: "aws", name: "AWS", parent: "amazon"},
    {id: "anthropic", name: "Anthropic", revenue: fact(30)}
  ];
  const other = withDeal({id: "google-anthropic", commitments: commitmentFrom("2027-01-01", 200, 5)});
  const noCommitment = withDeal({id: "chips-only", commitments: []});
  const [row] = labExposure({companies, deals: [amazonAnthropic, other, noCommitment]});
  // (100 + 200) ÷ 30 = 10 years of revenue; the deal with no dollar commitment is left out.
  assert.strictEqual(row.lab, "anthropic");
  assert.deepStrictEqual(row.deals, ["amazon-anthropic", "google-anthropic"]);
  assertInDelta(row.commitmentsUsd.value / 1e9, 300);
  assertInDelta(row.revenueUsd!.value / 1e9, 30);
  assertInDelta(row.yearsOfRevenue!.value, 10);
  assert(row.yearsOfRevenue!.lineage.inputs.includes("companies.anthropic.revenue"));
  // Without a sourced revenue there is no ratio.
  assert.strictEqual(labExposure({companies: companies.slice(0, 2), deals: [amazonAnthropic]})[0].yearsOfRevenue, null);
});

let data: Dataset;
beforeAll(async () => {
  data = await readValidDataset("data");
});

it("labExposure(data) covers Anthropic and OpenAI with their sourced revenue", () => {
  const rows = labExposure(data);
  assert.deepStrictEqual(rows.map((d) => d.lab).sort(), ["anthropic", "openai"]);
  for (const row of rows) assertInDelta(row.yearsOfRevenue!.value, row.commitmentsUsd.value / row.revenueUsd!.value);
});
