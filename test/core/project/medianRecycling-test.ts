import {assert, it} from "vitest";
import {medianRecycling} from "../../../src/core/project/projectDeal.js";
import type {DealRecycling} from "../../../src/core/recycling/projectDealRecycling.js";
import {assertInDelta} from "../../asserts.js";

const figure = (value: number) => ({value, unit: "usd", bound: "exact" as const, lineage: {status: "estimate" as const, inputs: []}});
const noRelationship = {npvWithResidualUsd: null, relationship: {flows: [], paybackYear: null, npvUsd: null}, totalReturnUsd: null};
const spread = (p50: number) => ({p10: p50 - 1, p50, p90: p50 + 1, mean: p50, undefinedShare: 0, positiveShare: 0.57});

it("medianRecycling(recycling, figures) sets the NPV and operating profit to their medians and keeps the base values", () => {
  const r = {
    npvUsd: figure(-2.44e9),
    operatingProfitUsd: figure(35e9),
    paybackYear: 2035,
    flows: [{year: 2026}],
    npvWithResidualUsd: figure(2.5e9),
    relationship: {flows: [], paybackYear: null, npvUsd: figure(-12.27e9)},
    totalReturnUsd: figure(48.33e9)
  } as unknown as DealRecycling;
  const out = medianRecycling(r, {
    "recycling.npvUsd": spread(-7.9e9),
    "recycling.operatingProfitUsd": spread(31e9),
    "recycling.npvWithResidualUsd": spread(-3e9),
    "recycling.relationshipNpvUsd": spread(-17.73e9)
  });
  assert.strictEqual(out.npvUsd!.value, -7.9e9);
  assert.strictEqual(out.operatingProfitUsd!.value, 31e9);
  assert.strictEqual(out.npvWithResidualUsd!.value, -3e9);
  // Relationship and total return from the same draws: the mark (48.33 − (−12.27) = 60.6) on the relationship's median.
  assert.strictEqual(out.relationship.npvUsd!.value, -17.73e9);
  assertInDelta(out.totalReturnUsd!.value / 1e9, -17.73 + 60.6);
  assert.deepStrictEqual(out.baseCase, {
    npvUsd: -2.44e9,
    operatingProfitUsd: 35e9,
    paybackYear: 2035,
    npvWithResidualUsd: 2.5e9,
    relationshipNpvUsd: -12.27e9,
    totalReturnUsd: 48.33e9,
    npvAtHeldMarginUsd: null
  });
  assert.strictEqual(out.paybackYear, 2035, "no payback band: the base year stays");
  // The share of the NPV's draws above zero, from the same draws; no split tested here (no clusters in the spread).
  assert.strictEqual(out.npvPositiveShare, 0.57);
  assert.strictEqual(out.npvClusters, null);
  assert.strictEqual(r.npvUsd!.value, -2.44e9, "the input is not mutated");
});

it("medianRecycling(recycling, {}) keeps a figure with no finite median as it is", () => {
  const r = {npvUsd: figure(1e9), operatingProfitUsd: null, flows: [], ...noRelationship} as unknown as DealRecycling;
  const out = medianRecycling(r, {"recycling.npvUsd": spread(Number.NaN)});
  assert.strictEqual(out.npvUsd!.value, 1e9);
  assert.strictEqual(out.operatingProfitUsd, null);
  assert.deepStrictEqual(out.baseCase, {
    npvUsd: 1e9,
    operatingProfitUsd: null,
    paybackYear: null,
    npvWithResidualUsd: null,
    relationshipNpvUsd: null,
    totalReturnUsd: null,
    npvAtHeldMarginUsd: null
  });
});

it("medianRecycling(recycling, figures) sets the payback to its median over every draw, and null when the median draw never pays back", () => {
  const r = {
    npvUsd: figure(-2.44e9),
    operatingProfitUsd: figure(35e9),
    paybackYear: 2035,
    flows: [{year: 2026}],
    ...noRelationship
  } as unknown as DealRecycling;
  const out = medianRecycling(r, {
    "recycling.paybackYear": {p10: 2035, p50: 2035.5, p90: Number.NaN, mean: 2035.4, undefinedShare: 0.21, positiveShare: 1}
  });
  assert.strictEqual(out.paybackYear, 2036); // 2035.5 rounds to 2036
  assert.strictEqual(out.paybackNeverShare, 0.21);
  assert.strictEqual(out.baseCase!.paybackYear, 2035);
  const never = medianRecycling(r, {
    "recycling.paybackYear": {p10: 2035, p50: Number.NaN, p90: Number.NaN, mean: 2035, undefinedShare: 0.6, positiveShare: 0.4}
  });
  assert.strictEqual(never.paybackYear, null);
});

it("medianRecycling(recycling, figures) gives no payback share for a deal without cash flows", () => {
  const r = {npvUsd: null, operatingProfitUsd: null, paybackYear: null, flows: [], ...noRelationship} as unknown as DealRecycling;
  const out = medianRecycling(r, {
    "recycling.paybackYear": {p10: Number.NaN, p50: Number.NaN, p90: Number.NaN, mean: Number.NaN, undefinedShare: 1, positiveShare: 0}
  });
  assert.strictEqual(out.paybackNeverShare, undefined);
  assert.strictEqual(out.paybackYear, null);
});

it("medianRecycling(recycling, figures) sets the if-the-lab-fills-the-ceiling NPV to its median and keeps its base value beside it", () => {
  const r = {
    npvUsd: figure(6.55e9),
    operatingProfitUsd: null,
    paybackYear: null,
    flows: [{year: 2026}],
    ...noRelationship,
    ceilingFilled: {revenueUsd: 410e9, npvUsd: figure(-6.83e9), paybackYear: null}
  } as unknown as DealRecycling;
  const out = medianRecycling(r, {"recycling.filledNpvUsd": spread(-14.8e9)});
  assert.strictEqual(out.ceilingFilled!.npvUsd.value, -14.8e9);
  assert.strictEqual(out.ceilingFilled!.baseNpvUsd, -6.83e9);
  assert.strictEqual(out.ceilingFilled!.revenueUsd, 410e9);
  assert.strictEqual(r.ceilingFilled!.npvUsd.value, -6.83e9, "the input is not mutated");
});
