import fc from "fast-check";
import {assert, it} from "vitest";
import {evaluateDealCommitment, prepareDealCommitment, projectDealCommitment} from "../../../src/core/commitment/projectDealCommitment.js";
import {assertInDelta} from "../../asserts.js";
import {amazonAnthropic, assumptions, baseValues, withDeal} from "./fixtures.js";

const project = (deal = amazonAnthropic, options = {}) => projectDealCommitment(deal, baseValues, assumptions, options)!;

it("projectDealCommitment(deal, values, assumptions) spends the founding $100B flat from 2026-04-20", () => {
  const p = project();
  assert.strictEqual(p.deal, "amazon-anthropic");
  assert.strictEqual(p.profile, "flat");
  assert.strictEqual(p.start, "2026-04-20");
  assert.strictEqual(p.totalUsd.value, 100e9);
  assert.strictEqual(p.years.value, 10);
  assert.strictEqual(p.perYear.length, 11);
  assertInDelta(p.perYear[0].usd / 1e9, (10 * 256) / 365); // 256 of 365 days of 2026
  assertInDelta(p.perYear[10].usd / 1e9, (10 * 109) / 365);
});

it("projectDealCommitment(deal, values, assumptions) reproduces the hand-check: $100B at $11B per GW-year against 5 GW for ten years", () => {
  const p = project();
  assert.strictEqual(p.costPerGwYear.contract.value, 11e9);
  assertInDelta(p.costPerGwYear.buildUp.value / 1e9, 8.24056 / 0.75); // 7 + 0.75 + 0.49056, grossed up by 25%
  assertInDelta(p.gwYears.contract.value, 9.090909); // 100 ÷ 11
  assertInDelta(p.gwYears.buildUp.value, 100 / (8.24056 / 0.75)); // 9.1013
  assert.strictEqual(p.ceilingGw!.value, 5);
  assert.strictEqual(p.ceilingGwYears!.value, 50); // 5 GW × 10 years
  assertInDelta(p.coverage!.value, 9.090909 / 50); // 18.2%
  assert.strictEqual(
    p.reading,
    "Over $100B buys about 9.09 GW-years at $11B per GW-year: 18% of the 50 GW-years that up to 5 GW for ten years would supply. " +
      "The spend figure and the capacity figure do not describe the same thing."
  );
});

it("projectDealCommitment(deal, values, assumptions) carries bounds and lineage through", () => {
  const p = project();
  assert.strictEqual(p.totalUsd.bound, "at-least");
  assert.strictEqual(p.gwYears.contract.bound, "about"); // over $100B ÷ an assumed price: a model estimate
  assert.strictEqual(p.ceilingGwYears!.bound, "up-to");
  assert.strictEqual(p.coverage!.bound, "about"); // about 9.1 ÷ at most 50
  assert.deepStrictEqual(p.gwYears.contract.lineage, {
    inputs: ["amazon-anthropic.commitments.aws-2026.amount", "assumption:revenue-per-gw-year"],
    status: "estimate"
  });
  assert.deepStrictEqual(p.costPerGwYear.buildUp.lineage.inputs, [
    "assumption:capex-per-gw",
    "assumption:facility-life",
    "assumption:it-life",
    "assumption:it-share",
    "assumption:load-factor",
    "assumption:margin-aws", // the deal's provider's own margin
    "assumption:power-price"
  ]);
  assert.strictEqual(p.costPerGwYear.buildUp.lineage.status, "assumption");
  assert.deepStrictEqual(p.coverage!.lineage.inputs, [
    "amazon-anthropic.capacity.ceiling",
    "amazon-anthropic.commitments.aws-2026.amount",
    "amazon-anthropic.commitments.aws-2026.years",
    "assumption:revenue-per-gw-year"
  ]);
});

it("projectDealCommitment(deal, values, assumptions, {profile: 'ramp'}) ramps over spend-ramp-years, same total", () => {
  const p = project(amazonAnthropic, {profile: "ramp"});
  assertInDelta(p.perYear.reduce((s, d) => s + d.usd, 0) / 1e9, 100);
  assert(p.perYear[0].usd < p.perYear[1].usd && p.perYear[1].usd < p.perYear[2].usd);
  assert(p.gwYears.contract.lineage.inputs.includes("assumption:spend-ramp-years"));
  assert.strictEqual(p.gwYears.contract.value, project().gwYears.contract.value);
});

it("projectDealCommitment(deal, values, assumptions, {profile: 'capacity', deliveredGw}) follows delivered capacity", () => {
  const deliveredGw = [
    {year: 2026, gwAverage: 0.5},
    {year: 2027, gwAverage: 2},
    {year: 2028, gwAverage: 5}
  ];
  const p = project(amazonAnthropic, {profile: "capacity", deliveredGw});
  // weights: 0.5 × 256/365, then 2, then 5 × 8 years (held), then 5 × 109/365
  const weights = [(0.5 * 256) / 365, 2, 5, 5, 5, 5, 5, 5, 5, 5, (5 * 109) / 365];
  const sum = weights.reduce((a, b) => a + b);
  assertInDelta(
    p.perYear.map((d) => d.usd / 1e9),
    weights.map((w) => (100 * w) / sum)
  );
});

it("projectDealCommitment(deal, …) has no ceiling figures when the deal states no capacity", () => {
  const p = project(withDeal({capacity: undefined}));
  assert.strictEqual(p.ceilingGw, null);
  assert.strictEqual(p.ceilingGwYears, null);
  assert.strictEqual(p.coverage, null);
  assert.match(p.reading, /the deal states no capacity/);
});

it("projectDealCommitment(deal, …) is null when the deal has no commitment", () => {
  assert.strictEqual(projectDealCommitment(withDeal({commitments: []}), baseValues, assumptions), null);
});

it("projectDealCommitment(deal, …) rejects invalid options and values", () => {
  // @ts-expect-error an unknown profile
  assert.throws(() => projectDealCommitment(amazonAnthropic, baseValues, assumptions, {profile: "s-curve"}), /invalid profile: s-curve/);
  assert.throws(() => project(amazonAnthropic, {profile: "capacity"}), /invalid deliveredGw: undefined/);
  assert.throws(
    () => projectDealCommitment(amazonAnthropic, {...baseValues, "revenue-per-gw-year": -1}, assumptions),
    /invalid revenue-per-gw-year: -1/
  );
  assert.throws(() => projectDealCommitment(amazonAnthropic, baseValues, []), /invalid assumption: revenue-per-gw-year/);
});

it("evaluateDealCommitment(prepared, values) reuses the prepared lineage across draws", () => {
  const prepared = prepareDealCommitment(amazonAnthropic, assumptions)!;
  const a = evaluateDealCommitment(prepared, baseValues);
  const b = evaluateDealCommitment(prepared, {...baseValues, "revenue-per-gw-year": 7});
  assert.strictEqual(a.gwYears.contract.lineage, b.gwYears.contract.lineage);
  assertInDelta(b.gwYears.contract.value, 100 / 7);
  assert.deepStrictEqual(a, project());
});

it("evaluateDealCommitment(prepared, values): GW-years fall as the price per GW-year rises, and coverage is their share of the ceiling", () => {
  const prepared = prepareDealCommitment(amazonAnthropic, assumptions)!;
  fc.assert(
    fc.property(fc.double({min: 1, max: 60, noNaN: true}), fc.double({min: 0, max: 10, noNaN: true}), (price, step) => {
      const low = evaluateDealCommitment(prepared, {...baseValues, "revenue-per-gw-year": price});
      const high = evaluateDealCommitment(prepared, {...baseValues, "revenue-per-gw-year": price + step});
      assert(high.gwYears.contract.value <= low.gwYears.contract.value);
      assertInDelta(low.coverage!.value, low.gwYears.contract.value / 50);
    })
  );
});
