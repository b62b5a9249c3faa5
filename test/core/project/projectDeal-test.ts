import {assert, beforeAll, it} from "vitest";
import {projectDeal} from "../../../src/core/index.js";
import type {Dataset} from "../../../src/core/model.js";
import {readValidDataset} from "../../../src/io/readDataset.js";
import {assertInDelta} from "../../asserts.js";

let dataset: Dataset;
beforeAll(async () => {
  dataset = await readValidDataset("data");
});

it("projectDeal(dataset, 'amazon-anthropic') reproduces the founding figures by hand", () => {
  const p = projectDeal(dataset, "amazon-anthropic", {draws: 0});
  const v = p.assumptions;
  // Capacity: up to 5 GW; IT power 5,000 MW ÷ PUE 1.15 = 4,347.83 MW; energy 5 GW × 8,760 h × 0.8 ÷ 1,000 = 35.04 TWh.
  assert.strictEqual(p.capacity!.gw.value, 5);
  assert.strictEqual(p.capacity!.gw.bound, "up-to");
  assertInDelta(p.capacity!.itMw.value, 5000 / v.pue, 1e-6);
  assertInDelta(p.capacity!.energyTwhPerYear.value, (5 * 8760 * v["load-factor"]) / 1000, 1e-9);
  // Commitment: over $100B ÷ $11B per GW-year = 9.0909 GW-years, against 5 GW × 10 years = 50 GW-years: 18.2%.
  assert.strictEqual(p.commitment!.totalUsd.value, 100e9);
  assert.strictEqual(p.commitment!.totalUsd.bound, "at-least");
  assertInDelta(p.commitment!.gwYears.contract.value, 100 / v["revenue-per-gw-year"], 1e-9);
  assertInDelta(p.commitment!.ceilingGwYears!.value, 50, 1e-9);
  assertInDelta(p.commitment!.coverage!.value, 100 / 11 / 50, 1e-9);
  // Recycling: $13B firm (1.25 + 2.75 + 4 + 5), $33B with the $20B of milestones; ÷ $100B.
  assert.strictEqual(p.recycling.investmentFirmUsd.value, 13e9);
  assert.strictEqual(p.recycling.investmentMaxUsd.value, 33e9);
  assertInDelta(p.recycling.investmentToCommitmentFirm!.value, 0.13, 1e-12);
  assertInDelta(p.recycling.investmentToCommitmentMax!.value, 0.33, 1e-12);
  assertInDelta(p.recycling.investmentToCommitmentNew!.value, 0.05, 1e-12);
});

it("projectDeal(…) carries lineage from facts and assumptions, with the weakest status", () => {
  const p = projectDeal(dataset, "amazon-anthropic", {draws: 0});
  const gwYears = p.commitment!.gwYears.contract;
  assert.include(gwYears.lineage.inputs, "amazon-anthropic.commitments.aws-2026.amount");
  assert.include(gwYears.lineage.inputs, "assumption:revenue-per-gw-year");
  assert.strictEqual(gwYears.lineage.status, "estimate");
  assert.deepStrictEqual(p.capacity!.gw.lineage, {inputs: ["amazon-anthropic.capacity.ceiling"], status: "reported"});
});

it("projectDeal(…, {draws}) gives ordered bands that hold the base case, and the same numbers for the same seed", () => {
  const a = projectDeal(dataset, "amazon-anthropic", {draws: 2000, seed: 7});
  const b = projectDeal(dataset, "amazon-anthropic", {draws: 2000, seed: 7});
  assert.deepStrictEqual(a.uncertainty, b.uncertainty);
  const banded = Object.entries(a.uncertainty!.figures).filter(([, s]) => s.p10 !== null);
  assert.isAbove(banded.length, 1, "figures with bands");
  // The payback's percentiles rank the draws that never pay back last: NaN there means "never", above every year.
  const never = (x: number) => (Number.isNaN(x) ? Number.POSITIVE_INFINITY : x);
  for (const [name, s] of banded) {
    assert.isAtMost(never(s.p10), never(s.p50), name);
    assert.isAtMost(never(s.p50), never(s.p90), name);
  }
  const gwYears = a.uncertainty!.figures["commitment.gwYears"];
  assert.isAtMost(gwYears.p10!, a.commitment!.gwYears.contract.value);
  assert.isAtLeast(gwYears.p90!, a.commitment!.gwYears.contract.value);
});

it("projectDeal(…) draws each deal from its own stream: another deal's presence changes nothing", () => {
  const alone: Dataset = {...dataset, deals: dataset.deals.filter((d) => d.id === "amazon-anthropic")};
  const a = projectDeal(alone, "amazon-anthropic", {draws: 500});
  const b = projectDeal(dataset, "amazon-anthropic", {draws: 500});
  assert.deepStrictEqual(a.uncertainty, b.uncertainty);
});

it("projectDeal(…, {scenario: 'slip'}) delays capacity but not the ceiling", () => {
  const base = projectDeal(dataset, "amazon-anthropic", {draws: 0});
  const slip = projectDeal(dataset, "amazon-anthropic", {draws: 0, scenario: "slip"});
  const at2026 = (p: typeof base) => p.capacity!.byYear.find((y) => y.year === 2026)!.gw;
  assertInDelta(at2026(base), 1, 1e-9);
  assert.isBelow(at2026(slip), at2026(base));
  assert.strictEqual(slip.capacity!.gw.value, 5);
});

it("projectDeal(…) runs for every deal under every scenario", () => {
  for (const deal of dataset.deals) {
    for (const scenario of dataset.scenarios) {
      const p = projectDeal(dataset, deal.id, {scenario: scenario.id, draws: 50});
      assert.strictEqual(p.deal, deal.id);
    }
  }
});

it("projectDeal(…) rejects unknown deals and scenarios", () => {
  assert.throws(() => projectDeal(dataset, "nope"), /invalid deal: nope/);
  assert.throws(() => projectDeal(dataset, "amazon-anthropic", {scenario: "nope"}), /invalid scenario: nope/);
});

it("projectDeal values only rights on a future generation, all from 1 January 2026, and spends along the delivered capacity", () => {
  const founding = projectDeal(dataset, "amazon-anthropic", {draws: 0});
  // 2026-01-01 → 2028-01-01 is 730 days = 730 / 365.25 = 1.99863 years, the same start for every deal.
  assertInDelta(founding.options!.items[0].years, 730 / 365.25, 1e-9);
  // K on the next generation's path: $11B × 1.6.
  assertInDelta(founding.options!.items[0].strike / 1e9, 11 * founding.assumptions["next-gen-price-ratio"], 1e-9);
  assert.strictEqual(founding.commitment!.profile, "capacity");
  // Amazon–OpenAI's right is to more of the same Nvidia capacity, AMD's is a warrant against purchases: unvalued.
  assert.strictEqual(projectDeal(dataset, "amazon-openai", {draws: 0}).options, null);
  assert.strictEqual(projectDeal(dataset, "amd-openai", {draws: 0}).options, null);
});

it("projectDeal nets only the provider's own group: Microsoft's $5B against Azure, not Nvidia's $10B", () => {
  const r = projectDeal(dataset, "microsoft-nvidia-anthropic", {draws: 0}).recycling;
  assert.strictEqual(r.investmentFirmUsd.value, 5e9);
  assertInDelta(r.investmentToCommitmentFirm!.value, 5 / 30, 1e-12);
  assert.strictEqual(r.otherInvestorsFirmUsd.value, 10e9);
  assert.strictEqual(r.margin.id, "margin-azure");
});
