import {assert, beforeAll, it} from "vitest";
import {type AssumptionValues, scenarioValues} from "../../../src/core/assumptions.js";
import {projectDealCommitment} from "../../../src/core/commitment/projectDealCommitment.js";
import {articleTable} from "../../../src/core/comparison/articleTable.js";
import type {Dataset, Deal} from "../../../src/core/model.js";
import {projectDealRecycling} from "../../../src/core/recycling/projectDealRecycling.js";
import {readValidDataset} from "../../../src/io/readDataset.js";
import {assertInDelta} from "../../asserts.js";

let data: Dataset;
let deal: Deal;
let values: AssumptionValues;

beforeAll(async () => {
  data = await readValidDataset("data");
  deal = data.deals.find((d) => d.id === "amazon-anthropic")!;
  values = scenarioValues(data.assumptions, data.scenarios.find((s) => s.id === "base")!).values;
});

it("projectDealCommitment(amazon-anthropic, base) reads over $100B as about 9.09 GW-years against 50", () => {
  const commitment = projectDealCommitment(deal, values, data.assumptions)!;
  assert.strictEqual(commitment.totalUsd.value, 100e9);
  assert.strictEqual(commitment.totalUsd.bound, "at-least");
  assertInDelta(commitment.gwYears.contract.value, 100 / 11); // $100B ÷ $11B per GW-year
  assert.strictEqual(commitment.ceilingGwYears!.value, 50); // 5 GW × 10 years
  assert.match(commitment.reading, /^Over \$100B buys about 9\.09 GW-years at \$11B per GW-year: 18% of the 50 GW-years/);
});

it("projectDealRecycling(amazon-anthropic, base) gives 5% new, 13% firm and 33% max investment ÷ commitment", () => {
  const recycling = projectDealRecycling(deal, projectDealCommitment(deal, values, data.assumptions), values, data.assumptions);
  assertInDelta(recycling.investmentToCommitmentNew!.value, 0.05); // 5 ÷ 100
  assertInDelta(recycling.investmentToCommitmentFirm!.value, 0.13); // 13 ÷ 100
  assertInDelta(recycling.investmentToCommitmentMax!.value, 0.33); // 33 ÷ 100
  // The operating profit is the one the flows imply, their margin beside AWS's reported one (a check, not an input).
  assertInDelta(recycling.operatingProfitUsd!.value, recycling.impliedMargin! * 100e9, 1);
  assert.strictEqual(recycling.margin.id, "margin-aws");
  assertInDelta(recycling.equityGainUsd!.value / 1e9, 60.6 - 8); // end-2025 mark − the $8B paid by then
  assert.strictEqual(recycling.relationship.flows[0].year, 2023);
  assert.strictEqual(recycling.flows[0].year, 2026); // the headline counts this deal's new money
});

it("articleTable(data) finds the founding deal's $5B fresh of $13B", () => {
  const [cell] = articleTable(data, ["amazon-anthropic"]).rows[0].cells;
  assert.strictEqual(cell.figures.newFirm!.value, 5e9);
  assert.strictEqual(cell.figures.firm!.value, 13e9);
});

it("projectDealRecycling(microsoft-nvidia-anthropic, base): Nvidia's return counts the capacity the $30B keeps busy, and the up to 1 GW on top beside it (critic s9 M19)", () => {
  const mna = data.deals.find((d) => d.id === "microsoft-nvidia-anthropic")!;
  const r = projectDealRecycling(mna, projectDealCommitment(mna, values, data.assumptions), values, data.assumptions, {
    group: ["microsoft"],
    chipMakers: ["nvidia"]
  });
  const nvidia = r.chipMakers[0];
  // $30B over 5 years at $11B per GW-year keeps 30 ÷ 5 ÷ 11 = 0.5455 GW busy; its chips: capex × 70% IT × 74% Nvidia.
  assertInDelta(nvidia.gw, 30 / 5 / 11, 1e-9);
  assertInDelta(nvidia.chipsUsd, r.capexUsd!.value * 0.7 * 0.74, 1);
  // The 1 GW contracted on top, by the same formula: 1 × $40B × 0.7 × 0.74 = $20.72B of chips, × 73.4% = $15.20848B.
  assertInDelta(nvidia.onCeiling!.gw, 1, 0);
  assertInDelta(nvidia.onCeiling!.chipsUsd / 1e9, 20.72, 1e-9);
  assertInDelta(nvidia.onCeiling!.grossProfitUsd / 1e9, 20.72 * 0.734, 1e-9);
});
